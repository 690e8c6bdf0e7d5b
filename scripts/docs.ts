/** Rewrites the rules table of README.md from the rule metadata (`npm run docs`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withRulesTable } from '../src/rules/docs.js';

const readme = readFileSync('README.md', 'utf8');
const next = withRulesTable(readme);
if (next !== readme) writeFileSync('README.md', next);
process.stdout.write(next === readme ? 'README.md rules table is up to date\n' : 'README.md rules table rewritten\n');
