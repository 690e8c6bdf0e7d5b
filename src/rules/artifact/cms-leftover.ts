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

interface Matcher {
  phrase: string;
  normalised: string;
  /** The phrase after a dash at the end of a block: "… functions properly. – CONTENT BOX." */
  tail: RegExp;
}

const matchers = new WeakMap<readonly string[], Matcher[]>();

/** Compiled once per phrase list (the config's list is frozen, so its identity is stable). */
function matchersFor(phrases: readonly string[]): Matcher[] {
  let list = matchers.get(phrases);
  if (!list) {
    list = phrases
      .map((phrase) => ({
        phrase,
        normalised: normalise(phrase),
        tail: new RegExp(`\\s*[-–—]\\s*${escapeRegExp(phrase.trim())}\\s*[.!]?\\s*$`, 'iu'),
      }))
      .filter((m) => m.normalised !== '');
    matchers.set(phrases, list);
  }
  return list;
}

function leftoverIn(block: Block, list: Matcher[], longest: number): { start: number; end: number; phrase: string } | undefined {
  const text = block.text;
  // Only a short block can be a phrase alone, and a tacked-on phrase follows a dash near the
  // end: most blocks are ruled out without normalising their whole text.
  const end = text.slice(-(longest + 12));
  const short = text.length <= longest + 12;
  if (!short && !/[-–—]/.test(end)) return undefined;
  const whole = normalise(short ? text : end);
  for (const m of list) {
    if (short && whole === m.normalised) return { start: 0, end: text.length, phrase: m.phrase };
    if (!whole.endsWith(m.normalised)) continue;
    const tail = m.tail.exec(text);
    if (tail && tail.index > 0) return { start: tail.index, end: text.length, phrase: m.phrase };
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
    fixable: 'The leftover phrase is dropped, and its block with it when nothing else is left.',
  },
  check(doc, ctx) {
    const findings: RuleFinding[] = [];
    const list = matchersFor(ctx.config.cmsLeftovers);
    const longest = Math.max(0, ...list.map((m) => m.phrase.length));
    for (const block of doc.blocks) {
      if (block.kind === 'reference' || block.kind === 'tableCell') continue;
      const hit = leftoverIn(block, list, longest);
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
