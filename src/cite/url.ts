/**
 * Reference URLs: finding them in entry text, telling a malformed one, proposing the
 * repair when there is only one, and normalising them for comparison.
 */
import type { UrlProblem } from './types.js';

/**
 * A URL candidate as written: a scheme (even a broken one such as "https:/", "http//" or
 * "httpss://")
 * or a bare "www.", up to whitespace or a character no URL contains.
 */
export const URL_CANDIDATE =
  /(?<![\w.])(?:(?:https?|ftp):\/*|https?\/\/|(?:h+t+p+s*|h*t+p+s+)(?::\/\/|\/\/)|www\.)[^\s<>"'\u3000-\u303f\uff08\uff09]+/giu;

const SCHEME_INSIDE = /(?:https?|ftp):\/\//giu;

/**
 * A URL as written, less what ends its sentence: punctuation at its end, and every closing
 * bracket more than it opens ("(… 59-70.https://…/page.html))," closes two brackets of the
 * sentence; "…/Vitamin_(nutrient))" keeps the one it opens), as GFM ends an address it links.
 * (One pass back from the end: counting the brackets again for each one taken off was
 * quadratic in a run of them.)
 */
export function trimUrl(raw: string): string {
  let round = count(raw, '(') - count(raw, ')');
  let square = count(raw, '[') - count(raw, ']');
  let end = raw.length;
  for (;;) {
    const c = raw[end - 1];
    if (c === undefined) break;
    if ('.,;:!?'.includes(c)) end--;
    else if (c === ')' && round < 0) (end--, round++);
    else if (c === ']' && square < 0) (end--, square++);
    else break;
  }
  return raw.slice(0, end);
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/** A scheme misspelt from http/https: "httpss", "htps", "htttp", "ttps", "hhttps". */
const SCHEME_TYPO = /^([a-z]{2,8})(:\/*|\/\/)/iu;
const HTTP_LETTERS = /^h*t+p+s*$/iu;

/**
 * What is wrong with `raw`, or undefined when it is a well-formed web address. A repair
 * comes with its confidence: `high` for a misspelt or broken scheme and for a site root a
 * CMS glued before an absolute address, `low` for spaces dropped or a parenthesis closed
 * (the writer may have meant something else).
 */
export function checkUrl(raw: string): UrlProblem | undefined {
  const url = raw.trim();
  if (/\s/u.test(url)) {
    const joined = url.replace(/\s+/gu, '');
    return withExpected({ reason: 'space' }, checkUrl(joined) ? undefined : joined, 'low');
  }

  const scheme = SCHEME_TYPO.exec(url);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https' && HTTP_LETTERS.test(name)) {
      const fixed = `${name.includes('s') ? 'https' : 'http'}://${url.slice(scheme[0].length)}`;
      return withExpected({ reason: 'scheme-typo' }, checkUrl(fixed) ? undefined : fixed, 'high');
    }
  }

  // Two addresses glued together: "https://www.healthline.comhttps://ods.od.nih.gov/…".
  const inner: number[] = [];
  SCHEME_INSIDE.lastIndex = 0;
  for (let m = SCHEME_INSIDE.exec(url); m !== null; m = SCHEME_INSIDE.exec(url)) if (m.index > 0) inner.push(m.index);
  if (inner.length > 0) {
    const cuts = [0, ...inner];
    const parts = cuts.map((c, k) => url.slice(c, cuts[k + 1] ?? url.length));
    const last = parts[parts.length - 1]!;
    // The split is unambiguous when everything before the last address is a bare site
    // root (a base URL a CMS prefixed to an absolute link) and the last address is sound.
    const prefixOnly = parts.slice(0, -1).every((p) => /^(?:https?|ftp):\/\/[^/?#]*\/?$/iu.test(p));
    return withExpected({ reason: 'second-scheme', parts }, prefixOnly && !checkUrl(last) ? last : undefined, 'high');
  }

  if (/^https?\/\//iu.test(url)) {
    const fixed = url.replace(/^(https?)\/\//iu, '$1://');
    return withExpected({ reason: 'missing-colon' }, checkUrl(fixed) ? undefined : fixed, 'high');
  }
  if (/^(?:https?|ftp):(?!\/\/)/iu.test(url)) {
    const fixed = url.replace(/^((?:https?|ftp)):\/*/iu, '$1://');
    return withExpected({ reason: 'missing-slashes' }, checkUrl(fixed) ? undefined : fixed, 'high');
  }

  const absolute = /^www\./iu.test(url) ? `http://${url}` : url;
  let parsed: URL;
  try {
    parsed = new URL(absolute);
  } catch {
    return { reason: 'unparseable' };
  }
  if (!/^(?:https?|ftp):$/u.test(parsed.protocol)) return undefined;
  const host = parsed.hostname;
  if (host === '' || (!host.includes('.') && !host.startsWith('['))) return { reason: 'host-without-dot' };
  if (host.split('.').slice(0, -1).some((label) => label === '')) return { reason: 'unparseable' };
  const open = count(url, '(');
  const close = count(url, ')');
  if (open !== close) {
    // "…/Magnesium_(element" lost its ")"; a stray ")" has no repair to offer.
    return withExpected({ reason: 'unbalanced-parenthesis' }, open === close + 1 ? `${url})` : undefined, 'low');
  }
  return undefined;
}

function withExpected(problem: UrlProblem, expected: string | undefined, confidence: 'high' | 'low'): UrlProblem {
  return expected === undefined ? problem : { ...problem, expected, confidence };
}

/**
 * The form two references are compared in: scheme, "www." and a trailing slash ignored,
 * host lower-cased, default port and empty query dropped. Unparseable text is compared
 * as written, lower-cased.
 */
export function normaliseUrl(raw: string): string {
  const url = raw.trim();
  const absolute = /^www\./iu.test(url) ? `http://${url}` : url;
  try {
    const u = new URL(absolute);
    const host = u.hostname.toLowerCase().replace(/^www\./u, '');
    const port = u.port ? `:${u.port}` : '';
    const path = u.pathname.replace(/\/+$/u, '');
    return `${host}${port}${path}${u.search === '?' ? '' : u.search}${u.hash}`;
  } catch {
    return url.toLowerCase().replace(/\/+$/u, '');
  }
}
