/**
 * The plain-text normaliser: turns a .txt draft into mdast with positions in the file.
 *
 * Written by hand because no Markdown parser reads plain text as the drafts mean it:
 * one paragraph per line in some files and per blank-line group in others, a title on
 * the first line, title-cased lines as section headings, "•" bullets, pipe tables, and a
 * "References:" line followed by one URL per line.
 */
import type {
  Heading,
  List,
  ListItem,
  Paragraph,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  ThematicBreak,
  PhrasingContent,
} from 'mdast';
import type { Position } from 'unist';
import { pointAt } from '../position.js';
import { trimUrl } from '../cite/url.js';
import { CAPTION, cellTableLines, filledCells, isFigureRow, isLabelledRow } from './figure-row.js';
import { REFERENCES_TITLE as REFERENCES } from './references-title.js';
import { byline } from '../lang/dates.js';

interface Line {
  /** 0-based line number. */
  n: number;
  start: number;
  /** Offset of the end of the line's content (before the line break). */
  end: number;
  text: string;
}

const BULLET = /^(\s*)([•·●▪◦‣*+-]|\d{1,3}[.)])\s+/u;
/** A divider: three or more stars, dashes or underscores alone on a line, spaced or not. */
const DIVIDER = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/u;
/** A line wholly in bold Markdown: its stars (or underscores) and the words between. */
const BOLD_LINE = /^(\*\*|__)(?=\S)(.+?)(?<=\S)\1\s*$/u;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** A rule row of pipes alone. */
const BARE_RULE = /^\s*\|{2,}\s*$/;
// A legend of a table's abbreviations ("EAR = estimated average requirement").
const LEGEND = /^\p{Lu}{2,}\s*[=＝]/u;
const TITLE_PREFIX = /^\s*title\s*:\s*/i;
/** The hashes of a Markdown heading and the spaces after them (up to three spaces before). */
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(?=\S)/;
/** A heading's closing hashes and trailing spaces. */
const ATX_CLOSE = /(?:[ \t]+#+)?[ \t]*$/;
const FAQ = /^(frequently asked questions|faqs?|常见问题)\b/iu;
/**
 * A line that ends a sentence, also with citation digits flattened after the stop ("… function.4",
 * "… calm.5, 6"). (The stop is matched before the character behind it is looked at: a
 * look-behind first would be tried at every character of the line.)
 */
const END_OF_SENTENCE = /(?:[.。!！;；,，:：…]["'”’)]*|\.(?<=[\p{L})%]\.)\d{1,3}(?:(?:[,–-]|,\s)\d{1,3})*)$/u;
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/gu;
const HAN_ALL = /\p{Script=Han}/gu;
/**
 * What a heading never is: a line that starts with a closing bracket or a glued bullet or
 * dash ("42). Because …", "·Today's picks", "----Pharmacy"), that holds an amount with a
 * unit ("600 IU (15 mcg)", "女,41歲": a table cell or a form field), or that stops on an
 * article, determiner or conjunction ("… in immune defence, these": a wrapped sentence).
 */
const NOT_HEADING_START = /^[^\p{L}\p{N}([（【]*[)\]）】]|^[·•●▪◦‣\-–—]/u;
const AMOUNT_WITH_UNIT =
  /\d\s*(?:(?:mg|mcg|µg|μg|g|kg|IU|ml|mL)(?![\p{L}\p{N}])|毫克|微克|克|毫升|国际单位|國際單位|岁|歲)/u;
// (Words a sentence broken by a hard wrap stops on, and a heading does not: "…the mineral
// Selenium at". Prepositions in lower case only, and not those a heading may end on: "what
// to look for", "foods to stay away from".)
const OPEN_ENDING = /\s(?:a|an|[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|and|or|but|nor|of|its|their|such|than|at|in|on|to|with|by|into|as|per|is|are|was|were|be|been|has|have|had|can|will|may|should|would|could|that|which|who|whose|your|our|my|if|when|because|while)$/u;
/**
 * A Chinese line that stops on a word calling for what follows ("…有一种矿物质最关键，那就是",
 * "…因为"): a sentence whose end the scrape lost (a picture, a cut excerpt), not a heading. (No
 * word a heading or an idiom may end on: 和 ends "心平气和", 在 ends "无处不在".)
 */
const HAN_OPEN_ENDING = /(?:就是|即是|便是|是|因为|因為|由于|由於|所以|但是|而且|并且|並且|以及|或者|甚至|比如|例如|包括|如果|虽然|雖然|而|把|被|从|從)$/u;
/** The commas and semicolons that join clauses (an enumeration's 、 is no clause). */
const CLAUSE_MARK = /[,，;；]/gu;
/** A line that ends on a citation ("… during development [55, 56]", "… functions. [18]") is cited prose or an item: a heading cites nothing. */
const CITED_END = /\[\s*\d{1,3}(?:\s*[,，–-]\s*\d{1,3})*\s*\]$/u;
/** A note opened by its label ("注:治疗期不超过2个月", "Note: take it with food"): a remark, not a heading. */
const NOTE = /^(?:注|备注|備註|附注|附註|说明|說明|提示|温馨提示|溫馨提示|注意|notes?|n\.?b\.?|tip|warning|caution)\s*[:：]\s*\S/iu;
/**
 * A byline or a dateline: "By | Friday, 12 June 2015", "March 15 2018 by Sam Lee, M.D." (a
 * heading names no author beside a year). ("By Age Group" heads a table's part.) A name with a
 * role or fields after it ("By Dana Whitfield, Associate Editor", "By JO PARK | May 26, 2011")
 * is lang/dates.ts's byline, see `isHeadingLine`.
 */
const BYLINE = /^[Bb]y\s*[|｜:：]|\b(?:19|20)\d{2}\b.{0,20}\b[Bb]y\s+\p{Lu}|\b[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},?\s+(?:19|20)\d{2}\b/u;
/**
 * Lines no heading or title is made of: markup or an inlined image left in the text
 * ("On<image>data:image/…</image>"), and a name with its degrees ("Elle Penner, MPH, RD"), an
 * author's credit.
 */
const NO_HEADING = /<\/?[a-z][^<>]*>|\bdata:image\/|^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]*){1,3},\s*(?:MPH|RDN?|M\.?D\.?|Ph\.?D\.?|MSc?|DO|RN|NP|PA-C|CNS|LDN?|DrPH|PharmD|MBBS|FACP)\b/u;
/** A work's numbers as a reference gives them ("… 1997;65(3):803-13", "2012, 17(12): 1161"), or its DOI or PMID: a wrapped entry's line. */
const CITATION_DATA = /(?:19|20)\d{2}\s*[;,]\s*\d{1,4}\s*(?:\(\s*[\d–-]+\s*\))?\s*[:,]\s*[a-z]?\d|\bdoi\s*[:：]|\bPMID\b/iu;
/** A letter's or a forum post's sign-off: "Thanks, Janey", "Best wishes, Tom", "Cheers!". */
const SIGN_OFF = /^(?:thanks|thank\s+you|many\s+thanks|cheers|regards|best|best\s+wishes|kind\s+regards|warm\s+regards|all\s+the\s+best|take\s+care)\s*[,!.]?(?:\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)?\s*[.!]?$/iu;
/** Lines of these shapes are never headings, however short: cited prose, notes, bylines, markup, credits, a reference's data, captions and sign-offs. */
const NEVER_A_HEADING: readonly RegExp[] = [CITED_END, NOTE, BYLINE, NO_HEADING, CITATION_DATA, CAPTION, SIGN_OFF];
/** A run of this many short lines (table cells, a sidebar's links, a list without its bullets) holds no heading. */
const SHORT_RUN = 5;
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into nor of on or per so the to up via vs with its is are be'.split(' '),
);

export function parseText(text: string, lineStarts: number[]): Root {
  const lines = splitLines(text, lineStarts);
  const wrapped = isHardWrapped(lines);
  const children: RootContent[] = [];
  const pos = (start: number, end: number): Position => ({
    start: pointAt(lineStarts, start),
    end: pointAt(lineStarts, end),
  });
  // A heading's line in bold Markdown typed into plain text ("**蔬果含豐富鉀離子 較為健康**"):
  // the heading is the words between the stars, the stars its markup.
  const headingOf = (depth: Heading['depth'], line: Line, from: number): Heading => {
    const bold = BOLD_LINE.exec(line.text.slice(from));
    const start = line.start + from + (bold ? bold[1]!.length : 0);
    const end = bold ? line.start + from + bold[0].trimEnd().length - bold[1]!.length : line.end;
    return heading(depth, phrasing(text, start, end, pos), pos(start, end));
  };

  const inRun = shortRuns(lines);
  const labelledRows = linesInRuns(lines, labelledRow, 3);
  const inShortBlock = linesInRuns(lines, shortBlockLine, 3);
  const inCellTable = cellTables(lines);
  let sawTitle = false;
  let inFaq = false;
  let i = 0;
  // YAML front matter ("---" lines around "title: …"), as a Markdown draft has it.
  const front = frontMatterEnd(lines);
  if (front !== undefined) {
    const first = lines[1]!;
    const last = lines[front - 1]!;
    children.push({ type: 'yaml', value: text.slice(first.start, front > 1 ? last.end : first.start), position: pos(0, lines[front]!.end) });
    i = front + 1;
  }
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.trim() === '') {
      i++;
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const next = nextContent(lines, i + 1);

    // A Markdown heading typed into a plain-text draft ("#### 每日建議攝取量") is a heading of its
    // depth; a line that goes on as a sentence ("# is the sign for number.") is text.
    const atx = ATX_HEADING.exec(line.text);
    const end = atx ? line.text.replace(ATX_CLOSE, '').length : 0;
    if (atx && end - atx[0].length <= 110 && !END_OF_SENTENCE.test(line.text.slice(atx[0].length, end).trim())) {
      const from = atx[0].length;
      children.push(heading(atx[1]!.length as Heading['depth'], phrasing(text, line.start + from, line.start + end, pos), pos(line.start + from, line.start + end)));
      sawTitle = true;
      i++;
      continue;
    }

    // A divider typed as in Markdown ("* * *", "---", "___"): a break between sections, not a
    // bullet with a star for its text.
    if (DIVIDER.test(line.text)) {
      children.push({ type: 'thematicBreak', position: pos(line.start + lead, line.end) } satisfies ThematicBreak);
      i++;
      continue;
    }

    // A "References:" line opens the reference list, which runs to the end of its entries.
    const ref = REFERENCES.exec(line.text);
    if (ref && next !== undefined) {
      const labelStart = line.start + lead;
      const labelEnd = labelStart + ref[1]!.length;
      children.push({
        type: 'heading',
        depth: 2,
        children: [{ type: 'text', value: ref[1]!, position: pos(labelStart, labelEnd) }],
        position: pos(labelStart, line.end),
      });
      const items: ListItem[] = [];
      const numbers: Array<number | undefined> = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (l.text.trim() === '') continue;
        if (!looksLikeReference(l.text)) break;
        const m = BULLET.exec(l.text);
        const from = m ? m[0].length : l.text.length - l.text.trimStart().length;
        items.push(listItem(paragraphOf([l], from, text, pos)));
        numbers.push(m ? numberOf(m[2]!) : undefined);
      }
      if (items.length > 0) children.push(...lists(items, numbers));
      sawTitle = true;
      i = j;
      continue;
    }

    // Pipe tables: a header row, a rule row, then body rows. GFM lets the rows go without a
    // leading pipe ("Age | Limit |"); a plain-text draft may also drop the rule row, and then
    // three lines or more of as many cells make the table.
    const leading = TABLE_ROW.test(line.text);
    const cells = leading ? 0 : pipeCells(line.text);
    // (A scraped table may keep its rule row's pipes and lose its dashes: "||||".)
    const ruled =
      (leading || cells >= 2) &&
      i + 1 < lines.length &&
      (TABLE_RULE.test(lines[i + 1]!.text) || (leading && BARE_RULE.test(lines[i + 1]!.text) && TABLE_ROW.test(lines[i + 2]?.text ?? ''))) &&
      (cells === 0 || (cells >= 2 && pipeCells(lines[i + 1]!.text) === cells));
    // (Without a rule row, a header of one filled cell and empty ones is no table: a list of
    // links a page closes with bars, "[养生保健]科普：… | |".)
    const unruled = !ruled && cells >= 2 && !TABLE_RULE.test(line.text) && filledCells(line.text) >= 2 && pipeCells(lines[i + 1]?.text ?? '') === cells && pipeCells(lines[i + 2]?.text ?? '') === cells;
    if (ruled || unruled) {
      const rows: TableRow[] = [tableRow(line, text, pos)];
      let j = ruled ? i + 2 : i + 1;
      const body = (t: string): boolean => (cells === 0 ? TABLE_ROW.test(t) : ruled ? pipeCells(t) >= 2 : pipeCells(t) === cells);
      while (j < lines.length && body(lines[j]!.text)) rows.push(tableRow(lines[j++]!, text, pos));
      children.push({
        type: 'table',
        align: rows[0]!.children.map(() => null),
        children: rows,
        position: pos(line.start, lines[j - 1]!.end),
      } satisfies Table);
      sawTitle = true;
      i = j;
      continue;
    }

    // Bullets and numbered items; consecutive ones make one list, and an item indented under
    // another is nested in it (a plain-text draft keeps its outline by its indents: "1. Daily
    // multivitamin" over "  • at least:" over "    • 400 mcg folate").
    if (BULLET.test(line.text)) {
      const entries: ListEntry[] = [];
      let j = i;
      while (j < lines.length) {
        const l = lines[j]!;
        const m = BULLET.exec(l.text);
        if (!m) break;
        const ordered = /^\d/.test(m[2]!);
        const indent = indentOf(m[1]!);
        // (Items of the other kind at the first item's indent start a list of their own.)
        if (entries.length > 0 && ordered !== entries[0]!.ordered && indent <= entries[0]!.indent) break;
        const para = paragraphOf([l], m[0].length, text, pos);
        j++;
        // Hard-wrapped files continue an item on indented lines.
        while (wrapped && j < lines.length && /^\s{2,}\S/.test(lines[j]!.text) && !BULLET.test(lines[j]!.text)) {
          appendLine(para, lines[j]!, text, pos);
          j++;
        }
        entries.push({ item: listItem(para), indent, ordered, number: ordered ? numberOf(m[2]!) : undefined });
        if (j < lines.length && lines[j]!.text.trim() === '' && !BULLET.test(lines[j + 1]?.text ?? '')) break;
        while (j < lines.length && lines[j]!.text.trim() === '' && BULLET.test(lines[j + 1]?.text ?? '')) j++;
      }
      children.push(...nestedLists(entries, 0, entries.length));
      sawTitle = true;
      i = j;
      continue;
    }

    // The title: the first content line, when it reads as one. (A slug of it in lower case
    // above it, "benefits of vitamin c" over "The Many Benefits of Vitamin C", is not.)
    if (!sawTitle && !(next !== undefined && isSlugOf(line.text, next.text))) {
      sawTitle = true;
      const prefix = TITLE_PREFIX.exec(line.text);
      if (prefix || (next !== undefined && isTitleLine(line.text))) {
        const from = prefix ? prefix[0].length : lead;
        children.push(headingOf(1, line, from));
        i++;
        continue;
      }
    }

    if (
      next !== undefined &&
      isHeadingLine(line.text, inFaq, wrapped || (inRun[i] === 1 && (!longLine(line.text) || EXPLAINED.test(line.text)))) &&
      !continues(lines, i) &&
      !afterLoneMarker(lines, i) &&
      !tableStructure(lines, i, labelledRows) &&
      !underColon(lines, i) &&
      !(inColonList(lines, i) && !isTitleCased(line.text.trim())) &&
      !withinShortLines(lines, i, inShortBlock) &&
      !inCellTable(i)
    ) {
      const isQuestion = line.text.trimEnd().endsWith('?');
      children.push(headingOf(inFaq && isQuestion ? 3 : 2, line, lead));
      inFaq = FAQ.test(line.text.trim()) || (inFaq && isQuestion);
      i++;
      continue;
    }

    // A paragraph: one line, or in hard-wrapped files every line up to a blank one; elsewhere
    // the lines of a sentence a wrap broke (see wrapsOn).
    const para = paragraphOf([line], lead, text, pos);
    let j = i + 1;
    while (j < lines.length && lines[j]!.text.trim() !== '' && (inOpenMarker(lines, j) || (!startsBlock(lines[j]!.text) && (wrapped || wrapsOn(lines[j - 1]!.text, lines[j]!.text))))) {
      appendLine(para, lines[j]!, text, pos);
      j++;
    }
    children.push(para);
    i = j;
  }

  return {
    type: 'root',
    children,
    position: pos(0, text.length),
  };
}

/** Index of the line that closes front matter opened on the first line, when the lines between are YAML keys. */
function frontMatterEnd(lines: Line[]): number | undefined {
  if (lines[0]?.text !== '---') return undefined;
  for (let j = 1; j < Math.min(lines.length, 60); j++) {
    const t = lines[j]!.text;
    if (t === '---' || t === '...') return j > 1 ? j : undefined;
    if (!/^(?:[A-Za-z_][\w -]*:(?:\s|$)|\s+\S|\s*#|\s*$)/.test(t)) return undefined;
  }
  return undefined;
}

function splitLines(text: string, lineStarts: number[]): Line[] {
  return lineStarts.map((start, n) => {
    let end = n + 1 < lineStarts.length ? lineStarts[n + 1]! : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    // Trailing spaces are not content.
    while (end > start && /[ \t\u00a0\u3000]/.test(text[end - 1]!)) end--;
    return { n, start, end, text: text.slice(start, end) };
  });
}

/**
 * Whether `next` goes on with the sentence `line` leaves open, in a draft not wrapped as a
 * whole (a page whose paragraphs were wrapped here and there): `line` stops on a word that
 * cannot end a sentence (see OPEN_ENDING), or is as long as a wrapped line (forty characters
 * or more) and ends on a word or a comma; and `next` goes on in lower case ("…richest food
 * source, with" / "levels of the mineral at" / "about 1,900 mcg …"). A list without bullets
 * has short items and is left alone.
 */
function wrapsOn(line: string, next: string): boolean {
  const t = line.trim();
  // (Only the line's end is read for its last word: a paragraph may be a very long line.)
  const open = OPEN_ENDING.test(t.slice(-12)) || (t.length >= 40 && /[\p{Ll}\p{Lu},]$/u.test(t) && !HAN.test(t.slice(-1)));
  return open && goesOnLower(next);
}

/** A line that ends inside a bracketed citation: "… of infection [", "… prevention [7,". */
const OPENS_MARKER = /\[(?:\s*\d{1,3}\s*[,，–-])*\s*$/u;
/** A line of a bracketed citation's numbers alone, the bracket still open: "7,". */
const MARKER_ITEMS = /^\s*(?:\d{1,3}\s*[,，–-]\s*)+$/u;
/** A line that goes on with a bracketed citation's numbers: "9].", "8]. However, …", "7,". */
const MARKER_GOES_ON = /^\s*\d{1,3}\s*(?:[,，–-]|\])/u;

/**
 * Line `j` goes on with a bracketed citation a line above it left open, as scraped journal
 * pages break "[" / "7," / "8]." over lines: the lines are one sentence and one marker.
 */
function inOpenMarker(lines: Line[], j: number): boolean {
  if (!MARKER_GOES_ON.test(lines[j]!.text)) return false;
  let k = j - 1;
  while (k > 0 && MARKER_ITEMS.test(lines[k]!.text)) k--;
  return OPENS_MARKER.test(lines[k]!.text);
}

/** A line that opens in lower case, and not with an address: the rest of a sentence. */
function goesOnLower(text: string): boolean {
  return /^\s*\p{Ll}/u.test(text) && !/^\s*(?:https?:|www\.)/iu.test(text);
}

/**
 * The line right after line `i` goes on in lower case: line `i` is a wrapped piece of a
 * sentence ("… in immune defence, these" / "observations call for …"), not a heading.
 */
function continues(lines: Line[], i: number): boolean {
  return goesOnLower(lines[i + 1]?.text ?? '');
}

/**
 * Line `i` is part of a table flattened to lines, not a heading: a column header right above
 * a row of numbers (itself, or with another header line between, with no blank line), or a
 * legend of the table's abbreviations ("EAR = …") right under its last row.
 */
function tableStructure(lines: Line[], i: number, labelledRows: (k: number) => boolean): boolean {
  if (LEGEND.test(lines[i]!.text.trim())) return numberRow(nextContent(lines, i - 1, -1)?.text ?? '');
  // (Further up, short lines only: a header whose column names and units stand a cell a line.)
  for (let j = i + 1; j <= i + 8 && j < lines.length; j++) {
    const t = lines[j]!.text;
    if (t.trim() === '' || (j > i + 2 && lines[j - 1]!.text.trim().length > 40)) return false;
    if (numberRow(t) || labelledRows(j)) return true;
  }
  return false;
}

/**
 * Lines of a table flattened a cell a line (see cellTableLines): none is a heading. Found in
 * one pass at the first question (see linesInRuns).
 */
function cellTables(lines: readonly Line[]): (k: number) => boolean {
  let marks: Uint8Array | undefined;
  return (k) => {
    if (!marks) {
      const content = lines.filter((l) => l.text.trim() !== '');
      const found = cellTableLines(
        content.map((l) => l.text.trim()),
        (c) => content[c]!.n + 1 === content[c + 1]?.n,
      );
      marks = new Uint8Array(lines.length);
      found.forEach((m, c) => (marks![content[c]!.n] = m));
    }
    return marks[k] === 1;
  };
}

/** A row of labelled figures (see isLabelledRow): it counts among three or more, one under the other. */
function labelledRow(text: string): boolean {
  const t = text.trim();
  return t.length <= 120 && !END_OF_SENTENCE.test(t) && isLabelledRow(t);
}

/**
 * Whether line `k` stands in a run of `min` lines or more, one under the other, that `test`
 * holds for. The runs are found in one pass at the first question (a heading candidate asks
 * about the lines around it: counting the run at each question made a long block quadratic).
 */
function linesInRuns(lines: readonly Line[], test: (text: string) => boolean, min: number): (k: number) => boolean {
  let marks: Uint8Array | undefined;
  return (k) => {
    if (!marks) {
      marks = new Uint8Array(lines.length);
      let start = 0;
      for (let j = 0; j <= lines.length; j++) {
        if (j < lines.length && test(lines[j]!.text)) continue;
        if (j - start >= min) marks.fill(1, start, j);
        start = j + 1;
      }
    }
    return k >= 0 && k < lines.length && marks[k] === 1;
  };
}

/** Cells of a row of a pipe table written without its leading pipe ("Age | Limit |": 2); 0 with no pipe. */
function pipeCells(text: string): number {
  if (!text.includes('|')) return 0;
  const t = text.trim().replace(/^\|/, '').replace(/\|$/, '');
  if (t.trim() === '') return 0;
  return t.split('|').length;
}

/** A row of a table flattened to text (see isFigureRow): a short line that ends no sentence. */
function numberRow(text: string): boolean {
  if (text.length > 120 || END_OF_SENTENCE.test(text.trim())) return false;
  return isFigureRow(text);
}

/** The line right above line `i` (no blank line between) ends in a colon: line `i` is what it announces ("…可能引起:" / "頭痛、食慾下降"). */
function underColon(lines: Line[], i: number): boolean {
  return i > 0 && ENDS_ON_COLON.test(lines[i - 1]!.text);
}

/** A line that ends on a colon: it introduces what follows. */
const ENDS_ON_COLON = /[:：]\s*$/u;

/** How far up `inColonList` looks for the colon, and how long an item of the list may be. */
const COLON_LIST_READ = 30;
const COLON_LIST_ITEM = 100;

/**
 * Line `i` stands in a block of lines that a line ending in a colon opens, with no blank line,
 * bullet, line of prose or finished sentence between ("… benefits, including:" over "Lower
 * stress" … "Support heart health"; "Here's how to take it:" over "Timing: once a day, with
 * food"): an item of a list whose bullets are gone. Only a title-cased line of it is a heading,
 * and it must be title-cased whole: a field's label before a colon ("Timing:") is not a heading's.
 */
function inColonList(lines: Line[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - COLON_LIST_READ; j--) {
    const t = lines[j]!.text.trim();
    if (ENDS_ON_COLON.test(t)) return true;
    // (A bulleted list or a line of prose between: the lines are not that list's.)
    if (t === '' || END_OF_SENTENCE.test(t) || BULLET.test(t) || t.length > COLON_LIST_ITEM) return false;
  }
  return false;
}

/** A line of a block of short lines with no blank line between: a list whose bullets are gone. */
const SHORT_LINE = 40;

/**
 * Chinese line `i` stands under another short line in a block of three short lines or more, no
 * blank line between ("🟢 可以安心補充" / "銀髮族(護心、護腦)" / "上班族、學生(…)" / …): an item
 * of a list whose bullets are gone, not a heading. (The block's first line may head it.)
 */
function withinShortLines(lines: Line[], i: number, inShortBlock: (k: number) => boolean): boolean {
  // (Chinese lines only: English ones keep the title-case test of `shortRuns`.)
  return HAN.test(lines[i]!.text) && inShortBlock(i) && inShortBlock(i - 1);
}

/** A line of a block of short lines: not a bullet, a table's row, a signature under dashes or a link line after a dot. */
function shortBlockLine(text: string): boolean {
  const t = text.trim();
  return t !== '' && t.length <= SHORT_LINE && !END_OF_SENTENCE.test(t) && !BULLET.test(t) && !/^[|\-–—·•.]/u.test(t);
}

/** The line before line `i` (blank lines apart) is a bullet with no text ("-"): line `i` is that item's text. */
function afterLoneMarker(lines: Line[], i: number): boolean {
  return /^[•·●▪◦‣*+-]$/u.test(nextContent(lines, i - 1, -1)?.text.trim() ?? '');
}

/**
 * Lines in runs of `SHORT_RUN` or more short lines that end no sentence (blank lines and
 * lines of under three letters, "-" or "|", apart; a prose line, a bullet or a table row
 * ends a run): flattened table cells, a sidebar's links, a list whose bullets stand on
 * lines of their own. A heading among them must be title-cased, unless it is long.
 */
function shortRuns(lines: Line[]): Uint8Array {
  const marks = new Uint8Array(lines.length);
  let run: number[] = [];
  const close = () => {
    if (run.length >= SHORT_RUN) for (const n of run) marks[n] = 1;
    run = [];
  };
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '' || !hasLetters(t, 3)) continue;
    // A line of over 110 characters is long in any script, one of 30 or fewer in none: only
    // between the two does it matter whether the line is mostly Chinese (long past 30).
    if (t.length > 110 || (t.length > 30 && mostlyHan(t)) || END_OF_SENTENCE.test(t) || startsBlock(t)) close();
    else run.push(line.n);
  }
  close();
  return marks;
}

/**
 * A line that ends by explaining itself in brackets, in lower-case words: an item of a list
 * ("Hair thinning (patchy or diffuse loss on the scalp)"), long or not; a heading's brackets
 * hold a name ("Vitamin D (Calciferol)").
 */
const EXPLAINED = /\([^()]*\b[a-z]{2,}\s+[a-z]{2,}\b[^()]*\)\s*$/u;

/** Seven words or more: a title among short lines, not a table cell or a link. */
function longLine(text: string): boolean {
  return text.trim().split(/\s+/).length >= 7;
}

function nextContent(lines: Line[], from: number, step = 1): Line | undefined {
  for (let j = from; j >= 0 && j < lines.length; j += step) if (lines[j]!.text.trim() !== '') return lines[j];
  return undefined;
}

/**
 * A file is hard-wrapped when lines often stop mid-sentence and the next line goes on in
 * lower case; then the lines of a blank-line group make one paragraph.
 */
function isHardWrapped(lines: Line[]): boolean {
  let pairs = 0;
  let continued = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i]!.text.trim();
    const b = lines[i + 1]!.text.trim();
    if (a === '' || b === '' || startsBlock(a) || startsBlock(b)) continue;
    pairs++;
    // The cheap tests first: most pairs of lines fail on the case of the next line.
    if (/^\p{Ll}/u.test(b) && !END_OF_SENTENCE.test(a) && !/[?？]$/u.test(a) && isProse(a) && isProse(b)) continued++;
  }
  return continued >= 2 && continued >= 0.3 * pairs;
}

/** Three words or more, and no link. */
function isProse(text: string): boolean {
  // (A word's first or last character stands for it: `\S+` at the start would be tried to
  // the end of a long unspaced line from each of its characters.)
  return /\S\s+\S+\s+\S/.test(text) && !/https?:\/\//.test(text);
}

function startsBlock(text: string): boolean {
  return BULLET.test(text) || TABLE_ROW.test(text) || REFERENCES.test(text);
}

function looksLikeReference(text: string): boolean {
  const t = text.trim();
  return /^(\[\d+\]|\d+[.)]|[•*-])?\s*\S*(https?:\/\/|www\.|doi:)/i.test(t) || /^(\[\d+\]|\d+[.)])\s+\S/.test(t);
}

function letterCount(text: string): number {
  return countMatches(text, LETTER);
}

/** How many matches of the global `re` (one that never matches empty) `text` holds: counted, not collected. */
function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.test(text)) n++;
  return n;
}

/** Whether `text` holds at least `n` letters: `letterCount(text) >= n`, read only as far as the n-th letter. */
const ANY_LETTER = /\p{L}/gu;

export function hasLetters(text: string, n: number): boolean {
  ANY_LETTER.lastIndex = 0;
  let found = 0;
  while (found < n && ANY_LETTER.test(text)) found++;
  return found >= n;
}

/** Han characters make at least half the letters of `text`. */
function mostlyHan(text: string): boolean {
  return HAN.test(text) && countMatches(text, HAN_ALL) >= letterCount(text) / 2;
}

/**
 * Whether `line` is a page's slug or tag line for the title `next`: in lower case, and every
 * word of it stands in `next`, which opens in capitals.
 */
function isSlugOf(line: string, next: string): boolean {
  const t = line.trim();
  if (!/^\p{Ll}/u.test(t) || !/^\P{L}*\p{Lu}/u.test(next)) return false;
  const words = new Set(next.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const own = t.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  return own.length >= 2 && own.every((w) => words.has(w));
}

/** The first line is a title when it is short and does not end a sentence. */
function isTitleLine(text: string): boolean {
  const t = text.trim();
  // (A Chinese line with a full stop inside is sentences, whatever it ends with; a table's row,
  // its rule glued on after it or lost, names no article.)
  if (t.length > 120 || END_OF_SENTENCE.test(t) || OPEN_ENDING.test(t) || HAN_OPEN_ENDING.test(t) || /。./u.test(t) || NO_HEADING.test(t) || TABLE_ROW.test(t)) return false;
  return letterCount(t) >= 3;
}

/**
 * A short line that does not end a sentence: in drafts whose prose lines all end with
 * punctuation, that alone makes a heading; a question must be title-cased or stand in an
 * FAQ; in hard-wrapped files (`strict`) every heading must be title-cased.
 */
export function isHeadingLine(text: string, inFaq: boolean, strict = false): boolean {
  const t = text.trim();
  // (A line that ends in a bar is a row of a table, not a heading: "Nutrient Function: |"; nor
  // is a line of hashtags: "#碘 #甲狀腺".)
  if (t.length > 110 || END_OF_SENTENCE.test(t) || BULLET.test(t) || /[|｜]$/u.test(t) || /^#[^\s#]/u.test(t)) return false;
  const letters = letterCount(t);
  if (letters < 3) return false;
  if (NOT_HEADING_START.test(t) || AMOUNT_WITH_UNIT.test(t) || OPEN_ENDING.test(t) || NEVER_A_HEADING.some((re) => re.test(t))) return false;
  // (A byline with a role or fields after the name: "By Dana Whitfield, Associate Editor".)
  if (byline(t)?.rest !== undefined) return false;
  const han = countMatches(t, HAN_ALL);
  // (A line of three clauses or more, or one that stops on a word calling for more, reads as a
  // sentence cut short: "而在这些条件中，有一种营养素很关键，那就是".)
  if (HAN.test(t) && han >= letters / 2) return t.length <= 30 && !/[?？]$/u.test(t) && !HAN_OPEN_ENDING.test(t) && !(han >= 15 && countMatches(t, CLAUSE_MARK) >= 2);
  const question = t.endsWith('?');
  if (inFaq && question) return true;
  const words = t.split(/\s+/);
  if (words.length > 14) return false;
  // A line in capitals is a call to action, not a heading.
  if (words.length >= 3 && t === t.toUpperCase()) return false;
  if (!/^\P{L}*\p{Lu}/u.test(t)) return false;
  // A sentence whose end was lost, not a heading: nine words or more in sentence case, a clause
  // going on after a comma ("Most adults sleep better on it, and the dose that helps them").
  if (words.length >= 9 && /,\s+\p{Ll}/u.test(t) && !isTitleCased(t)) return false;
  if (!question && !strict && words.length <= 12) return true;
  const colon = t.indexOf(': ');
  return isTitleCased(colon > 0 ? t.slice(0, colon) : t);
}

function isTitleCased(t: string): boolean {
  const significant = t
    .split(/\s+/)
    .slice(1)
    .filter((w) => {
      const core = w.replace(/^\P{L}+|\P{L}+$/gu, '');
      return core.length >= 3 && !SMALL_WORDS.has(core.toLowerCase());
    });
  if (significant.length === 0) return true;
  const capitalised = significant.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length;
  return capitalised / significant.length >= 0.75;
}

function heading(depth: Heading['depth'], children: PhrasingContent[], position: Position): Heading {
  return { type: 'heading', depth, children, position };
}

function list(items: ListItem[], ordered: boolean, start?: number): List {
  return {
    type: 'list',
    ordered,
    ...(start !== undefined ? { start } : {}),
    spread: false,
    children: items,
    position: { start: items[0]!.position!.start, end: items[items.length - 1]!.position!.end },
  };
}

/** The number of a numbered item's marker ("2." → 2, "10)" → 10). */
function numberOf(marker: string): number | undefined {
  return /^\d/.test(marker) ? Number.parseInt(marker, 10) : undefined;
}

/**
 * The lists of a run of items, keeping the draft's numbers: a numbered section ("2. Dosage")
 * starts at its own number, and where the numbers do not follow on (1, 2, 4) a new list
 * starts, since a Markdown list counts up from its first number. Items not all numbered
 * make one bulleted list.
 */
function lists(items: ListItem[], numbers: ReadonlyArray<number | undefined>): List[] {
  if (numbers.some((n) => n === undefined)) return [list(items, false)];
  const out: List[] = [];
  let from = 0;
  for (let k = 1; k <= items.length; k++) {
    if (k < items.length && numbers[k] === numbers[k - 1]! + 1) continue;
    out.push(list(items.slice(from, k), true, numbers[from]));
    from = k;
  }
  return out;
}

/** An item of a run of bullets, with its indent (in columns) and its marker's kind and number. */
interface ListEntry {
  item: ListItem;
  indent: number;
  ordered: boolean;
  number: number | undefined;
}

/** Columns of a line's indent: a tab to the next multiple of four. */
function indentOf(lead: string): number {
  let n = 0;
  for (const c of lead) n = c === '\t' ? n + 4 - (n % 4) : n + 1;
  return n;
}

/**
 * The lists of `entries[from, to)`: each item takes the items indented deeper than it right
 * after it as a list nested in it; the items of one level make lists as `lists` does, a new
 * one where the marker's kind changes.
 */
function nestedLists(entries: readonly ListEntry[], from: number, to: number): List[] {
  const out: List[] = [];
  let run: ListEntry[] = [];
  const flush = (): void => {
    if (run.length > 0) out.push(...lists(run.map((e) => e.item), run.map((e) => e.number)));
    run = [];
  };
  for (let k = from; k < to; ) {
    const entry = entries[k]!;
    let end = k + 1;
    while (end < to && entries[end]!.indent > entry.indent) end++;
    if (end > k + 1) {
      const nested = nestedLists(entries, k + 1, end);
      entry.item.children.push(...nested);
      entry.item.position = { start: entry.item.position!.start, end: nested[nested.length - 1]!.position!.end };
    }
    if (run.length > 0 && run[0]!.ordered !== entry.ordered) flush();
    run.push(entry);
    k = end;
  }
  flush();
  return out;
}

function listItem(para: Paragraph): ListItem {
  return { type: 'listItem', spread: false, children: [para], position: para.position! };
}

function paragraphOf(lines: Line[], from: number, text: string, pos: (s: number, e: number) => Position): Paragraph {
  const line = lines[0]!;
  const s = line.start + from;
  return {
    type: 'paragraph',
    children: phrasing(text, s, line.end, pos),
    position: pos(s, line.end),
  };
}

/** Adds a wrapped continuation line to a paragraph as a soft break plus its text. */
function appendLine(para: Paragraph, line: Line, text: string, pos: (s: number, e: number) => Position): void {
  const lead = line.text.length - line.text.trimStart().length;
  const s = line.start + lead;
  para.children.push({ type: 'text', value: '\n' });
  para.children.push(...phrasing(text, s, line.end, pos));
  para.position = { start: para.position!.start, end: pos(line.end, line.end).end };
}

// An address ends at the first character outside printable ASCII: in Chinese text the words
// after it follow with no space ("www.example.com了解更多"); and at a `|`, which no address
// holds unescaped and which separates it from a label in wiki links ("[[https://…|Title]]").
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[!#-&(-;=?-{}~]+/giu;

/** Text from `start` to `end` as mdast phrasing: plain text, with bare URLs as links. */
function phrasing(text: string, start: number, end: number, pos: (s: number, e: number) => Position): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const value = text.slice(start, end);
  let at = 0;
  const mayHoldUrl = /https?:\/\/|www\./i.test(value);
  for (const m of mayHoldUrl ? value.matchAll(URL_IN_TEXT) : []) {
    // (Sentence punctuation and closing brackets it does not open are not part of it.)
    const url = trimUrl(m[0]);
    const s = start + m.index;
    if (m.index > at) out.push({ type: 'text', value: value.slice(at, m.index), position: pos(start + at, s) });
    const href = url.startsWith('www.') ? `http://${url}` : url;
    out.push({
      type: 'link',
      url: href,
      children: [{ type: 'text', value: url, position: pos(s, s + url.length) }],
      position: pos(s, s + url.length),
    });
    at = m.index + url.length;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at), position: pos(start + at, end) });
  return out;
}

function tableRow(line: Line, text: string, pos: (s: number, e: number) => Position): TableRow {
  const cells: TableCell[] = [];
  let inner = line.text;
  let base = line.start;
  // (A row without a leading pipe starts at its first cell.)
  const trimmed = inner.length - inner.trimStart().length;
  const lead = inner[trimmed] === '|' ? trimmed + 1 : trimmed;
  inner = inner.slice(lead);
  base += lead;
  if (inner.endsWith('|')) inner = inner.slice(0, -1);
  let at = 0;
  for (const raw of inner.split('|')) {
    const left = raw.length - raw.trimStart().length;
    const value = raw.trim();
    const s = base + at + left;
    cells.push({
      type: 'tableCell',
      children: value ? phrasing(text, s, s + value.length, pos) : [],
      position: pos(s, s + value.length),
    });
    at += raw.length + 1;
  }
  return { type: 'tableRow', children: cells, position: pos(line.start, line.end) };
}
