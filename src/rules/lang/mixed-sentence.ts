/**
 * lang/mixed-sentence — a sentence that switches language halfway
 * ("这是对人类健康至关重要和is used in over 600 cellular reactions"), in either direction
 * (an English clause in a Chinese article: "睡前服用镁补充剂 may help you fall asleep faster，
 * 但…"), and a whole sentence in another language inside a paragraph in the primary one
 * ("镁很重要。Magnesium also helps the body turn food into energy. 每天…").
 *
 * The split between the two lang rules (src/lang/switches.ts): a block is in the language of
 * most of its (weighted) letters. A block not in the primary language, with no clause in it,
 * is a lang/foreign-block, once. A block that holds clauses of both (whichever outweighs) is
 * reported here, on each foreign run itself, so the editor sees the exact columns.
 *
 * Acronyms, numbers, units, citation markers, URLs and the config's allowed terms belong to
 * no language. A run counts as a switch when it is a clause (for Latin script among CJK: three
 * lower-case words with a clause-making function word such as "the, is, to, that, may", or
 * six that are no list; for Han: four characters); names, journal titles and lists of
 * chemical, drug or food names are not, and glosses or titles in brackets or quotes need far
 * more (see src/lang/runs.ts for the thresholds).
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';
import { languageName } from '../../lang/names.js';
import { blockSwitches } from '../../lang/switches.js';

export const mixedSentence: DocumentRule = {
  id: 'lang/mixed-sentence',
  scope: 'document',
  meta: {
    description: 'Sentence that switches language',
    defaultSeverity: 'error',
    docs: 'A sentence starts in one language and goes on in another, or a whole sentence in another language stands inside a paragraph in the primary language: a machine-translation step stopped or started halfway. Works in both directions (a Chinese run in an English article, an English clause in a Chinese one). The finding points at the run in the foreign language; `data.lang` is its ISO 639-3 code and `data.run` its text. Names, journal titles, acronyms, units, chemical and drug names, citation markers, a study named by its PubMed id or DOI, URLs, bracketed glosses and allowed terms do not count. A block in another language with no clause in the primary one is a lang/foreign-block instead; a passage is never reported by both.',
    fix: 'Finish the translation of the sentence so that it is in one language; keep a name or a glossed term in the original only where readers need it (add it to `allowedTerms`).',
    example: '这是对人类健康至关重要和is used in over 600 cellular reactions throughout your body ( 3 ).',
    fixable: 'The block is restored from the aligned block of a sibling version that has it in the primary language and keeps every other sentence of the block.',
  },
  check(doc, ctx) {
    const findings: RuleFinding[] = [];
    const profile = doc.language;
    for (const block of doc.blocks) {
      for (const run of blockSwitches(block, profile, ctx.config.allowedTerms).runs) {
        const text = block.text.slice(run.start, run.end);
        findings.push({
          span: blockSpan(doc.lineStarts, block, run.start, run.end),
          message: `Sentence switches to ${languageName(run.lang)}: “${clip(text)}”`,
          data: { lang: run.lang, run: text, primary: profile.primary },
        });
      }
    }
    return findings;
  },
};

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
