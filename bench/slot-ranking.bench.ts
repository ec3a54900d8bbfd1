// Search + rank one patient across the borough's 8 weeks of free slots, in-process.
// Run: node_modules/.bin/node bench/slot-ranking.bench.ts
import { expandRota } from '../src/booking/domain/rota.ts';
import { bankHolidayDates } from '../src/booking/domain/bank-holidays.ts';
import type { CandidateSlot, RankingClinician, RankingSite } from '../src/booking/domain/slot-index.ts';
import { buildCandidateIndex } from '../src/booking/domain/slot-index.ts';
import { rankSlots } from '../src/booking/domain/slot-ranking.ts';
import type { RankingRequest, TimeOfDay } from '../src/booking/domain/slot-search.ts';
import type { AppointmentMode, LanguageCode } from '../src/shared/domain/vocabulary.ts';
import { boroughRota, HUB_COUNT, hubId, pcnOfPractice, PRACTICE_COUNT, practiceId } from './slot-fixtures.ts';

const SEARCHES = 2000;
const WARM_UP = 200;
let seed = 20270301;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31); // deterministic LCG
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const near = (centre: { lat: number; lon: number }, km: number) => ({
  lat: centre.lat + ((random() - 0.5) * km) / 111,
  lon: centre.lon + ((random() - 0.5) * km) / 69,
});

// Sites in the borough's bounding box (51.49–51.54 N, 0.07 W–0.00).
const sites: RankingSite[] = [
  ...Array.from({ length: PRACTICE_COUNT }, (_, p) => ({
    siteId: practiceId(p), name: `Practice ${p}`, kind: 'practice' as const, practiceId: practiceId(p), hubId: null,
    pcnId: pcnOfPractice(p), stepFree: random() < 0.7, location: { lat: 51.49 + random() * 0.05, lon: -0.07 + random() * 0.07 },
  })),
  ...Array.from({ length: HUB_COUNT }, (_, h) => ({
    siteId: hubId(h), name: `Hub ${h}`, kind: 'hub' as const, practiceId: null, hubId: hubId(h), pcnId: `pcn-${h}`,
    stepFree: true, location: { lat: 51.5 + h * 0.01, lon: -0.05 + h * 0.01 },
  })),
];
const LANGS: LanguageCode[] = ['bn', 'syl', 'so', 'ur', 'pl', 'es'];
const { templates, clinicians: staff } = boroughRota();
const clinicians: RankingClinician[] = staff.map((s) => ({
  clinicianId: s.staffId, displayName: s.staffId, role: s.role,
  languages: random() < 0.4 ? ['en', pick(LANGS)] : ['en'],
}));

const expanded = expandRota(templates, [], { from: '2027-03-01', to: '2027-04-25' }, bankHolidayDates(2027, 2027));
const candidates: CandidateSlot[] = expanded.map((s, i) => ({
  slotId: `slot-${i}`, clinicianId: s.staffId, siteId: s.siteId, start: s.start, end: s.end, mode: s.mode,
  slotType: s.slotType, bookableBy: s.bookableBy, releaseAt: s.releaseAt, serviceTag: s.serviceTag,
  embargoUntil: null, maxDaysAhead: s.slotType === 'hub' ? null : 56,
}));
let started = 0;
const buildTimings: number[] = [];
let index = buildCandidateIndex(candidates, sites, clinicians);
for (let run = 0; run < 3; run++) {
  started = performance.now();
  index = buildCandidateIndex(candidates, sites, clinicians);
  buildTimings.push(performance.now() - started);
}
const buildMs = buildTimings.sort((a, b) => a - b)[1]!; // median of 3 after a warm-up build

const sharingAgreements = new Map<string, ReadonlySet<string>>();
const signed = new Set(Array.from({ length: PRACTICE_COUNT }, (_, p) => practiceId(p)).filter(() => random() < 0.9));
for (let h = 0; h < HUB_COUNT; h++) sharingAgreements.set(hubId(h), signed);
for (let k = 0; k < 7; k++) sharingAgreements.set(`pcn-${k}`, signed);

const now = new Date('2027-03-01T08:30:00Z');
const DAY = 86_400_000;
function randomRequest(): { horizon: number; req: RankingRequest } {
  const p = Math.floor(random() * PRACTICE_COUNT);
  const gps = clinicians.filter((c) => c.clinicianId.startsWith(`${practiceId(p)}-`) && c.role === 'gp');
  const horizon = pick([2, 14, 14, 56]);
  const modes: AppointmentMode[][] = [['in_person'], ['in_person', 'telephone'], ['telephone', 'video']];
  const req: RankingRequest = {
    now,
    patient: { practiceId: practiceId(p), pcnId: pcnOfPractice(p), optedOutOfSharing: random() < 0.03, home: near(sites[p]!.location!, 1.5), usualClinicianId: pick(gps).clinicianId },
    bookers: [{ kind: 'own_practice', organisationId: practiceId(p), pcnId: pcnOfPractice(p) }, { kind: 'pcn', organisationId: practiceId(p), pcnId: pcnOfPractice(p) }],
    sharingAgreements,
    need: { earliest: now, latest: new Date(now.getTime() + horizon * DAY), modes: pick(modes), roles: pick(['any_clinician', ['gp'], ['nurse']] as const) },
    preferences: {
      mode: pick([null, 'in_person', 'telephone'] as const), timeOfDay: pick([null, 'morning', 'afternoon', 'evening'] as (TimeOfDay | null)[]),
      language: pick([null, null, 'bn', 'so']), stepFreeRequired: random() < 0.1, maxTravelMinutes: pick([null, null, 20, 30]), travelMode: pick(['walk', 'public_transport'] as const),
    },
    limit: 10,
  };
  return { horizon, req };
}

const timings: number[] = [];
const wholeBorough: number[] = []; // the 56-day searches: every slot in the index is in the window
let options = 0;
let eligible = 0;
for (let k = 0; k < WARM_UP + SEARCHES; k++) {
  const { horizon, req } = randomRequest();
  started = performance.now();
  const result = rankSlots(index, req);
  const elapsed = performance.now() - started;
  if (k < WARM_UP) continue;
  timings.push(elapsed);
  if (horizon === 56) wholeBorough.push(elapsed);
  options += result.options.length;
  eligible += result.eligibleCount;
}
timings.sort((a, b) => a - b);
wholeBorough.sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!.toFixed(2);
const at = (q: number) => quantile(timings, q);
console.log(`candidate index: ${index.size} free slots, ${sites.length} sites, ${clinicians.length} clinicians, index build median of 3: ${buildMs.toFixed(0)} ms`);
console.log(`rankSlots: ${SEARCHES} searches after ${WARM_UP} warm-up (windows 2/14/56 days), mean ${(eligible / SEARCHES).toFixed(0)} eligible, ${(options / SEARCHES).toFixed(1)} options`);
console.log(`  p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms (target p99 <= 25 ms)`);
console.log(`  8-week windows only (${wholeBorough.length} searches): p50 ${quantile(wholeBorough, 0.5)} ms, p99 ${quantile(wholeBorough, 0.99)} ms`);
