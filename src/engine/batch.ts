/**
 * The batch look of document rules (`checkBatch`): run once in the main thread after the
 * versions are grouped, with every draft and its cluster in view. Its findings get their
 * severity here and the drafts' directives later, as any other; one that lands on the span of
 * the rule's own per-draft finding replaces it (the batch knows more), so nothing is
 * reported twice.
 */
import type { BatchView, Cluster, Document, DocumentRule, Finding, RuleContext } from '../types.js';
import { crashFinding, Severities, toFinding } from '../findings.js';
import { pushTo } from '../collections.js';
import { z } from 'zod';
import { KeyBuilder, type PieceCache } from './pieces.js';

export function runBatchLooks(
  findings: Finding[],
  docs: readonly Document[],
  clusters: readonly Cluster[],
  rules: readonly DocumentRule[],
  severities: Severities,
  ctx: RuleContext,
  pieces?: PieceCache,
): Finding[] {
  const looking = rules.filter((r) => r.checkBatch && severities.enabled(r));
  if (looking.length === 0 || docs.length === 0) return findings;
  const clusterOf = new Map<string, string>();
  for (const c of clusters) {
    clusterOf.set(c.canonical, c.id);
    for (const m of c.members) clusterOf.set(m.path, c.id);
  }
  const byPath = new Map(docs.map((d) => [d.path, d]));
  const found = new Map<Document, Finding[]>();
  for (const rule of looking) {
    const view: BatchView = { documents: docs, clusterOf: (p) => clusterOf.get(p) ?? p, ...(pieces ? { keep: keeper(pieces, rule.id) } : {}) };
    try {
      for (const f of rule.checkBatch!(view, ctx)) {
        const doc = byPath.get(f.path);
        const finding = doc && toFinding(rule.id, doc, f, severities);
        if (doc && finding) pushTo(found, doc, finding);
      }
    } catch (error) {
      const crash = crashFinding(rule.id, docs[0]!.path, error, severities);
      if (crash) findings.push(crash);
    }
  }
  // Directives apply to these as to every finding, later, once per draft (see audit.ts).
  const added = [...found.values()].flat();
  if (added.length === 0) return findings;
  const key = (f: Finding): string => `${f.ruleId}\u0000${f.path}\u0000${f.span.start.offset}\u0000${f.span.end.offset}`;
  const replaced = new Set(added.map(key));
  return [...findings.filter((f) => !replaced.has(key(f))), ...added];
}

/**
 * `BatchView.keep` over the piece cache: a draft's value is kept under the rule, the draft
 * (path, content hash, primary language) and the rule's own key; the cache folder is one per
 * configuration and code already.
 */
function keeper(pieces: PieceCache, ruleId: string): NonNullable<BatchView['keep']> {
  return <T>(doc: Document, key: string, check: (value: unknown) => value is T, make: () => T): T => {
    const digest = new KeyBuilder().add(ruleId, doc.path, doc.hash, doc.language.primary, key).digest();
    const kept = pieces.get('batch-look', digest, z.custom<T>(check));
    if (kept !== undefined) return kept;
    const value = make();
    pieces.set('batch-look', digest, value);
    return value;
  };
}
