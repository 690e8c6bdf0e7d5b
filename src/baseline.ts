/**
 * Baselines: the findings an existing corpus already had when the gate was adopted, so that
 * only new ones fail the run (`--baseline FILE`, `--write-baseline`).
 *
 * A finding is recorded by rule id, path and a hash of its normalised excerpt — not by line —
 * so it stays recognised when text above it moves. Identical findings (the same stray `<br>`
 * twice in one draft) share a fingerprint; the entry counts them, and at most that many
 * findings match it, so a third copy is new.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { jsonChunks } from './report/json-stream.js';
import type { Piece } from './write.js';
import { ConfigError } from './config.js';
import type { Finding } from './types.js';
import { cmp } from './order.js';

export const BASELINE_FILE = 'draftaudit.baseline.json';

export interface BaselineEntry {
  ruleId: string;
  path: string;
  /** Hash of the normalised excerpt (see `excerptHash`). */
  fingerprint: string;
  /** How many findings with this rule, path and fingerprint the baseline accepts. */
  count: number;
  /** The excerpt, so that a reviewer of the baseline file sees what was accepted. */
  excerpt: string;
}

export interface Baseline {
  tool: 'draftaudit';
  baselineVersion: 1;
  findings: BaselineEntry[];
}

const baselineSchema = z.strictObject({
  tool: z.literal('draftaudit'),
  baselineVersion: z.literal(1),
  findings: z.array(
    z.strictObject({
      ruleId: z.string().min(1),
      path: z.string().min(1),
      fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
      count: z.number().int().positive(),
      excerpt: z.string(),
    }),
  ),
});

/** Unicode NFC, white space collapsed, trimmed: what an editor would call the same text. */
export function normaliseExcerpt(excerpt: string): string {
  return excerpt.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function excerptHash(excerpt: string): string {
  return createHash('sha256').update(normaliseExcerpt(excerpt)).digest('hex').slice(0, 16);
}

/** The key a finding is recorded under: rule id, path and excerpt hash. */
export function fingerprintOf(finding: Pick<Finding, 'ruleId' | 'path' | 'excerpt'>): string {
  return `${finding.ruleId}\u0000${finding.path}\u0000${excerptHash(finding.excerpt)}`;
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const key = fingerprintOf(f);
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { ruleId: f.ruleId, path: f.path, fingerprint: excerptHash(f.excerpt), count: 1, excerpt: normaliseExcerpt(f.excerpt) });
  }
  const sorted = [...entries.values()].sort(
    (a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint),
  );
  return { tool: 'draftaudit', baselineVersion: 1, findings: sorted };
}

export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** `renderBaseline`'s text in pieces, an entry at a time (a large batch's baseline is never one string). */
export function* baselineChunks(baseline: Baseline): Generator<Piece> {
  yield* jsonChunks(baseline);
  yield '\n';
}

export function parseBaseline(text: string, where: string): Baseline {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${where}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${where}: not a draftaudit baseline (${issue.path.map(String).join('.') || 'top level'}: ${issue.message}); write one with --write-baseline`);
  }
  return parsed.data;
}

export async function readBaseline(file: string, shown: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`${shown}: cannot read baseline (${code}); create it with --write-baseline`);
  }
  return parseBaseline(text, shown);
}

export interface BaselineMatch {
  /** Findings the baseline holds. */
  baselined: Set<Finding>;
  /** Entries (with the count left over) that matched fewer findings than they record. */
  unused: BaselineEntry[];
}

/** Matches findings (in their sorted order) against the baseline's counted entries. */
export function matchBaseline(findings: readonly Finding[], baseline: Baseline): BaselineMatch {
  const left = new Map<string, number>();
  for (const e of baseline.findings) {
    const key = `${e.ruleId}\u0000${e.path}\u0000${e.fingerprint}`;
    left.set(key, (left.get(key) ?? 0) + e.count);
  }
  const baselined = new Set<Finding>();
  for (const f of findings) {
    const key = fingerprintOf(f);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      baselined.add(f);
      left.set(key, n - 1);
    }
  }
  const unused = baseline.findings
    .map((e) => {
      const key = `${e.ruleId}\u0000${e.path}\u0000${e.fingerprint}`;
      const n = Math.min(e.count, left.get(key) ?? 0);
      left.set(key, (left.get(key) ?? 0) - n);
      return { ...e, count: n };
    })
    .filter((e) => e.count > 0);
  return { baselined, unused };
}

