/**
 * cite/no-reference-list — numbered citation markers in a document that has no reference
 * list for them to point at ("… in many foods ( 1 , 2 , 3 )." and no "References:").
 *
 * One finding per document, at the first marker; the other markers are not repeated.
 */
import type { DocumentRule } from '../../types.js';
import { citations, listMarkers } from '../../cite/index.js';

export const noReferenceList: DocumentRule = {
  id: 'cite/no-reference-list',
  scope: 'document',
  meta: {
    description: 'Numbered citations but no reference list',
    defaultSeverity: 'error',
    docs: 'The text cites sources by number ("( 1 , 2 )", "[3]", "¹") but the document has no reference list ("References:", "Sources", "参考文献"), so no citation can be followed. Reported once, at the first marker.',
    example: '镁是地球上最常见的矿物之一,并且存在于许多食物中( 1 , 2 , 3 ).',
  },
  check(doc) {
    if (citations(doc).entries.length > 0) return [];
    const markers = listMarkers(doc);
    const first = markers[0];
    if (!first) return [];
    const count = markers.length;
    return [
      {
        span: first.span,
        message: `${count} numbered citation${count === 1 ? '' : 's'} (first: \`${first.text.trim()}\`) but no reference list`,
        data: { markers: count },
      },
    ];
  },
};
