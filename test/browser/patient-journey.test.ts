// The patient's journeys in real headless Chromium against a real Hamlet server: booking then cancelling,
// an emergency that stops the flow, and the whole journey in Bengali. Every page is checked with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserUnavailable, launchChromium, newPhoneContext, writeArtefact } from './support/chromium.ts';
import { startHamlet, type HamletServer } from './support/hamlet-server.ts';
import { Audit, settle } from './support/audit.ts';
import { Counter, answerSafetyQuestions, appointmentIdFromUrl, continueOn, signInOnProviderPage } from './support/journey.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('patient journeys in the browser', () => {
  let server: HamletServer;
  let browser: Browser;
  const audit = new Audit('patient');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startHamlet(), launchChromium()]);
  });
  afterAll(async () => {
    audit.save();
    await browser?.close();
    await server?.close();
  });

  async function phonePage(): Promise<Page> {
    return (await newPhoneContext(browser)).newPage();
  }

  it('books an appointment from the home page, then cancels it', async () => {
    const page = await phonePage();
    const count = new Counter();
    const started = performance.now();
    await page.goto(`${server.url}/`);
    count.page(page);
    expect(await audit.check(page, 'home')).toEqual([]);
    await page.getByRole('button', { name: 'Start now' }).click();

    count.page(page);
    await signInOnProviderPage(page);
    count.fields += 1;
    await page.waitForURL(/\/request\/who$/);
    count.page(page);
    expect(await audit.check(page, 'who')).toEqual([]);
    await page.getByRole('radio', { name: /^Me \(/ }).check();
    count.fields += 1;
    await continueOn(page);

    await page.waitForURL(/\/request\/describe$/);
    count.page(page);
    expect(await audit.check(page, 'describe')).toEqual([]);
    await page.getByLabel('Describe the problem in your own words').fill('My knee has been painful for 3 weeks and it hurts more on the stairs');
    count.fields += 1;
    await continueOn(page);
    await answerSafetyQuestions(page, /^No$/, count, async () => void expect(await audit.check(page, 'question')).toEqual([]));

    await page.waitForURL(/\/request\/outcome$/);
    count.page(page);
    expect(await audit.check(page, 'outcome')).toEqual([]);
    await expect.poll(() => page.getByText('Your request has been sent to your practice.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Choose an appointment' }).click();

    await page.waitForURL(/\/book$/);
    count.page(page);
    expect(await audit.check(page, 'choose')).toEqual([]);
    await page.locator('input[name="slot"]').first().check();
    count.fields += 1;
    await continueOn(page);

    await page.waitForURL(/\/book\/confirm$/);
    count.page(page);
    expect(await audit.check(page, 'confirm')).toEqual([]);
    await page.getByRole('button', { name: 'Book this appointment' }).click();

    await page.waitForURL(/\/appointments\/[^/]+\?booked=1$/);
    await settle(page);
    const seconds = (performance.now() - started) / 1000;
    count.page(page);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Appointment booked');
    expect(await audit.check(page, 'booked')).toEqual([]);
    const id = await appointmentIdFromUrl(page);
    expect(await page.getByRole('link', { name: 'Add to your calendar (.ics file)' }).getAttribute('href')).toBe(`/api/appointments/${id}/calendar.ics`);
    const ics = await page.evaluate(async (path) => (await fetch(path)).text(), `/api/appointments/${id}/calendar.ics`);
    expect(ics).toContain('BEGIN:VCALENDAR');

    // The count a person sees, and an estimate for a first-time user on a phone: 8 s to read each page and 6 s
    // per field, plus 30 s to type the description (a stated model, not a measurement of a person).
    const estimateSeconds = count.pages * 8 + count.fields * 6 + 30;
    const metrics = { pages: count.pages, fields: count.fields, visited: count.visited, automatedSeconds: Math.round(seconds * 10) / 10, estimatedFirstTimeUserSeconds: estimateSeconds };
    writeArtefact('journey-metrics.json', metrics);
    console.log(`home → booked appointment: ${count.pages} pages, ${count.fields} fields; automated run ${metrics.automatedSeconds} s; first-time user estimate ${estimateSeconds} s`);
    expect(estimateSeconds).toBeLessThan(120);

    await page.getByRole('link', { name: 'Change this appointment' }).click();
    await page.waitForURL(/\/change$/);
    expect(await audit.check(page, 'change')).toEqual([]);
    await page.locator('input[name="slot"]').nth(1).check();
    await continueOn(page);
    await page.waitForURL(/\/book\/confirm$/);
    await page.getByRole('button', { name: 'Change to this time' }).click();
    await page.waitForURL(/\?changed=1$/);
    await settle(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Appointment changed');
    expect(await audit.check(page, 'changed')).toEqual([]);
    const changedId = await appointmentIdFromUrl(page);

    await page.getByRole('link', { name: 'Cancel this appointment' }).click();
    await page.waitForURL(/\/cancel$/);
    expect(await audit.check(page, 'cancel')).toEqual([]);
    await page.getByRole('radio', { name: 'I feel better' }).check();
    await page.getByRole('button', { name: 'Cancel appointment' }).click();
    await page.waitForURL(/\?cancelled=1$/);
    expect(await audit.check(page, 'cancelled')).toEqual([]);
    const after = await page.evaluate(async (path) => (await fetch(path)).json() as Promise<{ status: string }>, `/api/appointments/${changedId}`);
    expect(after.status).toBe('cancelled');

    await page.getByRole('link', { name: 'My appointments', exact: true }).first().click();
    expect(await audit.check(page, 'my-appointments')).toEqual([]);
    await expect.poll(() => page.getByText('Cancelled').first().isVisible()).toBe(true);
    await page.getByRole('link', { name: 'My requests' }).click();
    expect(await audit.check(page, 'my-requests')).toEqual([]);
    await page.locator('#maincontent ul a').first().click();
    await page.waitForURL(/\/requests\/[^/]+$/);
    expect(await audit.check(page, 'request')).toEqual([]);
    await expect.poll(() => page.getByText(/painful for 3 weeks/).isVisible()).toBe(true);
  });

  it('stops the flow at an emergency with clear actions, and offers no booking', async () => {
    const page = await phonePage();
    const count = new Counter();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Start now' }).click();
    await signInOnProviderPage(page);
    await page.waitForURL(/\/request\/who$/);
    await page.getByRole('radio', { name: /^Me \(/ }).check();
    await continueOn(page);
    await page.getByLabel('Describe the problem in your own words').fill('I have crushing chest pain spreading to my left arm and I am sweating');
    await continueOn(page);
    await answerSafetyQuestions(page, /^Yes$/, count);
    await page.waitForURL(/\/request\/emergency$/);
    expect(await audit.check(page, 'emergency')).toEqual([]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Call 999 now');
    expect(await page.getByRole('button', { name: 'Call 999' }).getAttribute('href')).toBe('tel:999');
    expect(await page.getByRole('button', { name: 'Choose an appointment' }).count()).toBe(0);
    expect(await page.getByText('Immediate action required').count()).toBeGreaterThan(0);
  });

  it('sends a minor problem to a pharmacist, with safety-netting and how to find a pharmacy', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/auth/login?audience=patient&returnTo=/request/who`);
    await signInOnProviderPage(page);
    await page.waitForURL(/\/request\/who$/);
    await page.getByRole('radio', { name: /^Me \(/ }).check();
    await continueOn(page);
    await page.getByLabel('Describe the problem in your own words').fill('I have a sore throat since yesterday and it hurts to swallow');
    await continueOn(page);
    await answerSafetyQuestions(page, /^No$/, new Counter());
    await page.waitForURL(/\/request\/advice$/);
    expect(await audit.check(page, 'advice')).toEqual([]);
    expect(await page.getByRole('heading', { name: 'When to get help' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /Find a pharmacy near you/ }).getAttribute('href')).toContain('nhs.uk');
    expect(await page.getByRole('button', { name: 'Choose an appointment' }).count()).toBe(0);
  });

  it('completes the journey in Bengali, with the page language marked', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'বাংলা' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bn');
    expect(await page.getByRole('button', { name: 'বাংলা' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
    expect(await audit.check(page, 'bn-home')).toEqual([]);
    await page.getByRole('button', { name: 'এখনই শুরু করুন' }).click();
    await signInOnProviderPage(page, /NHS number/);
    await page.waitForURL(/\/request\/who$/);
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bn');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('এই অনুরোধটি কার জন্য?');
    expect(await audit.check(page, 'bn-who')).toEqual([]);
    await page.getByRole('radio', { name: /^আমার জন্য/ }).check();
    await continueOn(page, 'চালিয়ে যান');
    await page.getByLabel('নিজের ভাষায় সমস্যাটি বর্ণনা করুন').fill('I have had a sore knee for 3 weeks');
    await continueOn(page, 'চালিয়ে যান');
    await answerSafetyQuestions(page, /^না$/, new Counter());
    await page.waitForURL(/\/request\/outcome$/);
    expect(await audit.check(page, 'bn-outcome')).toEqual([]);
    // The engine's English reasons stay English and say so, inside a Bengali page.
    expect(await page.locator('#maincontent [lang="en"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'একটি অ্যাপয়েন্টমেন্ট বেছে নিন' }).click();
    await page.waitForURL(/\/book$/);
    expect(await audit.check(page, 'bn-choose')).toEqual([]);
    await page.locator('input[name="slot"]').first().check();
    await continueOn(page, 'চালিয়ে যান');
    await page.waitForURL(/\/book\/confirm$/);
    expect(await audit.check(page, 'bn-confirm')).toEqual([]);
    await page.getByRole('button', { name: 'এই অ্যাপয়েন্টমেন্টটি বুক করুন' }).click();
    await page.waitForURL(/\?booked=1$/);
    await settle(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('অ্যাপয়েন্টমেন্ট বুক হয়েছে');
    expect(await audit.check(page, 'bn-booked')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bn');
  });
});
