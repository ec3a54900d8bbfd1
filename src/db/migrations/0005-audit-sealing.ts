// The audit log is sealed into its hash chain in the background instead of under a lock at write time:
// writers only append (no lock, no read of the chain's tail), and a sealer gives each new row its chain
// position and hashes. Sealing may fill those columns once; every other update or delete stays refused.
import type { Kysely } from 'kysely';
import { executeSqlScript } from '../sql-script.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await executeSqlScript(
    db,
    `
ALTER TABLE audit_log ADD COLUMN chain_seq bigint UNIQUE;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE chain_seq IS NULL;

CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_role, NEW.actor_org, NEW.action, NEW.resource_type, NEW.resource_id,
          NEW.patient_id, NEW.reason, NEW.details)
     IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.actor_role, OLD.actor_org, OLD.action, OLD.resource_type,
          OLD.resource_id, OLD.patient_id, OLD.reason, OLD.details) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

-- Rows chained under the old scheme keep their hashes and take their place in the chain by id.
UPDATE audit_log a SET chain_seq = s.position
FROM (SELECT id, row_number() OVER (ORDER BY id) AS position FROM audit_log WHERE hash IS NOT NULL) s
WHERE a.id = s.id;
`,
  );
}

export async function down(): Promise<void> {
  throw new Error('not reversible: restore from a backup instead');
}
