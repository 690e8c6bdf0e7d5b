/**
 * cite/no-reference-list — numbered citation markers in a document that has no reference
 * list for them to point at ("… in many foods ( 1 , 2 , 3 )." and no "References:").
 *
 * Numbers in brackets are not always citations ("two (2) brands", "(1) take it with food,
 * (2) split the dose", "regular prescriptions (9)"), so the markers are weighed first
 * (`src/cite/evidence.ts`): the rule reports only a draft whose markers, taken together,
 * speak for citing by number (one bracketed or padded marker, a list or range, or several
 * lone numbers closing sentences).
 *
 * One finding per document, at the first marker; the other markers are not repeated.
 */
import type { DocumentRule } from '../../types.js';
import { citations, listMarkers } from '../../cite/index.js';
import { citesByNumber } from '../../cite/evidence.js';
import { citedSource } from '../../parse/blocks.js';

/** A label a page sets before a source it writes out: "信息来源", "Source:". */
const SOURCE_LABEL = /^\s*(?:信息来源|資訊來源|资料来源|資料來源|来源|來源|出处|出處|sources?\s*:|via\s)\s*[:：]?\s*/iu;

/**
 * Whether a source follows the marker ending at `end`: one written out as an entry (up to the
 * next Chinese character), or any title after a label that says it is the source ("[1] 信息来源
 * Zinc: NIH Fact Sheet for Consumers").
 */
function sourcedInPlace(text: string, end: number): boolean {
  const rest = text.slice(end);
  const label = SOURCE_LABEL.exec(rest);
  const after = label ? rest.slice(label[0].length) : rest;
  const cut = /\p{Script=Han}/u.exec(after);
  const source = cut ? after.slice(0, cut.index) : after;
  return citedSource(source) || (label !== null && source.trim().split(/\s+/).length >= 3);
}

export const noReferenceList: DocumentRule = {
  id: 'cite/no-reference-list',
  scope: 'document',
  meta: {
    description: 'Numbered citations but no reference list',
    defaultSeverity: 'error',
    docs: 'The text cites sources by number ("( 1 , 2 )", "[3]", "¹", a Markdown footnote "[^3]") but the document has no reference list ("References:", "Sources", "参考文献", "資料來源", or footnotes\' notes), so no citation can be followed. Numbers in brackets that read as enumerations or counts ("two (2) brands", "(1) …, (2) …", "not sure if [1] … and [2] …") are not citations; a lone "(9)" is too little to go on. Reported once, at the first marker; `data.evidence` is the weight of the markers.',
    fix: 'Add the reference list under a "References" heading with one numbered entry per cited source, or remove the numbered markers if the article cites nothing.',
    example: '镁是地球上最常见的矿物之一,并且存在于许多食物中( 1 , 2 , 3 ).',
  },
  check(doc) {
    const found = citations(doc);
    if (found.entries.length > 0 || !citesByNumber(found.numberedEvidence)) return [];
    const markers = listMarkers(doc);
    const first = markers[0];
    if (!first) return [];
    // Each marker followed by its source written out ("[2] 信息来源 Chen L, et al. … 2019.")
    // has its reference in place: no list is missing.
    if (markers.every((m) => sourcedInPlace(doc.blocks[m.block]!.text, m.end))) return [];
    const count = markers.length;
    return [
      {
        span: first.span,
        message: `${count} numbered citation${count === 1 ? '' : 's'} (first: \`${first.text.trim()}\`) but no reference list`,
        data: { markers: count, evidence: found.numberedEvidence },
      },
    ];
  },
};
