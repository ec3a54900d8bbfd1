import { describe, expect, it } from 'vitest';
import { cookieOptions, csrfTokenFor, openSession, sealSession } from './session.ts';

const now = new Date('2026-11-23T10:00:00Z');
const claims = { sub: 'patient:9434765919', role: 'patient' as const, patient: '9434765919' };

describe('session cookies', () => {
  it('open what they seal until they expire', async () => {
    const { value, expiresAt } = await sealSession('secret', { id: 'sid-1', claims, audience: 'patient' }, 3600, now);
    expect(expiresAt.toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(await openSession('secret', value, now)).toMatchObject({ id: 'sid-1', audience: 'patient', claims });
    expect(await openSession('secret', value, new Date('2026-11-23T11:00:01Z'))).toBeNull();
    expect(await openSession('other-secret', value, now)).toBeNull();
    expect(await openSession('secret', value.slice(0, -2) + 'xx', now)).toBeNull();
  });

  it('cannot be used as a bearer token, nor a bearer token as a session (different audiences)', async () => {
    const { issueToken } = await import('./tokens.ts');
    const bearer = await issueToken('secret', claims, 3600, now);
    expect(await openSession('secret', bearer, now)).toBeNull();
  });

  it('derive a CSRF token per session', () => {
    expect(csrfTokenFor('secret', 'a')).not.toBe(csrfTokenFor('secret', 'b'));
    expect(csrfTokenFor('secret', 'a')).toBe(csrfTokenFor('secret', 'a'));
  });

  it('are Secure only when served over https', () => {
    expect(cookieOptions('https://hamlet.example').secure).toBe(true);
    expect(cookieOptions('http://localhost:3000')).toMatchObject({ secure: false, httpOnly: true, sameSite: 'lax', path: '/' });
  });
});
