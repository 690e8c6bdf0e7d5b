/**
 * A line of a flattened table's figures, read the same by the plain-text parser (a table row,
 * not a paragraph) and by the debris look (a table's content, not site furniture).
 */

const FIGURE = /^[<>≤≥~(]?\d/u;
const DATE_OR_TIME = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}/;

/**
 * Whether `text` is a row of figures: three numbers or more, with a row label at most besides
 * them ("Men 19–50 400 420"). A line of whole numbers counting up ("1 2 3 4", a pager) is no
 * row, nor is a line with a date or a time (a meta line). Length and sentence ends are the
 * caller's to judge.
 */
export function isFigureRow(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  let figures = 0;
  let counting = true;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!FIGURE.test(t)) {
      counting = false;
      continue;
    }
    figures++;
    if (!/^\d+$/.test(t) || (k > 0 && Number(t) !== Number(tokens[k - 1]) + 1)) counting = false;
  }
  return figures >= 3 && figures + 1 >= tokens.length && !counting && !DATE_OR_TIME.test(text);
}

const LOOSE_FIGURE = /^[<>≤≥~(]?(?:\d|[½¼¾⅓⅔])/u;
/** What may close a row after its last figure: a short note in brackets ("(AI)") or a footnote star. */
const ROW_NOTE = /\s*(?:\([^()]{1,12}\)|\*+)$/u;

/**
 * Whether `text` may be a row of a table whose label runs to a few words, the units among
 * its figures: "Teens 14-18 years 11 9", "Oysters, cooked 3 ounces 32", "Babies 0-6 months
 * 2 (AI) 2 (AI)" — two figures or more, a figure last, six words at most besides — or whose
 * last columns are words: "Japan (MHLW) 11 8 40 18+ yrs close to the US values", a label of
 * three words at most, three figures or more (not a pager's 1 2 3), nine words at most
 * besides. One such line alone may be anything with numbers in it: the caller takes it for a
 * row only among others of its kind.
 */
export function isLabelledRow(text: string): boolean {
  let rest = text.trim();
  for (let k = 0; k < 2 && ROW_NOTE.test(rest); k++) rest = rest.replace(ROW_NOTE, '');
  const tokens = rest.split(/\s+/);
  if (tokens.length < 3 || DATE_OR_TIME.test(text)) return false;
  let figures = 0;
  let first = -1;
  let counting = true;
  for (let k = 0; k < tokens.length; k++) {
    if (!LOOSE_FIGURE.test(tokens[k]!)) continue;
    if (first >= 0 && Number(tokens[k]) !== Number(tokens[k - 1]) + 1) counting = false;
    if (first < 0) first = k;
    figures++;
  }
  if (figures >= 2 && tokens.length - figures <= 6 && LOOSE_FIGURE.test(tokens[tokens.length - 1]!)) return true;
  return figures >= 3 && first >= 1 && first <= 3 && !counting && tokens.length - figures <= 9;
}

/** A figure of a cell: a number or a range, its unit after it ("0.2 mcg", "29–30 mcg", "7.5", "2 (AI)"). */
const CELL_FIGURE = /^[<>≤≥~]?\d[\d,.]*(?:[–-]\d[\d,.]*)?$/u;
/** What a cell of figures opens with: a figure, or the sex its figure is for. */
const CELL_START = /^(?:[<>≤≥~]?\d|(?:males?|females?|men|women|boys|girls)\s)/iu;
const CELL_WORD = /^(?:[–-]|%|mg|mcg|µg|μg|ug|g|kg|iu|ml|oz|kcal|mmol|males?|females?|men|women|boys|girls|\([a-z]{1,6}\)|毫克|微克|克|国际单位)[,;]?$/iu;

/**
 * Whether `text` is one cell of figures, as a table flattened a cell a line prints its values
 * under their row labels: a figure or two with their units, and the sexes they are for at
 * most ("0.2 mcg", "7.5", "males 25 mcg, females 21 mcg").
 */
export function isValueCell(text: string): boolean {
  // (Most lines fail on their first character or their length: no split for them.)
  const t0 = text.trimStart();
  if (t0.length > 60 || !CELL_START.test(t0)) return false;
  const tokens = text.trim().split(/\s+/);
  if (tokens.length > 8) return false;
  let figures = 0;
  for (const raw of tokens) {
    const t = raw.replace(/[,;]$/u, '');
    if (CELL_FIGURE.test(t)) figures++;
    else if (!CELL_WORD.test(raw)) return false;
  }
  return figures >= 1 && figures <= 2;
}

/** Row labels a table flattened a cell a line alternates with its values, three rows at least. */
const CELL_ROWS = 3;
/** A column's name ends no sentence and no clause. */
const CLOSED = /[.。!！?？;；:：,，]$/u;

/**
 * Which of `texts` (a page's lines of text in order, blank lines left out; `onTop(k)`: line k
 * stands right on top of line k + 1, no blank line between) belong to a table flattened a cell
 * a line: a row label, then its value alone on the next line ("Grape juice, 1 cup" / "7.5",
 * see isValueCell), for three rows or more, and the two columns' names right on top of the
 * first row ("Food" / "Chromium (mcg)"; one short line alone there may be a heading over the
 * table). Read the same by the plain-text parser (no heading among them) and by the debris
 * look (the article's data, not furniture).
 */
export function cellTableLines(texts: readonly string[], onTop: (k: number) => boolean): Uint8Array {
  const marks = new Uint8Array(texts.length);
  const value = texts.map((t) => isValueCell(t));
  const label = (c: number): boolean => !value[c] && texts[c]!.length <= 60 && /\p{L}[^]*\p{L}/u.test(texts[c]!);
  const name = (c: number): boolean => c >= 0 && onTop(c) && label(c) && texts[c]!.length <= 40 && !CLOSED.test(texts[c]!);
  for (let c = 0; c + 1 < texts.length; ) {
    let end = c;
    while (end + 1 < texts.length && label(end) && value[end + 1]) end += 2;
    if ((end - c) / 2 < CELL_ROWS) {
      c++;
      continue;
    }
    marks.fill(1, name(c - 1) && name(c - 2) ? c - 2 : c, end);
    c = end;
  }
  return marks;
}

/**
 * A figure's or a table's caption on a line of its own: its label and number, then its title
 * ("Figure 1. Questions to ask", "Table 2: Iron by age", "表2 推荐摄入量"). Never a heading of
 * a plain-text draft, and the short lines under a table's caption are its cells.
 */
export const CAPTION = /^(?:figure|fig\.|table|tab\.)\s*\d{1,2}[.:：]?\s+\S|^[图圖表]\s*\d{1,2}(?:[.:：\s]|$)/iu;

/** The cells of a pipe row that hold anything: "Iron | 3 mg |" has two, "[养生保健]… | |" one. */
export function filledCells(text: string): number {
  return text.split('|').filter((c) => c.trim() !== '').length;
}
