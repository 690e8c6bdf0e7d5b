/**
 * Throughput of the language stage on one core: the language profile of each document plus
 * the three lang rules, over several MB of drafts built from the samples in input/.
 *
 *   npx tsx bench/lang.ts [megabytes]
 *
 * Parsing is done beforehand and not timed; the word list is loaded by a warm-up pass.
 * Each figure is the best of three passes, in CPU time of this single-threaded process.
 * The issue asks for at least 5 MB/s. The drafts here repeat the samples' paragraphs, so
 * what the analysis remembers of texts it met before (src/text-memo.ts) is forgotten before
 * each draft: the figures are for text never seen.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../src/config.js';
import { createDocument } from '../src/document.js';
import { profileLanguage } from '../src/lang/profile.js';
import { langRules } from '../src/rules/lang/index.js';
import type { Document, DocumentRule } from '../src/types.js';
import { forgetTextMemos } from '../src/text-memo.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inputDir = path.join(root, 'input');
const target = Number(process.argv[2] ?? 6) * 1024 * 1024;

const samples = readdirSync(inputDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(inputDir, f), 'utf8'));

/** Drafts of about `target` bytes: each sample with its paragraphs rotated, so no two are alike. */
function corpus(): string[] {
  const out: string[] = [];
  let bytes = 0;
  for (let round = 0; bytes < target; round++) {
    for (const text of samples) {
      const paras = text.split(/\n{2,}/);
      const k = round % paras.length;
      const draft = [...paras.slice(k), ...paras.slice(0, k)].join('\n\n');
      out.push(draft);
      bytes += Buffer.byteLength(draft);
    }
  }
  return out;
}

const config = resolveConfig({});
const rules = langRules.filter((r): r is DocumentRule => r.scope === 'document');
const drafts = corpus();
const docs: Document[] = drafts.map((text, i) =>
  createDocument(
    { path: `bench/${i}.txt`, format: 'txt', encoding: 'utf-8', bytes: Buffer.byteLength(text), text, encodingDetected: false, hash: '' },
    config,
  ),
);
const bytes = docs.reduce((n, d) => n + d.bytes, 0);

function stage(doc: Document): number {
  const language = profileLanguage(doc.blocks, config.language, { allowedTerms: config.allowedTerms });
  const withLanguage = { ...doc, language };
  let findings = 0;
  for (const rule of rules) findings += rule.check(withLanguage, { config }).length;
  return findings;
}

/**
 * Best of three passes over all drafts. The rate is taken from the process's CPU time, so
 * other work on a shared machine does not count against the stage; wall time is shown too.
 */
function time(label: string, fn: (doc: Document) => unknown): number {
  let best = Infinity;
  let wall = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const doc of docs) {
      forgetTextMemos();
      fn(doc);
    }
    const used = process.cpuUsage(cpu);
    best = Math.min(best, (used.user + used.system) / 1e6);
    wall = Math.min(wall, Number(process.hrtime.bigint() - start) / 1e9);
  }
  const mb = bytes / 1024 / 1024;
  console.log(`${label.padEnd(28)} cpu ${best.toFixed(3)} s  ${(mb / best).toFixed(1)} MB/s   (wall ${wall.toFixed(3)} s  ${(mb / wall).toFixed(1)} MB/s)`);
  return mb / best;
}

console.log(`${docs.length} drafts, ${(bytes / 1024 / 1024).toFixed(2)} MB (UTF-8), one core`);
const warmup = docs.slice(0, samples.length).reduce((n, d) => n + stage(d), 0);
console.log(`warm-up findings on the samples: ${warmup}`);
time('profile only', (d) => profileLanguage(d.blocks, config.language));
for (const rule of rules) time(rule.id, (d) => rule.check(d, { config }));
const rate = time('language stage (all)', stage);
console.log(rate >= 5 ? `ok: ${rate.toFixed(1)} MB/s >= 5 MB/s` : `too slow: ${rate.toFixed(1)} MB/s < 5 MB/s`);
