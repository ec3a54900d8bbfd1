// The borough's public directory (practices, hubs, sites, services) and its summary statistics.
// None of this is patient data: counts and organisation details only.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../server/services.ts';
import { readBoroughSummary } from './borough-stats.ts';
import { compareToReference } from './domain/borough-reference.ts';
import { notFound } from '../shared/errors.ts';

const practiceSchema = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'ODS-style practice code (synthetic)' },
    name: { type: 'string' }, pcnId: { type: 'string' }, localityId: { type: 'string' }, phone: { type: 'string' },
    listSize: { type: 'integer' },
    sites: { type: 'array', items: { $ref: 'Site#' } },
  },
} as const;

export function registerBoroughRoutes(app: FastifyInstance, { database }: Pick<Services, 'database'>): void {
  const { db } = database;
  app.addSchema({
    $id: 'Site',
    type: 'object',
    properties: {
      id: { type: 'string' }, name: { type: 'string' }, practiceId: { type: ['string', 'null'] }, hubId: { type: ['string', 'null'] },
      addressLine: { type: 'string' }, postcode: { type: 'string' }, lat: { type: 'number' }, lon: { type: 'number' }, stepFree: { type: 'boolean' },
    },
  });
  const tags = ['directory'];
  const publicRoute = { access: 'public' as const };

  app.get('/api/stats', {
    config: publicRoute,
    schema: { tags: ['system'], summary: 'Counts and summary statistics of the borough, checked against the reference', security: [] },
  }, async () => {
    const summary = await readBoroughSummary(db);
    return { ...summary.counts, summary, reference: compareToReference(summary) };
  });

  app.get('/api/localities', { config: publicRoute, schema: { tags, security: [] } }, () => db.selectFrom('locality').selectAll().orderBy('id').execute());
  app.get('/api/pcns', { config: publicRoute, schema: { tags, security: [] } }, async () =>
    (await db.selectFrom('pcn').selectAll().orderBy('id').execute()).map((p) => ({ id: p.id, name: p.name, localityId: p.locality_id })));

  const sitesOf = async () => (await db.selectFrom('site').selectAll().orderBy('id').execute()).map((s) => ({
    id: s.id, name: s.name, practiceId: s.practice_id, hubId: s.hub_id, addressLine: s.address_line, postcode: s.postcode,
    lat: s.lat, lon: s.lon, stepFree: s.step_free,
  }));
  const practices = async () => {
    const sites = await sitesOf();
    return (await db.selectFrom('practice').selectAll().orderBy('id').execute()).map((p) => ({
      id: p.id, name: p.name, pcnId: p.pcn_id, localityId: p.locality_id, phone: p.phone, listSize: p.list_size,
      sites: sites.filter((s) => s.practiceId === p.id),
    }));
  };
  app.get('/api/practices', { config: publicRoute, schema: { tags, security: [], response: { 200: { type: 'array', items: practiceSchema } } } }, practices);
  app.get<{ Params: { id: string } }>('/api/practices/:id', {
    config: publicRoute,
    schema: { tags, security: [], params: { type: 'object', properties: { id: { type: 'string', pattern: '^[A-Z0-9]{3,8}$' } }, required: ['id'] }, response: { 200: practiceSchema } },
  }, async (request) => {
    const practice = (await practices()).find((p) => p.id === request.params.id);
    if (!practice) throw notFound('Practice');
    return practice;
  });
  app.get('/api/hubs', { config: publicRoute, schema: { tags, security: [] } }, async () => {
    const agreements = await db.selectFrom('hub_sharing_agreement').selectAll().where('revoked_on', 'is', null).execute();
    const sites = await sitesOf();
    return (await db.selectFrom('hub').selectAll().orderBy('id').execute()).map((h) => ({
      id: h.id, name: h.name, localityId: h.locality_id, hostPracticeId: h.host_practice_id, openingHours: h.opening_hours,
      sites: sites.filter((s) => s.hubId === h.id),
      sharingAgreementPracticeIds: agreements.filter((a) => a.hub_id === h.id).map((a) => a.practice_id),
    }));
  });
  app.get('/api/community-services', { config: publicRoute, schema: { tags, security: [] } }, async () =>
    (await db.selectFrom('community_service').selectAll().where('active', '=', true).orderBy('id').execute()).map((c) => ({
      id: c.id, name: c.name, category: c.category, description: c.description, addressLine: c.address_line, postcode: c.postcode,
      lat: c.lat, lon: c.lon, languages: c.languages, contact: c.contact,
    })));
}
