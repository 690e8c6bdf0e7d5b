/**
 * The per-draft result cache (`--cache`): what the analysis of a draft found, kept by a hash
 * of its bytes and path — not by file times, which CI checkouts reset — in a folder per
 * configuration and tool version, so a change of either starts afresh.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ResolvedConfig } from '../types.js';
import { VERSION } from '../version.js';
import { KNOWLEDGE_BASE_FILE } from '../dose/kb.js';
import type { Analysis } from './analyze.js';
import { processRuns } from '../lock.js';

export const DEFAULT_CACHE_DIR = '.draftaudit-cache';

/**
 * The shape of a cached Analysis: raise it when what an analysis holds changes within one
 * version (2: dose figures carry roles advice/report/regimen/… instead of recommendation/study).
 * The code fingerprint below also changes then; the number says it where code is not hashed.
 */
const ANALYSIS_FORMAT = 2;

/**
 * The folder for this configuration, version, code and knowledge base inside the cache
 * folder: editing a limit in data/nutrients.json or any source file starts afresh.
 */
export function cacheFolder(root: string, config: ResolvedConfig, ruleIds: readonly string[]): string {
  const key = createHash('sha256')
    .update(JSON.stringify({ VERSION, ANALYSIS_FORMAT, config, ruleIds }))
    .update(codeFingerprint())
    .update(readFileSync(KNOWLEDGE_BASE_FILE))
    .digest('hex')
    .slice(0, 16);
  return path.join(root, key);
}

let code: string | undefined;

/** A hash of the running code: every module file under src/ (or dist/ when built), read once. */
export function codeFingerprint(): string {
  if (code) return code;
  const top = fileURLToPath(new URL('..', import.meta.url));
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(`${path.relative(top, full)}\0`).update(readFileSync(full));
    }
  };
  visit(top);
  return (code = hash.digest('hex'));
}

const point = z.object({ line: z.number().int().positive(), column: z.number().int().positive(), offset: z.number().int().nonnegative() });
/**
 * What a cache entry must hold to be used: findings of the shape reporters read, and, when
 * there is a draft, its text and blocks. Anything else (a forged or truncated entry) is a miss.
 */
const entrySchema = z.object({
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      path: z.string(),
      span: z.object({ start: point, end: point }),
      message: z.string(),
      excerpt: z.string(),
    }),
  ),
  doc: z
    .object({
      path: z.string(),
      text: z.string(),
      hash: z.string(),
      blocks: z.array(z.object({}).passthrough()),
      lineStarts: z.array(z.number()),
      language: z.object({ primary: z.string(), shares: z.record(z.string(), z.number()), blocks: z.array(z.string()) }),
    })
    .passthrough()
    .optional(),
});

function entryFile(folder: string, hash: string, file: string): string {
  return path.join(folder, `${createHash('sha256').update(`${hash}\0${file}`).digest('hex').slice(0, 32)}.json`);
}

export async function readCached(folder: string, hash: string, file: string): Promise<Analysis | undefined> {
  let entry: unknown;
  try {
    entry = JSON.parse(await readFile(entryFile(folder, hash, file), 'utf8'));
  } catch {
    return undefined; // a miss, or an entry a killed run left half-written: analyse again
  }
  const checked = entrySchema.safeParse(entry);
  // An entry of another draft or of other bytes is not this draft's, whatever its name says.
  if (!checked.success || (checked.data.doc && (checked.data.doc.path !== file || checked.data.doc.hash !== hash))) return undefined;
  return entry as Analysis;
}

export async function writeCached(folder: string, hash: string, file: string, analysis: Analysis): Promise<void> {
  const target = entryFile(folder, hash, file);
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(analysis));
    await rename(tmp, target);
  } catch {
    await rm(tmp, { force: true }); // the cache only saves time; a failed write is not an error
  }
}

/**
 * Makes the folder for this configuration and removes the folders of other ones, and the
 * temporary entries of runs that were killed while writing them.
 */
export async function prepareCache(root: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const name of await readdir(folder)) {
    const pid = /\.(\d+)\.[0-9a-z]*\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !processRuns(Number(pid))) await rm(path.join(folder, name), { force: true });
  }
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && path.join(root, entry.name) !== folder && /^[0-9a-f]{16}$/.test(entry.name)) {
      await rm(path.join(root, entry.name), { recursive: true, force: true });
    }
  }
}
