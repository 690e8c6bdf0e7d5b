/**
 * cite/placeholder — a citation placeholder that names no source: "(source)",
 * "[citation needed]", "(link)", "（来源）", or a link with no target. Drafts exported
 * from a CMS keep the word where the link was lost.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { citations } from '../../cite/index.js';

export const placeholder: DocumentRule = {
  id: 'cite/placeholder',
  scope: 'document',
  meta: {
    description: 'Citation placeholder with no source',
    defaultSeverity: 'error',
    docs: 'The text says "(source)", "[citation needed]" or "(link)" where a citation should be, or links a word to nothing. The reader cannot check the claim; add the source or drop the claim.',
    fix: 'Replace the placeholder with the real citation (a numbered marker and its reference entry), or rewrite or drop the claim if no source supports it.',
    example: 'promote GABA at the same time (source).',
  },
  check(doc) {
    const findings: RuleFinding[] = [];
    for (const marker of citations(doc).markers) {
      if (marker.kind !== 'placeholder') continue;
      findings.push({
        span: marker.span,
        message: `Citation placeholder \`${marker.text}\` names no source`,
        data: { placeholder: marker.text },
      });
    }
    return findings;
  },
};
