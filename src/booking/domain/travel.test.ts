import { describe, expect, it } from 'vitest';
import { describeTravel, estimateTravel, estimatingTravelProvider, haversineKm, TRAVEL_ESTIMATE } from './travel.ts';

// One degree of latitude on the mean-radius sphere is 111.195 km.
const home = { lat: 51.52, lon: -0.04 };
const northBy = (km: number) => ({ lat: home.lat + km / 111.19508, lon: home.lon });

describe('haversineKm', () => {
  it('measures London (Charing Cross) to Paris (Notre-Dame) as about 343 km', () => {
    expect(haversineKm({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 })).toBeCloseTo(343.5, 0);
  });
  it('is symmetric and zero for the same point', () => {
    const a = { lat: 51.515, lon: -0.06 };
    const b = { lat: 51.53, lon: -0.02 };
    expect(haversineKm(a, b)).toBeCloseTo(haversineKm(b, a), 12);
    expect(haversineKm(a, a)).toBe(0);
  });
});

describe('estimateTravel', () => {
  it('1 km as the crow flies: 1.3 km of street → 17 min walk, 17 by public transport (walking wins), 10 by car', () => {
    const times = estimateTravel(home, northBy(1));
    expect(times.minutes).toEqual({ walk: 17, public_transport: 17, car: 10 });
    expect(times.source.walk).toBe('estimate');
  });

  it('5 km: public transport (44 min) beats walking (82 min); car 30 min including parking', () => {
    expect(estimateTravel(home, northBy(5)).minutes).toEqual({ walk: 82, public_transport: 44, car: 30 });
  });

  it('the same place is 0 minutes by every mode', () => {
    expect(estimateTravel(home, home).minutes).toEqual({ walk: 0, public_transport: 0, car: 0 });
  });

  it('takes other constants, e.g. a slower walker', () => {
    const slow = { ...TRAVEL_ESTIMATE, walkKmh: 3.2 };
    expect(estimateTravel(home, northBy(1), slow).minutes.walk).toBe(25);
  });

  it('the estimating provider resolves to the same figures', async () => {
    await expect(estimatingTravelProvider().travelTimes(home, northBy(1))).resolves.toEqual(estimateTravel(home, northBy(1)));
  });

  it('describes travel for reason texts', () => {
    expect(describeTravel(9, 'walk')).toBe('9 min walk');
    expect(describeTravel(14, 'public_transport')).toBe('14 min by public transport');
    expect(describeTravel(6, 'car')).toBe('6 min drive');
  });
});
