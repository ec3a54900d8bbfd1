import { describe, expect, it } from 'vitest';
import type { FetchLike } from './osrm-travel.ts';
import { createOsrmTravelProvider } from './osrm-travel.ts';
import { estimateTravel } from './domain/travel.ts';

const home = { lat: 51.52, lon: -0.04 };
const site = { lat: 51.53, lon: -0.02 };

function fakeFetch(answers: Record<string, unknown>, calls: string[] = []): FetchLike {
  return async (url) => {
    calls.push(url);
    const profile = Object.keys(answers).find((p) => url.includes(`/route/v1/${p}/`));
    const answer = profile ? answers[profile] : undefined;
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'number') return { ok: false, status: answer, json: async () => ({}) };
    return { ok: true, status: 200, json: async () => answer };
  };
}

describe('createOsrmTravelProvider', () => {
  it('asks each routed profile with lon,lat pairs and uses the route durations (car + parking overhead)', async () => {
    const calls: string[] = [];
    const provider = createOsrmTravelProvider({
      fetch: fakeFetch({ foot: { code: 'Ok', routes: [{ duration: 1260, distance: 1700 }] }, driving: { code: 'Ok', routes: [{ duration: 301 }] } }, calls),
      baseUrls: { walk: 'http://osrm-foot:5000/', car: 'http://osrm-car:5000' },
    });
    const times = await provider.travelTimes(home, site);
    expect(calls.sort()).toEqual([
      'http://osrm-car:5000/route/v1/driving/-0.04,51.52;-0.02,51.53?overview=false',
      'http://osrm-foot:5000/route/v1/foot/-0.04,51.52;-0.02,51.53?overview=false',
    ]);
    expect(times.minutes.walk).toBe(21);
    expect(times.minutes.car).toBe(11); // 5.02 min driving + 5 min parking, rounded up
    expect(times.source).toEqual({ walk: 'routed', public_transport: 'estimate', car: 'routed' });
  });

  it('falls back to the estimate for a mode whose request fails, and reports why', async () => {
    const fallbacks: string[] = [];
    const provider = createOsrmTravelProvider({
      fetch: fakeFetch({ foot: new Error('ECONNREFUSED'), driving: 503 }),
      baseUrls: { walk: 'http://osrm', car: 'http://osrm' },
      onFallback: (mode, error) => fallbacks.push(`${mode}: ${(error as Error).message}`),
    });
    const times = await provider.travelTimes(home, site);
    expect(times).toEqual(estimateTravel(home, site));
    expect(fallbacks.sort()).toEqual(['car: OSRM answered HTTP 503', 'walk: ECONNREFUSED']);
  });

  it('treats a NoRoute answer or a malformed body as a failure', async () => {
    const provider = createOsrmTravelProvider({
      fetch: fakeFetch({ foot: { code: 'NoRoute', routes: [] }, driving: { code: 'Ok', routes: [{ duration: 'soon' }] } }),
      baseUrls: { walk: 'http://osrm', car: 'http://osrm' },
    });
    expect((await provider.travelTimes(home, site)).source).toEqual({ walk: 'estimate', public_transport: 'estimate', car: 'estimate' });
  });

  it('estimates modes with no server configured without calling fetch', async () => {
    const calls: string[] = [];
    const provider = createOsrmTravelProvider({ fetch: fakeFetch({}, calls), baseUrls: {} });
    expect(await provider.travelTimes(home, site)).toEqual(estimateTravel(home, site));
    expect(calls).toEqual([]);
  });

  it('caps public transport at a routed walk that is quicker', async () => {
    const provider = createOsrmTravelProvider({ fetch: fakeFetch({ foot: { code: 'Ok', routes: [{ duration: 120 }] } }), baseUrls: { walk: 'http://osrm' } });
    expect((await provider.travelTimes(home, site)).minutes.public_transport).toBe(2);
  });
});
