/**
 * cite/malformed-url — a reference URL a browser cannot follow as written: it fails WHATWG
 * URL parsing, misspells its scheme ("httpss://", "https//", "http:/"), holds a second
 * scheme ("https://www.healthline.comhttps://ods.od.nih.gov/…"), holds spaces, leaves a
 * parenthesis open, or names a host without a dot. Links are checked on their target as
 * well as on the text they show, and a link showing one URL while pointing at another is
 * reported with both.
 *
 * A repair travels as `data.expected` with `data.confidence` (shared fix contract): `high`
 * when it is certain (a misspelt scheme, a site root glued before an absolute address),
 * `low` when it is a guess (spaces dropped, a parenthesis closed), which the cleaner
 * reports but does not apply.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import type { UrlProblemReason } from '../../cite/index.js';
import { citations } from '../../cite/index.js';

const WHAT: Record<UrlProblemReason, string> = {
  'second-scheme': 'two URLs glued together',
  space: 'spaces inside the URL',
  unparseable: 'not a valid URL',
  'host-without-dot': 'the host has no dot',
  'missing-slashes': 'the scheme lacks "//"',
  'missing-colon': 'the scheme lacks ":"',
  'scheme-typo': 'the scheme is misspelt',
  'unbalanced-parenthesis': 'a parenthesis is left open',
  'link-mismatch': 'the link points elsewhere than the URL it shows',
};

export const malformedUrl: DocumentRule = {
  id: 'cite/malformed-url',
  scope: 'document',
  meta: {
    description: 'Malformed URL in the reference list',
    defaultSeverity: 'error',
    docs: 'A reference URL (the text or a link target) fails WHATWG URL parsing, misspells its scheme, contains a second scheme (two addresses glued together), contains spaces, leaves a parenthesis open, or has a host without a dot; or a link shows one URL and points at another (`data.shown` and `data.url`). `data.expected` carries a repair and `data.confidence` how sure it is (`high` or `low`).',
    fix: 'Correct the address so that it opens the source: split two glued addresses into their own entries, fix the scheme (`https://`), remove spaces and close brackets. Open the repaired link once to check it.',
    example: 'https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
    fixable: 'The cleaner replaces the URL by `data.expected` when `data.confidence` is high (a misspelt or broken scheme, a site root glued before an absolute address).',
  },
  check(doc) {
    const findings: RuleFinding[] = [];
    for (const entry of citations(doc).entries) {
      for (const url of entry.urls) {
        const problem = url.problem;
        if (!problem) continue;
        const data: Record<string, unknown> = { url: url.raw, reason: problem.reason };
        if (problem.parts) data.parts = problem.parts;
        if (problem.shown !== undefined) data.shown = problem.shown;
        if (url.fromLink) data.target = true;
        if (problem.expected !== undefined) {
          data.expected = problem.expected;
          // `data.reason` (the problem, e.g. "scheme-typo") says why the repair is what it is.
          data.confidence = problem.confidence ?? 'low';
        }
        findings.push({
          span: url.span,
          message:
            problem.reason === 'link-mismatch'
              ? `Reference link shows ${problem.shown} but points at ${url.raw}`
              : `Malformed reference URL: ${WHAT[problem.reason]}` +
                (problem.expected !== undefined ? `; did you mean ${problem.expected}?` : ''),
          data,
        });
      }
    }
    return findings;
  },
};
