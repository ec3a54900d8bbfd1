// Booking's HTTP surface: search and appointments, the waiting list, and capacity.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { registerAppointmentRoutes } from './appointment.routes.ts';
import { registerWaitingListRoutes } from './waiting-list.routes.ts';

export function registerBookingRoutes(app: FastifyInstance, services: Pick<Services, 'booking'>): void {
  registerAppointmentRoutes(app, services);
  registerWaitingListRoutes(app, services);
}
