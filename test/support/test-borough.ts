import type { SeedOptions } from '../../src/borough/borough-seeder.ts';

/** The borough every integration test runs against: 1% of Tower Hamlets, generated for Monday 23 November 2026. */
export const TEST_BOROUGH = { seed: 7, scale: 0.01, anchorDate: '2026-11-23' } as const satisfies SeedOptions;

/** Tests run at 10:00 London time on the anchor day unless they pin another instant. */
export const TEST_NOW = '2026-11-23T10:00:00Z';
