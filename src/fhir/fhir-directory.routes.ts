// FHIR Slot, Schedule, Practitioner and Location: search and read. No patient data here, so any signed-in
// user may read them; slot search shows only what the caller's organisation may book.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { notFound } from '../shared/errors.ts';
import { slotById } from '../booking/booking.repository.ts';
import type { BundleEntry } from './domain/fhir-bundle.ts';
import { parseToken, searchsetBundle } from './domain/fhir-bundle.ts';
import type { FhirResource } from './domain/fhir-resources.ts';
import { locationResource, parseScheduleId, practitionerResource, scheduleIdOf, scheduleResource, slotResource } from './domain/fhir-resources.ts';
import { candidateFacts, siteFacts, slotRecordFacts, staffFacts } from './fhir-mapping.ts';
import type { QueryValue, SlotQuery } from './fhir-slot-search.ts';
import { allOf, oneOf, searchFreeSlots } from './fhir-slot-search.ts';
import { nextLink, pageOf } from './fhir-paging.ts';
import { FHIR_PREFIX, fhirQuery, resourceResponse, sendResource } from './fhir-http.ts';

type Query = Record<string, QueryValue>;
const signedIn = { access: 'authenticated' as const };
const tags = ['fhir'];
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[A-Za-z0-9\\-\\.]{1,64}$' } } } as const;
const bundleResponse = { 200: resourceResponse, 400: resourceResponse, 401: resourceResponse };
const readResponse = { 200: resourceResponse, 404: resourceResponse };

export function registerFhirDirectoryRoutes(fhir: FastifyInstance, services: Pick<Services, 'booking' | 'config' | 'database' | 'clock'>): void {
  const { booking, database } = services;
  const baseUrl = `${services.config.publicUrl}${FHIR_PREFIX}`;
  const bundle = (url: string, matches: FhirResource[], query: Query, includes: FhirResource[] = [], defaultCount = 50) => {
    const page = pageOf(query, defaultCount, 5_000);
    const entries: BundleEntry[] = [
      ...matches.slice(page.offset, page.offset + page.count).map((resource) => ({ resource, mode: 'match' as const })),
      ...includes.map((resource) => ({ resource, mode: 'include' as const })),
    ];
    return searchsetBundle(baseUrl, `${baseUrl}${url.replace(FHIR_PREFIX, '')}`, entries, matches.length, nextLink(baseUrl, url, page, matches.length));
  };

  fhir.get<{ Querystring: SlotQuery & Query }>('/Slot', {
    config: signedIn,
    schema: { tags, summary: 'Free slots (GP Connect search: status=free, start=ge…, end=le…, at most 14 days; _include=Slot:schedule)', querystring: fhirQuery, response: bundleResponse },
  }, async (request, reply) => {
    const snapshot = await booking.snapshot();
    const slots = await searchFreeSlots(database.db, snapshot, request.actor!, request.query, services.clock.now(), booking.deps.londonClock);
    const includes = allOf(request.query._include);
    const recurse = allOf(request.query['_include:recurse']);
    const included: FhirResource[] = [];
    if (includes.includes('Slot:schedule')) {
      const page = pageOf(request.query, 1_000, 5_000);
      const pairs = new Map(slots.slice(page.offset, page.offset + page.count).map((s) => [scheduleIdOf(s.clinicianId, s.siteId), s]));
      const { reference } = snapshot;
      for (const slot of pairs.values()) {
        const staff = reference.staff.get(slot.clinicianId);
        const site = reference.sites.get(slot.siteId);
        if (!staff || !site) continue;
        included.push(scheduleResource(staffFacts(staff), siteFacts(reference, site)));
        if (recurse.includes('Schedule:actor:Practitioner')) included.push(practitionerResource(staffFacts(staff)));
        if (recurse.includes('Schedule:actor:Location')) included.push(locationResource(siteFacts(reference, site)));
      }
    }
    const unique = [...new Map(included.map((r) => [`${r.resourceType}/${r.id}`, r])).values()];
    return sendResource(reply, 200, bundle(request.url, slots.map((s) => slotResource(candidateFacts(s))), request.query, unique, 1_000));
  });

  fhir.get<{ Params: { id: string } }>('/Slot/:id', { config: signedIn, schema: { tags, params: idParams, response: readResponse } }, async (request, reply) => {
    const slot = /^\d{1,15}$/.test(request.params.id) ? await slotById(database.db, Number(request.params.id)) : null;
    if (!slot || slot.status === 'withdrawn') throw notFound('Slot');
    return sendResource(reply, 200, slotResource(slotRecordFacts(slot)));
  });

  fhir.get<{ Querystring: Query }>('/Schedule', { config: signedIn, schema: { tags, summary: 'Schedules (one per clinician per site)', querystring: fhirQuery, response: bundleResponse } }, async (request, reply) => {
    const { reference } = await booking.snapshot();
    const actor = oneOf(request.query.actor)?.replace(/^.*\/(Practitioner|Location)\//, '$1/');
    const pairs = await database.db.selectFrom('session_template').select(['staff_id', 'site_id']).distinct().orderBy('staff_id').orderBy('site_id').execute();
    const schedules = pairs.flatMap(({ staff_id, site_id }) => {
      const staff = reference.staff.get(staff_id);
      const site = reference.sites.get(site_id);
      if (!staff || !site || (actor && actor !== `Practitioner/${staff_id}` && actor !== `Location/${site_id}`)) return [];
      return [scheduleResource(staffFacts(staff), siteFacts(reference, site))];
    });
    return sendResource(reply, 200, bundle(request.url, schedules, request.query));
  });

  fhir.get<{ Params: { id: string } }>('/Schedule/:id', { config: signedIn, schema: { tags, params: idParams, response: readResponse } }, async (request, reply) => {
    const { reference } = await booking.snapshot();
    const ids = parseScheduleId(request.params.id);
    const staff = ids ? reference.staff.get(ids.staffId) : undefined;
    const site = ids ? reference.sites.get(ids.siteId) : undefined;
    if (!staff || !site) throw notFound('Schedule');
    return sendResource(reply, 200, scheduleResource(staffFacts(staff), siteFacts(reference, site)));
  });

  fhir.get<{ Querystring: Query }>('/Practitioner', { config: signedIn, schema: { tags, querystring: fhirQuery, response: bundleResponse } }, async (request, reply) => {
    const { reference } = await booking.snapshot();
    const identifier = oneOf(request.query.identifier);
    const name = oneOf(request.query.name)?.toLowerCase();
    const matches = [...reference.staff.values()].filter((s) =>
      (!identifier || parseToken(identifier).value === s.id) && (!name || `${s.givenName} ${s.familyName}`.toLowerCase().includes(name)));
    return sendResource(reply, 200, bundle(request.url, matches.map((s) => practitionerResource(staffFacts(s))), request.query));
  });

  fhir.get<{ Params: { id: string } }>('/Practitioner/:id', { config: signedIn, schema: { tags, params: idParams, response: readResponse } }, async (request, reply) => {
    const staff = (await booking.snapshot()).reference.staff.get(request.params.id);
    if (!staff) throw notFound('Practitioner');
    return sendResource(reply, 200, practitionerResource(staffFacts(staff)));
  });

  fhir.get<{ Querystring: Query }>('/Location', { config: signedIn, schema: { tags, querystring: fhirQuery, response: bundleResponse } }, async (request, reply) => {
    const { reference } = await booking.snapshot();
    const name = oneOf(request.query.name)?.toLowerCase();
    const matches = [...reference.sites.values()].filter((s) => !name || s.name.toLowerCase().includes(name));
    return sendResource(reply, 200, bundle(request.url, matches.map((s) => locationResource(siteFacts(reference, s))), request.query));
  });

  fhir.get<{ Params: { id: string } }>('/Location/:id', { config: signedIn, schema: { tags, params: idParams, response: readResponse } }, async (request, reply) => {
    const { reference } = await booking.snapshot();
    const site = reference.sites.get(request.params.id);
    if (!site) throw notFound('Location');
    return sendResource(reply, 200, locationResource(siteFacts(reference, site)));
  });
}
