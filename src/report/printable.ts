/**
 * Text from drafts and file names made safe to print to a terminal or a CI log: control
 * characters (an ESC that starts a colour or cursor sequence, a bell, a carriage return that
 * rewrites the line) and the bidi controls that reorder what a reader sees are shown as
 * `\u{…}` escapes instead of acting. Line breaks are the caller's concern (each reporter
 * folds or escapes them its own way).
 */
// C0 controls but tab and line feed, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
const CLASS = String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]`;
const ANY_UNSAFE = new RegExp(CLASS, 'u');
const EVERY_UNSAFE = new RegExp(CLASS, 'gu');

export function printable(s: string): string {
  return ANY_UNSAFE.test(s) ? s.replace(EVERY_UNSAFE, escape) : s;
}

/** A file name on one line: its line breaks escaped too (a name cannot start a line of a log). */
export function printableName(s: string): string {
  return printable(s).replace(/[\n\r]/g, escape);
}

function escape(c: string): string {
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}
