// A minimal browser for integration tests: keeps cookies (by name, honouring expiry) and follows
// redirects through app.inject, so sign-in runs the real OpenID Connect protocol end to end in-process.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface TestBrowser {
  cookies: Map<string, string>;
  /** One request, with this browser's cookies; the response's Set-Cookie headers update the jar. */
  request(options: { method?: string; url: string; headers?: Record<string, string>; payload?: InjectOptions['payload'] }): Promise<LightMyRequestResponse>;
  /** Requests and follows redirects (same origin only); returns the final response and every URL visited. */
  follow(url: string, options?: { method?: string; headers?: Record<string, string>; payload?: InjectOptions['payload'] }): Promise<{ response: LightMyRequestResponse; visited: string[] }>;
}

export function createTestBrowser(app: FastifyInstance): TestBrowser {
  const cookies = new Map<string, string>();
  const remember = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (cookie.maxAge !== undefined && cookie.maxAge <= 0) || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) || cookie.value === '';
      if (expired) cookies.delete(cookie.name);
      else cookies.set(cookie.name, cookie.value);
    }
  };
  const request: TestBrowser['request'] = async ({ method = 'GET', url, headers = {}, payload }) => {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await app.inject({ method: method as 'GET', url, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(payload === undefined ? {} : { payload }) });
    remember(response);
    return response;
  };
  return {
    cookies,
    request,
    async follow(url, options = {}) {
      const visited = [url];
      let response = await request({ url, ...options });
      for (let hops = 0; response.statusCode >= 300 && response.statusCode < 400 && hops < 20; hops++) {
        const location = new URL(String(response.headers.location), 'http://localhost:3000');
        const next = location.pathname + location.search;
        visited.push(next);
        response = await request({ url: next });
      }
      return { response, visited };
    },
  };
}
