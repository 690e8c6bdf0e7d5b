/**
 * Scrambled Chinese: a passage in which some Han characters and punctuation were swapped for
 * letters of unrelated scripts ("研究" as "ү究", "。" as "Ă", "的" as "Կ"). Pages that scramble
 * their text against copying (a font that draws other glyphs than the characters it holds),
 * and conversions through the wrong table, leave such passages; a scraper takes the characters
 * as they are stored, and the article reads as nonsense. Nothing can tell what the characters
 * stood for: the passage can only be reported.
 *
 * A stray letter counts where it stands right beside a Han character and beside no other
 * letter (a word of another language written in a Chinese passage is a run of letters, not one
 * between two characters), and is not one Chinese text uses: the tone marks of pinyin
 * (ā á ǎ à …, ü), Greek (β-胡萝卜素, α-生育酚, μg) and the signs × and ÷. A paragraph needs
 * three of them among at least twenty Han characters. Written here: no library looks for this.
 */

export interface Scrambled {
  /** The paragraph's first and last stray letter (offsets in its text). */
  start: number;
  end: number;
  /** The stray letters, in order. */
  letters: string[];
}

/** Letters of other scripts (Latin-1 and Latin Extended, IPA, Cyrillic, Armenian, Hebrew to Thaana, Indic). */
const STRAY = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0400-\u058F\u0590-\u07BF\u0900-\u0DFF]/u;
const PINYIN = new Set('āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜ');
const HAN = /\p{Script=Han}/u;
/** A letter of a script other than Han: a stray letter beside one is part of a word. */
const OTHER_LETTER = /(?!\p{Script=Han})\p{L}/u;
/** Stray letters a paragraph needs, and Han characters around them. */
const MIN_STRAY = 3;
const MIN_HAN = 20;

/** Whether `text` holds any letter of the scripts looked for, and Han: most drafts do not, and one test passes them over. */
export function mayBeScrambled(text: string): boolean {
  return STRAY.test(text) && HAN.test(text);
}

/** The scrambled letters of one paragraph's text (offsets in it), if it has enough of them. */
export function scrambledIn(para: string): Scrambled | undefined {
  const chars = [...para];
  const letters: string[] = [];
  let han = 0;
  let first = -1;
  let last = -1;
  let at = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (HAN.test(c)) han++;
    else if (STRAY.test(c) && !PINYIN.has(c)) {
      const before = chars[i - 1] ?? '';
      const after = chars[i + 1] ?? '';
      if (!OTHER_LETTER.test(before) && !OTHER_LETTER.test(after) && (HAN.test(before) || HAN.test(after))) {
        letters.push(c);
        if (first < 0) first = at;
        last = at + c.length;
      }
    }
    at += c.length;
  }
  return letters.length >= MIN_STRAY && han >= MIN_HAN ? { start: first, end: last, letters } : undefined;
}
