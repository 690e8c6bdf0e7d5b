/**
 * The articles section: each article's editions (one per publication language, from
 * `clusters[].editions` when the result has them), and for each edition the cleaned article
 * rendered in the page, what will be published against its canonical draft, and every
 * version against the canonical. Diffs fold runs of identical blocks and are folded on load;
 * in a large batch the whole detail is kept folded until opened (see `Deferred`).
 */
import type { Element, ElementData } from 'hast';
import { diffArrays } from 'diff';
import type { BlockEntry, ClusterEntry } from '../../audit.js';
import { wordDiff } from '../../corpus/diff.js';
import type { Cluster, DiffPart } from '../../types.js';
import { citationTableElement, doseTableElement, el, type Child } from '../html-tables.js';
import { firstByPath, type Ctx, type Edition } from './context.js';
import { collapse } from './excerpt.js';
import { PARTS, split } from './fragments.js';
import { languageName } from './languages.js';
import { articleHtml, type OutputBlock } from './markdown.js';
import { keptArticle } from './kept.js';
import { scroll } from './summary.js';

export function* articlesSection(ctx: Ctx): Generator<string | Element> {
  const corpus = firstById(ctx.result.corpus);
  const [open, close] = split(
    el('section', { id: 'articles' }, [
      el('h2', {}, 'Articles'),
      el('p', { className: ['muted'] }, 'Each article is a group of versions of one text, published once per language edition. For each edition: the cleaned article as it will be published, what the cleaning changed in the canonical draft, and every version against the canonical, block by block.'),
      PARTS,
    ]),
  );
  yield open;
  for (const c of ctx.result.clusters) {
    yield articleSection(ctx, c, corpus.get(c.id));
    const group = ctx.deferred.flush();
    if (group) yield group;
  }
  const rest = ctx.deferred.flush(true);
  if (rest) yield rest;
  yield close;
}

function firstById(list: readonly Cluster[]): Map<string, Cluster> {
  const out = new Map<string, Cluster>();
  for (const c of list) if (!out.has(c.id)) out.set(c.id, c);
  return out;
}

function articleSection(ctx: Ctx, c: ClusterEntry, cluster: Cluster | undefined): Element {
  const editions = ctx.editions(c);
  const files = [...new Set([c.canonical, ...c.members.map((m) => m.path), ...editions.flatMap((e) => [e.canonical, ...e.members])])];
  const versions = files.length;
  const detail = (): Element[] => editions.map((edition) => editionElement(ctx, c, cluster, edition, editions.length));
  return el('section', { className: ['article'], id: ctx.clusterAnchor.get(c.id)!, dataFiles: JSON.stringify(files) }, [
    el('h3', {}, ctx.titles.get(c.id)!),
    el('p', { className: ['meta'] }, [
      editions.length === 1 ? 'One edition' : `${editions.length} editions`,
      `, ${versions === 1 ? 'one version' : `${versions} versions`}. Canonical: `,
      docLink(ctx, c.canonical),
      '.',
    ]),
    ...(ctx.lazy
      ? [el('details', { className: ['detail'] }, [el('summary', {}, 'The cleaned article, what the cleaning changed, and the versions'), ctx.deferred.holdPiece(keptArticle(ctx, c, cluster, editions, files, () => ctx.deferred.serialised(detail())))])]
      : detail()),
  ]);
}

function docLink(ctx: Ctx, file: string): Element {
  const anchor = ctx.docAnchor.get(file);
  return anchor ? el('a', { className: ['path'], href: `#${anchor}` }, file) : el('span', { className: ['path'] }, file);
}

function editionElement(ctx: Ctx, c: ClusterEntry, cluster: Cluster | undefined, edition: Edition, count: number): Element {
  const output = ctx.outputs.get(edition.output);
  const lang = edition.language;
  const heading = lang ? `${languageName(lang)} edition (${lang})` : count > 1 ? 'Edition' : 'What will be published';
  const parts: Child[] = [
    el('h4', {}, heading),
    el('p', { className: ['meta'] }, [
      'Canonical draft: ',
      docLink(ctx, edition.canonical),
      '. Cleaned output: ',
      el('code', { className: ['path'] }, edition.output),
      ' (',
      el('a', { href: ctx.link(edition.output) }, 'Markdown file'),
      ').',
    ]),
  ];
  const canonicalBlocks = ctx.result.blocks[edition.canonical] ?? [];
  if (output) {
    const rendered = articleHtml(output.content, ctx.pieces, output.html);
    // The title travels in the front matter; the page shows it as the site would, above the text.
    // The rendering stands in the page as the HTML it was serialised to (see Fragments).
    const content: Element = { type: 'element', tagName: 'div', properties: {}, children: [], data: { html: rendered.html } as ElementData };
    parts.push(
      el('div', { className: ['published'], ariaLabel: `The cleaned article ${edition.output}, rendered` }, [
        rendered.titled || output.title === '' ? '' : el('h1', {}, output.title),
        content,
      ]),
    );
    parts.push(publishedDiff(ctx, edition, canonicalBlocks, rendered.blocks));
  } else {
    parts.push(el('p', { className: ['muted'] }, 'The cleaned article’s text is not part of this report (the run wrote no output).'));
  }
  if (cluster) {
    const diffs = firstByPath(cluster.diffs);
    const left = byIndex(ctx.result.blocks[cluster.canonical]);
    for (const m of cluster.members) {
      if (!edition.members.includes(m.path) || m.path === edition.canonical) continue;
      parts.push(diffDetails(ctx, cluster, m.path, m.similarity, diffs.get(m.path)?.parts ?? [], left));
    }
  }
  parts.push(
    ctx.fragments.tagged(el('div', { className: ['tables'] }, [
      el('h4', {}, 'Dose figures and citations of the canonical draft'),
      scroll(doseTableElement(ctx.doses.get(edition.canonical), ctx.share)),
      citationTableElement(ctx.citations.get(edition.canonical), ctx.share),
    ])),
  );
  return el('div', { className: ['edition'], ...(lang ? { lang: htmlLang(lang) } : {}) }, parts);
}

/** A BCP 47 tag for an ISO 639-3 code, where the page's text is in that language. */
function htmlLang(lang: string): string {
  return { eng: 'en', cmn: 'zh', zho: 'zh', spa: 'es', fra: 'fr', deu: 'de' }[lang] ?? (/^[a-z]{2,3}$/.test(lang) ? lang : 'und');
}

/** Characters of a pair of blocks above which their words are not compared. */
const WORD_DIFF_MAX = 8000;

/**
 * The canonical draft against the cleaned output, block by block: the diff package's
 * longest common subsequence over the blocks' texts; a removed block next to an added one is
 * shown as one replaced block with its words compared.
 */
function publishedDiff(ctx: Ctx, edition: Edition, canonical: readonly BlockEntry[], output: readonly OutputBlock[]): Element {
  const right: BlockEntry[] = output.map((b, index) => ({ index, kind: b.kind, line: b.line, column: b.column, lang: '', text: b.text }));
  const left = byIndex(canonical as BlockEntry[]);
  const leftTexts = canonical.map((b) => collapse(b.text).trim());
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = (): void => {
    const n = Math.min(removed.length, added.length);
    for (let k = 0; k < n; k++) {
      const a = canonical[removed[k]!]!;
      const from = leftTexts[removed[k]!]!;
      const to = right[added[k]!]!.text;
      // Myers' diff takes time in the product of length and differences: a long block that
      // changed throughout (a paragraph of 20,000 stray tags, all removed) is shown whole.
      const words = from.length + to.length <= WORD_DIFF_MAX ? wordDiff(from, to, a.lang) : undefined;
      parts.push({ op: 'replace', canonical: a.index, member: added[k]!, ...(words ? { words } : {}) });
    }
    for (const r of removed.slice(n)) parts.push({ op: 'delete', canonical: canonical[r]!.index });
    for (const a of added.slice(n)) parts.push({ op: 'insert', member: a });
    removed = [];
    added = [];
  };
  for (const change of diffArrays(leftTexts, right.map((b) => b.text))) {
    const n = change.count ?? change.value.length;
    if (change.removed) for (let k = 0; k < n; k++) removed.push(i++);
    else if (change.added) for (let k = 0; k < n; k++) added.push(j++);
    else {
      flush();
      for (let k = 0; k < n; k++) parts.push({ op: 'equal', canonical: canonical[i++]!.index, member: j++ });
    }
  }
  flush();
  let changed = 0;
  for (const p of parts) if (p.op !== 'equal') changed++;
  return ctx.fragments.tagged(el('details', { className: ['diff', 'published-diff'] }, [
    el('summary', {}, `What the cleaning changed: the canonical draft against the cleaned output, ${changed} of ${parts.length} blocks differ`),
    changed === 0 && parts.length > 0
      ? el('p', { className: ['muted'] }, 'The cleaned article has the canonical draft’s text block for block.')
      : diffTable(ctx, parts, left, byIndex(right), edition.canonical, edition.output, ['published-diff']),
  ]));
}

function diffDetails(ctx: Ctx, cluster: Cluster, member: string, similarity: number, parts: DiffPart[], left: Map<number, BlockEntry>): Element {
  const { fragments } = ctx;
  const right = byIndex(ctx.result.blocks[member]);
  let changed = 0;
  for (const p of parts) if (p.op !== 'equal') changed++;
  const details = el('details', { className: ['diff'] }, [
    el('summary', {}, [
      fragments.tagged(el('span', { className: ['path'] }, member)),
      ` against the canonical: similarity ${similarity}, ${changed} of ${parts.length} blocks differ`,
    ]),
    parts.length === 0 ? el('p', { className: ['muted'] }, 'No block diff for this version.') : diffTable(ctx, parts, left, right, cluster.canonical, member, []),
  ]);
  return fragments.tagged(details);
}

/** A two-sided diff table (its sides stack on a narrow screen). */
function diffTable(ctx: Ctx, parts: DiffPart[], left: Map<number, BlockEntry>, right: Map<number, BlockEntry>, leftName: string, rightName: string, classes: string[]): Element {
  const { fragments } = ctx;
  return fragments.tagged(el('table', { className: ['diff', ...classes] }, [
    el(
      'thead',
      {},
      el('tr', {}, [
        fragments.shared('th.ln', '', () => el('th', { className: ['ln'] }, 'Line')),
        fragments.tagged(el('th', { className: ['path'] }, leftName)),
        fragments.shared('th.ln', '', () => el('th', { className: ['ln'] }, 'Line')),
        fragments.tagged(el('th', { className: ['path'] }, rightName)),
      ]),
    ),
    el('tbody', {}, diffRows(ctx, parts, left, right)),
  ]));
}

/**
 * The rows of a diff; a run of two or more identical blocks folds into one row naming its
 * lines, so the page stays readable (and small) for long articles and large clusters.
 */
function diffRows(ctx: Ctx, parts: DiffPart[], left: Map<number, BlockEntry>, right: Map<number, BlockEntry>): Element[] {
  const rows: Element[] = [];
  for (let i = 0; i < parts.length; ) {
    let j = i;
    while (j < parts.length && parts[j]!.op === 'equal') j++;
    if (j - i >= 2) {
      const first = left.get(parts[i]!.canonical ?? -1)?.line;
      const last = left.get(parts[j - 1]!.canonical ?? -1)?.line;
      const lines = first === undefined ? '' : first === last ? String(first) : `${first}–${last}`;
      const n = j - i;
      rows.push(
        ctx.fragments.shared('folded', `${n} ${lines}`, () =>
          el('tr', { className: ['op-equal', 'folded'] }, [
            el('td', { className: ['ln'] }, lines),
            el('td', { className: ['text', 'muted'], colSpan: 3 }, `${n} identical blocks`),
          ]),
        ),
      );
      i = j;
      continue;
    }
    rows.push(diffRow(ctx, parts[i]!, left, right));
    i = Math.max(i + 1, j);
  }
  return rows;
}

function diffRow(ctx: Ctx, part: DiffPart, left: Map<number, BlockEntry>, right: Map<number, BlockEntry>): Element {
  const { fragments } = ctx;
  const a = part.canonical !== undefined ? left.get(part.canonical) : undefined;
  const b = part.member !== undefined ? right.get(part.member) : undefined;
  const leftText: Child[] = [];
  const rightText: Child[] = [];
  if (part.op === 'replace' && part.words && part.words.length > 0) {
    for (const w of part.words) {
      if (w.op !== 'insert') leftText.push(w.op === 'delete' ? el('del', {}, w.text) : w.text);
      if (w.op !== 'delete') rightText.push(w.op === 'insert' ? el('ins', {}, w.text) : w.text);
    }
  } else {
    if (a) leftText.push(a.text);
    if (b) rightText.push(b.text);
  }
  leftText.push(langTag(ctx, a, b));
  rightText.push(langTag(ctx, b, a));
  const row = el('tr', { className: [`op-${part.op}`] }, [
    lineCell(ctx, a ? String(a.line) : ''),
    fragments.tagged(el('td', { className: ['text', 'left'] }, leftText)),
    lineCell(ctx, b ? String(b.line) : ''),
    fragments.tagged(el('td', { className: ['text', 'right'] }, rightText)),
  ]);
  return fragments.tagged(row);
}

/** The language of a block where the other side of the diff is in another one. */
function langTag(ctx: Ctx, x: BlockEntry | undefined, other: BlockEntry | undefined): Child {
  if (!x || !other || x.lang === other.lang || x.lang === '' || other.lang === '') return '';
  const { lang } = x;
  return ctx.fragments.shared('span.lang', lang, () => el('span', { className: ['lang', ctx.colours.classOf(lang)] }, lang));
}

/** The line-number cell of a diff row (the same few hundred numbers in every article). */
function lineCell(ctx: Ctx, lines: string): Element {
  return ctx.fragments.shared('td.ln', lines, lineNumberCell);
}

function lineNumberCell(text: string): Element {
  return el('td', { className: ['ln'] }, text);
}


function byIndex(blocks: readonly BlockEntry[] | undefined): Map<number, BlockEntry> {
  return new Map((blocks ?? []).map((b) => [b.index, b]));
}
