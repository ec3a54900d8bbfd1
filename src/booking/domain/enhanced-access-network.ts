// Enhanced Access per PCN when hubs serve a whole locality: a hub's offered minutes count towards each PCN of
// its locality in proportion to the PCN's share of the locality's population (the hubs deliver the PCNs'
// Enhanced Access on their behalf), added to the minutes the PCN's own practices offer inside the hours.
import type { LocalDate } from '../../shared/domain/london-time.ts';
import type { AppointmentMode } from '../../shared/domain/vocabulary.ts';
import type { OpeningHours } from './hub-hours.ts';
import type { WeeklyCompliance } from './enhanced-access.ts';
import { DES_MINUTES_PER_1000_PER_WEEK, enhancedAccessCompliance } from './enhanced-access.ts';

export interface NetworkPcn {
  pcnId: string;
  localityId: string;
  adjustedPopulation: number;
}

export interface NetworkSlot {
  /** The PCN of the offering practice, or null for a hub slot. */
  pcnId: string | null;
  /** The locality of the offering hub, or null for a practice slot. */
  hubLocalityId: string | null;
  start: Date;
  end: Date;
  mode: AppointmentMode;
}

export interface NetworkCompliance extends WeeklyCompliance {
  ownMinutes: number;
  hubMinutes: number;
}

export function networkEnhancedAccess(
  pcns: readonly NetworkPcn[],
  slots: readonly NetworkSlot[],
  options: { hours: OpeningHours; from: LocalDate; to: LocalDate; minutesPer1000?: number },
): NetworkCompliance[] {
  const localityKey = (localityId: string) => `locality:${localityId}`;
  const offered = slots.map((slot) => ({
    pcnId: slot.pcnId ?? localityKey(slot.hubLocalityId ?? ''),
    start: slot.start,
    end: slot.end,
    mode: slot.mode,
  }));
  const localities = [...new Set(pcns.map((p) => p.localityId))];
  const groups = [
    ...pcns.map((p) => ({ pcnId: p.pcnId, adjustedPopulation: p.adjustedPopulation })),
    ...localities.map((l) => ({ pcnId: localityKey(l), adjustedPopulation: 0 })),
  ];
  const weekly = enhancedAccessCompliance(groups, offered, options);
  const byKey = new Map(weekly.map((w) => [`${w.pcnId}|${w.weekStart}`, w]));
  const localityPopulation = new Map<string, number>();
  for (const p of pcns) localityPopulation.set(p.localityId, (localityPopulation.get(p.localityId) ?? 0) + p.adjustedPopulation);
  const perThousand = options.minutesPer1000 ?? DES_MINUTES_PER_1000_PER_WEEK;
  return pcns.flatMap((pcn) =>
    weekly
      .filter((w) => w.pcnId === pcn.pcnId)
      .map((own) => {
        const hub = byKey.get(`${localityKey(pcn.localityId)}|${own.weekStart}`);
        const total = localityPopulation.get(pcn.localityId) ?? 0;
        const share = total > 0 ? pcn.adjustedPopulation / total : 0;
        const hubFaceToFace = Math.round((hub?.faceToFaceMinutes ?? 0) * share);
        const hubRemote = Math.round((hub?.remoteMinutes ?? 0) * share);
        const offeredMinutes = own.offeredMinutes + hubFaceToFace + hubRemote;
        const requiredMinutes = Math.ceil((perThousand * pcn.adjustedPopulation) / 1000);
        return {
          ...own,
          offeredMinutes,
          requiredMinutes,
          compliant: offeredMinutes >= requiredMinutes,
          shortfallMinutes: Math.max(0, requiredMinutes - offeredMinutes),
          faceToFaceMinutes: own.faceToFaceMinutes + hubFaceToFace,
          remoteMinutes: own.remoteMinutes + hubRemote,
          ownMinutes: own.offeredMinutes,
          hubMinutes: hubFaceToFace + hubRemote,
        };
      }),
  );
}
