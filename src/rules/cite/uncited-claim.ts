/**
 * cite/uncited-claim — a sentence that reports research ("Some studies suggest …",
 * "the CARDIA study …", "researchers found", "研究表明") with no citation in the sentence
 * or its paragraph.
 *
 * Any marker counts as a citation: a number, a link, and also a placeholder (which
 * cite/placeholder reports already). Headings, table cells, questions and sentences about
 * the article itself are not claims; the cue list lives in `src/cite/claims.ts`.
 *
 * Drafts often put one sentence per paragraph, so a study is introduced in one paragraph
 * and cited at the end of the next. Two neighbours therefore count as the claim's
 * paragraph: the next one when it opens by pointing back ("This group also exhibited …
 * ( 12 )."), and the previous one when the claim speaks of "this study" or "the
 * researchers". Neither reaches across a heading.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';
import { citations } from '../../cite/index.js';
import { mayHoldCue, opensWithBackReference, refersBack, researchCue } from '../../cite/claims.js';
import { sentences } from '../../cite/sentences.js';

export const uncitedClaim: DocumentRule = {
  id: 'cite/uncited-claim',
  scope: 'document',
  meta: {
    description: 'Research claim without a citation',
    defaultSeverity: 'warning',
    docs: 'A sentence reports research ("studies show", "a 2016 study found", "researchers found", "clinical trial", "研究表明") but neither it nor its paragraph cites a source (a neighbouring paragraph continuing the same study counts as its paragraph). `data.cue` is the wording that reads as a research claim.',
    example: 'Some studies suggest that people struggling with depression may not get the same sleep benefits.',
  },
  check(doc) {
    const found = citations(doc);
    const cited = new Set(found.markers.map((m) => m.block));
    const inList = new Set(found.entries.map((e) => e.block));
    const findings: RuleFinding[] = [];
    const prose = (i: number) => {
      const b = doc.blocks[i];
      return b !== undefined && (b.kind === 'paragraph' || b.kind === 'listItem') && !inList.has(i);
    };
    for (const block of doc.blocks) {
      const i = block.index;
      if (!prose(i) || cited.has(i)) continue;
      // A paragraph without a cue word has no claim; skip its sentence split.
      if (!mayHoldCue(block.text)) continue;
      const nextCites = prose(i + 1) && cited.has(i + 1) && opensWithBackReference(doc.blocks[i + 1]!.text);
      if (nextCites) continue;
      const previousCites = prose(i - 1) && cited.has(i - 1);
      for (const s of sentences(block.text)) {
        const sentence = block.text.slice(s.start, s.end);
        const cue = researchCue(sentence);
        if (!cue || (previousCites && refersBack(sentence))) continue;
        findings.push({
          span: blockSpan(doc.lineStarts, block, s.start, s.end),
          message: `Research claim ("${cue.text}") without a citation in the sentence or its paragraph`,
          data: { cue: cue.text },
        });
      }
    }
    return findings;
  },
};
