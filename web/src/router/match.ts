// Route patterns like "/appointments/:id/cancel": match a path and pull out its parameters.

export type RouteParams = Record<string, string>;

export function matchPath(pattern: string, path: string): RouteParams | null {
  const patternParts = trimSlashes(pattern).split('/');
  const pathParts = trimSlashes(path).split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i] ?? '';
    const actual = pathParts[i] ?? '';
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      params[expected.slice(1)] = safeDecode(actual);
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

/** Fill a pattern's parameters: fillPath('/appointments/:id', { id: '7' }) → '/appointments/7'. */
export function fillPath(pattern: string, params: RouteParams): string {
  return pattern.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RangeError(`fillPath: no value for :${name} in ${pattern}`);
    return encodeURIComponent(value);
  });
}

function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
