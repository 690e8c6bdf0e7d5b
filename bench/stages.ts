/**
 * Single-core throughput of each per-document stage on the generated corpus: parsing,
 * the language profile, every document rule, and the citation and dose tables. For finding
 * where time goes; `npm run bench` measures the whole run.
 *
 *   npx tsx bench/stages.ts [--docs N]
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { resolveConfig } from '../src/config.js';
import { createDocument } from '../src/document.js';
import { citationTable } from '../src/cite/index.js';
import { doseTable, knowledgeBase } from '../src/dose/index.js';
import { parse } from '../src/parse/index.js';
import { rules } from '../src/rules/index.js';
import type { Document, DocumentRule } from '../src/types.js';
import { generateCorpus } from './generate.js';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '2000' } } });
const drafts = generateCorpus(Number(values.docs));
const mb = drafts.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6;
const config = resolveConfig();

/**
 * Times `run` on fresh Documents (extractions are cached per Document, so a rule that
 * reads a cached extraction must pay for it here), after a warm-up on another set.
 */
function time(label: string, run: (docs: Document[]) => void): void {
  run(makeDocs());
  const docs = makeDocs();
  const start = performance.now();
  run(docs);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(28)} ${ms.toFixed(0).padStart(6)} ms  ${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s`);
}

function makeDocs(): Document[] {
  return drafts.map((d) =>
    createDocument(
      { path: d.path, format: 'txt', encoding: 'utf-8', bytes: d.text.length, text: d.text, encodingDetected: false, hash: createHash('sha256').update(d.text).digest('hex') },
      config,
    ),
  );
}

console.log(`${drafts.length} drafts, ${mb.toFixed(1)} MB`);
time('parse (txt)', () => drafts.forEach((d) => parse(d.text, 'txt')));
time('parse + language', () => makeDocs());
for (const rule of rules.filter((r): r is DocumentRule => r.scope === 'document')) {
  time(rule.id, (docs) => docs.forEach((d) => rule.check(d, { config })));
}
const kb = knowledgeBase(config);
time('citation table (extraction)', (docs) => docs.forEach((d) => citationTable(d)));
time('dose table (extraction)', (docs) => docs.forEach((d) => doseTable(d, kb)));
