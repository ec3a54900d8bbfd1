// A person who cannot use a mouse books an appointment with the keyboard alone: every control is reachable with
// Tab, its focus is visible, and an error summary takes focus and links to the field it is about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserUnavailable, launchChromium, newPhoneContext } from './support/chromium.ts';
import { startHamlet, type HamletServer } from './support/hamlet-server.ts';
import { Audit, settle } from './support/audit.ts';
import { byId, byName, byText, focused, tabTo } from './support/keyboard.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('keyboard-only journey', () => {
  let server: HamletServer;
  let browser: Browser;
  const audit = new Audit('keyboard');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startHamlet(), launchChromium()]);
  });
  afterAll(async () => {
    audit.save();
    await browser?.close();
    await server?.close();
  });

  it('books an appointment using only the keyboard', async () => {
    const page = await (await newPhoneContext(browser)).newPage();
    await page.goto(`${server.url}/`);
    await settle(page);
    const skip = await tabTo(page, byText(/^Skip to main content$/), 'the skip link', 1);
    expect(skip.tag).toBe('a');
    await tabTo(page, byText(/^Start now$/), 'Start now');
    await page.keyboard.press('Enter');

    await page.waitForSelector('button[name="account"]');
    await tabTo(page, byText(/^Sign in as /), 'the first demo patient');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/request\/who$/);
    await settle(page);

    // Continue without an answer: the error summary takes focus and its link moves focus to the question.
    await tabTo(page, byText(/^Continue$/), 'Continue');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).classes).toContain('nhsuk-error-summary');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Select who this request is for');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('who');
    expect(await audit.check(page, 'who-error')).toEqual([]);
    await page.keyboard.press('Space');
    await tabTo(page, byText(/^Continue$/), 'Continue');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/request\/describe$/);
    await settle(page);
    await tabTo(page, byId('description'), 'the description');
    await page.keyboard.type('My knee has been painful for 3 weeks and it hurts more on the stairs');
    await tabTo(page, byText(/^Continue$/), 'Continue');
    await page.keyboard.press('Enter');

    for (;;) {
      await settle(page);
      if (!page.url().endsWith('/request/questions')) break;
      await tabTo(page, byName('answer'), 'the answers');
      await page.keyboard.press('ArrowDown'); // from "Yes" to "No"
      await tabTo(page, byText(/^Continue$/), 'Continue');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(100);
    }

    await page.waitForURL(/\/request\/outcome$/);
    await page.getByText('Your request has been sent to your practice.').waitFor();
    await tabTo(page, byText(/^Choose an appointment$/), 'Choose an appointment');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/book$/);
    await settle(page);
    await tabTo(page, byName('slot'), 'the first time');
    await page.keyboard.press('Space');
    await tabTo(page, byText(/^Continue$/), 'Continue');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/book\/confirm$/);
    await settle(page);
    await tabTo(page, byText(/^Book this appointment$/), 'Book this appointment');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?booked=1$/);
    await settle(page);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Appointment booked');
    expect(await audit.check(page, 'booked')).toEqual([]);
  });

  it('changes language with the keyboard', async () => {
    const page = await (await newPhoneContext(browser)).newPage();
    await page.goto(`${server.url}/`);
    await settle(page);
    await tabTo(page, byText(/^Soomaali$/), 'the Somali language button');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('so');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Ka hel caawimaad rugtaada dhakhtarka (GP)');
    expect(await audit.check(page, 'somali-home')).toEqual([]);
  });
});
