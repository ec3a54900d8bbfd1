// Hostile input at the edge: security headers, body size limits, rate limits, validation with field and
// reason, and secure cookies when served over https.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context.ts';
import { createTestBrowser } from '../support/test-browser.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { HAMLET_PUBLIC_URL: 'https://hamlet.example', HAMLET_RATE_LIMIT_PUBLIC_PER_MINUTE: '20', HAMLET_RATE_LIMIT_SIGNED_IN_PER_MINUTE: '40' } });
});
afterAll(() => ctx.close());

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1)]));

describe('security headers', () => {
  it('sends a strict content security policy and the usual protections on API responses', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/pcns', remoteAddress: '198.51.100.1' });
    const csp = directives(String(response.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(true); // served over https
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });

  it('serves the sign-in page under the same policy, with no inline script', async () => {
    const page = (await createTestBrowser(ctx.app).follow('/auth/login?audience=staff')).response;
    expect(page.statusCode).toBe(200);
    expect(directives(String(page.headers['content-security-policy'])).get('script-src')).toEqual(["'self'"]);
    expect(page.body).not.toMatch(/<script|\son[a-z]+=/i);
  });
});

describe('limits', () => {
  it('refuses a body over 256 KiB with 413 and a clear error', async () => {
    const response = await ctx.app.inject({
      method: 'POST', url: '/api/requests', headers: { ...(await ctx.auth({ role: 'admin' })), 'content-type': 'application/json' },
      payload: JSON.stringify({ description: 'x'.repeat(300 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('rate-limits anonymous callers by address, telling them when to retry', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await ctx.app.inject({ method: 'GET', url: '/api/pcns', remoteAddress: '203.0.113.7' })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    const limited = await ctx.app.inject({ method: 'GET', url: '/api/pcns', remoteAddress: '203.0.113.7' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address, and a signed-in person behind the same address, each have their own allowance.
    expect((await ctx.app.inject({ method: 'GET', url: '/api/pcns', remoteAddress: '203.0.113.8' })).statusCode).toBe(200);
    const signedIn = await ctx.app.inject({ method: 'GET', url: '/api/pcns', remoteAddress: '203.0.113.7', headers: await ctx.auth({ role: 'commissioner', sub: 'rate:1' }) });
    expect(signedIn.statusCode).toBe(200);
  });
});

describe('validation', () => {
  it('answers malformed input with 400, the field and the reason', async () => {
    const headers = await ctx.auth({ role: 'admin' });
    const cases = [
      { url: '/api/audit?limit=0', field: 'querystring.limit' },
      { url: '/api/audit?patientId=abc', field: 'querystring.patientId' },
      { url: '/api/audit?surprise=1', field: 'querystring' },
      { url: '/api/patients/not-a-number/access-log', field: 'params.patientId' },
    ];
    for (const { url, field } of cases) {
      const response = await ctx.app.inject({ method: 'GET', url, headers });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error, url).toMatchObject({ code: 'invalid_input', field: expect.stringContaining(field), reason: expect.any(String) });
    }
  });

  it('refuses a non-JSON body with 415, and broken JSON with 400', async () => {
    const headers = await ctx.auth({ role: 'admin' });
    const xml = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: { ...headers, 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
    const broken = await ctx.app.inject({ method: 'POST', url: '/api/requests', headers: { ...headers, 'content-type': 'application/json' }, payload: '{"description":' });
    expect(broken.statusCode).toBe(400);
  });
});

describe('secure cookies over https', () => {
  it('marks the session cookie Secure, HTTP-only and SameSite=Lax', async () => {
    const browser = createTestBrowser(ctx.app);
    const page = (await browser.follow('/auth/login?audience=staff')).response.body;
    const action = /<form method="post" action="([^"]+)"/.exec(page)![1]!;
    let response = await browser.request({ method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'account=admin' });
    const setCookies: string[] = [];
    for (let i = 0; i < 10 && response.statusCode >= 300 && response.statusCode < 400; i++) {
      const location = new URL(String(response.headers.location), 'https://hamlet.example');
      response = await browser.request({ url: location.pathname + location.search });
      setCookies.push(...[response.headers['set-cookie'] ?? []].flat());
    }
    const session = setCookies.find((c) => c.startsWith('hamlet_session='));
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
  });
});
