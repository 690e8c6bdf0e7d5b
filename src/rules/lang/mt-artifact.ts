/**
 * lang/mt-artifact — traces a machine-translation step leaves inside a sentence:
 * a Latin word fragment glued to Chinese (`分钟eral`, from "mineral" read as "min" + "eral"),
 * two English words glued together (`andeating`), a Han character doubled where Chinese does
 * not reduplicate it (`镁镁`). See src/lang/artifacts.ts for the tests and their guards.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';
import { doubledCharacters, gluedWords, splitWords, type Artifact } from '../../lang/artifacts.js';
import { languageOfScript } from '../../lang/runs.js';
import { maskedRanges } from '../../lang/scan.js';
import { LATIN, languagesOfScript } from '../../lang/scripts.js';
import { ScopedTextMemo } from '../../text-memo.js';

export const mtArtifact: DocumentRule = {
  id: 'lang/mt-artifact',
  scope: 'document',
  meta: {
    description: 'Machine-translation artifact inside a sentence',
    defaultSeverity: 'warning',
    docs: 'A split word glued to Chinese (`分钟eral`), two English words run together (`andeating`) or a doubled Chinese character (`镁镁`). `data.kind` names which; `data.expected` carries the repair where it is known ("and eating", "镁").',
    example: 'You can get magnesium through drinking water andeating foods such as green vegetables.',
    fixable: 'A lower-case function word glued to the next word ("andeating") is split; a glued token with a capital (a name, a brand), two content words, a doubled character and a split word are left for an editor.',
  },
  check(doc, ctx) {
    const findings: RuleFinding[] = [];
    const profile = doc.language;
    const latinIsEnglish = languageOfScript(profile, LATIN) === 'eng';
    const terms = JSON.stringify(ctx.config.allowedTerms);
    const [inEnglish, inOther] = [artifactsMemo.in(`eng ${terms}`), artifactsMemo.in(`other ${terms}`)];
    for (const block of doc.blocks) {
      if (block.kind === 'reference') continue;
      const lang = profile.blocks[block.index] ?? profile.primary;
      const english = lang === 'eng' || (!languagesOfScript(LATIN).includes(lang) && latinIsEnglish);
      for (const a of (english ? inEnglish : inOther).get(block.text, (text) => artifactsOf(text, english, ctx.config.allowedTerms))) {
        const data: Record<string, unknown> = { kind: a.kind, actual: a.actual };
        if (a.expected !== undefined) data.expected = a.expected;
        if (a.fragment !== undefined) data.fragment = a.fragment;
        findings.push({ span: blockSpan(doc.lineStarts, block, a.start, a.end), message: messageOf(a), data });
      }
    }
    return findings;
  },
};

/** The artifacts of a block's text, in text order. */
function artifactsOf(text: string, english: boolean, allowedTerms: readonly string[]): Artifact[] {
  const found: Artifact[] = [...splitWords(text), ...doubledCharacters(text)];
  if (english) found.push(...gluedWords(text, maskedRanges(text, allowedTerms)));
  return found.sort((a, b) => a.start - b.start);
}

/** The artifacts of block texts met again in other versions (see text-memo.ts). */
const artifactsMemo = new ScopedTextMemo<Artifact[]>(2048);

function messageOf(a: Artifact): string {
  switch (a.kind) {
    case 'split-word':
      return `Word fragment “${a.fragment}” glued to Chinese in “${a.actual}”: part of an English word was translated`;
    case 'glued-words':
      return `“${a.actual}” is two words run together: “${a.expected}”`;
    case 'doubled-character':
      return `Doubled character “${a.actual}”; expected “${a.expected}”`;
  }
}
