// Travel time between a patient's home and a site: a documented estimate that needs no routing server,
// and the interface a router (e.g. OSRM, see ../osrm-travel.ts) implements to replace it.

export interface LatLon {
  lat: number;
  lon: number;
}

export const TRAVEL_MODES = ['walk', 'public_transport', 'car'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export interface TravelTimes {
  /** Whole minutes door to door, rounded up. */
  minutes: Record<TravelMode, number>;
  source: Record<TravelMode, 'estimate' | 'routed'>;
}

/** Plug-in point for a real router; implementations fall back to `estimateTravel` on failure. */
export interface TravelTimeProvider {
  travelTimes(from: LatLon, to: LatLon): Promise<TravelTimes>;
}

/**
 * Estimate constants. Defaults, not measurements of this borough: swap in a router for precision.
 *
 * | constant            | value | why |
 * |---------------------|-------|-----|
 * | detourFactor        | 1.3   | street distance ÷ straight-line distance; studies of urban street networks commonly find 1.2–1.4 |
 * | walkKmh             | 4.8   | TfL's PTAL method assumes walking at 80 m/min (4.8 km/h) |
 * | transitKmh          | 12    | in-vehicle speed of an inner-London bus journey including stops (roughly 7–8 mph) |
 * | transitAccessMin    | 5     | walking to the stop and from the stop at the far end (PTAL counts up to 8 min to a bus stop) |
 * | transitWaitMin      | 6     | half a typical 8–10 min daytime headway plus PTAL's 2 min bus reliability allowance |
 * | carKmh              | 16    | average inner-London traffic speed by day (about 10 mph) |
 * | carParkingMin       | 5     | finding a space and walking to the door; clinics rarely have patient parking |
 *
 * Public transport is never reported slower than walking: for short trips people walk.
 */
export const TRAVEL_ESTIMATE = {
  detourFactor: 1.3,
  walkKmh: 4.8,
  transitKmh: 12,
  transitAccessMin: 5,
  transitWaitMin: 6,
  carKmh: 16,
  carParkingMin: 5,
} as const satisfies Record<string, number>;

export type TravelEstimateConstants = { [K in keyof typeof TRAVEL_ESTIMATE]: number };

const EARTH_RADIUS_KM = 6371.0088; // IUGG mean radius

/** Great-circle distance in kilometres. */
export function haversineKm(from: LatLon, to: LatLon): number {
  const toRad = Math.PI / 180;
  const dLat = (to.lat - from.lat) * toRad;
  const dLon = (to.lon - from.lon) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(from.lat * toRad) * Math.cos(to.lat * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Minutes by each mode: haversine × detour factor at mode speeds, plus waiting and parking overheads. */
export function estimateTravel(from: LatLon, to: LatLon, constants: TravelEstimateConstants = TRAVEL_ESTIMATE): TravelTimes {
  const streetKm = haversineKm(from, to) * constants.detourFactor;
  if (streetKm === 0) return travelTimes(0, 0, 0);
  const walk = (streetKm / constants.walkKmh) * 60;
  const transit = constants.transitAccessMin + constants.transitWaitMin + (streetKm / constants.transitKmh) * 60;
  const car = (streetKm / constants.carKmh) * 60 + constants.carParkingMin;
  return travelTimes(Math.ceil(walk), Math.ceil(Math.min(walk, transit)), Math.ceil(car));
}

/** A provider that only estimates: the default when no router is configured. */
export function estimatingTravelProvider(constants: TravelEstimateConstants = TRAVEL_ESTIMATE): TravelTimeProvider {
  return { travelTimes: async (from, to) => estimateTravel(from, to, constants) };
}

function travelTimes(walk: number, publicTransport: number, car: number): TravelTimes {
  return {
    minutes: { walk, public_transport: publicTransport, car },
    source: { walk: 'estimate', public_transport: 'estimate', car: 'estimate' },
  };
}

/** Phrase for a reason text, e.g. "9 min walk", "14 min by public transport". */
export function describeTravel(minutes: number, mode: TravelMode): string {
  switch (mode) {
    case 'walk':
      return `${minutes} min walk`;
    case 'public_transport':
      return `${minutes} min by public transport`;
    case 'car':
      return `${minutes} min drive`;
  }
}
