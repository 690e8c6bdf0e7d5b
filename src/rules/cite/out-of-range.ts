/**
 * cite/out-of-range — a citation number above the entries of the reference list
 * ("[34]" when the list has 33 entries), or a number no labelled entry carries. Digits
 * flattened after the full stop ("… function.4") are checked like any marker.
 *
 * Documents with no list at all are cite/no-reference-list's concern.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';
import { citations, entryFor, listMarkers } from '../../cite/index.js';

export const outOfRange: DocumentRule = {
  id: 'cite/out-of-range',
  scope: 'document',
  meta: {
    description: 'Citation number with no reference entry',
    defaultSeverity: 'error',
    docs: 'A citation marker points at a reference number the list does not have (the list is shorter, or no entry carries that label; a Markdown footnote "[^3]" points at the note labelled 3). Digits flattened after the full stop ("… function.4"), a Chinese stop ("…作用。1") or a comma inside the sentence ("… the blood,2 which …") are markers too; decimals, counts ("two (2) brands") and enumerations ("(1) …, (2) …") are not. Reported at the number or range, once per range.',
    fix: 'Add the missing entry to the reference list, or correct the marker to the number of the source it means.',
    example: 'Magnesium calms the nervous system ( 34 ). — with 33 references',
  },
  check(doc) {
    const found = citations(doc);
    const total = found.entries.length;
    if (total === 0) return [];
    const findings: RuleFinding[] = [];
    for (const marker of listMarkers(doc)) {
      const block = doc.blocks[marker.block]!;
      for (const item of marker.items) {
        const missing: number[] = [];
        for (let n = item.from; n <= item.to; n++) if (!entryFor(found, n)) missing.push(n);
        if (missing.length === 0) continue;
        const written = block.text.slice(item.start, item.end);
        findings.push({
          span: blockSpan(doc.lineStarts, block, item.start, item.end),
          message: `Citation ${written} has no entry in the reference list (${total} entr${total === 1 ? 'y' : 'ies'})`,
          data: { marker: missing[0], missing, entries: total },
        });
      }
    }
    return findings;
  },
};
