/**
 * cite/malformed-url — a reference URL a browser cannot follow as written: it fails WHATWG
 * URL parsing, holds a second scheme ("https://www.healthline.comhttps://ods.od.nih.gov/…"),
 * holds spaces, or names a host without a dot.
 *
 * When there is exactly one sensible repair (the address after a glued-on site root, the
 * URL without its spaces, the missing "://"), it travels as `data.expected`.
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
};

export const malformedUrl: DocumentRule = {
  id: 'cite/malformed-url',
  scope: 'document',
  meta: {
    description: 'Malformed URL in the reference list',
    defaultSeverity: 'error',
    docs: 'A reference URL fails WHATWG URL parsing, contains a second scheme (two addresses glued together), contains spaces, or has a host without a dot. `data.expected` carries the repaired URL when the repair is unambiguous.',
    example: 'https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
    fixable: 'Two URLs glued together and a scheme missing its ":" or "//" are repaired; a URL with spaces is left for an editor.',
  },
  check(doc) {
    const findings: RuleFinding[] = [];
    for (const entry of citations(doc).entries) {
      for (const url of entry.urls) {
        const problem = url.problem;
        if (!problem) continue;
        const data: Record<string, unknown> = { url: url.raw, reason: problem.reason };
        if (problem.parts) data.parts = problem.parts;
        if (problem.expected !== undefined) data.expected = problem.expected;
        findings.push({
          span: url.span,
          message:
            `Malformed reference URL: ${WHAT[problem.reason]}` +
            (problem.expected !== undefined ? `; did you mean ${problem.expected}?` : ''),
          data,
        });
      }
    }
    return findings;
  },
};
