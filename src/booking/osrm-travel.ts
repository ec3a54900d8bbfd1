// TravelTimeProvider over an OSRM-compatible routing server (HTTP /route/v1/{profile}/{lon},{lat};{lon},{lat}).
// OSRM has no public-transport profile, so that mode always comes from the estimate; any failure of a
// routed mode (network, timeout, non-Ok answer) falls back to the estimate for that mode.
import type { LatLon, TravelMode, TravelTimeProvider, TravelTimes, TravelEstimateConstants } from './domain/travel.ts';
import { estimateTravel, TRAVEL_ESTIMATE } from './domain/travel.ts';

/** The slice of `fetch` the adapter uses, so tests inject a fake. */
export type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface OsrmOptions {
  fetch: FetchLike;
  /** Base URL per routed mode; a mode without one is estimated. OSRM servers usually run one profile each. */
  baseUrls: Partial<Record<Exclude<TravelMode, 'public_transport'>, string>>;
  profiles?: Partial<Record<Exclude<TravelMode, 'public_transport'>, string>>;
  timeoutMs?: number;
  estimate?: TravelEstimateConstants;
  /** Called when a routed request fails and the estimate is used instead. */
  onFallback?: (mode: TravelMode, error: unknown) => void;
}

const DEFAULT_PROFILES = { walk: 'foot', car: 'driving' } as const;

export function createOsrmTravelProvider(options: OsrmOptions): TravelTimeProvider {
  const constants = options.estimate ?? TRAVEL_ESTIMATE;
  return {
    async travelTimes(from: LatLon, to: LatLon): Promise<TravelTimes> {
      const estimate = estimateTravel(from, to, constants);
      const result: TravelTimes = { minutes: { ...estimate.minutes }, source: { ...estimate.source } };
      await Promise.all(
        (['walk', 'car'] as const).map(async (mode) => {
          const baseUrl = options.baseUrls[mode];
          if (!baseUrl) return;
          try {
            const seconds = await routeSeconds(options, baseUrl, options.profiles?.[mode] ?? DEFAULT_PROFILES[mode], from, to);
            // OSRM drives to the door: add the same parking overhead the estimate uses.
            const overhead = mode === 'car' ? constants.carParkingMin : 0;
            result.minutes[mode] = Math.ceil(seconds / 60 + overhead);
            result.source[mode] = 'routed';
          } catch (error) {
            options.onFallback?.(mode, error);
          }
        }),
      );
      result.minutes.public_transport = Math.min(result.minutes.public_transport, result.minutes.walk);
      return result;
    },
  };
}

async function routeSeconds(options: OsrmOptions, baseUrl: string, profile: string, from: LatLon, to: LatLon): Promise<number> {
  const coordinates = `${from.lon},${from.lat};${to.lon},${to.lat}`;
  const url = `${baseUrl.replace(/\/+$/, '')}/route/v1/${encodeURIComponent(profile)}/${coordinates}?overview=false`;
  const response = await options.fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 2000) });
  if (!response.ok) throw new Error(`OSRM answered HTTP ${response.status}`);
  const body = (await response.json()) as { code?: unknown; routes?: { duration?: unknown }[] };
  const duration = body.routes?.[0]?.duration;
  if (body.code !== 'Ok' || typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
    throw new Error(`OSRM gave no usable route (code ${String(body.code)})`);
  }
  return duration;
}
