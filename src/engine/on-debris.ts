/**
 * Findings about the words of site debris: a glued word or a research claim on a line that
 * artifact/cms-leftover reports whole and sure ("看更多:…研究證實…" under a related-posts
 * label, a spam line). The cleaner takes the line out, so what those rules say of its words
 * says nothing of the article; the debris finding is the one to act on. The others keep
 * theirs: the file's bytes and markup (mojibake, invisible characters, unsafe HTML), doses and
 * citation markers an editor must see, and a passage in a third language, whose trace on a
 * scraper's label ("Bạn đang xem:") lang/foreign-block reports by design. (An English label of
 * a Chinese page's chrome, "Member" or "avatar" under a forum post, or a Chinese one of an
 * English page, is the site's own language: the debris finding speaks for it.)
 */
import type { Finding } from '../types.js';

/** The rules whose findings on a sure, whole line of debris are dropped. */
const ABOUT_WORDS: ReadonlySet<string> = new Set(['lang/mt-artifact', 'cite/uncited-claim']);

/** `findings` of one draft without those of ABOUT_WORDS that stand wholly on a line of sure debris. */
export function withoutFindingsOnDebris(findings: Finding[]): Finding[] {
  let lines: Set<number> | undefined;
  for (const f of findings) {
    if (f.ruleId !== 'artifact/cms-leftover' || f.data?.whole !== true || f.data.confidence !== 'high') continue;
    lines ??= new Set();
    for (let line = f.span.start.line; line <= f.span.end.line; line++) lines.add(line);
  }
  if (!lines) return findings;
  const covered = lines;
  return findings.filter((f) => {
    if (!ABOUT_WORDS.has(f.ruleId) && !sitesLanguage(f)) return true;
    for (let line = f.span.start.line; line <= f.span.end.line; line++) if (!covered.has(line)) return true;
    return false;
  });
}

/** The languages a page and its chrome share (see the file comment). */
const PAIR: ReadonlySet<unknown> = new Set(['eng', 'cmn']);

/** A foreign-block finding in the other language of the English–Chinese pair. */
function sitesLanguage(f: Finding): boolean {
  return f.ruleId === 'lang/foreign-block' && PAIR.has(f.data?.lang) && PAIR.has(f.data?.primary);
}
