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
import type { Sanitised } from './safe.js';

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

/**
 * `artifact/html-tag` findings of the canonical that no repair resolved but whose markup the
 * safe step took out (a `<script>` the sanitiser dropped): every piece of the finding's span
 * went or lost the tag, and nothing but white space of it stands in the article, so the
 * finding is fixed and not counted open in the front matter. `sanitised` is what makeSafe
 * rewrote; a piece of it counts only where it is the canonical's own text (a block restored
 * from a sibling holds that sibling's offsets).
 */
export function goneFromArticle(canonical: Document, findings: readonly Finding[], resolved: ReadonlySet<Finding>, sanitised: readonly Sanitised[]): Finding[] {
  const own = sanitised.filter((s) => canonical.text.slice(s.start, s.end) === s.before).sort((a, b) => a.start - b.start);
  return findings.filter((f) => f.ruleId === 'artifact/html-tag' && !resolved.has(f) && sanitisedAway(canonical.text, f, own));
}

/** True when the sanitiser took the tag of an `artifact/html-tag` finding out of every piece of its span, leaving no text of it. */
function sanitisedAway(text: string, f: Finding, sanitised: readonly Sanitised[]): boolean {
  const tag = typeof f.data?.tag === 'string' ? f.data.tag.toLowerCase() : undefined;
  if (!tag) return false;
  const { offset: start } = f.span.start;
  const { offset: end } = f.span.end;
  let at = start;
  for (const s of sanitised) {
    if (s.end <= start || s.start >= end) continue;
    if (s.start > at && text.slice(at, s.start).trim() !== '') return false;
    if (s.after.toLowerCase().includes(`<${tag}`) || s.after.toLowerCase().includes(`</${tag}`)) return false;
    at = Math.max(at, s.end);
  }
  return at > start && (at >= end || text.slice(at, end).trim() === '');
}
