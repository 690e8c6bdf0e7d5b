/**
 * The piece checker: on a rerun, the cache reader's thread (cache-reader.ts) reads the kept
 * pieces of the kinds a rerun spends most time checking and runs their checks ahead of the
 * stages that read them, while this thread takes the drafts from the cache; each piece found
 * valid is vouched for by the SHA-256 of the bytes checked. When a stage then reads the piece
 * (PieceCache.getVouched), bytes of the vouched hash are taken without the check: hashing them
 * costs a fraction of checking them (a group of the report's folded detail is inflated and
 * scanned for anything unsafe). Bytes changed since, or a piece not yet vouched for when it is
 * read, are checked as any piece is, so the outputs are the same with or without the checker.
 *
 * This module holds the checks and the pass over a folder; it imports nothing of the analysis.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { cleanedSchema } from '../clean/kept.js';
import { clusterSchema } from '../corpus/kept.js';
import { clusterFindingsSchema } from './kept-findings.js';
import { keptGroupOpening } from '../report/html/deflated.js';
import { pieceOf, type Vouch } from './pieces.js';

/** A check by a piece's schema: it notes nothing. */
const bySchema =
  (schema: z.ZodType) =>
  (value: unknown): string | undefined =>
    schema.safeParse(value).success ? '' : undefined;

/**
 * The kinds checked ahead, in the order a rerun reads them, each with its check: what it
 * notes of a valid piece's value (`key` is the whole hash the piece is stored under), or
 * undefined for an invalid one. Where a kept piece is used, what it must match of the run
 * (a cluster its drafts, cleaned articles the findings) is still looked at there.
 */
const CHECKS: ReadonlyArray<readonly [kind: string, check: (value: unknown, key: string) => string | undefined]> = [
  ['cluster', bySchema(clusterSchema)],
  ['findings-of-cluster', bySchema(clusterFindingsSchema)],
  ['clean', bySchema(cleanedSchema)],
  // Groups of the HTML report's folded detail kept by their parts: safe HTML; the note is the id of the part they open with.
  // (Groups kept by their HTML, `zgroup`, are not checked ahead: a rerun reads one only for a
  // group whose parts changed and whose HTML did not, and there compares it with the HTML it
  // made, which needs no scan. Checking them all cost the first rerun after a full run an
  // inflate and a scan of every group, for pieces it never read.)
  ['zgroup-parts', (value) => (typeof value === 'string' ? keptGroupOpening(value) : undefined)],
];

/** The kinds of piece the checker vouches for, in the order it checks them. */
export const VOUCHED_KINDS: readonly string[] = CHECKS.map(([kind]) => kind);

/** The piece files of `kind` in `folder` that pass its check, with their vouches. A file that cannot be read, or is no piece of the kind, is left out. */
export function vouchFolder(folder: string, kind: string): Array<[name: string, vouch: Vouch]> {
  const check = CHECKS.find(([k]) => k === kind)?.[1];
  if (!check) throw new Error(`no check for pieces of kind ${kind}`);
  const file = new RegExp(`^${kind}-[0-9a-f]{32}\\.json$`);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => file.test(n)).sort();
  } catch {
    return [];
  }
  const out: Array<[string, Vouch]> = [];
  for (const name of names) {
    try {
      const bytes = readFileSync(path.join(folder, name));
      const piece = pieceOf(bytes, kind);
      // (A piece under another file's name is not vouched for: a stage would not find it there.)
      if (!piece || !name.startsWith(`${kind}-${piece.key.slice(0, 32)}.`)) continue;
      const note = check(piece.value, piece.key);
      if (note !== undefined) out.push([name, { sha: createHash('sha256').update(bytes).digest('hex'), note }]);
    } catch {
      // gone: not vouched for, and checked as usual if a stage reads it
    }
  }
  return out;
}
