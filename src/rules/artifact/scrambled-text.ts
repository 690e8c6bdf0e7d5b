/**
 * artifact/scrambled-text: a Chinese passage in which characters were swapped for letters of
 * unrelated scripts ("ү究" for 研究, "Ă" for 。), as pages that scramble their text against
 * copying, or conversions through the wrong table, leave it (see src/safety/scrambled.ts).
 * What the letters stood for cannot be known: each such block is one finding, reported
 * and never repaired.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';
import { mayBeScrambled, scrambledIn } from '../../safety/scrambled.js';

/** Letters a message names before it says how many more there are. */
const NAMED = 6;

export const scrambledText: DocumentRule = {
  id: 'artifact/scrambled-text',
  scope: 'document',
  meta: {
    description: 'Scrambled text: Chinese characters swapped for letters of other scripts',
    defaultSeverity: 'error',
    docs: 'A Chinese paragraph in which letters of unrelated scripts (Latin Extended, Cyrillic, Armenian, Hebrew, Syriac …) stand between Han characters, where characters and punctuation once were: "ү究" for 研究, "Ă" for 。. Pages that scramble their text against copying, and conversions through the wrong character table, leave it, and the passage reads as nonsense. A paragraph counts with three such letters among twenty Han characters or more; pinyin tone marks, Greek letters (β-胡萝卜素, μg) and words of other languages do not count. `data.letters` lists them.',
    example: '睡前补充镁能帮助肌肉放松Ă不少ү究发现Կ对入睡有益',
    fix: 'Take the passage again from a clean source (the publisher\'s own copy, not the scraped page); what the letters stood for cannot be read from them.',
    fixable: 'Not repaired: the cleaned article keeps the passage as it is.',
  },
  check(doc) {
    const out: RuleFinding[] = [];
    if (!mayBeScrambled(doc.text)) return out;
    for (const block of doc.blocks) {
      const s = scrambledIn(block.text);
      if (!s) continue;
      const named = [...new Set(s.letters)];
      out.push({
        span: blockSpan(doc.lineStarts, block, s.start, s.end),
        message: `Scrambled text: ${s.letters.length} letters of other scripts stand between Chinese characters (${named.slice(0, NAMED).join(' ')}${named.length > NAMED ? ' …' : ''}); the passage cannot be read`,
        data: { letters: s.letters },
      });
    }
    return out;
  },
};
