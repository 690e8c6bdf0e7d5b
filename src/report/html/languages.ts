/** Languages in the HTML report: names, one colour per language, and block kinds in words. */
import type { AuditResult } from '../../audit.js';
import { cmp } from '../../order.js';
import type { BlockKind } from '../../types.js';

/** Tableau 10: distinct colours for the languages of the corpus, most frequent first. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

const LANGUAGE_NAMES: Record<string, string> = {
  ara: 'Arabic',
  cmn: 'Chinese',
  deu: 'German',
  eng: 'English',
  fra: 'French',
  hin: 'Hindi',
  ita: 'Italian',
  jpn: 'Japanese',
  kor: 'Korean',
  nld: 'Dutch',
  por: 'Portuguese',
  rus: 'Russian',
  spa: 'Spanish',
  tha: 'Thai',
  tur: 'Turkish',
  und: 'undetermined',
  vie: 'Vietnamese',
};

export interface Colours {
  /** The rule for each language class. */
  css: string;
  classOf: (lang: string) => string;
}

/** One CSS class and colour per language, in order of how many blocks are in it. */
export function languageColours(result: AuditResult): Colours {
  const counts = new Map<string, number>();
  for (const blocks of Object.values(result.blocks)) for (const b of blocks) counts.set(b.lang, (counts.get(b.lang) ?? 0) + 1);
  for (const d of result.documents) if (d.status === 'audited') for (const lang of Object.keys(d.languages)) if (!counts.has(lang)) counts.set(lang, 0);
  const safe = (lang: string): boolean => /^[a-z]{2,8}$/.test(lang);
  const order = [...counts].filter(([lang]) => safe(lang) && lang !== 'und').sort(([a, x], [b, y]) => y - x || cmp(a, b)).map(([lang]) => lang);
  const colour = new Map(order.map((lang, i) => [lang, PALETTE[i % PALETTE.length]!]));
  const css = [
    '.lang-und{background:#d6d6d6}',
    '.lang-other{background:repeating-linear-gradient(45deg,#ccc 0 3px,#eee 3px 6px)}',
    ...order.map((lang) => `.lang-${lang}{background:${colour.get(lang)!}}`),
  ].join('\n');
  const classes = new Map<string, string>([['und', 'lang-und'], ...order.map((lang): [string, string] => [lang, `lang-${lang}`])]);
  return { css, classOf: (lang) => classes.get(lang) ?? 'lang-other' };
}

export function languageName(lang: string): string {
  return LANGUAGE_NAMES[lang] ?? lang;
}

/** What a block is, in an editor's words (never the parser's node names). */
const KIND_NAMES: Record<BlockKind, string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  listItem: 'list item',
  tableCell: 'table cell',
  reference: 'reference entry',
};

export function kindName(kind: BlockKind): string {
  return KIND_NAMES[kind] ?? 'block';
}
