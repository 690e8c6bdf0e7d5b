/**
 * artifact/cms-leftover — site debris left in a draft: calls to action ("SHOP NOW", "Check
 * latest price"), editorial and feedback widgets ("Was this article helpful?"), author
 * boxes, comment forms, blog meta lines, share and print bars, ad slots, related-post
 * headers, newsletter and cookie prompts, Chinese portal and app prompts (打开APP阅读全文,
 * 责任编辑：…), code lines (ad scripts, template tags, shortcodes), menus and breadcrumbs,
 * and lines repeated down the page or across unrelated drafts of the batch.
 *
 * The rule only reports: the features and the classification live in `src/debris/`
 * (see classify.ts for the evidence and its weights). The configured phrases
 * (`cmsLeftovers`) are the seed of the lexicon.
 */
import type { Block, DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan, spanOf } from '../../position.js';
import { emptyImages } from '../../debris/structure.js';
import { classifyDocument, type Verdict } from '../../debris/classify.js';
import { batchLines } from '../../debris/batch.js';

const LABELS: Record<Verdict['kind'], string> = {
  shop: 'shop call to action',
  editorial: 'editorial widget',
  author: 'author box',
  comments: 'comment form',
  meta: 'blog meta line',
  share: 'share widget',
  ad: 'ad slot',
  related: 'related-content link',
  newsletter: 'newsletter prompt',
  cookie: 'cookie banner',
  portal: 'portal or app prompt',
  nav: 'menu or breadcrumb',
  code: 'code in the text',
  layout: 'layout label',
  account: 'sign-in prompt',
  qa: 'Q&A portal field',
  document: 'document-site furniture',
  frontmatter: 'journal front matter',
  disclaimer: 'disclaimer',
  seed: 'CMS leftover',
  repeated: 'line repeated down the page',
  batch: 'line repeated across unrelated drafts',
  context: 'short line among site debris',
};

/** Where a piece of debris stands in its block's text: at its start, at its end or inside it. */
function placeIn(text: string, start: number, end: number): string {
  if (text.slice(end).trim() === '') return 'at the end of';
  return text.slice(0, start).trim() === '' ? 'at the start of' : 'inside';
}

function findingOf(doc: Parameters<DocumentRule['check']>[0], v: Verdict): RuleFinding {
  const block = doc.blocks[v.block]!;
  const text = block.text.slice(v.start, v.end).trim();
  const label = LABELS[v.kind];
  const where = v.whole ? '' : ` ${placeIn(block.text, v.start, v.end)} a paragraph`;
  const finding: RuleFinding = {
    // A whole block is reported with the block's own span, its markup included ("**SHOP NOW**").
    span: v.whole ? block.position : blockSpan(doc.lineStarts, block, v.start, v.end),
    message: v.confidence === 'high' ? `Site debris (${label})${where}: "${text}"` : `Possibly site debris (${label}): "${text}"`,
    data: {
      expected: '',
      confidence: v.confidence,
      reason: v.reasons.join(', '),
      kind: v.kind,
      whole: v.whole,
      ...(v.phrase !== undefined ? { phrase: v.phrase } : {}),
    },
  };
  // Unsure debris is a note for the editor, not a warning: it is never removed.
  if (v.confidence === 'low') finding.severity = 'info';
  return finding;
}

export const cmsLeftover: DocumentRule = {
  id: 'artifact/cms-leftover',
  scope: 'document',
  meta: {
    description: 'Site debris: leftover of the publishing system, the shop or the portal',
    defaultSeverity: 'warning',
    docs:
      'A line of site furniture that came along with the export: a call to action ("SHOP NOW", "Check latest price on Amazon"), a feedback or editorial widget, an author box, comment-form text, a blog meta line ("Posted on … by"), a share or print bar, an ad slot or ad script, a related-posts header, a newsletter or cookie prompt, a Chinese portal or app prompt ("打开APP阅读全文", "责任编辑：…"), a menu or breadcrumb, the fields and doctor cards of a Q&A or consultation portal ("病情描述：…", "精选回答(1)", "王某 主任医师"), the viewer of a document-sharing site (a file name, "第 2 页 共 15 页", VIP and download prompts), a journal\'s front matter above the abstract (authors and their marks, affiliations, DOI and citation lines, received/accepted dates, the licence; the keyword line is kept), a disclaimer ("This article is for informational purposes only", "本文仅供参考，不构成医疗建议"; advice such as "Consult your doctor before…" is the article\'s), a foot of related cards or questions under a related label (titles, teasers cut short in a word, "More Answers"), the bars of a flattened table or a close button\'s "×" alone on a line, an image search\'s caption ("Image result for …"), an image\'s file name or a discount offer ("Get $15 off your first order") left as a line, a menu or label whose words lost their spaces ("HomeSearchLatest posts", "TABLEOFCONTENTS"), or a short line repeated down the page or across unrelated drafts. Recognised by phrase (the `cmsLeftovers` config is the seed) and by shape; an article\'s own labels ("Key Takeaways", "References", "参考文献") are never reported. Sure findings are warnings that the cleaner removes; unsure ones (`data.confidence: "low"`) are infos, kept.',
    example: 'Click here to check the latest price on Amazon',
    fix: 'Delete the leftover (buttons, share and comment prompts, navigation labels, advertising) from the draft; if the phrase belongs to the article, add it to `allowedTerms` or silence the line with a `draftaudit-disable-line` comment.',
    fixable: 'High-confidence findings are removed from the cleaned article (the whole block, or the label at the end of a sentence); low-confidence ones are only reported.',
  },
  check(doc, ctx) {
    const findings = classifyDocument(doc, { phrases: ctx.config.cmsLeftovers }).map((v) => findingOf(doc, v));
    // An empty image slot holds no text, so it is no block: it is found in the tree.
    for (const r of emptyImages(doc.tree)) {
      findings.push({
        span: spanOf(doc.lineStarts, r.start, r.end),
        message: 'Site debris (empty image slot)',
        data: { expected: '', confidence: 'high', reason: 'image without source or description', kind: 'layout', whole: true, image: true },
      });
    }
    return findings.sort((a, b) => a.span.start.offset - b.span.start.offset);
  },
  checkBatch(batch, ctx) {
    const repeated = batchLines(batch.documents, batch.clusterOf);
    if (repeated.lines.size === 0) return [];
    const out: Array<RuleFinding & { path: string }> = [];
    const phrases = JSON.stringify(ctx.config.cmsLeftovers);
    for (const doc of batch.documents) {
      const weights = repeated.weights(doc.blocks);
      if (!weights.some((w) => w > 0)) continue;
      // (The classifier asks of the draft's own blocks, each at its index.)
      const look = (): RuleFinding[] =>
        classifyDocument(doc, { phrases: ctx.config.cmsLeftovers, batch: (b: Block) => weights[b.index]! }).flatMap((v) => (v.reasons.includes('batch') ? [findingOf(doc, v)] : []));
      // The verdicts depend on the draft and on the weight of each of its blocks in this batch:
      // a rerun classifies again only the drafts whose text or repeated lines changed.
      const found = batch.keep ? batch.keep(doc, `${phrases}\u0000${weights.join(' ')}`, areRuleFindings, look) : look();
      for (const f of found) out.push({ ...f, path: doc.path });
    }
    return out;
  },
};

/** Whether a kept value has the shape of the batch look's findings (see BatchView.keep). */
function areRuleFindings(value: unknown): value is RuleFinding[] {
  const isPoint = (p: unknown): boolean => {
    const q = p as Record<string, unknown> | null;
    return typeof q === 'object' && q !== null && [q.line, q.column, q.offset].every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  };
  return (
    Array.isArray(value) &&
    value.every((f: unknown) => {
      const g = f as Record<string, unknown> | null;
      const span = g?.span as Record<string, unknown> | undefined;
      return (
        typeof g === 'object' && g !== null && typeof g.message === 'string' && typeof span === 'object' && span !== null && isPoint(span.start) && isPoint(span.end) &&
        (g.severity === undefined || g.severity === 'info' || g.severity === 'warning' || g.severity === 'error') &&
        (g.data === undefined || (typeof g.data === 'object' && g.data !== null && !Array.isArray(g.data))) && (g.excerpt === undefined || typeof g.excerpt === 'string')
      );
    })
  );
}
