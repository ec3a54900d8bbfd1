// Confirmations, reminders and cancellations through the outbox: written with the booking, in the patient's
// language, with an .ics a real calendar parser accepts; delivered by the worker through each transport.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import ICAL from 'ical.js';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { findPatient, freeSlots, type PatientRef } from './booking-support.ts';
import { createOutboxWorker } from '../../src/booking/outbox-worker.ts';
import { consoleTransport, fileTransport, httpTransport } from '../../src/booking/message-transports.ts';

let ctx: TestContext;
let patient: PatientRef;
let headers: Record<string, string>;
let appointmentId: number;
let slotStart: Date;
const outDir = mkdtempSync(join(tmpdir(), 'hamlet-outbox-'));

beforeAll(async () => {
  ctx = await createTestContext();
  patient = await findPatient(ctx, { practiceId: 'Z84001', language: 'bn' });
  headers = await ctx.auth({ role: 'patient', patient: patient.nhs });
  const [slot] = await freeSlots(ctx, { practiceId: 'Z84001' }, { mode: 'in_person', after: new Date(ctx.clock.now().getTime() + 3 * 86_400_000) });
  slotStart = slot!.start_at;
  const booked = await ctx.app.inject({ method: 'POST', url: '/api/appointments', headers, payload: { patientId: patient.id, slotId: slot!.id } });
  appointmentId = booked.json().id;
});
afterAll(async () => {
  await ctx.close();
  rmSync(outDir, { recursive: true, force: true });
});

const messagesOf = (id: number) => ctx.database.db.selectFrom('outbox_message').selectAll().where('appointment_id', '=', id).orderBy('id').execute();
const parseEvent = (ics: string) => new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);

describe('messages', () => {
  it('writes a confirmation now and a reminder 24 h before, in Bengali, with a parseable .ics', async () => {
    const [confirmation, reminder] = await messagesOf(appointmentId);
    expect(confirmation).toMatchObject({ kind: 'confirmation', language: 'bn', channel: 'sms', sent_at: null });
    expect(confirmation!.body).toMatch(/[\u0980-\u09FF]/);
    expect(reminder).toMatchObject({ kind: 'reminder', not_before: new Date(slotStart.getTime() - 24 * 3_600_000) });
    const event = parseEvent(confirmation!.attachment_ics!);
    expect(event.startDate.toJSDate().getTime()).toBe(slotStart.getTime());
    expect(event.uid).toBe(`appointment-${appointmentId}@localhost`);
    expect(event.summary).toMatch(/^Appointment with /);
  });

  it('serves the appointment as text/calendar', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/appointments/${appointmentId}/calendar.ics`, headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(parseEvent(response.body).startDate.toJSDate().getTime()).toBe(slotStart.getTime());
    const stranger = await ctx.app.inject({ method: 'GET', url: `/api/appointments/${appointmentId}/calendar.ics`, headers: await ctx.auth({ role: 'receptionist', practice: 'Z84002' }) });
    expect(stranger.statusCode).toBe(403);
  });

  it('delivers due messages to files, holding the reminder until it is due', async () => {
    const worker = createOutboxWorker({ db: ctx.database.db, clock: ctx.clock, transport: fileTransport(outDir) });
    const first = await worker.runOnce();
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const [confirmation, reminder] = await messagesOf(appointmentId);
    expect(confirmation!.sent_at).not.toBeNull();
    expect(reminder!.sent_at).toBeNull();
    const file = readdirSync(outDir).find((f) => f.startsWith(String(confirmation!.id).padStart(8, '0')));
    expect(JSON.parse(readFileSync(join(outDir, file!), 'utf8'))).toMatchObject({ kind: 'confirmation', language: 'bn', attachmentIcs: expect.stringContaining('BEGIN:VCALENDAR') });
    ctx.clock.set(new Date(slotStart.getTime() - 23 * 3_600_000));
    await worker.runOnce();
    expect((await messagesOf(appointmentId))[1]!.sent_at).not.toBeNull();
    ctx.clock.set('2026-11-23T10:00:00Z');
  });

  it('retries a failing HTTP gateway with backoff recorded on the row, then delivers', async () => {
    const received: unknown[] = [];
    let failuresLeft = 1;
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (failuresLeft-- > 0) return void response.writeHead(503).end();
        received.push(JSON.parse(body));
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const cancelled = await ctx.app.inject({ method: 'POST', url: `/api/appointments/${appointmentId}/cancel`, headers, payload: { reason: 'Going away' } });
      expect(cancelled.statusCode).toBe(200);
      const worker = createOutboxWorker({ db: ctx.database.db, clock: ctx.clock, transport: httpTransport(`http://127.0.0.1:${port}/messages`) });
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1 });
      const failed = (await messagesOf(appointmentId)).find((m) => m.kind === 'cancellation')!;
      expect(failed).toMatchObject({ attempts: 1, last_error: 'http: message gateway answered HTTP 503', sent_at: null });
      expect(failed.not_before.getTime()).toBe(ctx.clock.now().getTime() + 30_000);
      expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0 });
      ctx.clock.advance(31_000);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0 });
      expect(received).toEqual([expect.objectContaining({ kind: 'cancellation', appointmentId, attachmentIcs: expect.stringContaining('METHOD:CANCEL') })]);
      expect((await messagesOf(appointmentId)).map((m) => m.kind)).toEqual(['confirmation', 'reminder', 'cancellation']);
    } finally {
      server.close();
      ctx.clock.set('2026-11-23T10:00:00Z');
    }
  });

  it('drops the pending reminder of a cancelled appointment, and writes to the console transport', async () => {
    const [slot] = await freeSlots(ctx, { practiceId: 'Z84001' }, { after: new Date(ctx.clock.now().getTime() + 4 * 86_400_000) });
    const booked = (await ctx.app.inject({ method: 'POST', url: '/api/appointments', headers, payload: { patientId: patient.id, slotId: slot!.id } })).json();
    await ctx.app.inject({ method: 'POST', url: `/api/appointments/${booked.id}/cancel`, headers, payload: { reason: 'No longer needed' } });
    expect((await messagesOf(booked.id)).map((m) => m.kind)).toEqual(['confirmation', 'cancellation']);
    const lines: string[] = [];
    await createOutboxWorker({ db: ctx.database.db, clock: ctx.clock, transport: consoleTransport((line) => lines.push(line)) }).runOnce();
    expect(lines.some((line) => JSON.parse(line).outbox.appointmentId === booked.id)).toBe(true);
  });
});
