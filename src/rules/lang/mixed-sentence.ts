/**
 * lang/mixed-sentence — one sentence that switches language halfway
 * ("这是对人类健康至关重要和is used in over 600 cellular reactions").
 *
 * Reported on the foreign run itself, so the editor sees the exact columns. Acronyms,
 * numbers, units, citation markers, URLs and the config's allowed terms belong to no
 * language; borrowed names and terms, and glosses or titles in brackets or quotes, are too
 * short to count as a switch (see src/lang/runs.ts for the thresholds). A block that is
 * foreign apart from such pieces is a lang/foreign-block only.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';
import { languageName } from '../../lang/names.js';
import { foreignRuns, sentenceRuns } from '../../lang/runs.js';
import { WORD, maskedRanges, scanTokens, tokenize, type Token } from '../../lang/scan.js';
import { sentenceRanges } from '../../lang/sentences.js';
import { KANA } from '../../lang/scripts.js';

export const mixedSentence: DocumentRule = {
  id: 'lang/mixed-sentence',
  scope: 'document',
  meta: {
    description: 'Sentence that switches language',
    defaultSeverity: 'error',
    docs: 'A sentence starts in one language and goes on in another: a machine-translation step stopped or started halfway. The finding points at the run in the foreign language; `data.lang` is its ISO 639-3 code and `data.run` its text. Names, acronyms, units, citation markers, URLs, bracketed glosses and allowed terms do not count.',
    example: '这是对人类健康至关重要和is used in over 600 cellular reactions throughout your body ( 3 ).',
    fixable: 'The block is restored from the aligned block of a sibling version that has it in the primary language and keeps every other sentence of the block.',
  },
  check(doc, ctx) {
    const findings: RuleFinding[] = [];
    const profile = doc.language;
    for (const block of doc.blocks) {
      if (block.kind === 'reference' || !hasTwoScripts(block.text)) continue;
      const masked = maskedRanges(block.text, ctx.config.allowedTerms);
      const tokens = tokenize(block.text, masked);
      const runCtx = {
        profile,
        blockLang: profile.blocks[block.index] ?? profile.primary,
        kana: tokens.some((t) => t.script === KANA),
      };
      let t = 0;
      for (const sentence of sentenceRanges(block.text)) {
        const inSentence: Token[] = [];
        while (t < tokens.length && tokens[t]!.start < sentence.start) t++;
        while (t < tokens.length && tokens[t]!.end <= sentence.end) inSentence.push(tokens[t++]!);
        for (const run of foreignRuns(sentenceRuns(block.text, inSentence, runCtx), profile.primary)) {
          const text = block.text.slice(run.start, run.end);
          findings.push({
            span: blockSpan(doc.lineStarts, block, run.start, run.end),
            message: `Sentence switches to ${languageName(run.lang)}: “${clip(text)}”`,
            data: { lang: run.lang, run: text, primary: profile.primary },
          });
        }
      }
    }
    return findings;
  },
};

/** Any character beyond Latin letters, Latin-1 signs and general punctuation. */
const BEYOND_LATIN = /[^\u0000-\u024f\u2000-\u206f]/;

/** True when words of two different scripts stand in `text` (a cheap first test). */
function hasTwoScripts(text: string): boolean {
  if (!BEYOND_LATIN.test(text)) return false;
  let first = 0;
  let two = false;
  scanTokens(text, [], (_s, _e, script, kind) => {
    if (kind !== WORD || two) return;
    if (first === 0) first = script;
    else if (script !== first) two = true;
  });
  return two;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
