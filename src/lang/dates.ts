/**
 * Lines that are only a date, in English words ("on September 24, 2025", "Updated: Thu, 22
 * Dec 2016"): page meta a site puts under a title, no passage in a language. In a Chinese
 * article such a line is site debris (artifact/cms-leftover's to judge), not English text.
 */
const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const DAYS = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const LEAD = 'on|at|updated|published|posted|last|modified|reviewed|date';

const WORD = new RegExp(`^(?:${MONTHS}|${DAYS}|${LEAD}|am|pm)$`, 'i');
const MONTH = new RegExp(`^(?:${MONTHS})$`, 'i');

/** True when every word of `text` is a month, a weekday or a date lead word, with a digit among them. */
export function isDateLine(text: string): boolean {
  if (text.length > 60 || !/\d/.test(text)) return false;
  const words = text.match(/[A-Za-z]+/g);
  return words !== null && words.every((w) => WORD.test(w)) && words.some((w) => MONTH.test(w));
}

/** A byline: "By Amy Chan", then optionally "on" and a date. */
const BYLINE = /^by\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*)(?:\s*(?:,|\||·|–|—|-|\bon\b)\s*(.+))?$/u;

/** The name a byline gives and what follows it ("By Amy Chan, Associate Editor" → "Amy Chan", "Associate Editor"), or undefined. */
export function byline(text: string): { name: string; rest: string | undefined } | undefined {
  const m = BYLINE.exec(text.trim().replace(/^By\b/, 'by'));
  return m ? { name: m[1]!, rest: m[2] } : undefined;
}

/**
 * True when `text` is a byline, its date after it if any ("By Amy Chan on 12 Mar 2024"):
 * page meta in a name and date, no passage in a language, as a date line is.
 */
export function isBylineLine(text: string): boolean {
  const b = byline(text);
  return b !== undefined && (b.rest === undefined || isDateLine(b.rest));
}
