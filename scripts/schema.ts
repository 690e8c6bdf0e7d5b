/** Writes the JSON schema of draftaudit.config.json from the config's zod schema (`npm run schema`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../src/config-schema.js';

const next = configJsonSchema();
let previous = '';
try {
  previous = readFileSync(CONFIG_SCHEMA_FILE, 'utf8');
} catch {
  // first run: no schema yet
}
if (next !== previous) writeFileSync(CONFIG_SCHEMA_FILE, next);
process.stdout.write(next === previous ? `${CONFIG_SCHEMA_FILE} is up to date\n` : `${CONFIG_SCHEMA_FILE} written\n`);
