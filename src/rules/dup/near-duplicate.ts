/**
 * dup/near-duplicate — a draft that is another version of an article already in the batch.
 *
 * The corpus stage groups versions into clusters and picks one canonical version per
 * cluster; every other member gets one finding, at its first block, naming the canonical
 * version and the similarity between the two. The cleaned output is published from the
 * canonical version only, so each article is published once. An article with several
 * editions (a complete translation) is published once per language: the canonical of each
 * edition gets no finding, and a version of an edition names that edition's canonical.
 */
import type { ClusterRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';

export const nearDuplicate: ClusterRule = {
  id: 'dup/near-duplicate',
  scope: 'cluster',
  meta: {
    description: 'Draft is a version of another draft in the batch',
    defaultSeverity: 'info',
    docs: 'The draft shares most of its text, or its citations and figures when it is a translation, with another draft (similarity at or above `similarityThreshold`, 0.5 by default). Only the canonical version — the most complete one in the primary language — is published; `data.canonical` names it and `data.similarity` gives the similarity (0–1).',
    fix: 'Nothing to fix in this draft: it is published through its article\'s canonical version. Delete the draft once its changes are merged there, or keep it out of the input folder.',
    example: 'input/001.txt is a version of input/002.txt (similarity 0.95)',
  },
  check(view) {
    const findings: Array<RuleFinding & { path: string }> = [];
    const { cluster, canonical } = view;
    for (const member of view.members) {
      if (member.path === cluster.canonical) continue;
      const edition = cluster.editions?.find((e) => e.members.includes(member.path));
      if (edition?.canonical === member.path) continue;
      const of = edition && edition.canonical !== cluster.canonical ? edition.alignments.find((a) => a.path === member.path) : undefined;
      const canonicalPath = of ? edition!.canonical : canonical.path;
      const similarity = of?.similarity ?? cluster.members.find((m) => m.path === member.path)?.similarity ?? 0;
      const first = member.blocks[0];
      const span = first
        ? blockSpan(member.lineStarts, first, 0, first.text.length)
        : { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
      findings.push({
        path: member.path,
        span,
        message: `Version of ${canonicalPath} (similarity ${similarity.toFixed(2)}); the article is published from that one`,
        data: { canonical: canonicalPath, similarity },
      });
    }
    return findings;
  },
};
