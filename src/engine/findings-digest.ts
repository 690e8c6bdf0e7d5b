/**
 * Hashes of one draft's findings, for the keys of what a rerun keeps (`--cache`): its
 * cluster's cleaning (clean/kept.ts) and its report pieces (report/kept-runs.ts,
 * report/html/kept.ts). Each finding is made JSON once a run for both: a rerun of 10,000
 * drafts holds some 120,000 findings, and making each JSON once for the cleaning's keys and
 * again for the reports' took it about half a second.
 *
 * The analysis makes a finding whole; after it, only the cleaner's `fixed` flag is set on
 * it. So a finding's JSON without that flag, taken when the cleaning's key is made, is its
 * JSON for the reports too, and the reports' hash adds which findings are fixed.
 *
 * A list is remembered by its first finding, its last and its length: a draft's findings
 * stand together, in the one order the batch sorts them in, in the cleaner's lists and in the
 * reports', so a list with the same ends and length as one hashed before is that list.
 */
import { KeyBuilder } from './pieces.js';
import type { Finding } from '../types.js';

interface Remembered {
  last: Finding;
  length: number;
  digest: string;
}

const textDigests = new WeakMap<Finding, Remembered>();
const reportDigests = new WeakMap<Finding, Remembered>();

function remembered(memo: WeakMap<Finding, Remembered>, findings: readonly Finding[], make: () => string): string {
  const first = findings[0];
  if (first === undefined) return 'none';
  const last = findings[findings.length - 1]!;
  const known = memo.get(first);
  if (known && known.last === last && known.length === findings.length) return known.digest;
  const digest = make();
  memo.set(first, { last, length: findings.length, digest });
  return digest;
}

/** A finding as JSON.stringify gives it, less its `fixed` flag (with the flag, JSON.stringify writes it last; without, the rest is in the same order). */
function textOf(f: Finding): string {
  if (f.fixed === undefined) return JSON.stringify(f);
  const { fixed: _fixed, ...rest } = f;
  return JSON.stringify(rest);
}

/**
 * A hash of `findings` (one draft's, in order), each as JSON less its `fixed` flag:
 * everything the analysis found, for a key made before or after the cleaner marks findings
 * fixed.
 */
export function findingsTextDigest(findings: readonly Finding[]): string {
  return remembered(textDigests, findings, () => {
    const key = new KeyBuilder();
    for (const f of findings) key.add(textOf(f));
    return key.digest();
  });
}

/**
 * A hash of everything a reporter reads of `findings` (one draft's, in report order): their
 * JSON and which of them are fixed. For the reporters only, which read the findings once they
 * are final: a hash taken before the cleaner marks findings fixed would be remembered past it.
 */
export function findingsDigest(findings: readonly Finding[]): string {
  return remembered(reportDigests, findings, () => {
    let flags = '';
    for (const f of findings) flags += f.fixed === true ? '1' : f.fixed === false ? '0' : '-';
    return new KeyBuilder().add(findingsTextDigest(findings), flags).digest();
  });
}
