import { describe, expect, it } from 'vitest';
import { fillPath, matchPath } from './match.ts';

describe('matchPath', () => {
  it('matches the root', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/', '/book')).toBeNull();
  });
  it('extracts parameters and decodes them', () => {
    expect(matchPath('/appointments/:id/cancel', '/appointments/a%20b/cancel')).toEqual({ id: 'a b' });
  });
  it('ignores a trailing slash', () => {
    expect(matchPath('/appointments', '/appointments/')).toEqual({});
  });
  it('refuses an empty parameter and a different length', () => {
    expect(matchPath('/requests/:id', '/requests/')).toBeNull();
    expect(matchPath('/requests/:id', '/requests/1/extra')).toBeNull();
  });
});

describe('fillPath', () => {
  it('encodes parameters', () => {
    expect(fillPath('/staff/patients/:id', { id: '12/3' })).toBe('/staff/patients/12%2F3');
  });
  it('throws when a parameter is missing', () => {
    expect(() => fillPath('/staff/patients/:id', {})).toThrow(RangeError);
  });
});
