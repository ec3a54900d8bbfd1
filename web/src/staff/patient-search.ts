// Patient search through the FHIR R4 API (Patient?name=&birthdate=): a Bundle, mapped to what the page lists.
import { api } from '../api/client.ts';

export interface FoundPatient {
  id: string;
  name: string;
  birthDate: string;
  nhsNumber: string | null;
}

interface FhirPatient {
  resourceType: 'Patient';
  id: string;
  name?: { text?: string; given?: string[]; family?: string }[];
  birthDate?: string;
  identifier?: { system?: string; value?: string }[];
}

interface FhirBundle {
  entry?: { resource?: FhirPatient }[];
}

const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

export function patientFromFhir(resource: FhirPatient): FoundPatient {
  const name = resource.name?.[0];
  return {
    id: resource.id,
    name: name?.text ?? [...(name?.given ?? []), name?.family ?? ''].join(' ').trim(),
    birthDate: resource.birthDate ?? '',
    nhsNumber: resource.identifier?.find((identifier) => identifier.system === NHS_NUMBER_SYSTEM)?.value ?? null,
  };
}

export async function searchPatients(name: string, birthdate: string): Promise<FoundPatient[]> {
  const query = new URLSearchParams({ name, ...(birthdate ? { birthdate } : {}) });
  const bundle = await api<FhirBundle>(`/fhir/r4/Patient?${query.toString()}`, { headers: { accept: 'application/fhir+json' } });
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource?.resourceType === 'Patient' ? [patientFromFhir(entry.resource)] : []));
}
