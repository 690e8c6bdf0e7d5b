/**
 * artifact/html-tag — HTML markup that leaked into the text of a draft.
 *
 * What counts as leaked:
 * - in a .txt draft, every tag of a known HTML element (text has no markup of its own);
 * - in any draft, a tag shown as text: entity-escaped (`&lt;p&gt;`), or left in the text of an
 *   HTML draft after conversion (its source reads `&lt;p&gt;`);
 * - in a Markdown draft, inline HTML that is not a phrasing element used as one: a block or
 *   script element inside a paragraph (`<p>`, `<div>`, `<li>`, `<script>`), a lone closing
 *   tag, an opening tag never closed in its block, `<font>`, and a `<br>` in the middle of a
 *   line (at the end of a line it is Markdown's hard break).
 *
 * Not leaked: in Markdown, inline HTML is part of the language, so closed phrasing elements
 * (`<sup>[1]</sup>`, `kg/m<sup>2</sup>`, `D<sub>3</sub>`, `<em>`, `<abbr title>`,
 * `<span class>`, `<mark>`, `<kbd>`, `<small>`) are not findings, nor is an HTML block (a
 * `<table>` or `<details>` starting a line, closed by its own HTML block, as CommonMark
 * defines it): it is the author's own structure, and the blocks rules read do not include
 * it (an `<iframe>` video embed among them). Two HTML blocks are findings all the same: a
 * `<script>` or `<style>` block (code in an article), and a block that opens an element whose closing tag ends up inside a later
 * paragraph (a styled box pasted around prose). Code spans are never looked into.
 *
 * An element's opening and closing tags make one finding whose span covers the element, from
 * its opening tag to its closing tag, in one block or across several; a tag without its
 * partner is a finding of its own.
 *
 * `data.expected` is the text without the tags (a block tag or `<br>` between two words
 * leaves a space, so no two words run together); `data.confidence` is 'high' when dropping
 * the tags cannot change the words: 'low' for a script element inside prose (its content
 * would go with it), for an element holding other markup, for a tag the sentence talks about
 * ("the <div> tag"), and for an element across blocks (no repair is proposed).
 */
import type { Root } from 'mdast';
import type { Block, Document, DocumentRule, RuleFinding, Span } from '../../types.js';
import { blockSpan, pointAt, sourceOffset, spanOf } from '../../position.js';
import { lastAtOrBefore } from '../../collections.js';

/** Phrasing elements Markdown authors write inline; void ones need no closing tag. */
const PHRASING = new Set('a abbr b bdi bdo cite code data del dfn em i ins kbd mark q rp rt ruby s samp small span strong sub sup time u var'.split(' '));
const VOID = new Set('br wbr img hr'.split(' '));
/** Elements whose content is code, not prose. */
const SCRIPT = new Set('script style noscript iframe object embed template'.split(' '));
const BLOCK = new Set(
  'address article aside blockquote body center dd details div dl dt fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header html li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);

const RAW_TAG = /<(\/?)([a-z][a-z0-9]*)\b((?:[^<>"']|"[^"]*"|'[^']*')*?)(\/?)>/gi;
const ESCAPED_TAG = /&lt;(\/?)([a-z][a-z0-9]*)\b((?:(?!&[lg]t;)[^<>])*?)(\/?)&gt;/gi;
/** Words after a tag that show the sentence talks about the tag. */
const TALKED_ABOUT = /^\s*(tags?|elements?|標籤|标签)\b/iu;

interface Tag {
  /** Range in the block's text. */
  start: number;
  end: number;
  name: string;
  closing: boolean;
  /** True when the tag stands in the source as inline Markdown HTML (not as text). */
  inlineHtml: boolean;
}

interface Unit {
  open: Tag;
  close?: Tag;
}

export const htmlTag: DocumentRule = {
  id: 'artifact/html-tag',
  scope: 'document',
  meta: {
    description: 'HTML markup leaked into the text',
    defaultSeverity: 'warning',
    docs: 'An HTML tag stands in the text as a leftover of a CMS export or a conversion: any tag in a .txt draft, a block tag or lone closing tag inside a Markdown paragraph, a tag shown as text (`&lt;p&gt;`). Inline HTML a Markdown author writes (`<sup>`, `<em>`, `<abbr>`, `<br>` at a line end) is not reported. `data.expected` is the text without the tags.',
    fix: 'Delete the tag and keep the words around it; where it carried meaning (a line break, a list, emphasis), write that in the draft\'s own format (a blank line, `- ` items, `*emphasis*`).',
    example: 'out.<br> When magnesium runs low',
    fixable: "The cleaner drops the tags where `data.confidence` is 'high' and the tags lie in one text of the draft; an element spread over several pieces of Markdown is reported only.",
  },
  check(doc) {
    const md = doc.format === 'md' && doc.text.includes('<') ? markdownFacts(doc.tree) : undefined;
    const found: Found[] = [];
    for (const block of doc.blocks) {
      if (block.kind === 'reference' || !/<[a-z/]|&lt;/i.test(block.text)) continue;
      const tags = tagsOf(doc, block, md);
      for (const unit of leaked(doc, block, tags)) {
        found.push({ offset: sourceOffset(block, unit.open.start), block, unit, finding: findingOf(doc, block, unit, tags) });
      }
    }
    for (const b of md?.blocks ?? []) {
      if (b.name === 'script' || b.name === 'style') found.push({ offset: b.start, finding: scriptBlock(doc, b) });
      else if (b.opens) found.push({ offset: b.start, opener: b });
    }
    found.sort((a, b) => a.offset - b.offset);
    return pairAcrossBlocks(doc, found)
      .map((f) => f.finding)
      .filter((f): f is RuleFinding => f !== undefined);
  },
};

/** A leaked unit of a block, or an HTML block of a Markdown draft, in document order. */
interface Found {
  offset: number;
  block?: Block;
  unit?: Unit;
  opener?: HtmlBlock;
  finding?: RuleFinding;
}

/**
 * An element opened in one block and closed in a later one (a `<div class="box">` line in a
 * text draft, or a Markdown HTML block whose `</div>` ends a later paragraph) is one finding
 * from its opening tag to its closing tag. Its tags lie in different blocks, so the cleaner
 * is given no repair. An HTML block whose closing tag is an HTML block of its own is
 * Markdown's structure and no finding.
 */
function pairAcrossBlocks(doc: Document, found: Found[]): Found[] {
  const open: Found[] = [];
  const out: Found[] = [];
  for (const f of found) {
    const unit = f.unit;
    if (f.opener || (unit && !unit.open.closing && !unit.close && !VOID.has(unit.open.name))) {
      open.push(f);
      out.push(f);
      continue;
    }
    const name = unit?.open.name;
    const k = unit?.open.closing ? open.map((o) => o.opener?.name ?? o.unit?.open.name).lastIndexOf(name) : -1;
    if (k < 0 || !f.block || !unit) {
      out.push(f);
      continue;
    }
    const opener = open[k]!;
    open.splice(k, 1);
    out.splice(out.indexOf(opener), 1);
    const end = blockSpan(doc.lineStarts, f.block, unit.open.start, unit.open.end).end.offset;
    out.push({
      offset: opener.offset,
      finding: {
        span: spanOf(doc.lineStarts, opener.offset, end),
        message: `HTML element \`<${name}>\` opened on line ${pointAt(doc.lineStarts, opener.offset).line} and closed on line ${pointAt(doc.lineStarts, end).line} left in the text`,
        data: { tag: name, confidence: 'low', reason: 'the element spans several blocks: the cleaner does not drop its tags' },
      },
    });
  }
  return out;
}

/** A script or style element as an HTML block of a Markdown draft: code, never article text. */
function scriptBlock(doc: Document, b: HtmlBlock): RuleFinding {
  return {
    span: spanOf(doc.lineStarts, b.start, b.end),
    message: `HTML \`<${b.name}>\` block left in the article`,
    data: { tag: b.name, expected: '', confidence: 'high', reason: 'a script or style block is code, not text: it goes whole' },
  };
}

/** An HTML block of a Markdown draft that starts with a tag of a known element. */
interface HtmlBlock {
  start: number;
  end: number;
  name: string;
  /** True when the block opens its element and does not close it. */
  opens: boolean;
}

/** Offsets of the inline HTML of a Markdown tree, the ranges of its code spans, and its HTML blocks. */
interface MarkdownFacts {
  html: Map<number, string>;
  code: Array<[number, number]>;
  blocks: HtmlBlock[];
}

const LEADING_TAG = /^\s*<([a-z][a-z0-9]*)\b/i;
const closingTags = new Map<string, RegExp>();

/** The closing tag of an element (`</div >`), compiled once per element name. */
function closingTag(name: string): RegExp {
  let re = closingTags.get(name);
  if (!re) closingTags.set(name, (re = new RegExp(`</${name}\\s*>`, 'i')));
  return re;
}

function markdownFacts(tree: Root): MarkdownFacts {
  const facts: MarkdownFacts = { html: new Map(), code: [], blocks: [] };
  const visit = (node: { type: string; value?: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }, depth: number): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'html' && depth > 1 && start !== undefined) facts.html.set(start, node.value ?? '');
    if (node.type === 'html' && depth === 1 && start !== undefined && end !== undefined) {
      const value = node.value ?? '';
      const name = LEADING_TAG.exec(value)?.[1]?.toLowerCase();
      if (name && (BLOCK.has(name) || SCRIPT.has(name))) {
        facts.blocks.push({ start, end, name, opens: !closingTag(name).test(value) });
      }
    }
    if (node.type === 'inlineCode' && start !== undefined && end !== undefined) facts.code.push([start, end]);
    for (const c of (node.children ?? []) as Array<typeof node>) visit(c, depth + 1);
  };
  visit(tree as Parameters<typeof visit>[0], 0);
  return facts;
}

/** The tags of known elements in a block's text, in text order, outside code spans. */
function tagsOf(doc: Document, block: Block, md: MarkdownFacts | undefined): Tag[] {
  const tags: Tag[] = [];
  for (const re of [RAW_TAG, ESCAPED_TAG]) {
    for (const m of block.text.matchAll(re)) {
      const name = m[2]!.toLowerCase();
      if (!PHRASING.has(name) && !VOID.has(name) && !SCRIPT.has(name) && !BLOCK.has(name)) continue;
      const offset = sourceOffset(block, m.index);
      if (md?.code.some(([s, e]) => offset >= s && offset < e)) continue;
      const inlineHtml = re === RAW_TAG && md?.html.get(offset)?.startsWith(m[0]) === true;
      tags.push({ start: m.index, end: m.index + m[0].length, name, closing: m[1] === '/', inlineHtml });
    }
  }
  return tags.sort((a, b) => a.start - b.start);
}

/** Pairs opening and closing tags of one element; a tag without a partner is a unit alone. */
function pair(tags: Tag[]): Unit[] {
  const units: Unit[] = [];
  const open: Unit[] = [];
  for (const tag of tags) {
    if (!tag.closing) {
      const unit: Unit = { open: tag };
      units.push(unit);
      if (!VOID.has(tag.name)) open.push(unit);
      continue;
    }
    const k = open.map((u) => u.open.name).lastIndexOf(tag.name);
    if (k >= 0) {
      open[k]!.close = tag;
      open.length = k;
    } else units.push({ open: tag });
  }
  return units.sort((a, b) => a.open.start - b.open.start);
}

/** True when the unit is Markdown's own inline HTML, used as Markdown allows it. */
function legitimate(doc: Document, block: Block, unit: Unit): boolean {
  const { open, close } = unit;
  if (!open.inlineHtml || open.closing) return false;
  if (open.name === 'br') {
    // A GFM table cell cannot hold a line break any other way.
    if (block.kind === 'tableCell') return true;
    // A hard break: only blanks (or more breaks) between the tag and the end of its line or block.
    const rest = block.text.slice(open.end);
    const at = sourceOffset(block, open.end - 1) + 1;
    return /^(?:[ \t]*<br\s*\/?>)*[ \t]*(\r?\n|$)/i.test(doc.text.slice(at, at + 80)) || /^(?:\s*<br\s*\/?>)*\s*$/i.test(rest);
  }
  if (VOID.has(open.name)) return open.name === 'img' || open.name === 'wbr';
  return PHRASING.has(open.name) && close !== undefined && close.inlineHtml;
}

/** The leaked units of a block, outermost only: a leaked element takes the tags inside it. */
function leaked(doc: Document, block: Block, tags: Tag[]): Unit[] {
  const out: Unit[] = [];
  let reach = -1;
  for (const unit of pair(tags)) {
    if (unit.open.start < reach || legitimate(doc, block, unit)) continue;
    out.push(unit);
    reach = (unit.close ?? unit.open).end;
  }
  return out;
}

/** The text that stands for a dropped tag between `before` and `after`: a space where a block or line break parted two words. */
function gap(name: string, before: string, after: string): string {
  const parts = name === 'br' || name === 'hr' || (BLOCK.has(name) && name !== 'font');
  return parts && /\S/.test(before) && /\S/.test(after) ? ' ' : '';
}

/**
 * The character next to text index `at` going backwards (`step` -1) or forwards (+1), passing
 * over whole tags of the block: a neighbouring tag is dropped too, so it parts no words.
 */
function neighbour(text: string, at: number, step: -1 | 1, tags: readonly Tag[]): string {
  return text[tagSkips(tags)[step < 0 ? 'back' : 'forward'](at)] ?? '';
}

/**
 * Where a walk over whole neighbouring tags ends, from each start, found once per tag list
 * and remembered: a block of thousands of adjacent tags costs no more per tag than one.
 */
const skips = new WeakMap<readonly Tag[], { back: (at: number) => number; forward: (at: number) => number }>();

function tagSkips(tags: readonly Tag[]): { back: (at: number) => number; forward: (at: number) => number } {
  let found = skips.get(tags);
  if (found) return found;
  const byStart = new Map<number, Tag>();
  const byEnd = new Map<number, Tag>();
  // The first tag of a list at a place wins, as `find` took it.
  for (const t of tags) {
    if (!byStart.has(t.start)) byStart.set(t.start, t);
    if (!byEnd.has(t.end)) byEnd.set(t.end, t);
  }
  const walker = (next: (i: number) => number | undefined) => {
    const memo = new Map<number, number>();
    return (at: number): number => {
      const path: number[] = [];
      let i = at;
      for (;;) {
        const known = memo.get(i);
        if (known !== undefined) {
          i = known;
          break;
        }
        const n = next(i);
        // A tag has a length: the walk only goes one way, it cannot loop.
        if (n === undefined) break;
        path.push(i);
        i = n;
      }
      for (const p of path) memo.set(p, i);
      return i;
    };
  };
  found = {
    back: walker((i) => {
      const t = byEnd.get(i + 1);
      return t ? t.start - 1 : undefined;
    }),
    forward: walker((i) => byStart.get(i)?.end),
  };
  skips.set(tags, found);
  return found;
}

/** The text of [start, end) of the block with every tag in it dropped. */
function withoutTags(text: string, start: number, end: number, tags: Tag[], all: readonly Tag[] = tags): string {
  let out = '';
  let at = start;
  for (const t of tags) {
    if (t.start < start || t.end > end) continue;
    out += text.slice(at, t.start);
    out += gap(t.name, out.length > 0 ? out[out.length - 1]! : neighbour(text, start - 1, -1, all), neighbour(text, t.end, 1, all));
    at = t.end;
  }
  return out + text.slice(at, end);
}

function findingOf(doc: Document, block: Block, unit: Unit, tags: Tag[]): RuleFinding {
  const { open, close } = unit;
  const start = open.start;
  const end = (close ?? open).end;
  // Tags are in text order: those inside the element are found from its start, not by a pass over all.
  const inside: Tag[] = [];
  for (let i = lastAtOrBefore(tags, (t) => t.start, start - 1) + 1; i < tags.length && tags[i]!.start < end; i++) {
    const t = tags[i]!;
    if (t.end <= end && t !== open && t !== close) inside.push(t);
  }
  const script = SCRIPT.has(open.name);
  // A script element goes whole, content and all; any other leaves its text.
  const expected =
    script && close
      ? gap('div', neighbour(block.text, start - 1, -1, tags), neighbour(block.text, end, 1, tags))
      : withoutTags(block.text, start, end, [open, ...inside, ...(close ? [close] : [])], tags);
  const talkedAbout = TALKED_ABOUT.test(block.text.slice(end)) || /["'“‘`]/.test(block.text.charAt(start - 1));
  const confidence = script || inside.length > 0 || talkedAbout ? 'low' : 'high';
  const reason = script
    ? 'a script or style element: dropping it removes its content'
    : inside.length > 0
      ? 'the element holds other markup'
      : talkedAbout
        ? 'the sentence may talk about the tag'
        : 'dropping the tags leaves the words as they are';
  const shown = block.text.slice(open.start, open.end);
  const what = close ? `element \`${shown}…${block.text.slice(close.start, close.end)}\`` : open.closing ? `closing tag \`${shown}\` without its opening tag` : `tag \`${shown}\``;
  return {
    span: spanOfText(doc, block, start, end),
    message: `HTML ${what} left in the text`,
    data: { tag: open.name, expected, confidence, reason },
  };
}

/** Entities a draft's source may use for the characters of a tag shown as text. */
const ENTITIES: Record<string, readonly string[]> = { '<': ['&lt;', '&#60;'], '>': ['&gt;', '&#62;'], '&': ['&amp;'], '"': ['&quot;', '&#34;'], "'": ['&#39;', '&apos;'] };

/**
 * The span of text range [start, end) in the source. Where the source escapes the tags
 * (`&lt;p&gt;` read as `<p>`), the text is longer in the source than in the block, so the
 * end is found by reading the source from the start of the range, character by character.
 */
function spanOfText(doc: Document, block: Block, start: number, end: number): Span {
  const from = sourceOffset(block, start);
  if (!doc.text.startsWith('&', from)) return blockSpan(doc.lineStarts, block, start, end);
  let at = from;
  for (let i = start; i < end; i++) {
    const ch = block.text[i]!;
    if (doc.text[at] === ch) at++;
    else {
      const entity = ENTITIES[ch]?.find((e) => doc.text.startsWith(e, at));
      if (!entity) return blockSpan(doc.lineStarts, block, start, end);
      at += entity.length;
    }
  }
  return spanOf(doc.lineStarts, from, at);
}
