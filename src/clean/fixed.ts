/**
 * Fixed or open: which findings the cleaned article of a cluster no longer carries.
 *
 * On the canonical version (the text the article is made from) a finding is fixed only when
 * the cleaning resolved it: repaired, removed, or in a block restored from a sibling.
 *
 * A non-canonical version is not published; its finding is fixed when the article holds that
 * passage correctly:
 *  - `dup/near-duplicate`: the versions are merged into the one article;
 *  - a finding about the document as a whole (`cite/no-reference-list`): fixed when the
 *    canonical has no open finding of that rule;
 *  - a finding in a block whose content the article took (restored or inserted from this
 *    version): fixed only when its repair was applied to the copy (it is then resolved);
 *  - a finding in a block aligned to a canonical block: fixed when that block carries no open
 *    finding of the same kind (for the language rules: none of the family, and the block is
 *    in the primary language or was restored); the article holds the canonical's text;
 *  - a finding in a block the article left out: fixed for debris (`artifact/*`), open for
 *    anything else (its content may be missing from the article).
 * Everything else is open: load and engine findings, directive findings, findings on drafts
 * in no cluster. When unsure, open.
 */
import type { Cluster, Document, Finding } from '../types.js';
import { blockAt } from './cluster.js';
import { pushTo } from '../collections.js';

/** Rules whose finding is about the document as a whole, wherever it stands. */
const DOCUMENT_LEVEL = new Set(['cite/no-reference-list']);

/** The rules whose open finding on the canonical block means the article does not hold a member's passage correctly. */
function related(ruleId: string): (other: string) => boolean {
  const family = ruleId.slice(0, ruleId.indexOf('/') + 1);
  if (family === 'lang/' || family === 'dose/') return (other) => other.startsWith(family);
  if (ruleId === 'cite/variant-mismatch') return (other) => other.startsWith('cite/') && other !== 'cite/uncited-claim';
  return (other) => other === ruleId;
}

export interface Cleaned {
  resolved: ReadonlySet<Finding>;
  carried: ReadonlyMap<string, ReadonlySet<number>>;
}

/** The findings of one cluster's drafts that its cleaned article fixed. */
export function fixedFindings(cluster: Cluster, docs: Map<string, Document>, findingsByPath: Map<string, Finding[]>, cleaned: Cleaned): Set<Finding> {
  const fixed = new Set<Finding>();
  const canonical = docs.get(cluster.canonical)!;
  const primary = canonical.language.primary;
  const canonicalFindings = findingsByPath.get(canonical.path) ?? [];
  for (const f of canonicalFindings) if (cleaned.resolved.has(f)) fixed.add(f);
  if (cluster.members.length === 0) return fixed;

  // Open findings of the canonical by block, and the blocks a language finding was resolved in.
  const openByBlock = new Map<number, Finding[]>();
  const openRules = new Set<string>();
  const restored = new Set<number>();
  for (const f of canonicalFindings) {
    const block = blockAt(canonical.blocks, f.span.start.offset);
    if (cleaned.resolved.has(f)) {
      if (block !== undefined && f.ruleId.startsWith('lang/')) restored.add(block);
      continue;
    }
    openRules.add(f.ruleId);
    if (block !== undefined) pushTo(openByBlock, block, f);
  }

  for (const alignment of cluster.alignments) {
    const member = docs.get(alignment.path);
    if (!member) continue;
    const toCanonical = new Map<number, number | null>();
    for (const pair of alignment.pairs) if (pair.member !== null) toCanonical.set(pair.member, pair.canonical);
    const carried = cleaned.carried.get(member.path);
    for (const f of findingsByPath.get(member.path) ?? []) {
      if (cleaned.resolved.has(f) || f.ruleId === 'dup/near-duplicate') {
        fixed.add(f);
        continue;
      }
      if (DOCUMENT_LEVEL.has(f.ruleId)) {
        if (!openRules.has(f.ruleId)) fixed.add(f);
        continue;
      }
      if (!/^(lang|cite|dose|artifact)\//.test(f.ruleId)) continue;
      const block = blockAt(member.blocks, f.span.start.offset);
      if (block === undefined || carried?.has(block)) continue;
      const counterpart = toCanonical.get(block);
      if (counterpart === undefined || counterpart === null) {
        if (f.ruleId.startsWith('artifact/')) fixed.add(f);
        continue;
      }
      const conflicts = related(f.ruleId);
      if ((openByBlock.get(counterpart) ?? []).some((o) => conflicts(o.ruleId))) continue;
      if (f.ruleId.startsWith('lang/') && canonical.language.blocks[counterpart] !== primary && !restored.has(counterpart)) continue;
      fixed.add(f);
    }
  }
  return fixed;
}
