/**
 * artifact/cms-leftover — debris of the publishing system left in a draft: calls to action
 * ("READ OUR FULL REVIEW"), comment-form titles ("Leave a Reply"), layout labels
 * ("– CONTENT BOX."), share and subscribe lines. The phrases live in config
 * (`cmsLeftovers`). A block that is only the phrase is reported whole; a phrase tacked on
 * to the end of a sentence after a dash is reported alone.
 */
import type { Block, DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';

const PUNCT = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

function normalise(s: string): string {
  return s.replace(PUNCT, '').replace(/\s+/g, ' ').toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function leftoverIn(block: Block, phrases: readonly string[]): { start: number; end: number; phrase: string } | undefined {
  const whole = normalise(block.text);
  for (const phrase of phrases) {
    const p = normalise(phrase);
    if (p === '') continue;
    if (whole === p) return { start: 0, end: block.text.length, phrase };
    // "… functions properly. – CONTENT BOX." : the phrase after a dash at the end of a block.
    const tail = new RegExp(`\\s*[-–—]\\s*${escapeRegExp(phrase.trim())}\\s*[.!]?\\s*$`, 'iu').exec(block.text);
    if (tail && tail.index > 0) return { start: tail.index, end: block.text.length, phrase };
  }
  return undefined;
}

export const cmsLeftover: DocumentRule = {
  id: 'artifact/cms-leftover',
  scope: 'document',
  meta: {
    description: 'Leftover of the publishing system',
    defaultSeverity: 'warning',
    docs: 'A call to action, comment-form title, layout label or share/subscribe line that came along with the export ("READ OUR FULL REVIEW", "Leave a Reply", "– CONTENT BOX."). The phrases are set in config (`cmsLeftovers`); the cleaned output drops them.',
    example: 'READ OUR FULL REVIEW',
  },
  check(doc, ctx) {
    const findings: RuleFinding[] = [];
    for (const block of doc.blocks) {
      if (block.kind === 'reference' || block.kind === 'tableCell') continue;
      const hit = leftoverIn(block, ctx.config.cmsLeftovers);
      if (!hit) continue;
      findings.push({
        span: blockSpan(doc.lineStarts, block, hit.start, hit.end),
        message: hit.start === 0 ? `CMS leftover "${block.text.trim()}"` : `CMS leftover "${block.text.slice(hit.start).trim()}" at the end of a paragraph`,
        data: { phrase: hit.phrase, expected: '', whole: hit.start === 0 },
      });
    }
    return findings;
  },
};
