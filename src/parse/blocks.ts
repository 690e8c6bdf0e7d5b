/**
 * The flat list of blocks every rule reads, taken from the mdast tree of any format.
 * Each block keeps text segments so a range of its text maps back into the file.
 */
import type { Heading, Nodes, Parents, Root, RootContent } from 'mdast';
import type { Block, BlockKind, TextSegment } from '../types.js';
import { toString } from 'mdast-util-to-string';
import { SourceBlock, type PointLike } from './source-block.js';
import { alignToSource } from './source-align.js';
import { invisibleOffsets } from '../safety/invisible.js';
import { regionLocator } from './boilerplate.js';
import { REFERENCES_TITLE } from './references-title.js';


export function isReferencesHeading(node: Heading): boolean {
  return REFERENCES_TITLE.test(toString(node));
}

export function extractBlocks(tree: Root, source: string, lineStarts: number[]): Block[] {
  const blocks: Block[] = [];
  const make = (kind: BlockKind, text: string, start: PointLike, end: PointLike, segments: TextSegment[], depth?: number): Block =>
    SourceBlock.create({ index: blocks.length, kind, text, start, end, segments, ...(depth !== undefined ? { depth } : {}) }, source, lineStarts);
  let referencesDepth = 0;
  // HTML: the furniture regions the page marks (boilerplate.ts). A reference list ends where
  // the page's furniture starts (a footer's links are no entries), unless the list's own
  // heading stands in that same region (an article footer that holds the references).
  const regionAt = regionLocator((tree.data?.boilerplate ?? []).filter((r) => r.weight >= 2));
  let referencesRegion = -1;
  const openReferences = (depth: number, node: Nodes): void => {
    referencesDepth = depth;
    referencesRegion = regionAt(node.position?.start.offset);
  };

  const push = (kind: BlockKind, node: Nodes, depth?: number): void => {
    const acc = { text: '', segments: [] as TextSegment[] };
    collectInline(node, acc, source);
    const text = acc.text.trimEnd();
    if (!node.position || text.trim() === '') return;
    blocks.push(make(kind, text, node.position.start, node.position.end, acc.segments, depth));
  };

  const walk = (parent: Parents): void => {
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (referencesDepth) {
        const region = regionAt(node.position?.start.offset);
        if (region >= 0 && region !== referencesRegion) referencesDepth = 0;
      }
      switch (node.type) {
        case 'heading': {
          if (referencesDepth && node.depth <= referencesDepth) referencesDepth = 0;
          // ("Sources" also heads where a substance comes from, "Sources" over a paragraph on
          // meat and fish: over a paragraph of prose, that title opens no list.)
          if (isReferencesHeading(node) && !(AMBIGUOUS_TITLE.test(toString(node)) && proseParagraph(children[i + 1]))) openReferences(node.depth, node);
          // An unclosed <h1> in HTML swallows the blocks after it: the heading is its text,
          // and the blocks inside are blocks of their own.
          const inner = (node.children as Nodes[]).filter((c) => BLOCK_TYPES.has(c.type));
          if (inner.length === 0) push('heading', node, node.depth);
          else {
            const phrasing = { ...node, children: node.children.filter((c) => !BLOCK_TYPES.has(c.type)) };
            push('heading', phrasing, node.depth);
            walk({ type: 'root', children: inner as RootContent[] });
          }
          break;
        }
        case 'paragraph':
          push(referencesDepth ? 'reference' : 'paragraph', node);
          // A "References:" line as a paragraph opens the list after it as a heading would, up
          // to the next heading, when that list reads as references (not "Sources: spinach").
          if (!referencesDepth && REFERENCES_TITLE.test(toString(node)) && readsAsReferences(children[i + 1])) {
            blocks[blocks.length - 1]!.kind = 'heading';
            blocks[blocks.length - 1]!.depth = 6;
            openReferences(6, node);
          }
          break;
        case 'listItem': {
          const own = node.children.filter((c) => c.type !== 'list');
          const kind: BlockKind = referencesDepth ? 'reference' : 'listItem';
          if (own.length > 0 && node.position) {
            const acc = { text: '', segments: [] as TextSegment[] };
            for (const c of own) {
              if (acc.text) acc.text += ' ';
              collectInline(c, acc, source);
            }
            const first = own[0]!.position ?? node.position;
            const last = own[own.length - 1]!.position ?? node.position;
            if (acc.text.trim() !== '') {
              blocks.push(make(kind, acc.text.trimEnd(), first.start, last.end, acc.segments));
            }
          }
          for (const c of node.children) if (c.type === 'list') walk(c);
          break;
        }
        case 'tableCell':
          push('tableCell', node);
          break;
        case 'footnoteDefinition':
          // A footnote's text is the source its mark cites: an entry of the reference list, wherever it stands.
          for (const c of node.children) {
            if (c.type === 'paragraph') push('reference', c);
            else if ('children' in c) walk(c as Parents);
          }
          break;
        case 'code':
        case 'html':
        case 'yaml':
        case 'definition':
        case 'thematicBreak':
          break;
        default:
          if ('children' in node) walk(node as Parents);
      }
    }
  };
  walk(tree);
  markUntitledReferences(blocks);
  return blocks;
}

/**
 * A reference list whose title the page lost (drawn as an image, or dropped by the copy): a
 * run of list items that each read as a bibliographic entry (see readsAsEntry), two or more
 * at the end of the draft or three or more anywhere, is a reference list all the same. Its
 * entries are the sources' words, not the article's: the language profile and the rules
 * read them as references, as under a References heading.
 */
function markUntitledReferences(blocks: Block[]): void {
  // A footnote's definition written out ("[^3]: Smith J …", a plain-text copy of a Markdown page)
  // is an entry wherever it stands.
  for (const b of blocks) if ((b.kind === 'paragraph' || b.kind === 'listItem') && FOOTNOTE_DEFINITION.test(b.text)) b.kind = 'reference';
  // (The draft's last block may be an entry cut short, its year lost: its authors tell it.)
  const entry = (k: number): boolean => blocks[k]!.kind === 'listItem' && (readsAsEntry(blocks[k]!.text) || (k === blocks.length - 1 && AUTHORS.test(blocks[k]!.text)));
  let i = 0;
  while (i < blocks.length) {
    if (!entry(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && entry(j)) j++;
    const run = j - i;
    if (run >= 3 || (run >= 2 && j === blocks.length)) for (let k = i; k < j; k++) blocks[k]!.kind = 'reference';
    i = j;
  }
}

/** A footnote's definition as text: "[^3]: …", "[^smith]: …". */
const FOOTNOTE_DEFINITION = /^\s*\[\^[\p{L}\p{N}_-]{1,40}\]:\s*\S/u;

/** Authors as a bibliography writes them first: "Clarke R, …", "Carmel R (2005)", "Smith JA." (a number before them is the entry's). */
const AUTHOR_START = /^\s*(?:\[?\d{1,3}[\].)]\s*)?\p{Lu}[\p{L}'’-]+,?\s+(?:\p{Lu}\.?\s?){1,3}[,.;(]/u;
/** Two authors or more as a bibliography lists them ("Glória L, Cravo M, …"). */
const AUTHORS = /^\s*(?:\p{Lu}[\p{L}'’-]+\s+\p{Lu}{1,3},\s*){2,}/u;
/** What only a citation holds: et al, a DOI or PubMed id, a volume and pages ("99(3): 200", "; 12: 40"), a Chinese entry's type mark ("[J]"). */
const BIB_MARK = /\bet al\b|\bdoi\b|\bpmid\b|\d+\s*\(\d+\)\s*[:：]\s*\d+|;\s*\d+\s*[:：]\s*\d+|\bvol\.\s*\d|\[(?:J|M|D|C|N|R|S|EB\/OL)\]/iu;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;

/** Whether a text (a list item's, a stretch of a paragraph) reads as a bibliographic entry: a year, and authors as a bibliography writes them or a mark only citations hold. */
export function readsAsEntry(text: string): boolean {
  return YEAR.test(text) && (AUTHOR_START.test(text) || BIB_MARK.test(text));
}

/**
 * Authors opening an entry, then its title: "Chen L, Wu Y. …", "Laura Chen, et al. Vitamin D …",
 * "R Perera, et al. …" (not "Smith et al. found …", a sentence), or as MLA writes them: "Chen,
 * Laura, and Ravi Perera. …".
 */
const ENTRY_AUTHORS =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+,?\s+(?:et\s+al\.\s+\p{Lu}|(?:\p{Lu}\.?\s?){1,3}[,.;(])|^\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’-]+(?:,?\s+(?:and|&)\s+(?:\p{Lu}[\p{L}'’.-]*\s+){1,2}\p{Lu}[\p{L}'’-]+)?\.\s/u;

/** A paper's index number: a PubMed id or a DOI. */
export const PAPER_ID = /\bPMID\s*[:：]?\s*\d{6,9}\b|\bdoi\s*[:：]?\s*10\.\d{4,}/iu;
/** A line of a paper's identifier alone (an archive's link labels after it): "DOI: 10.1056/NEJMcp1905181", "doi: 10.1002/… URL |". */
const ID_LINE = /^(?:DOI|PMID|PMCID)\s*[:：]?\s*\S+(?:\s+(?:URL|PubMed|Crossref|Google Scholar|\|))*$|^https?:\/\/(?:dx\.)?doi\.org\/\S+$/iu;
/** A journal's abbreviated name, then a year: "Am Fam Physician. 2010", "N Engl J Med 2019". */
const JOURNAL_YEAR = String.raw`\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,5}\.?\s+(?:19|20)\d{2}`;
/**
 * A journal's citation of a paper ("Med Hypotheses. 2010. Eby GA", "Am Fam Physician.
 * 2010;81(6):745-748"): the journal's abbreviated name, then the year closed by a full stop,
 * a semicolon or a colon.
 */
export const JOURNAL_CITATION = new RegExp(`(?:^|[.\\s])${JOURNAL_YEAR}\\s*(?:[;.:]|$)`, 'u');
/**
 * A line of a journal's name, year, volume and pages alone: "N Engl J Med 2019;381:349-357" (a
 * translated page adds 年), or year, volume and article number as the BMJ prints them: "BMJ 2010 341; c5702".
 */
const ISSUE_LINE = new RegExp(
  `^${JOURNAL_YEAR}(?:\\s*年?\\s*[;；,，]\\s*\\d{1,4}(?:\\s*[(（]\\d{1,3}[)）])?\\s*[:：]|\\s+\\d{1,4}\\s*[;；])\\s*[A-Za-z]?\\d+(?:\\s*[-–]\\s*[A-Za-z]?\\d+)?\\.?$`,
  'u',
);

/** Whether a line is nothing but where a paper stands: its identifier, or its journal's issue and pages. */
export function isSourceLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 120 && (ID_LINE.test(t) || ISSUE_LINE.test(t));
}

/** Whether a stretch of prose is a source written out in it: authors as an entry opens, and what a bibliographic entry holds. */
export function citedSource(stretch: string): boolean {
  return ENTRY_AUTHORS.test(stretch) && readsAsEntry(stretch);
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'list', 'table', 'blockquote', 'code', 'thematicBreak']);

/** The text of a heading without the blocks an unclosed HTML heading swallowed. */
export function headingText(node: Heading): string {
  return toString({ ...node, children: node.children.filter((c) => !BLOCK_TYPES.has(c.type)) }, { includeHtml: false });
}

const REFERENCE_ENTRY = /https?:\/\/|www\.|\bdoi\b|\bet al\b|\b(19|20)\d{2}\b/i;

function readsAsReferences(node: RootContent | undefined): boolean {
  return node?.type === 'list' && node.children.length > 0 && REFERENCE_ENTRY.test(toString(node.children[0]!));
}

/** A reference list's title that also names other things ("Sources" of a nutrient). */
const AMBIGUOUS_TITLE = /^\s*sources\s*[:：]?\s*$/iu;

/**
 * A paragraph of prose, no reference entry: fifteen words or more, with no label ("[1]",
 * "1. "), link, DOI or entry's year and authors. (An entry without a year, "National Institutes
 * of Health. Vitamin D fact sheet.", is short.)
 */
function proseParagraph(node: RootContent | undefined): boolean {
  if (node?.type !== 'paragraph') return false;
  const text = toString(node);
  if (text.trim().split(/\s+/).length < 15) return false;
  return !(/^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]\s)|https?:\/\/|www\.|\bdoi\b/iu.test(text) || readsAsEntry(text));
}

/** Appends the readable text under `node` to `acc`, with a segment for each positioned piece. */
function collectInline(node: Nodes, acc: { text: string; segments: TextSegment[] }, source: string): void {
  switch (node.type) {
    case 'html':
      // Comments (suppressions, untranslated markers) are not text a reader sees.
      if (/^<!--[^]*-->$/.test(node.value.trim())) return;
    // falls through
    case 'text':
    case 'inlineCode': {
      // A line break inside the value reads as a space; each line keeps its own segment so
      // that offsets after the break still land on the right characters.
      const offset = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (offset !== undefined && end !== undefined && source.slice(offset, end) !== node.value) {
        // Decoded references, dropped escapes, markup between lines: map it character by character.
        // Invisible characters are dropped here too (see below); the walk steps over them.
        const read = node.value.replace(/\r\n|\r|\n/g, ' ');
        let value = '';
        let from = 0;
        for (const cut of [...invisibleOffsets(read), read.length]) {
          value += read.slice(from, cut);
          from = cut + 1;
        }
        acc.segments.push(...alignToSource(value, source.slice(offset, end), offset, acc.text.length));
        acc.text += value;
        return;
      }
      const lines = node.value.split(/(\r\n|\r|\n)/);
      let k = 0;
      for (let i = 0; i < lines.length; i++) {
        const piece = lines[i]!;
        if (i % 2 === 1) acc.text += ' ';
        else if (piece.length > 0) {
          // Invisible characters (zero-width spaces, soft hyphens, bidi controls) are not read:
          // "6\u200b00 mg" is 600 mg to every rule. The visible runs keep their own segments.
          let from = 0;
          for (const cut of [...invisibleOffsets(piece), piece.length]) {
            if (cut > from) {
              if (offset !== undefined) acc.segments.push({ at: acc.text.length, offset: offset + k + from, length: cut - from });
              acc.text += piece.slice(from, cut);
            }
            from = cut + 1;
          }
        }
        k += piece.length;
      }
      return;
    }
    case 'break':
      acc.text += ' ';
      return;
    case 'footnoteReference': {
      // A footnote's mark ("[^1]") cites as a bracketed number does: the block keeps it as written.
      const offset = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (offset === undefined || end === undefined) return;
      acc.segments.push({ at: acc.text.length, offset, length: end - offset });
      acc.text += source.slice(offset, end);
      return;
    }
    case 'image':
    case 'imageReference':
      return;
    default:
      if ('children' in node) {
        for (const c of node.children as Nodes[]) {
          // Two paragraphs of one item, or cells, read as separate words.
          if ((c.type === 'paragraph' || c.type === 'list') && acc.text && !/\s$/.test(acc.text)) acc.text += ' ';
          collectInline(c, acc, source);
        }
      }
  }
}
