/**
 * Citation numbers flattened into the prose: a page's superscripts copied as plain digits
 * glued to the full stop ("… nerve function.4", "… calm.5, 6", "… quickly.1,2",
 * "… levels.12–14"), to a Chinese stop ("…作用。1") or to a comma inside the sentence ("… into
 * the blood,2 which …"), or left standing between two sentences ("… mcg/dL. 1 However"). They
 * count only in a document with a numbered reference list or whose digits number its
 * sentences in order (`extract` decides); otherwise such digits are evidence of nothing.
 *
 * The hard part is what they must never be taken for. The stop is a sentence end only
 * when the word before it is not a bare number: "2.4 mcg", "1.5 mg", "$12.99", "1,000.5"
 * and "3.2.1" are decimals or versions. A word that mixes letters and digits ends a
 * sentence like any word ("vitamin B12.4", "COVID-19.3", "omega-3.5" cite 4, 3 and 5),
 * except a version tag ("v2.1"). Page and figure abbreviations ("p.12", "Fig.3") are not
 * sentence ends, nor are web addresses ("example.com.4" is left alone). After the digits
 * comes a space, a closing quote or bracket, or the end of the block, and never a unit
 * ("… at night.5 mg of melatonin" is a figure).
 */
import { numbersOf, parseMarkerList } from './markers.js';
import type { TextMarker } from './markers.js';

/** A stop glued to a number list: ".4", ".5, 6", ".1,2", ".12–14", "!1" (the list is group 1). */
const GLUED = /[.!?](\d{1,3}(?:(?:\s*[–—-]\s*|,\s?)\d{1,3})*)/gu;
/**
 * A number standing alone between two sentences, a space either side: "… 120 mcg/dL. 1
 * However, …" (a superscript that lost its raise and kept its spaces). Only a capital may
 * follow, as a new sentence starts.
 */
const SPACED = /\. (\d{1,3}(?:,\s?\d{1,3})*) (?=\p{Lu})/gu;
/**
 * The same glued to a Chinese stop: "…有一定作用。1 一项研究…", "…缩短入睡时间。2,3". A digit before
 * the stop makes it a decimal point a conversion broke ("0。6毫克"), and the digits must be
 * followed by a space, a closing mark or the block's end: "。2型糖尿病…" opens a sentence.
 */
const GLUED_ZH = /(?<![0-9０-９])[。！？](\d{1,3}(?:(?:\s*[–—-]\s*|[,，、]\s?)\d{1,3})*)/gu;
/**
 * The same glued to a comma after a word: "… into the blood,2 which explains …", "… have been
 * conflicting,10,12–14 and …" (a superscript inside the sentence). Only after a lower-case
 * letter: after a digit the comma parts thousands ("1,000") or a list ("B1,2").
 */
const GLUED_COMMA = /,(?<=\p{Ll},)(\d{1,3}(?:(?:\s*[–—-]\s*|,)\d{1,3})*)/gu;
/** The word before the stop: everything back to the last space. */
const WORD_BEFORE = /\S*$/u;
/** Closing marks a sentence may end in before its stop ("… (p < 0.05).3", "… 20%.4"). */
const TRAILING_CLOSERS = /[)\]"'”’%]+$/u;
const LEADING_MARKS = /^[^\p{L}\p{N}]+/u;
const BARE_NUMBER = /^[\d,]+$/u;
const VERSION_TAG = /^v\d+$/iu;
/** Abbreviations a number follows without ending a sentence ("p.12", "Fig.3", "No.5"). */
const NUMBER_ABBREVIATIONS = new Set('p pp fig figs no nos vol ch sec eq ref refs tab art para'.split(' '));
/** What may follow the digits of a marker. */
const ENDS_MARKER = /^(?:$|[\s)\]"'”’])/u;
/** A unit or a per-cent sign after the digits makes them a figure. */
const UNIT_AFTER = /^\s*(?:%|percent\b|per\s*cent\b|mg\b|mcg\b|µg\b|μg\b|g\b|kg\b|ml\b|mL\b|l\b|iu\b|IU\b|mmol\b|kcal\b|cal\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|minutes?\b|times\b|x\b|million\b|billion\b|thousand\b|tablets?\b|capsules?\b|servings?\b|cups?\b)/iu;

/**
 * Flattened citation numbers in `text`, in text order: glued to the stop, or with
 * `spaced`, also standing alone between two sentences (that form is read only where the
 * draft's numbers run in order, see `src/cite/index.ts`).
 */
export function scanFlattened(text: string, spaced = false): TextMarker[] {
  // Each kind is its own pass, over the blocks that hold its mark; a block that holds several
  // kinds gives them in text order.
  const out: TextMarker[] = [];
  if (!spaced && /[。！？]\d/u.test(text)) gluedTo(text, GLUED_ZH, out);
  if (!spaced && /\p{Ll},\d/u.test(text) && !authorMarks(text)) gluedTo(text, GLUED_COMMA, out);
  if (/[.!?]/.test(text)) stopped(text, spaced, out);
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

/** The numbers glued to a stop (or, `spaced`, standing alone after it), added to `out`. */
function stopped(text: string, spaced: boolean, out: TextMarker[]): void {
  const pattern = spaced ? SPACED : GLUED;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const stop = m.index;
    const start = stop + (spaced ? 2 : 1);
    // (An exclamation or question mark ends its sentence whatever stands before it.)
    if (text[stop] === '.' && !endsSentenceBefore(text, stop)) continue;
    const marker = markerOf(text, start, m[1]!);
    if (marker) out.push(marker);
  }
}

/** A name, its affiliation mark after the comma, and the next name: "Aslam,1 Cécile", "Holz,3 Alfredo". */
const NAME_MARK_NAME = /\p{Lu}[\p{Ll}'’-]+,\d{1,2}(?:,\d{1,2})*\s+\p{Lu}/gu;

/**
 * Whether `text` is a paper's author line, each name's affiliation mark after its comma
 * ("Tariq Aslam,1 Cécile Delcourt,2 Frank Holz,3 …"): two such marks or more and no sentence.
 */
function authorMarks(text: string): boolean {
  return (text.match(NAME_MARK_NAME)?.length ?? 0) >= 2 && !/\p{Ll}[.!?](?:\s|$)/u.test(text);
}

/** The numbers glued by `pattern` (`GLUED_ZH`, `GLUED_COMMA`: the list in group 1, after one mark), added to `out`. */
function gluedTo(text: string, pattern: RegExp, out: TextMarker[]): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const marker = markerOf(text, m.index + 1, m[1]!);
    if (marker) out.push(marker);
  }
}

/** The marker of the number list `list` at `start`, unless what follows it makes it no marker (a word, a unit). */
function markerOf(text: string, start: number, list: string): TextMarker | undefined {
  const end = start + list.length;
  const rest = text.slice(end);
  if (!ENDS_MARKER.test(rest) || UNIT_AFTER.test(rest)) return undefined;
  const items = parseMarkerList(list, start);
  return items ? { kind: 'numeric', style: 'flattened', start, end, text: list, numbers: numbersOf(items), items } : undefined;
}

/** Whether the full stop at `stop` can end a sentence, judged by the word before it. */
function endsSentenceBefore(text: string, stop: number): boolean {
  if (stop === 0) return false;
  const raw = WORD_BEFORE.exec(text.slice(Math.max(0, stop - 60), stop))![0];
  if (raw.includes('://') || /^www\./iu.test(raw)) return false;
  // "… effect (p < 0.05).3", "… by 20%.4": a closing mark before the stop ends the sentence.
  if (TRAILING_CLOSERS.test(raw)) return true;
  const word = raw.replace(LEADING_MARKS, '');
  if (word === '') return false;
  if (BARE_NUMBER.test(word) || VERSION_TAG.test(word)) return false;
  // A word with a dot between digits ("3.2" of "3.2.1") is a version or a decimal.
  if (/\d\.\d/u.test(word)) return false;
  // A web address or a file name: "example.com", "report.pdf".
  if (/\p{L}\.\p{L}/u.test(word) && !/^(?:\p{L}\.)+\p{L}?$/u.test(word)) return false;
  if (NUMBER_ABBREVIATIONS.has(word.toLowerCase())) return false;
  return /[\p{L}\p{N}]$/u.test(word);
}
