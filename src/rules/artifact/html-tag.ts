/**
 * artifact/html-tag — stray HTML tags left in the text of a draft (`<br>`, `</p>`, `<span …>`).
 *
 * In a .txt draft every tag is stray; in Markdown and HTML the parser has already turned
 * real markup into structure, so what is left in a block's text is markup that leaked.
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { blockSpan } from '../../position.js';

const TAG = /<\/?([a-z][a-z0-9]*)\b[^<>]*\/?>/gi;
const KNOWN = new Set(
  'a abbr b blockquote br code div em font h1 h2 h3 h4 h5 h6 hr i img li ol p pre s small span strong sub sup table tbody td th thead tr u ul'.split(' '),
);

/** A `<br>` between two words becomes a space; any other tag, or one beside a space, goes. */
function lineBreakGap(text: string, start: number, end: number): string {
  const tag = text.slice(start, end).toLowerCase();
  if (!tag.startsWith('<br')) return '';
  return /\s/.test(text[start - 1] ?? ' ') || /\s/.test(text[end] ?? ' ') ? '' : ' ';
}

export const htmlTag: DocumentRule = {
  id: 'artifact/html-tag',
  scope: 'document',
  meta: {
    description: 'Stray HTML tag in the text',
    defaultSeverity: 'warning',
    docs: 'An HTML tag such as `<br>` stands inside a paragraph as text: a leftover of a CMS export. The cleaned output drops it.',
    example: 'out.<br> When magnesium runs low',
    fixable: 'A layout tag (`<br>`, `</p>`, `<div>`, `<span>`) is dropped; a tag that carries meaning (`<sup>`, `<sub>`, `<abbr>`, `<b>` …) is left for an editor.',
  },
  check(doc) {
    const findings: RuleFinding[] = [];
    for (const block of doc.blocks) {
      if (block.kind === 'reference') continue;
      for (const m of block.text.matchAll(TAG)) {
        if (!KNOWN.has(m[1]!.toLowerCase())) continue;
        findings.push({
          span: blockSpan(doc.lineStarts, block, m.index, m.index + m[0].length),
          message: `Stray HTML tag \`${m[0]}\` in the text`,
          data: { tag: m[1]!.toLowerCase(), expected: lineBreakGap(block.text, m.index, m.index + m[0].length) },
        });
      }
    }
    return findings;
  },
};
