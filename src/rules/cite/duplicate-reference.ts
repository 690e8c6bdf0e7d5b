/**
 * cite/duplicate-reference — a reference entry that repeats an earlier one. URLs are
 * compared normalised (scheme, "www." and a trailing slash ignored; a glued URL by its
 * repair); entries without a URL by their words. A work described in full (eight words or
 * more) is the same work when listed once with its URL and once without, even when one
 * description runs on where the other stops ("… 2015;22:23-36" and "… 2015;22:23-36. doi").
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { citations } from '../../cite/index.js';

export const duplicateReference: DocumentRule = {
  id: 'cite/duplicate-reference',
  scope: 'document',
  meta: {
    description: 'Reference entry repeats an earlier one',
    defaultSeverity: 'warning',
    docs: 'Two entries of the reference list name the same source (the same URL up to scheme, "www." and a trailing slash, or the same full description of a work, once with a URL and once without). Markers citing either number lead to one source, which usually means a citation was renumbered or lost. `data.first` is the line of the earlier entry.',
    fix: 'Keep one entry for the source, renumber the list, and point the markers that cited the removed number at the kept one.',
    example: 'https://www.ncbi.nlm.nih.gov/pubmed/25540137 — listed as entries 4, 5 and 6',
  },
  check(doc) {
    const { entries } = citations(doc);
    const findings: RuleFinding[] = [];
    for (const entry of entries) {
      if (entry.duplicateOf === undefined) continue;
      const first = entries[entry.duplicateOf - 1]!;
      findings.push({
        span: entry.span,
        message: `Reference ${entry.number} repeats reference ${first.number} (line ${first.span.start.line})`,
        data: { first: first.span.start.line, firstNumber: first.number, number: entry.number },
      });
    }
    return findings;
  },
};
