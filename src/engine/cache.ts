/**
 * The per-draft result cache (`--cache`): what the analysis of a draft found, kept by a hash
 * of its bytes and path — not by file times, which CI checkouts reset — in a folder per
 * configuration and tool version, so a change of either starts afresh.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ResolvedConfig } from '../types.js';
import { VERSION } from '../version.js';
import type { Analysis } from './analyze.js';

export const DEFAULT_CACHE_DIR = '.draftaudit-cache';

/**
 * The shape of a cached Analysis: raise it when what an analysis holds changes within one
 * version (2: dose figures carry roles advice/report/regimen/… instead of recommendation/study).
 */
const ANALYSIS_FORMAT = 2;

/** The folder for this configuration and version inside the cache folder. */
export function cacheFolder(root: string, config: ResolvedConfig, ruleIds: readonly string[]): string {
  const key = createHash('sha256').update(JSON.stringify({ VERSION, ANALYSIS_FORMAT, config, ruleIds })).digest('hex').slice(0, 16);
  return path.join(root, key);
}

function entryFile(folder: string, hash: string, file: string): string {
  return path.join(folder, `${createHash('sha256').update(`${hash}\0${file}`).digest('hex').slice(0, 32)}.json`);
}

export async function readCached(folder: string, hash: string, file: string): Promise<Analysis | undefined> {
  try {
    return JSON.parse(await readFile(entryFile(folder, hash, file), 'utf8')) as Analysis;
  } catch {
    return undefined; // a miss, or an entry a killed run left half-written: analyse again
  }
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

/** Makes the folder for this configuration and removes the folders of other ones. */
export async function prepareCache(root: string, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (entry.isDirectory() && path.join(root, entry.name) !== folder && /^[0-9a-f]{16}$/.test(entry.name)) {
      await rm(path.join(root, entry.name), { recursive: true, force: true });
    }
  }
}
