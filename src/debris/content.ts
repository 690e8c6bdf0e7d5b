/**
 * Lines that are the article's own content by their grammar or their data, however short
 * and however close to site debris they stand. A page flattened to text breaks the
 * article's structures into short lines that look like chrome to a classifier of short
 * blocks (jusText's "short" class): the cells of a table, the words a hard line wrap left
 * alone, a drug monograph's field lines, a source named under a quotation. Each cue below is
 * a structure, never a phrase:
 *  - a value line: a quantity with its unit ("800 IU (20 mcg)", "0.4毫克") and little else;
 *  - a row label: a short line right above a value line, the label–value pair of a table
 *    whose rows became lines;
 *  - a continued sentence: a line whose previous line leaves its sentence open (ends in a
 *    lower-case word, a comma, or a function word such as "the") and which goes on in lower
 *    case, or which itself stays open while the next line goes on in lower case;
 *  - the excerpt's last line cut short: the draft's last line ending in the middle of a
 *    phrase of prose (its last word in lower case, no full stop, a function word inside),
 *    after a line that is no sure debris;
 *  - a field line: a 【label】 opening a value, as drug monographs and spec sheets print them;
 *  - a table row in pipes with a dose in a cell ("Iron (elemental) | 3 mg |");
 *  - a list item under its bullet, which the page left alone on the line above;
 *  - a list the line above announces: a sentence of prose ending in a colon ("… can lead
 *    to:"), then a list item or a list flattened onto one line ("• a • b • c");
 *  - the title cut at its colon: the draft's first line ending in one, then a line in title
 *    case that completes it;
 *  - an attribution: a short label ending in a dash or colon, then a bare address; or a bare
 *    address of a public reference source (an agency, a university, a DOI) alone;
 *  - a table flattened a cell a line: a row label above its value alone ("Tuna, 3 ounces" /
 *    "92"), three rows or more, and the two columns' names on top (see cellTableLines);
 *  - a table under its caption ("Table 1. …", "表2 …"): the short lines under it, up to the
 *    first sentence, are its cells, figures or not;
 *  - a table flattened to lines: a row of numbers ("10-12 yrs 38 190 230"), the short lines
 *    right above its first row (caption, column groups, column names: a table repeats them,
 *    which is no furniture) and a legend of its abbreviations right under its last row
 *    ("EAR = …").
 * The classifier (classify.ts) lets only a block's own sure evidence (a pattern of the
 * lexicon, a shape of 3) override a cue; position, repetition and neighbours never do.
 */
import type { Block } from '../types.js';
import type { Features } from './features.js';
import { STOPWORDS } from './lexicon.js';
import { CAPTION, cellTableLines, filledCells, isFigureRow, isLabelledRow } from '../parse/figure-row.js';

/** A number and a unit of dose, mass, volume or energy ("800 IU", "20 mcg", "1,000–2,000 IUs", "0.4毫克"). */
const QUANTITY =
  /(?<![\p{L}\d])\d{1,3}(?:[,，]\d{3})*(?:[.．]\d+)?\s*(?:[-–—~～至到]\s*\d[\d,.]*\s*)?(?:(?:mg|mcg|µg|μg|ug|ng|g|kg|iu|ius|ml|kcal|mmol|µmol|μmol|meq|milligrams?|micrograms?|grams?|international units)(?![\p{L}])|(?:毫克|微克|克|毫升|千卡|国际单位|國際單位))/iu;
const QUANTITY_ALL = new RegExp(QUANTITY.source, 'giu');

// A 【label】 opening a field's value ("【用法】口服…", "【类别】：…"); a bracketed path
// ("【药品/维生素/锌】") or a bracket alone ("【广告】") is no field.
const FIELD = /^【[^】/>|｜\s]{1,10}】\s*(?:[:：]|[^\s:：])/u;
/** Lines under a caption read as its cells at most. */
const CAPTION_CELLS = 60;
// A list's bullet alone on its line.
const BULLET = /^[-–•·*▪●○]$/u;
// A bare web address alone on its line.
const ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;
// A bare address of a public reference source: a government or health agency, a university,
// an international body or a DOI ("https://ods.od.nih.gov/factsheets/…" above the text a
// blog copied from it). Such a line names where the article comes from; a site's own menu
// never prints these hosts as text.
const SOURCE_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?(?:[\w-]+\.)*(?:(?:gov|edu|ac|govt|nhs|int)(?:\.[a-z]{2})?|europa\.eu|doi\.org|nhs\.uk)(?::\d+)?(?:\/\S*)?$/i;
// A title's first half, ending in a colon (two words or more before it), and a second half in
// title case: two to eight words, each capitalised or a short function word.
const TITLE_HEAD = /^\S+(?:\s+\S+){1,10}\s*[:：]$/u;
const TITLE_CASE = /^(?:\p{Lu}[\p{L}\d'’-]*|\d+)(?:\s+(?:\p{Lu}[\p{L}\d'’-]*|\d+|a|an|and|at|by|for|in|of|on|or|the|to|vs\.?|with)){1,7}[?!]?$/u;
// A short label introducing what follows it with a dash or a colon ("Source -", "Via:").
const INTRO = /^[\p{L}][\p{L}'’ ]{0,24}\s*[-–—:：]$/u;

// A list flattened onto one line: a bullet, then items joined by more bullets ("• a • b • c").
const LIST_LINE = /^[•·▪●]\s.*\s[•·▪●]\s/u;

/** Whether a block is a sentence of prose that ends in a colon, announcing what follows ("Too much copper can lead to:"). */
function announces(it: ContentBlock): boolean {
  const f = it.f;
  return it.peak < 3 && /[:：]$/u.test(f.text) && (f.han >= 6 || (f.words >= 5 && f.text.split(/\s+/).some((w) => STOPWORDS.has(w.toLowerCase()))));
}

export interface ContentBlock {
  f: Features;
  /** The strongest single piece of the block's own evidence of debris (3: sure by itself). */
  peak: number;
}

/**
 * Whether a line is a row of a table flattened to text (see isFigureRow; a line with a date is
 * a meta line: "Site 2025-05-10 Health 1602 0"), short and no sentence.
 */
export function isNumberRow(f: Features): boolean {
  return !f.long && f.text.length <= 120 && !f.sentence && isFigureRow(f.text);
}


/** Rows of a table with labels of a few words, one after the other, that make it one (see isLabelledRow). */
const LABELLED_RUN = 3;

// A legend of a table's abbreviations: "EAR = estimated average requirement", "RDA：…".
const LEGEND = /^\p{Lu}{2,}\s*[=＝]/u;

/** Whether a line is a value of the article's data: a quantity with its unit, and at most a few words. */
export function isValueLine(f: Features): boolean {
  if (!f.short || f.text.length > 60 || !QUANTITY.test(f.text)) return false;
  const rest = f.text.replace(QUANTITY_ALL, ' ').replace(/[\p{P}\p{S}\d]/gu, ' ').trim();
  const words = rest === '' ? 0 : rest.split(/\s+/).length;
  return words <= 4 && !/\p{Script=Han}{7}/u.test(rest);
}

/** The last word of a text, lower-cased ("" when it ends in no letter). */
function lastWord(text: string): string {
  const m = /([A-Za-z]+)$/.exec(text);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Whether a block leaves its sentence open: it ends in a comma, or in a function word ("…
 * reported. The"), or — a paragraph, not a heading — in a lower-case letter.
 */
function leavesOpen(block: Block, text: string): boolean {
  if (text === '' || block.kind === 'tableCell' || block.kind === 'reference') return false;
  if (/[,，、]$/u.test(text)) return true;
  if (STOPWORDS.has(lastWord(text))) return true;
  return block.kind !== 'heading' && /[a-z]$/.test(text);
}

/** Whether a text goes on in lower case (after any spaces an indented wrap left). */
function goesOnLower(text: string): boolean {
  return /^[a-z]/.test(text);
}

/** Whether block `b` starts on the line right after block `a` ends (no blank line between). */
function adjacent(a: Block | undefined, b: Block | undefined): boolean {
  return a !== undefined && b !== undefined && b.position.start.line === a.position.end.line + 1;
}

/** Indices of the blocks that are the article's content by one of the cues above. */
export function contentLines(blocks: readonly Block[], items: readonly ContentBlock[]): Set<number> {
  const out = new Set<number>();
  const n = items.length;
  const value = items.map((it) => isValueLine(it.f));
  const text = (i: number): string => items[i]?.f.text ?? '';
  for (let i = 0; i < n; i++) {
    const f = items[i]!.f;
    if (f.long) continue;
    if (value[i]) out.add(i);
    // A row label: the line above a value, paired with it on the next line or in a run of pairs.
    else if (value[i + 1] && f.short && !f.sentence && (adjacent(blocks[i], blocks[i + 1]) || value[i - 2] === true || value[i + 3] === true)) out.add(i);
    // A continued sentence, from either side of the break.
    // (The line before must be running text: words apart by spaces, or a continued line
    // itself; a file name or other sure debris above an image's alt text is none.)
    const running = (j: number): boolean => items[j]!.peak < 3 && (out.has(j) || /\S\s+\S/.test(text(j)));
    if (i > 0 && goesOnLower(text(i)) && running(i - 1) && leavesOpen(blocks[i - 1]!, text(i - 1))) out.add(i);
    if (i + 1 < n && !f.sentence && running(i) && leavesOpen(blocks[i]!, text(i)) && goesOnLower(text(i + 1)) && adjacent(blocks[i], blocks[i + 1])) out.add(i);
    if (FIELD.test(f.text)) out.add(i);
    // A table row in pipes with a dose in one of its cells ("Iron (elemental) | 3 mg |"):
    // data, however short or high on the page. (A menu's items carry no quantity.)
    if (f.text.includes('|') && QUANTITY.test(f.text) && filledCells(f.text) >= 2) out.add(i);
    // An item whose bullet the page left on the line above ("-", then the item's words).
    // (An item of a few words: a label of two, "参与医生", under a stray dash is no item.)
    if (i > 0 && (f.words >= 3 || f.han >= 8) && BULLET.test(text(i - 1)) && adjacent(blocks[i - 1], blocks[i]) && !f.sentence) out.add(i);
    // A list announced by the prose above it. (A label, "Related posts:", is no sentence of prose.)
    if (i > 0 && (blocks[i]!.kind === 'listItem' || LIST_LINE.test(f.text)) && announces(items[i - 1]!)) out.add(i);
    if (ADDRESS.test(f.text) && SOURCE_ADDRESS.test(f.text)) out.add(i);
    // The title cut at its colon: the draft's first line ends in one ("Vitamins K1 and K2:"),
    // and the next line completes it in title case ("All You Need To Know").
    if (i === 1 && items[0]!.peak < 3 && TITLE_HEAD.test(text(0)) && f.short && !f.sentence && TITLE_CASE.test(f.text)) out.add(i);
    if (INTRO.test(f.text) && ADDRESS.test(text(i + 1)) && adjacent(blocks[i], blocks[i + 1])) {
      out.add(i);
      out.add(i + 1);
    }
  }
  // A table flattened to lines: its rows of numbers, the short lines right above its first
  // row (caption, column groups, column names) and a legend under its last.
  // Rows whose labels run to a few words ("Teens 14-18 years 11 9") count in a run of three.
  const row = items.map((it) => isNumberRow(it.f));
  const labelled = items.map((it) => !it.f.long && !it.f.sentence && it.f.text.length <= 100 && isLabelledRow(it.f.text));
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && labelled[j]) j++;
    if (j - i >= LABELLED_RUN) for (let k = i; k < j; k++) row[k] = true;
    i = Math.max(j, i + 1);
  }
  for (let i = 0; i < n; i++) {
    if (!row[i]) continue;
    out.add(i);
    if (i > 0 && row[i - 1]) continue;
    // (Up to three lines, or up to eight that stand line by line with the first row: a header
    // whose column names and units the page printed a cell a line.)
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
      const f = items[j]!.f;
      if (f.long || f.sentence || !f.short || (j < i - 3 && !adjacent(blocks[j], blocks[j + 1]))) break;
      out.add(j);
    }
    let k = i + 1;
    while (k < n && row[k]) k++;
    if (k < n && LEGEND.test(text(k))) out.add(k);
  }
  // A table under its caption ("Table 1. Classification of deficiency", "表2 推荐摄入量"; a
  // figure's caption, "Figure 1. …", heads its labels the same way), its
  // cells a line each with no figure among them ("None", "Mild", "Moderate"): the short lines
  // under the caption, up to the first sentence.
  for (let i = 0; i + 1 < n; i++) {
    if (!CAPTION.test(text(i))) continue;
    for (let j = i + 1; j < n && j <= i + CAPTION_CELLS; j++) {
      const f = items[j]!.f;
      if (f.long || f.sentence || !f.short) break;
      out.add(j);
    }
  }
  // A table flattened a cell a line: each row label above its value alone, and the columns' names.
  const cells = cellTableLines(
    items.map((it) => it.f.text),
    (k) => adjacent(blocks[k], blocks[k + 1]),
  );
  for (let i = 0; i < n; i++) if (cells[i] === 1) out.add(i);
  // The excerpt's last line, cut short in the middle of a phrase of prose.
  let last = n - 1;
  while (last >= 0 && items[last]!.f.normalised === '' && !items[last]!.f.long) last--;
  let before = last - 1;
  while (before >= 0 && items[before]!.f.normalised === '' && !items[before]!.f.long) before--;
  // (Its last word in lower case, cut: a teaser title in capitals is whole. After sure debris —
  // "Related articles", then "Back to top button" — it is the page's foot, not the article.)
  if (last >= 0 && (before < 0 || items[before]!.peak < 3)) {
    const f = items[last]!.f;
    if (!f.long && f.words >= 2 && /(?:^|\s)[a-z]+$/.test(f.text) && !/[.!?。！？:：]/u.test(f.text) && f.text.split(/\s+/).some((w) => STOPWORDS.has(w.toLowerCase()))) out.add(last);
  }
  return out;
}
