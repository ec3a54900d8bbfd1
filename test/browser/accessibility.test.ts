// axe-core on every page of the web app, at phone width (375 px) and on a desktop, with screenshots of both.
// AXE_VISITS names a visit for every route in the route table; a route added without one fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PAGE_IDS, type RouteId } from '../../web/src/app/route-table.ts';
import { DESKTOP, PHONE, browserUnavailable, isSeriousOrCritical, launchChromium, newPhoneContext, runAxe } from './support/chromium.ts';
import { startHamlet, type HamletServer } from './support/hamlet-server.ts';
import { Audit, settle } from './support/audit.ts';
import { signInOnProviderPage } from './support/journey.ts';
import { bookFirstSlotAs, firstDemoPatient, submitRequestAs } from './support/fixtures.ts';

interface Ids { appointment: number; request: string; patient: number; practice: string }

/** How to reach each page: a path (given the ids made in set-up) and who must be signed in. */
const AXE_VISITS = {
  home: { as: 'patient', path: () => '/' },
  who: { as: 'patient', path: () => '/request/who' },
  describe: { as: 'patient', path: () => '/request/describe' },
  questions: { as: 'patient', path: () => '/request/questions' },
  emergency: { as: 'patient', path: () => '/request/emergency' },
  advice: { as: 'patient', path: () => '/request/advice' },
  outcome: { as: 'patient', path: () => '/request/outcome' },
  book: { as: 'patient', path: () => '/book' },
  bookConfirm: { as: 'patient', path: () => '/book/confirm' },
  appointments: { as: 'patient', path: () => '/appointments' },
  appointment: { as: 'patient', path: (ids: Ids) => `/appointments/${ids.appointment}` },
  appointmentCancel: { as: 'patient', path: (ids: Ids) => `/appointments/${ids.appointment}/cancel` },
  appointmentChange: { as: 'patient', path: (ids: Ids) => `/appointments/${ids.appointment}/change` },
  requests: { as: 'patient', path: () => '/requests' },
  request: { as: 'patient', path: (ids: Ids) => `/requests/${ids.request}` },
  accessibility: { as: 'patient', path: () => '/accessibility' },
  notFound: { as: 'patient', path: () => '/no-such-page' },
  staffHome: { as: 'staff', path: () => '/staff' },
  staffQueue: { as: 'staff', path: () => '/staff/queue' },
  staffRequest: { as: 'staff', path: (ids: Ids) => `/staff/requests/${ids.request}` },
  staffPatients: { as: 'staff', path: () => '/staff/patients' },
  staffPatient: { as: 'staff', path: (ids: Ids) => `/staff/patients/${ids.patient}` },
  staffCapacity: { as: 'staff', path: (ids: Ids) => `/staff/capacity?org=practice:${ids.practice}&view=day&date=2026-11-24` },
  staffWaitingList: { as: 'staff', path: () => '/staff/waiting-list' },
} as const satisfies Record<RouteId, { as: 'patient' | 'staff'; path(ids: Ids): string }>;

describe('every route has an accessibility check', () => {
  it('names a visit for each page in the route table, and nothing else', () => {
    expect(Object.keys(AXE_VISITS).sort()).toEqual([...PAGE_IDS].sort());
  });
});

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('axe-core on every page', () => {
  let server: HamletServer;
  let browser: Browser;
  let ids: Ids;
  const contexts: Record<'patient' | 'staff', { phone: Page; desktop: Page } | null> = { patient: null, staff: null };
  const audit = new Audit('a11y');

  async function signedIn(as: 'patient' | 'staff'): Promise<{ phone: Page; desktop: Page }> {
    const existing = contexts[as];
    if (existing) return existing;
    const context: BrowserContext = await newPhoneContext(browser, PHONE);
    const phone = await context.newPage();
    await phone.goto(`${server.url}/auth/login?audience=${as}&returnTo=/`);
    await signInOnProviderPage(phone, as === 'staff' ? /Receptionist/ : undefined);
    await phone.waitForURL(`${server.url}/`);
    const desktop = await context.newPage();
    await desktop.setViewportSize(DESKTOP);
    contexts[as] = { phone, desktop };
    return contexts[as];
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startHamlet(), launchChromium()]);
    const patient = await firstDemoPatient(server);
    const [appointment, request] = await Promise.all([bookFirstSlotAs(server, patient), submitRequestAs(server, patient, 'I need a fit note for work after my operation last week')]);
    ids = { appointment: appointment.id, request: request.id, patient: patient.id, practice: patient.practiceId };
  });
  afterAll(async () => {
    audit.save();
    await browser?.close();
    await server?.close();
  });

  it('the axe check itself finds a real violation', async () => {
    const { phone } = await signedIn('patient');
    await phone.goto(`${server.url}/accessibility`);
    await settle(phone);
    await phone.evaluate(() => document.querySelector('#maincontent')?.insertAdjacentHTML('beforeend', '<input type="text"><img src="data:,">'));
    const ids = (await runAxe(phone)).filter(isSeriousOrCritical).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label']));
  });

  for (const [route, visit] of Object.entries(AXE_VISITS)) {
    it(`${route}: no serious or critical violations at 375 px and on a desktop`, async () => {
      const pages = await signedIn(visit.as);
      for (const [size, page] of Object.entries(pages)) {
        await page.goto(`${server.url}${visit.path(ids)}`);
        expect(await audit.check(page, `${route}-${size}`), `${route} at ${size}`).toEqual([]);
        expect(audit.checks.at(-1)?.route).toBe(route);
      }
      // 400% zoom on a 1280 px screen is 320 CSS px: nothing may need sideways scrolling (WCAG 1.4.10).
      await pages.phone.setViewportSize({ width: 320, height: 800 });
      const overflow = await pages.phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await pages.phone.setViewportSize(PHONE);
      expect(overflow, `${route} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
    });
  }

  it('checked every route', () => {
    expect([...audit.routes()].sort()).toEqual([...PAGE_IDS].sort());
  });
});
