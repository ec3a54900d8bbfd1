// Who the signed-in patient may ask for: themselves and anyone the practice has linked to them (proxy access).
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import type { Sex } from '../api/types.ts';

export interface Person {
  id: number;
  name: string;
  dateOfBirth: string;
  sex: Sex | null;
  self: boolean;
}

interface FhirPatient {
  id: string;
  name?: { given?: string[]; family?: string }[];
  gender?: string;
  birthDate?: string;
}

async function readPerson(id: number, self: boolean): Promise<Person> {
  const patient = await api<FhirPatient>(`/fhir/r4/Patient/${id}`, { headers: { accept: 'application/fhir+json' } });
  const name = patient.name?.[0];
  return {
    id, self,
    name: [...(name?.given ?? []), name?.family ?? ''].join(' ').trim(),
    dateOfBirth: patient.birthDate ?? '',
    sex: patient.gender === 'female' || patient.gender === 'male' ? patient.gender : null,
  };
}

/** null while loading; people the patient may ask for, themselves first. */
export function usePeople(): Person[] | null {
  const { session } = useSession();
  const [people, setPeople] = useState<Person[] | null>(null);
  const self = session?.actor?.patientId ?? null;
  const others = (session?.actor?.actsFor ?? []).filter((id) => id !== self).join(',');
  useEffect(() => {
    if (self === null) return;
    const ids = [self, ...(others ? others.split(',').map(Number) : [])];
    Promise.all(ids.map((id) => readPerson(id, id === self).catch(() => null))).then((found) =>
      setPeople(found.filter((person): person is Person => person !== null)));
  }, [self, others]);
  return people;
}
