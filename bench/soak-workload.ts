// The soak's traffic: what patients and reception staff do at the 08:00 rush, as HTTP calls against a real
// server, each judged by the statuses that operation may answer with. A 409 slot_taken on a booking is a
// fair answer (someone else got the slot); any other status outside an operation's list is an error.
import { Agent, request as httpRequest } from 'node:http';

export const OPERATIONS = ['submit_request', 'search', 'book', 'cancel', 'read_appointment', 'list_appointments', 'read_request', 'staff_queue'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Share of the traffic per operation: reads and submissions dominate the morning, as at a practice. */
export const MIX = {
  submit_request: 0.2, search: 0.22, book: 0.12, cancel: 0.05, read_appointment: 0.12, list_appointments: 0.12, read_request: 0.09, staff_queue: 0.08,
} as const satisfies Record<Operation, number>;

export interface SoakPatient { id: number; nhsNumber: string; ageYears: number; sex: string; practiceId: string; token: string }

export interface WorkloadState {
  patients: SoakPatient[];
  staffTokens: Map<string, string>;
  texts: string[];
  /** Bookings made and not yet cancelled, and requests submitted: what the reads and cancellations use. */
  booked: { appointmentId: number; patient: SoakPatient }[];
  requests: { requestId: string; patient: SoakPatient }[];
}

export interface Answer { status: number; body: string }

export function createClient(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const call = (method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<Answer> => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1', port, path, method, agent, timeout: 30_000,
        headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve({ status: -1, body: '' }));
      req.end(payload);
    });
  };
  return { call, close: () => agent.destroy() };
}

type Call = ReturnType<typeof createClient>['call'];

export function pickOperation(random: number): Operation {
  let sum = 0;
  for (const op of OPERATIONS) {
    sum += MIX[op];
    if (random < sum) return op;
  }
  return 'search';
}

const pick = <T>(items: readonly T[], random: () => number): T | undefined => items[Math.floor(random() * items.length)];

/** Runs one operation; returns the statuses it counts as success, or null when there is nothing to do yet. */
export async function perform(op: Operation, call: Call, state: WorkloadState, random: () => number): Promise<{ answer: Answer; ok: readonly number[] } | null> {
  const patient = pick(state.patients, random)!;
  switch (op) {
    case 'submit_request': {
      const answer = await call('POST', '/api/requests', patient.token, {
        submittedFor: 'self', ageYears: patient.ageYears, sex: patient.sex, description: pick(state.texts, random)!,
      });
      if (answer.status === 201) state.requests.push({ requestId: (JSON.parse(answer.body) as { id: string }).id, patient });
      return { answer, ok: [201] };
    }
    case 'search':
      return { answer: await call('POST', '/api/booking/search', patient.token, { patientId: patient.id }), ok: [200] };
    case 'book':
      return book(call, state, patient);
    case 'cancel': {
      const index = Math.floor(random() * state.booked.length);
      const booking = state.booked[index];
      if (!booking) return null;
      state.booked.splice(index, 1);
      const answer = await call('POST', `/api/appointments/${booking.appointmentId}/cancel`, booking.patient.token, { reason: 'Feeling better' });
      // A booking made for the next few minutes may have started by the time it is cancelled: a fair refusal.
      return { answer, ok: answer.body.includes('in_the_past') ? [409] : [200] };
    }
    case 'read_appointment': {
      const booking = pick(state.booked, random);
      return booking ? { answer: await call('GET', `/api/appointments/${booking.appointmentId}`, booking.patient.token), ok: [200] } : null;
    }
    case 'list_appointments':
      return { answer: await call('GET', `/api/patients/${patient.id}/appointments`, patient.token), ok: [200] };
    case 'read_request': {
      const request = pick(state.requests, random);
      return request ? { answer: await call('GET', `/api/requests/${request.requestId}`, request.patient.token), ok: [200] } : null;
    }
    case 'staff_queue':
      return { answer: await call('GET', `/api/queue?practiceId=${patient.practiceId}`, state.staffTokens.get(patient.practiceId)!), ok: [200] };
  }
}

/** A patient books the best option a search offered them a moment ago (so popular slots are contested). */
async function book(call: Call, state: WorkloadState, patient: SoakPatient): Promise<{ answer: Answer; ok: readonly number[] }> {
  const search = await call('POST', '/api/booking/search', patient.token, { patientId: patient.id });
  if (search.status !== 200) return { answer: search, ok: [200] };
  const option = (JSON.parse(search.body) as { options: { slotId: number }[] }).options[0];
  if (!option) return { answer: { status: 200, body: 'no options' }, ok: [200] };
  const answer = await call('POST', '/api/appointments', patient.token, { patientId: patient.id, slotId: option.slotId });
  if (answer.status === 201) state.booked.push({ appointmentId: (JSON.parse(answer.body) as { id: number }).id, patient });
  return { answer, ok: answer.body.includes('slot_taken') ? [409] : [201] };
}
