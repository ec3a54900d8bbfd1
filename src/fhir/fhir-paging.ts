// Plain `_count` / `_offset` paging for FHIR searches, with the next link a client follows.
import { invalidInput } from '../shared/errors.ts';
import type { QueryValue } from './fhir-slot-search.ts';
import { oneOf } from './fhir-slot-search.ts';

export interface Page { count: number; offset: number }

export function pageOf(query: Record<string, QueryValue> | { _count?: QueryValue; _offset?: QueryValue }, defaultCount: number, maxCount: number): Page {
  const params = query as { _count?: QueryValue; _offset?: QueryValue };
  const count = Number(oneOf(params._count) ?? defaultCount);
  const offset = Number(oneOf(params._offset) ?? 0);
  if (!Number.isInteger(count) || count < 0) throw invalidInput('_count', 'must be a whole number');
  if (!Number.isInteger(offset) || offset < 0) throw invalidInput('_offset', 'must be a whole number');
  return { count: Math.min(count, maxCount), offset };
}

/** The request URL with `_offset` moved on by a page, or null on the last page. */
export function nextLink(baseUrl: string, url: string, page: Page, total: number): string | null {
  if (page.count === 0 || page.offset + page.count >= total) return null;
  const next = new URL(url, 'http://local');
  next.searchParams.set('_count', String(page.count));
  next.searchParams.set('_offset', String(page.offset + page.count));
  return `${baseUrl}${next.pathname.replace(/^\/fhir\/r4/, '')}${next.search}`;
}
