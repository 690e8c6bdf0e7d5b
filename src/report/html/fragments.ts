/**
 * Serialising the report's hast a piece at a time, with memory (see Fragments), and the
 * shells of sections whose parts are serialised one by one.
 */
import type { Comment, Element, ElementContent, ElementData, Properties } from 'hast';
import { deflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { KeyBuilder, type PieceCache } from '../../engine/pieces.js';
import { htmlKey, inflatedBase64, keptGroupOpening } from './deflated.js';
import { toHtml } from 'hast-util-to-html';
import { setBounded } from '../../collections.js';

/**
 * Where a shell takes its parts. Its HTML cannot occur anywhere else in the page: `<` is
 * escaped in text and `"` in attribute values.
 */
export const PARTS: Comment = { type: 'comment', value: '"draftaudit:parts"' };
const PARTS_HTML = `<!--${PARTS.value}-->`;

/** The HTML of `shell` before and after its PARTS comment. */
export function split(shell: Element): [string, string] {
  const html = toHtml(shell);
  const at = html.indexOf(PARTS_HTML);
  return [html.slice(0, at), html.slice(at + PARTS_HTML.length)];
}

/**
 * Serialising with memory. Thousands of drafts repeat the same subtrees (a language strip, a
 * severity badge, a rule's cell, a line number) and the same start tags (a finding's row, a
 * diff cell); attributes cost most in serialising. `shared` gives one element object per
 * content, serialised by hast-util-to-html once; `tagged` marks an element whose start and end
 * tags are serialised once for all elements with its name and properties. `serialise` writes a
 * tree piece by piece: the HTML remembered in `data`, toHtml of the rest. The tree stays the
 * page as it is (toHtml of it gives the same HTML, only slower).
 *
 * What is remembered is bounded: a draft's own language strip or a row's own anchor repeats
 * nowhere, and keeping every one of them would hold the HTML of the whole page. Past
 * `REMEMBERED` entries of a kind, the oldest is forgotten; the HTML is the same either way.
 */
export class Fragments {
  private readonly elements = new Map<string, Map<string, Element>>();
  private readonly tags = new Map<string, [string, string]>();
  private readonly attributes = new Map<string, string>();

  /** The element of `key` among those of `kind`; `make` builds it the first time. */
  shared(kind: string, key: string, make: (key: string) => Element): Element {
    let elements = this.elements.get(kind);
    if (!elements) this.elements.set(kind, (elements = new Map()));
    let element = elements.get(key);
    if (!element) {
      element = make(key);
      element.data = { html: this.serialise(element) } as ElementData;
      setBounded(elements, key, element, REMEMBERED);
    }
    return element;
  }

  /** `element`, its start and end tags serialised once for every element with its name and properties. */
  tagged(element: Element): Element {
    element.data = { tags: this.tagsOf(element) } as ElementData;
    return element;
  }

  /**
   * The start and end tags of `element`. The start tag is its name's, with each attribute
   * serialised by hast-util-to-html on its own (remembered by name and value) and joined as
   * hast-util-to-html joins them, by one space: a finding's row names its draft, rule and
   * place, so whole start tags repeated little, and serialising one took most of a large
   * report's time for its rows. The tags are those toHtml gives for the element (a test
   * compares them on generated elements).
   */
  private tagsOf(element: Element): [string, string] {
    let tags = this.tags.get(element.tagName);
    // (One entry per element name: a page has a few dozen names, no bound is needed.)
    if (!tags) this.tags.set(element.tagName, (tags = split({ type: 'element', tagName: element.tagName, properties: {}, children: [PARTS] })));
    const attributes: string[] = [];
    for (const name in element.properties) {
      const value = element.properties[name];
      if (value === null || value === undefined) continue;
      const html = this.attribute(name, value);
      if (html !== '') attributes.push(html);
    }
    return attributes.length === 0 ? tags : [`${tags[0].slice(0, -1)} ${attributes.join(' ')}>`, tags[1]];
  }

  /** One attribute as hast-util-to-html serialises it in an HTML element's start tag ('' when it writes none). */
  private attribute(name: string, value: NonNullable<Properties[string]>): string {
    const key = `${name} ${Array.isArray(value) ? JSON.stringify(value) : `${typeof value} ${String(value)}`}`;
    let html = this.attributes.get(key);
    if (html === undefined) {
      const element = toHtml({ type: 'element', tagName: 'b', properties: { [name]: value }, children: [] });
      html = element.slice('<b'.length, -'></b>'.length).trimStart();
      setBounded(this.attributes, key, html, REMEMBERED);
    }
    return html;
  }

  /** The HTML of `tree`. */
  serialise(tree: Element): string {
    const out: string[] = [];
    this.write(tree, out);
    return out.join('');
  }

  /** Appends the HTML of `element` to `out`. */
  write(element: Element, out: string[]): void {
    const { data } = element;
    if (data?.html !== undefined) {
      out.push(data.html);
      return;
    }
    const tags = data?.tags ?? (holdsSerialised(element) ? this.tagsOf(element) : undefined);
    if (!tags) {
      out.push(toHtml(element));
      return;
    }
    out.push(tags[0]);
    let plain: ElementContent[] = [];
    for (const child of element.children) {
      if (child.type === 'element' && (child.data !== undefined || holdsSerialised(child))) {
        if (plain.length > 0) out.push(toHtml(plain));
        plain = [];
        this.write(child, out);
      } else {
        plain.push(child);
      }
    }
    if (plain.length > 0) out.push(toHtml(plain));
    out.push(tags[1]);
  }
}

/** Entries of each kind Fragments remembers. */
const REMEMBERED = 4096;

// The cast where `data` is set: hast-util-from-parse5 (loaded with rehype-parse in the tests)
// declares its `position` required.
declare module 'hast' {
  interface ElementData {
    /** The element's HTML, for every place it stands in (see Fragments). */
    html?: string;
    /** Its start and end tags, for every element with its name and properties (see Fragments). */
    tags?: [string, string];
  }
}

/** Whether `element` holds an element with serialised HTML or tags (only Fragments sets `data`). */
function holdsSerialised(element: Element): boolean {
  for (const child of element.children) if (child.type === 'element' && (child.data !== undefined || holdsSerialised(child))) return true;
  return false;
}

/**
 * HTML kept for later (a large batch's per-draft and per-article detail). Each part is
 * serialised into a group of `size` parts; a full group becomes one hidden `div.zgroup`
 * holding its HTML deflated, in base64, in `data-z`; each part's place is a `div.deferred`
 * naming its group and itself. The page's script inflates a group (DecompressionStream) and
 * parses it into place when the reader opens a part of it. A browser neither builds,
 * styles nor even tokenises the detail while loading, and the page is a fraction of the
 * size: deflate finds the repeats across a group's drafts (rows, tags, shared phrases) that
 * one draft alone is too short to hold. The HTML is hast-util-to-html's, every piece of
 * draft text in it escaped; base64 holds no character that could end the attribute.
 */
/** A part of the detail whose HTML is made only when its group is not kept whole (see `holdPiece`). */
export interface LazyPart {
  /** A hash of everything the part shows; none when nothing is cached. */
  digest?: string;
  html: () => string;
  /** Counts the part's kept piece as used when its group is taken whole (see PieceCache.touch). */
  keep?: () => void;
}

export class Deferred {
  private html: Array<{ id: string; html?: string; part?: LazyPart }> = [];
  private parts = 0;
  private group = 0;
  private held = 0;

  constructor(
    private readonly fragments: Fragments,
    private readonly size = 50,
    /** Where groups deflated by an earlier run are kept (with `--cache`): a group whose HTML is unchanged is not deflated again. */
    private readonly pieces?: PieceCache,
  ) {}

  /** The place of `elements`, which join the current group. */
  hold(elements: Element[]): Element {
    return this.holdHtml(this.serialised(elements));
  }

  /** The HTML `hold` keeps of `elements`. */
  serialised(elements: Element[]): string {
    const out: string[] = [];
    for (const e of elements) this.fragments.write(e, out);
    return out.join('');
  }

  /** `hold` of elements whose HTML (`serialised`) is known already. */
  holdHtml(html: string): Element {
    return this.place({ html });
  }

  /**
   * `hold` of a part known by the digest of what it shows: when every part of its group has
   * one and an earlier run kept the group with these digests, the group is taken whole and no
   * part's HTML is made or read.
   */
  holdPiece(part: LazyPart, properties: Properties = {}): Element {
    return this.place(part.digest === undefined ? { html: part.html() } : { part }, properties);
  }

  /** The place of a part: a `div.deferred` naming its group and itself, with `properties` after those. */
  private place(entry: { html?: string; part?: LazyPart }, properties: Properties = {}): Element {
    const id = `z${++this.parts}`;
    this.html.push({ id, ...entry });
    this.held++;
    return { type: 'element', tagName: 'div', properties: { className: ['deferred'], dataGroup: `zg-${this.group}`, dataFor: id, ...properties }, children: [] };
  }

  /** The current group's element once it is full (any time with `force`), else undefined. */
  flush(force = false): Element | undefined {
    if (this.held === 0 || (!force && this.held < this.size)) return undefined;
    const z = this.groupDeflated();
    const group: Element = { type: 'element', tagName: 'div', properties: { className: ['zgroup'], id: `zg-${this.group}`, hidden: true, dataZ: z }, children: [] };
    this.group++;
    this.html = [];
    this.held = 0;
    return group;
  }

  /**
   * The current group deflated: kept whole by the digests of its parts (checked by inflating
   * it: safe HTML that opens with its first part), else made from its parts' HTML.
   */
  private groupDeflated(): string {
    const parts = this.html;
    const byDigest = this.pieces && parts.every((p) => p.part?.digest !== undefined) ? new KeyBuilder() : undefined;
    for (const p of byDigest ? parts : []) byDigest!.add(p.id, p.part!.digest!);
    const key = byDigest?.digest();
    const kept = key ? this.pieces!.getVouched('zgroup-parts', key, DEFLATED) : undefined;
    // (A group the piece checker vouched for was found safe there, and its opening noted.)
    if (kept !== undefined && (kept.vouch ?? keptGroupOpening(kept.value)) === parts[0]!.id) {
      for (const p of parts) p.part?.keep?.();
      return kept.value;
    }
    const z = this.deflated(parts.map((p) => `<div data-for="${p.id}">${p.html ?? p.part!.html()}</div>`).join(''));
    if (key) this.pieces!.set('zgroup-parts', key, z);
    return z;
  }

  /**
   * The group's HTML deflated, in base64; from the cache when it holds this HTML's. A kept
   * group is inflated and compared before it is used (inflating costs a fraction of deflating):
   * a kept entry that does not give back exactly this HTML is not used.
   */
  private deflated(html: string): string {
    const bytes = Buffer.from(html, 'utf8');
    const key = this.pieces ? htmlKey(html) : '';
    const kept = this.pieces?.get('zgroup', key, DEFLATED);
    if (kept !== undefined && inflatedBase64(kept)?.equals(bytes)) return kept;
    const z = deflateRawSync(bytes, { level: GROUP_LEVEL }).toString('base64');
    this.pieces?.set('zgroup', key, z);
    return z;
  }
}

/**
 * The deflate level of the groups. On the 29 groups of a 1,000-draft batch (22.3 MB of
 * HTML), best of three: level 6 (zlib's default) 226 ms for 5.25 MB of base64, level 4
 * 154 ms for 5.50 MB, level 3 117 ms for 5.89 MB, level 1 102 ms for 6.08 MB. Level 4 takes
 * a third off the report's deflating (about 0.35 s at 5,000 drafts) for a page 4% larger.
 */
const GROUP_LEVEL = 4;

/** A kept group's deflated HTML in base64: checked as it is used (see deflated.ts). */
const DEFLATED = z.string();
