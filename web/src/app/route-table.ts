// Every page of the web app. Pure data, so tests can check each route has an accessibility check.
export type Area = 'patient' | 'staff';

export interface RouteDefinition {
  readonly id: string;
  readonly path: string;
  readonly area: Area;
}

export const ROUTES = [
  { id: 'home', path: '/', area: 'patient' },
  { id: 'who', path: '/request/who', area: 'patient' },
  { id: 'describe', path: '/request/describe', area: 'patient' },
  { id: 'questions', path: '/request/questions', area: 'patient' },
  { id: 'emergency', path: '/request/emergency', area: 'patient' },
  { id: 'advice', path: '/request/advice', area: 'patient' },
  { id: 'outcome', path: '/request/outcome', area: 'patient' },
  { id: 'book', path: '/book', area: 'patient' },
  { id: 'bookConfirm', path: '/book/confirm', area: 'patient' },
  { id: 'appointments', path: '/appointments', area: 'patient' },
  { id: 'appointment', path: '/appointments/:id', area: 'patient' },
  { id: 'appointmentCancel', path: '/appointments/:id/cancel', area: 'patient' },
  { id: 'appointmentChange', path: '/appointments/:id/change', area: 'patient' },
  { id: 'requests', path: '/requests', area: 'patient' },
  { id: 'request', path: '/requests/:id', area: 'patient' },
  { id: 'accessibility', path: '/accessibility', area: 'patient' },
  { id: 'staffHome', path: '/staff', area: 'staff' },
  { id: 'staffQueue', path: '/staff/queue', area: 'staff' },
  { id: 'staffRequest', path: '/staff/requests/:id', area: 'staff' },
  { id: 'staffPatients', path: '/staff/patients', area: 'staff' },
  { id: 'staffPatient', path: '/staff/patients/:id', area: 'staff' },
  { id: 'staffCapacity', path: '/staff/capacity', area: 'staff' },
  { id: 'staffWaitingList', path: '/staff/waiting-list', area: 'staff' },
] as const satisfies readonly RouteDefinition[];

export type RouteId = (typeof ROUTES)[number]['id'] | 'notFound';

/** Every page id, including the page shown for unknown addresses. */
export const PAGE_IDS: readonly RouteId[] = [...ROUTES.map((route) => route.id), 'notFound'];
