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
