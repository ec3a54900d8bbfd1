// Bundles, OperationOutcomes, search-parameter parsing and the CapabilityStatement. Pure.
import type { FhirResource } from './fhir-resources.ts';

export interface BundleEntry { resource: FhirResource; mode: 'match' | 'include' }

export function searchsetBundle(baseUrl: string, selfUrl: string, entries: readonly BundleEntry[], total: number, next: string | null): FhirResource {
  return {
    resourceType: 'Bundle', type: 'searchset', total,
    link: [{ relation: 'self', url: selfUrl }, ...(next ? [{ relation: 'next', url: next }] : [])],
    entry: entries.map(({ resource, mode }) => ({ fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id}`, resource, search: { mode } })),
  };
}

export type IssueCode = 'invalid' | 'login' | 'forbidden' | 'not-found' | 'conflict' | 'duplicate' | 'transient' | 'exception' | 'not-supported' | 'processing';

/** GP Connect's error code system (as Spine error codes), e.g. DUPLICATE_REJECTED for a slot already taken. */
const SPINE_CODES = 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode';

export function operationOutcome(code: IssueCode, diagnostics: string, spineCode?: string, expression?: string): FhirResource {
  return {
    resourceType: 'OperationOutcome',
    issue: [{
      severity: 'error', code, diagnostics,
      ...(spineCode ? { details: { coding: [{ system: SPINE_CODES, code: spineCode }] } } : {}),
      ...(expression ? { expression: [expression] } : {}),
    }],
  };
}

export type DatePrefix = 'eq' | 'ge' | 'gt' | 'le' | 'lt';

/** `ge2026-11-23T08:00:00+00:00` or `le2026-11-30`. A date without a time means its London midnight (start)
 *  or the end of that day, decided by the caller through `dateOnly`. */
export function parseDateParam(input: string): { prefix: DatePrefix; value: string; dateOnly: boolean } | null {
  // An unencoded '+' in a query string arrives as a space: read `…T10:00:00 01:00` as `+01:00`.
  const raw = input.replace(/ (\d{2}:\d{2})$/, '+$1');
  const match = /^(eq|ge|gt|le|lt)?(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.exec(raw);
  if (!match) return null;
  return { prefix: (match[1] ?? 'eq') as DatePrefix, value: match[2]! + (match[3] ?? ''), dateOnly: match[3] === undefined };
}

/** `system|value`, `|value` or `value`. */
export function parseToken(raw: string): { system: string | null; value: string } {
  const bar = raw.indexOf('|');
  return bar < 0 ? { system: null, value: raw } : { system: raw.slice(0, bar) || null, value: raw.slice(bar + 1) };
}

const search = [{ code: 'read' }, { code: 'search-type' }];

export function capabilityStatement(baseUrl: string, date: string, version: string): FhirResource {
  const param = (name: string, type: string, documentation?: string) => ({ name, type, ...(documentation ? { documentation } : {}) });
  return {
    resourceType: 'CapabilityStatement', status: 'active', date, kind: 'instance', fhirVersion: '4.0.1',
    publisher: 'Hamlet', name: 'HamletBooking', title: 'Hamlet network booking (FHIR R4, UK Core, GP Connect semantics)',
    software: { name: 'Hamlet', version }, implementation: { description: 'Hamlet booking API', url: baseUrl },
    format: ['application/fhir+json', 'json'],
    rest: [{
      mode: 'server',
      security: { description: 'Bearer token (Authorization: Bearer …); every access to patient data is audited.' },
      resource: [
        {
          type: 'Slot', interaction: search, searchInclude: ['Slot:schedule', 'Schedule:actor:Practitioner', 'Schedule:actor:Location'],
          searchParam: [
            param('status', 'token', 'free only'), param('start', 'date', 'ge…; the window may span at most 14 days'), param('end', 'date', 'le…'),
            param('schedule', 'reference'), param('schedule.actor', 'reference', 'Practitioner/{id} or Location/{id}'),
            param('service-type', 'token'), param('delivery-channel', 'token', 'In-person, Telephone or Video'),
          ],
        },
        { type: 'Schedule', interaction: search, searchParam: [param('actor', 'reference')] },
        { type: 'Practitioner', interaction: search, searchParam: [param('identifier', 'token'), param('name', 'string')] },
        { type: 'Location', interaction: search, searchParam: [param('name', 'string')] },
        {
          type: 'Patient', interaction: search,
          searchParam: [param('identifier', 'token', 'https://fhir.nhs.uk/Id/nhs-number|{nhs number}'), param('name', 'string'), param('family', 'string'), param('given', 'string'), param('birthdate', 'date'), param('_count', 'number')],
        },
        {
          type: 'Appointment', interaction: [...search, { code: 'create' }, { code: 'update' }], versioning: 'versioned-update', conditionalUpdate: false,
          searchParam: [param('patient', 'reference'), param('date', 'date')],
        },
      ],
    }],
  };
}
