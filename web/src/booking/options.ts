// Narrowing the booking engine's options to what the patient asked for: whose list, and which way.
import type { BookingOption, BookingSearchResult, CareLaneChoice, Mode } from '../api/types.ts';

export type ModeChoice = Mode | 'any';

export interface OptionFilter {
  lane: CareLaneChoice;
  mode: ModeChoice;
}

export function usualClinicianId(result: BookingSearchResult): string | null {
  return result.usualClinician?.clinician?.id ?? result.usualClinician?.firstSlot?.clinician.id ?? null;
}

export function filterOptions(result: BookingSearchResult, filter: OptionFilter): BookingOption[] {
  const usual = usualClinicianId(result);
  return result.options
    .filter((option) => filter.lane === 'first_available' || (usual !== null && option.clinician.id === usual))
    .filter((option) => filter.mode === 'any' || option.mode === filter.mode)
    .sort((a, b) => a.start.localeCompare(b.start) || b.score - a.score);
}

/** The ways of being seen that at least one option offers, in a fixed order. */
export function modesOffered(options: readonly BookingOption[]): Mode[] {
  const order: Mode[] = ['telephone', 'video', 'in_person', 'home_visit'];
  return order.filter((mode) => options.some((option) => option.mode === mode));
}

/** The quickest way to get there that we know, for an in-person option. */
export function bestTravel(option: BookingOption): { how: 'walk' | 'public_transport' | 'car'; minutes: number } | null {
  if (option.mode !== 'in_person' || !option.travelMinutes) return null;
  const candidates = (['walk', 'public_transport', 'car'] as const)
    .map((how) => ({ how, minutes: option.travelMinutes?.[how] ?? null }))
    .filter((entry): entry is { how: 'walk' | 'public_transport' | 'car'; minutes: number } => entry.minutes !== null);
  // Walking is shown when it is reasonable; otherwise the faster of public transport and car.
  const walk = candidates.find((entry) => entry.how === 'walk');
  if (walk && walk.minutes <= 20) return walk;
  return candidates.filter((entry) => entry.how !== 'walk').sort((a, b) => a.minutes - b.minutes)[0] ?? walk ?? null;
}
