import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { SCHEMA_DIR } from './paths.js';

/**
 * One ajv instance with every schema under `schema/` registered by `$id`;
 * validators are compiled once and cached.
 */
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function listSchemas(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listSchemas(join(dir, entry.name))
        : entry.name.endsWith('.schema.json')
          ? [join(dir, entry.name)]
          : [],
    )
    .sort();
}

/**
 * Hash of every schema file (path under `schema/` and bytes): what validation depends on, so
 * the key of what was validated before (cached documents, lexicon snapshots).
 */
export function schemaVersion(): string {
  const h = createHash('sha1');
  for (const file of listSchemas(SCHEMA_DIR)) {
    h.update(relative(SCHEMA_DIR, file));
    h.update(readFileSync(file));
  }
  return h.digest('hex');
}

function instance(): Ajv {
  if (ajv) return ajv;
  // strictRequired is off: the document schema requires attributes declared in the shared block above its if/then
  ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  for (const file of listSchemas(SCHEMA_DIR)) {
    ajv.addSchema(JSON.parse(readFileSync(file, 'utf8')), relative(SCHEMA_DIR, file));
  }
  return ajv;
}

/** Compiled validator for `schema/<name>` (e.g. `lexicon/countries.schema.json`). */
export function validator(name: string): ValidateFunction {
  const cachedValidator = compiled.get(name);
  if (cachedValidator) return cachedValidator;
  const validate = instance().getSchema(name);
  if (!validate) throw new Error(`no schema ${name} under ${SCHEMA_DIR}`);
  compiled.set(name, validate);
  return validate;
}

/** ajv's message with the offending property or value spelled out. */
export function describeError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return `unknown field '${params.additionalProperty}'`;
  if (error.keyword === 'required') return `missing required field '${params.missingProperty}'`;
  if (error.keyword === 'enum')
    return `${error.message}: ${(params.allowedValues as unknown[]).join(', ')}`;
  if (error.keyword === 'propertyNames') return `invalid key '${params.propertyName}'`;
  return error.message ?? error.keyword;
}

/** The most useful error first: the deepest path, then keyword order. */
export function pickErrors(errors: ErrorObject[] | null | undefined): ErrorObject[] {
  if (!errors) return [];
  // propertyNames errors come in pairs (the inner pattern error and the wrapper); keep the wrapper.
  const filtered = errors.filter((e) => !e.propertyName);
  return filtered.sort(
    (a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length,
  );
}
