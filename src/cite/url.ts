/**
 * Reference URLs: finding them in entry text, telling a malformed one, proposing the
 * repair when there is only one, and normalising them for comparison.
 */
import type { UrlProblem } from './types.js';

/**
 * A URL candidate as written: a scheme (even a broken one such as "https:/" or "http//")
 * or a bare "www.", up to whitespace or a character no URL contains.
 */
export const URL_CANDIDATE = /(?<![\w.])(?:(?:https?|ftp):\/*|https?\/\/|www\.)[^\s<>"'\u3000-\u303f\uff08\uff09]+/giu;

const SCHEME_INSIDE = /(?:https?|ftp):\/\//giu;

/** Sentence punctuation and an unbalanced closing bracket after a URL are not part of it. */
export function trimUrl(raw: string): string {
  let url = raw.replace(/[.,;:!?]+$/u, '');
  while ((url.endsWith(')') && count(url, '(') < count(url, ')')) || (url.endsWith(']') && count(url, '[') < count(url, ']'))) {
    url = url.slice(0, -1).replace(/[.,;:!?]+$/u, '');
  }
  return url;
}

function count(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n++;
  return n;
}

/** What is wrong with `raw`, or undefined when it is a well-formed web address. */
export function checkUrl(raw: string): UrlProblem | undefined {
  const url = raw.trim();
  if (/\s/u.test(url)) {
    const joined = url.replace(/\s+/gu, '');
    return withExpected({ reason: 'space' }, checkUrl(joined) ? undefined : joined);
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
    return withExpected({ reason: 'second-scheme', parts }, prefixOnly && !checkUrl(last) ? last : undefined);
  }

  if (/^https?\/\//iu.test(url)) {
    const fixed = url.replace(/^(https?)\/\//iu, '$1://');
    return withExpected({ reason: 'missing-colon' }, checkUrl(fixed) ? undefined : fixed);
  }
  if (/^(?:https?|ftp):(?!\/\/)/iu.test(url)) {
    const fixed = url.replace(/^((?:https?|ftp)):\/*/iu, '$1://');
    return withExpected({ reason: 'missing-slashes' }, checkUrl(fixed) ? undefined : fixed);
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
  return undefined;
}

function withExpected(problem: UrlProblem, expected: string | undefined): UrlProblem {
  return expected === undefined ? problem : { ...problem, expected };
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
