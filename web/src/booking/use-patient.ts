import { useSession } from '../api/session.tsx';

/** The signed-in patient's id; undefined while the session loads, null when nobody (or staff) is signed in. */
export function usePatientId(): number | null | undefined {
  const { session } = useSession();
  if (!session) return undefined;
  return session.signedIn && session.actor?.role === 'patient' ? session.actor.patientId : null;
}
