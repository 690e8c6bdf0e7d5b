/**
 * Findings about the words of site debris: a glued word or a research claim on a line that
 * artifact/cms-leftover reports whole and sure ("看更多:…研究證實…" under a related-posts
 * label, a spam line). The cleaner takes the line out, so what those rules say of its words
 * says nothing of the article; the debris finding is the one to act on. The others keep
 * theirs: the file's bytes and markup (mojibake, invisible characters, unsafe HTML), doses and
 * citation markers an editor must see, and a passage in a third language, whose trace on a
 * scraper's label ("Bạn đang xem:") lang/foreign-block reports by design. (An English label of
 * a Chinese page's chrome, "Member" or "avatar" under a forum post, or a Chinese one of an
 * English page, is the site's own language: the debris finding speaks for it.) A research
 * claim on a line cms-leftover reports whole but unsure (info) is reported as info: on the 750
 * real pages we judged, the only such claims were teasers' headlines and blurbs printed twice.
 */
import type { Finding } from '../types.js';

/** The rules whose findings on a sure, whole line of debris are dropped. */
const ABOUT_WORDS: ReadonlySet<string> = new Set(['lang/mt-artifact', 'cite/uncited-claim']);

/**
 * `findings` of one draft without those of ABOUT_WORDS that stand wholly on a line of sure
 * debris; a research claim wholly on a line of possible debris (a teaser's headline printed
 * twice, which cms-leftover reports as info) is reported as info too: it is no surer a claim of
 * the article than its line is a line of the article.
 */
export function withoutFindingsOnDebris(findings: Finding[]): Finding[] {
  let sure: Set<number> | undefined;
  let possible: Set<number> | undefined;
  for (const f of findings) {
    if (f.ruleId !== 'artifact/cms-leftover' || f.data?.whole !== true) continue;
    const lines = f.data.confidence === 'high' ? (sure ??= new Set()) : (possible ??= new Set());
    for (let line = f.span.start.line; line <= f.span.end.line; line++) lines.add(line);
  }
  if (!sure && !possible) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    if (sure && (ABOUT_WORDS.has(f.ruleId) || sitesLanguage(f)) && within(f, sure)) continue;
    if (possible && f.ruleId === 'cite/uncited-claim' && f.severity !== 'info' && within(f, possible)) out.push({ ...f, severity: 'info' });
    else out.push(f);
  }
  return out;
}

/** Whether every line of `f` is in `lines`. */
function within(f: Finding, lines: ReadonlySet<number>): boolean {
  for (let line = f.span.start.line; line <= f.span.end.line; line++) if (!lines.has(line)) return false;
  return true;
}

/** The languages a page and its chrome share (see the file comment). */
const PAIR: ReadonlySet<unknown> = new Set(['eng', 'cmn']);

/** A foreign-block finding in the other language of the English–Chinese pair. */
function sitesLanguage(f: Finding): boolean {
  return f.ruleId === 'lang/foreign-block' && PAIR.has(f.data?.lang) && PAIR.has(f.data?.primary);
}
