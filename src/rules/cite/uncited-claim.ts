/**
 * cite/uncited-claim — a sentence that reports research ("Some studies suggest …",
 * "researchers found", "研究表明") with no citation in the sentence or its paragraph.
 *
 * Any marker counts as a citation: a number (bracketed, padded, superscript, right after the
 * source's noun — "the study 1 suggests" — or digits flattened after the stop in a draft with
 * a numbered list or whose digits number its sentences in order, or a bare number after the
 * sentence's last word that is an entry of the draft's numbered list — "… over their shelf
 * life 4."), an endnote in roman numerals ("[iii]"), an author–year citation ("(Smith et al.,
 * 2019)"), a link, and also a placeholder (which cite/placeholder reports already). Headings,
 * table cells, reference entries, questions, quoted reader questions, sentences about the
 * article itself, rules for how trials should be run and a preview cut off with "..." at the
 * end of its block are not claims; the cue list lives in `src/cite/claims.ts`.
 *
 * A claim that names its source ("the VITAL trial", "published in the New England Journal
 * of Medicine", "according to a 2019 Cochrane review", "the World Health Organization") in
 * its sentence or paragraph can be looked up without a marker: it is reported as `info`
 * only (`data.source` holds the name). "Studies show" naming nothing stays a warning.
 *
 * Drafts often put one sentence per paragraph (one per line in a .txt draft), so a study
 * is introduced in one paragraph and cited at the end of the next. Neighbours therefore
 * count as the claim's paragraph: the next one when it opens by pointing back ("This
 * group also exhibited … ( 12 )."), or when it continues the same source paragraph (the
 * next line, no blank line between) and its first sentence carries a marker; and the
 * previous one when the claim speaks of "this study" or "the researchers". None reaches
 * across a heading, but for a paragraph right past one that opens on the study ("这项研究发表
 * 在《…》上" under a teaser's subheading) and the expert a news page quotes below its "experts say". A sentence going on about the study the sentence before it reported
 * ("The researchers found …", "They also observed …") is the same claim, reported once.
 * In an article that cites, the takeaways and bottom line restate its cited body and are
 * not reported; nor is a journal article's abstract (under an "Abstract" or "摘要" heading, up
 * to the next heading that is not one of its sections — "Methods", "Results", "Conclusions" —
 * or a paragraph opened by that label, or one right under the journal line citing its paper:
 * "Med Hypotheses. 2010. …"), which cites nothing by convention.
 */
import type { Block, Document, DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';
import { groupBy } from '../../collections.js';
import { citations } from '../../cite/index.js';
import type { Marker } from '../../cite/index.js';
import { SENTENCE_END, citesByNumber, endsOnEntryNumber, followsUp, isAbstractHeading, endsAbstract, isAbstractParagraph, isAbstractSection, isSummaryHeading, underItsCitation, mayHoldCue, opensOnStudyBefore, opensWithBackReference, refersBack, researchCue } from '../../cite/claims.js';
import { sentences } from '../../sentences.js';
import { ClaimSources, STUDY_WORD, closingSourceBlock } from '../../cite/claim-sources.js';

export const uncitedClaim: DocumentRule = {
  id: 'cite/uncited-claim',
  scope: 'document',
  meta: {
    description: 'Research claim without a citation',
    defaultSeverity: 'warning',
    docs: 'A sentence reports research ("studies show", "a 2016 study found", "researchers found", "clinical trial", "研究表明") but neither it nor its paragraph cites a source (a neighbouring paragraph continuing the same study counts as its paragraph). A claim naming its source (a named trial, journal or organisation) without a marker is reported as info only. `data.cue` is the wording that reads as a research claim; `data.source` the source named, if any. On a line of sure site debris (artifact/cms-leftover, reported whole) it is not reported: the debris finding stands for the line; on a line of possible debris (reported as info) it is reported as info.',
    fix: 'Cite the study the sentence speaks of (a marker and a reference entry), or soften the sentence so that it no longer reports research.',
    example: 'Some studies suggest that people struggling with depression may not get the same sleep benefits.',
  },
  check(doc) {
    const found = citations(doc);
    const byBlock = groupBy(found.markers, (m) => m.block);
    const inList = new Set(found.entries.map((e) => e.block));
    const listed = new Set(found.entries.map((e) => e.number));
    const findings: RuleFinding[] = [];
    const prose = (i: number) => {
      const b = doc.blocks[i];
      return b !== undefined && (b.kind === 'paragraph' || b.kind === 'listItem') && !inList.has(i);
    };
    const cites = found.markers.length > 0;
    let inSummary = false;
    let inAbstract = false;
    // The block before is a heading of a structured abstract's section.
    let afterSection = false;
    // Index of the prose block whose last sentence reported research (a follow-up may open the next one).
    let claimEnded = -1;
    // Whether a block above spoke of a study or cited: "this study" further down points back at it.
    let studyAbove = false;
    // Whether the block before spoke of one ("Their study looked at 26 women": no claim, a study all the same).
    let studyBefore = false;
    // Index of the first prose block that ends a sentence, the lede (−1 before it): a breadcrumb
    // or a source line above the article is a paragraph too.
    let firstProse = -1;
    for (const block of doc.blocks) {
      const i = block.index;
      if (studyBefore) studyAbove = true;
      studyBefore = STUDY_WORD.test(block.text);
      if (block.kind === 'heading') {
        inSummary = isSummaryHeading(block.text);
        // (A structured abstract's sections, "Results" to "Conclusions", go on with it, and so does
        // a section's one-line value a flattened page turned into a heading: "Setting", "Nursing home".)
        const section = isAbstractSection(block.text);
        inAbstract = isAbstractHeading(block.text) || (inAbstract && (section || (afterSection && !endsAbstract(block.text))));
        afterSection = inAbstract && section;
      } else {
        afterSection = false;
        // The label alone on a line a page did not make a heading ("Abstract:") opens it all the same.
        if (isAbstractHeading(block.text)) inAbstract = true;
      }
      if (byBlock.has(i)) studyAbove = true;
      if (firstProse === -1 && prose(i) && SENTENCE_END.test(block.text)) firstProse = i;
      if (!prose(i) || byBlock.has(i)) continue;
      // A journal's abstract sums up the paper below it and cites nothing by convention.
      if (inAbstract || isAbstractParagraph(block.text) || underItsCitation(doc.blocks, i)) continue;
      // A paragraph without a cue word has no claim; skip its sentence split.
      if (!mayHoldCue(block.text)) continue;
      // The line a news item closes on to name its paper ("Original title: … a meta-analysis of …") is the source.
      if (i === closingSourceBlock(doc)) continue;
      // Takeaways of an article that cites restate its cited body.
      if (inSummary && cites) continue;
      if (prose(i + 1) && byBlock.has(i + 1) && opensWithBackReference(doc.blocks[i + 1]!.text)) continue;
      if (prose(i + 1) && continuesParagraph(doc, block, doc.blocks[i + 1]!) && firstSentenceCited(doc.blocks[i + 1]!, byBlock.get(i + 1))) continue;
      const previousCites = prose(i - 1) && byBlock.has(i - 1);
      // ("This study" may point back past one paragraph that goes on about the study: its design, a quote.)
      const citedNear = previousCites || (prose(i - 1) && prose(i - 2) && byBlock.has(i - 2));
      // The first paragraph of prose: a news page's lede, whose study the paragraphs below tell.
      const lede = firstProse === -1 || firstProse === i;
      let claimBefore = claimEnded === i - 1;
      claimEnded = -1;
      const split = sentences(block.text);
      // Where its claims name their source (src/cite/claim-sources.ts), read once for the paragraph.
      const sources = new ClaimSources(doc, i, prose, lede, split);
      for (let k = 0; k < split.length; k++) {
        const s = split[k]!;
        const sentence = block.text.slice(s.start, s.end);
        const cue = researchCue(sentence);
        const followUp = claimBefore && followsUp(sentence);
        claimBefore = cue !== undefined;
        if (cue && k === split.length - 1) claimEnded = i;
        const pointsBack = cue !== undefined && ((citedNear && refersBack(sentence)) || (studyAbove && opensOnStudyBefore(sentence)));
        if (cue || STUDY_WORD.test(sentence)) studyAbove = true;
        // "This study showed …" below the study it speaks of: the claim was the earlier sentence's.
        if (!cue || followUp || pointsBack || (previousCites && k === 0 && followsUp(sentence))) continue;
        // "The study 1 suggests …", "… over their shelf life 4.": the bare number is the source's entry, a citation all the same.
        if (citesByNumber(sentence) || endsOnEntryNumber(sentence, listed)) continue;
        // A named speaker's own words ("“Although one trial indicated …,” he added."): a quotation, which carries no citation.
        if (QUOTED_SPEECH.test(sentence)) continue;
        // "Most clinical studies found it safe:" above a list of cited studies: the list is its source.
        // So is a label over such a list ("5. Scientific evidence", "科學證據支持"): a heading in all but its markup.
        if (k === split.length - 1 && (INTRODUCES_LIST.test(sentence) || (split.length === 1 && isLabel(sentence))) && citedListBelow(doc, i, byBlock)) continue;
        // A preview cut off by the page ("In one study, 3 mg taken for 3 mo..."): a teaser for another page, not a claim.
        if (k === split.length - 1 && CUT_OFF.test(sentence)) continue;
        const source = sources.of(sentence, cue.text, k);
        const finding: RuleFinding = {
          span: blockSpan(doc.lineStarts, block, s.start, s.end),
          message: source
            ? `Research claim ("${cue.text}") names its source (${source.text}) but cites no reference`
            : `Research claim ("${cue.text}") without a citation in the sentence or its paragraph`,
          data: source ? { cue: cue.text, source: source.text } : { cue: cue.text },
        };
        if (source) finding.severity = 'info';
        findings.push(finding);
      }
    }
    return findings;
  },
};

/**
 * A sentence that is a quotation and its speech tag: "“…,” he added.", "\"…,\" the CDC report
 * said.", "“……”他说。". The speaker is named (or pointed at) beside it.
 */
const QUOTED_SPEECH =
  /^\s*[“"「][^”"」]{8,}[”"」]\s*[,，]?\s*(?:(?:[\p{L}'’.-]+\s+){0,5}(?:said|says|added|adds|explained|explains|noted|notes|told|tells|wrote|writes|warned|warns|stressed|cautioned)\b|[\p{Script=Han}]{1,8}(?:说|說|表示|指出|补充|補充|强调|強調|解释|解釋))/u;


/** A sentence that ends on a colon: it introduces what follows. */
const INTRODUCES_LIST = /[:：]\s*$/u;
/**
 * A label: a few words that end no sentence ("Scientific evidence", "科學證據支持"), at most six
 * words or twelve Chinese characters.
 */
function isLabel(text: string): boolean {
  const t = text.trim();
  if (/[.!?。！？；;,，]$/u.test(t)) return false;
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 0 ? han <= 12 && !/[，,。]/u.test(t) : t.split(/\s+/).length <= 6;
}
/** How many items of the list below a colon (or a label) are read for a citation. */
const LIST_ITEMS_READ = 30;

/** Whether a list right below block `i` cites in one of its items. */
function citedListBelow(doc: Document, i: number, byBlock: ReadonlyMap<number, unknown>): boolean {
  for (let j = i + 1; j < doc.blocks.length && j <= i + LIST_ITEMS_READ && doc.blocks[j]!.kind === 'listItem'; j++) if (byBlock.has(j)) return true;
  return false;
}

/** A block that stops on an ellipsis glued to a word, as a widget's preview of another page is cut. */
const CUT_OFF = /[\p{L}\p{N}](?:\.{3}|…)\s*$/u;

/** Whether `next` continues the source paragraph of `block`: a .txt line right below it, no blank line between. */
function continuesParagraph(doc: Document, block: Block, next: Block): boolean {
  if (doc.format !== 'txt' || block.kind !== 'paragraph' || next.kind !== 'paragraph') return false;
  return next.position.start.line === block.position.end.line + 1;
}

/** Whether a marker stands in (or right after) the first sentence of `block`. */
function firstSentenceCited(block: Block, markers: Marker[] | undefined): boolean {
  if (!markers) return false;
  const first = sentences(block.text, markers)[0];
  return first !== undefined && markers.some((m) => m.start < first.end);
}
