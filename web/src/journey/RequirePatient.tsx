// Pages of the request journey need a signed-in patient: the triage service is only for registered patients.
import type { ReactNode } from 'react';
import { Loading } from '../components/content.tsx';
import { SignInPrompt } from '../app/SimplePages.tsx';
import { usePatientId } from '../booking/use-patient.ts';

export function RequirePatient({ returnTo, children }: { returnTo: string; children: ReactNode }) {
  const patientId = usePatientId();
  if (patientId === undefined) return <Loading />;
  if (patientId === null) return <SignInPrompt returnTo={returnTo} />;
  return <>{children}</>;
}
