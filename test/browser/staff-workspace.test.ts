// The staff workspace in real headless Chromium: a navigator signs in as a role, finds a patient's request in
// the queue, books an appointment on the patient's behalf, and uses patient search, capacity and the waiting list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, browserUnavailable, launchChromium, newPhoneContext } from './support/chromium.ts';
import { startHamlet, type HamletServer } from './support/hamlet-server.ts';
import { Audit, settle } from './support/audit.ts';
import { signInOnProviderPage } from './support/journey.ts';
import { firstDemoPatient, submitRequestAs, type DemoPatient } from './support/fixtures.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('staff workspace in the browser', () => {
  let server: HamletServer;
  let browser: Browser;
  let page: Page;
  let patient: DemoPatient;
  let requestId: string;
  const audit = new Audit('staff');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startHamlet(), launchChromium()]);
    patient = await firstDemoPatient(server);
    requestId = (await submitRequestAs(server, patient, 'I have had an itchy rash on my arm for two weeks and cream has not helped')).id;
    page = await (await newPhoneContext(browser, DESKTOP)).newPage();
  });
  afterAll(async () => {
    audit.save();
    await browser?.close();
    await server?.close();
  });

  it('signs in as a navigator (receptionist role) from the workspace', async () => {
    await page.goto(`${server.url}/staff`);
    expect(await audit.check(page, 'signed-out')).toEqual([]);
    await page.getByRole('button', { name: 'Sign in as a member of staff' }).click();
    await signInOnProviderPage(page, /Receptionist/);
    await page.waitForURL(/\/staff$/);
    await settle(page);
    expect(await page.getByText(/receptionist or care navigator/).isVisible()).toBe(true);
    expect(await audit.check(page, 'home')).toEqual([]);
  });

  it('books an appointment for a patient from their request in the queue', async () => {
    await page.getByRole('link', { name: 'Request queue' }).first().click();
    await page.waitForURL(/\/staff\/queue$/);
    expect(await audit.check(page, 'queue')).toEqual([]);
    await page.locator(`a[href="/staff/requests/${requestId}"]`).first().click();
    await page.waitForURL(new RegExp(`/staff/requests/${requestId}$`));
    expect(await audit.check(page, 'request')).toEqual([]);
    expect(await page.getByText(/itchy rash on my arm/).first().isVisible()).toBe(true);
    await page.locator('input[name="slot"]').first().check();
    await page.getByRole('button', { name: 'Book this appointment' }).click();
    await expect.poll(() => page.getByText(/^Booked: /).isVisible()).toBe(true);
    const response = await server.app.inject({ url: `/api/requests/${requestId}`, headers: await server.auth({ role: 'patient', patient: patient.nhsNumber }) });
    const view = response.json() as { status: string; appointmentId: number | null };
    expect(view.status).toBe('booked');
    expect(view.appointmentId).not.toBeNull();
    const appointment = (await server.app.inject({ url: `/api/appointments/${view.appointmentId}`, headers: await server.auth({ role: 'patient', patient: patient.nhsNumber }) })).json() as { status: string; patientId: number };
    expect(appointment).toMatchObject({ status: 'booked', patientId: patient.id });
  });

  it('replies to the patient and changes the outcome with a reason', async () => {
    await page.getByLabel('Message').fill('We have booked you in with the GP. Please bring the cream you used.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.getByText('Your reply has been sent.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save the change' }).click();
    await expect.poll(() => page.locator('.nhsuk-error-summary').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).toBe(true);
    await page.getByLabel('Urgency').selectOption('urgent');
    await page.getByLabel('Service').selectOption('same_day_clinician');
    await page.getByLabel('Reason for the change').fill('Spreading rash: seen today');
    await page.getByRole('button', { name: 'Save the change' }).click();
    await expect.poll(() => page.getByText('The outcome has been changed.').isVisible()).toBe(true);
    expect(await audit.check(page, 'request-after')).toEqual([]);
  });

  it('finds the patient by name and date of birth', async () => {
    await page.getByRole('link', { name: 'Find a patient' }).click();
    expect(await audit.check(page, 'patients')).toEqual([]);
    await page.getByLabel('Name', { exact: true }).fill(patient.familyName);
    await page.getByLabel('Date of birth').fill(patient.dateOfBirth);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator(`a[href="/staff/patients/${patient.id}"]`).click();
    await page.waitForURL(new RegExp(`/staff/patients/${patient.id}$`));
    expect(await audit.check(page, 'patient')).toEqual([]);
  });

  it('shows a practice and a hub by day and by week', async () => {
    await page.goto(`${server.url}/staff/capacity?org=practice:${patient.practiceId}&view=day&date=2026-11-24`);
    expect(await audit.check(page, 'capacity-practice-day')).toEqual([]);
    expect(await page.locator('table').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/staff/capacity?org=practice:${patient.practiceId}&view=week&date=2026-11-23`);
    expect(await audit.check(page, 'capacity-practice-week')).toEqual([]);
    expect(await page.locator('table tbody tr').count()).toBe(7);
    const hubs = (await server.app.inject({ url: '/api/hubs' })).json() as { id: string }[];
    await page.goto(`${server.url}/staff/capacity?org=hub:${hubs[0]?.id}&view=week&date=2026-11-23`);
    await settle(page);
    expect(await page.locator('#maincontent h2').first().innerText()).not.toBe('');
    expect(await audit.check(page, 'capacity-hub-week')).toEqual([]);
  });

  it('shows the waiting list', async () => {
    await page.goto(`${server.url}/staff/waiting-list`);
    expect(await audit.check(page, 'waiting-list')).toEqual([]);
  });
});
