import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { createTestBrowser, type TestBrowser } from '../support/test-browser.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Signs in through the embedded identity provider, picking `account` on its login page. */
async function signIn(browser: TestBrowser, audience: 'patient' | 'staff', account: string, returnTo = '/requests') {
  const start = await browser.follow(`/auth/login?audience=${audience}&returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.response.statusCode).toBe(200);
  expect(start.response.headers['content-type']).toMatch(/text\/html/);
  const action = /<form method="post" action="([^"]+)"/.exec(start.response.body)?.[1];
  expect(action).toMatch(/^\/oidc\/interaction\/[\w-]+\/login$/);
  return browser.follow(action!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `account=${encodeURIComponent(account)}` });
}

describe('browser sign-in through OpenID Connect (embedded provider)', () => {
  it('signs a patient in with authorization code + PKCE and returns to the page they asked for', async () => {
    const browser = createTestBrowser(ctx.app);
    const login = await browser.follow('/auth/login?audience=patient&returnTo=/requests');
    const authorize = new URL(String(login.visited[1]), 'http://localhost');
    expect(authorize.pathname).toBe('/oidc/auth');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('client_id')).toBe('hamlet-patient');
    const page = login.response.body;
    expect(page).toContain('Choose a synthetic patient');
    const account = /name="account" value="(patient:\d{10})"/.exec(page)![1]!;

    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!;
    const done = await browser.follow(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `account=${account}` });
    expect(done.visited.some((u) => u.startsWith('/auth/callback?code='))).toBe(true);
    expect(done.visited.at(-1)).toBe('/requests');
    expect(browser.cookies.has('hamlet_session')).toBe(true);

    const session = (await browser.request({ url: '/api/session' })).json();
    expect(session).toMatchObject({ signedIn: true, actor: { role: 'patient', nhsNumber: account.slice('patient:'.length), patientId: expect.any(Number) } });
    expect(session.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('sets the session cookie HTTP-only, SameSite=Lax, for the whole site', async () => {
    const browser = createTestBrowser(ctx.app);
    const staffPage = (await browser.follow('/auth/login?audience=staff')).response.body;
    const account = /name="account" value="(staff:[^"]+)"/.exec(staffPage)![1]!;
    const action = /<form method="post" action="([^"]+)"/.exec(staffPage)![1]!;
    const first = await browser.request({ method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `account=${account}` });
    let response = first;
    const setCookies: string[] = [];
    for (let i = 0; i < 10 && response.statusCode >= 300 && response.statusCode < 400; i++) {
      const location = new URL(String(response.headers.location), 'http://localhost');
      response = await browser.request({ url: location.pathname + location.search });
      setCookies.push(...[response.headers['set-cookie'] ?? []].flat());
    }
    const sessionCookie = setCookies.find((c) => c.startsWith('hamlet_session='));
    expect(sessionCookie).toMatch(/HttpOnly/i);
    expect(sessionCookie).toMatch(/SameSite=Lax/i);
    expect(sessionCookie).toMatch(/Path=\//);
    expect(sessionCookie).not.toMatch(/Secure/); // http demo; https public URLs set Secure (unit-tested)
  });

  it('signs staff in with their CIS2-style role and organisation', async () => {
    const browser = createTestBrowser(ctx.app);
    const page = (await browser.follow('/auth/login?audience=staff')).response.body;
    expect(page).toContain('Choose a synthetic member of staff');
    for (const label of ['Receptionist', 'Clinician', 'Hub staff', 'PCN lead', 'Commissioner', 'Administrator']) expect(page).toContain(label);
    await signIn(browser, 'staff', 'commissioner', '/insights');
    const session = (await browser.request({ url: '/api/session' })).json();
    expect(session.actor).toMatchObject({ role: 'commissioner' });
  });

  it('requires the CSRF token on state-changing requests made with the cookie, and signs out', async () => {
    const browser = createTestBrowser(ctx.app);
    const page = (await browser.follow('/auth/login?audience=patient')).response.body;
    const account = /name="account" value="(patient:\d{10})"/.exec(page)![1]!;
    await signIn(browser, 'patient', account);
    const { csrfToken } = (await browser.request({ url: '/api/session' })).json();
    const forged = await browser.request({ method: 'POST', url: '/auth/logout' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.details).toEqual({ reason: 'csrf' });
    const wrong = await browser.request({ method: 'POST', url: '/auth/logout', headers: { 'x-csrf-token': csrfToken.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A')) } });
    expect(wrong.statusCode).toBe(403);
    expect((await browser.request({ url: '/api/session' })).json().signedIn).toBe(true);
    const logout = await browser.request({ method: 'POST', url: '/auth/logout', headers: { 'x-csrf-token': csrfToken } });
    expect(logout.statusCode).toBe(200);
    expect((await browser.request({ url: '/api/session' })).json().signedIn).toBe(false);
  });

  it('exempts bearer-token requests from CSRF (a cross-site page cannot set Authorization)', async () => {
    const headers = await ctx.auth({ role: 'admin' });
    const response = await ctx.app.inject({ method: 'POST', url: '/auth/logout', headers });
    expect(response.statusCode).toBe(200);
  });

  it('treats a forged session cookie as no session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: 'hamlet_session=eyJhbGciOiJIUzI1NiJ9.e30.forged' } });
    expect(response.json()).toMatchObject({ signedIn: false });
  });

  it('refuses a callback without the pending sign-in cookie, and never returns to another site', async () => {
    const browser = createTestBrowser(ctx.app);
    const callback = await browser.request({ url: '/auth/callback?code=abc&state=xyz' });
    expect(callback.statusCode).toBe(400);
    expect(callback.body).toContain('could not be signed in');
    const page = (await browser.follow('/auth/login?audience=patient')).response.body;
    const account = /name="account" value="(patient:\d{10})"/.exec(page)![1]!;
    const done = await signIn(browser, 'patient', account, '//evil.example/steal');
    expect(done.visited.at(-1)).toBe('/');
  });
});
