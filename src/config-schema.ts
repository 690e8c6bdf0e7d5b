/**
 * The JSON schema of draftaudit.config.json, generated from the zod schema the CLI validates
 * with (so editors and `$schema` see exactly the keys the tool accepts). The file in
 * `schema/` is written by `npm run schema` and ships in the package.
 */
import { z } from 'zod';
import { configSchema } from './config.js';
import { ruleIds } from './rules/index.js';

export const CONFIG_SCHEMA_FILE = 'schema/draftaudit.config.schema.json';

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  // Rule ids are checked after the schema (plugins add ids); the editor still gets the built-in ones.
  properties.rules = {
    ...properties.rules,
    propertyNames: { anyOf: [{ enum: ruleIds() }, { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$' }] },
  };
  return `${JSON.stringify({ title: 'draftaudit configuration', ...schema }, null, 2)}\n`;
}
