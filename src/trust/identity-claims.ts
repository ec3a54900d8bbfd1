// From a verified identity (NHS login patient or CIS2 staff role) to the claims a session carries: the
// organisation code is matched against the borough's practices, hubs and PCNs, and a CIS2 user id that
// names a member of staff links the session to their staff record.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { DomainError } from '../shared/errors.ts';
import type { Identity } from './domain/identity.ts';
import type { TokenClaims } from './tokens.ts';

export async function tokenClaimsForIdentity(db: Kysely<Database>, identity: Identity): Promise<TokenClaims> {
  if (identity.kind === 'patient') {
    return { sub: identity.subject, role: 'patient', name: identity.name, patient: identity.nhsNumber };
  }
  const claims: TokenClaims = { sub: identity.subject, role: identity.role, name: identity.name };
  const staff = await db.selectFrom('staff').select('id').where('id', '=', identity.userId).executeTakeFirst();
  if (staff) claims.staff = staff.id;
  const org = identity.orgCode;
  if (org) {
    const [practice, hub, pcn] = await Promise.all([
      db.selectFrom('practice').select('id').where('id', '=', org).executeTakeFirst(),
      db.selectFrom('hub').select('id').where('id', '=', org).executeTakeFirst(),
      db.selectFrom('pcn').select('id').where('id', '=', org).executeTakeFirst(),
    ]);
    if (practice) claims.practice = practice.id;
    else if (hub) claims.hub = hub.id;
    else if (pcn) claims.pcn = pcn.id;
    else throw new DomainError('not_permitted', `Your organisation (${org}) does not use Hamlet.`);
  } else if (identity.role !== 'commissioner' && identity.role !== 'admin') {
    throw new DomainError('not_permitted', 'Your selected role is not linked to an organisation that uses Hamlet.');
  }
  return claims;
}
