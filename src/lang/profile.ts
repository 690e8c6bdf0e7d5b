/**
 * Language of each block and of the whole document, decided by Unicode script.
 */
import type { Block, LanguageProfile } from '../types.js';

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

function blockLanguage(text: string): { lang: string; letters: number } {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return { lang: 'und', letters: 0 };
  return han * 2 >= latin ? { lang: 'cmn', letters: han + latin } : { lang: 'eng', letters: han + latin };
}

export function profileLanguage(blocks: Block[], forced?: string): LanguageProfile {
  const langs = blocks.map((b) => blockLanguage(b.text));
  const totals = new Map<string, number>();
  let all = 0;
  for (const { lang, letters } of langs) {
    if (lang === 'und') continue;
    totals.set(lang, (totals.get(lang) ?? 0) + letters);
    all += letters;
  }
  const shares: Record<string, number> = {};
  for (const lang of [...totals.keys()].sort()) shares[lang] = Math.round((totals.get(lang)! / all) * 1000) / 1000;
  let primary = forced ?? 'und';
  if (!forced) for (const [lang, n] of totals) if (primary === 'und' || n > totals.get(primary)!) primary = lang;
  return { primary, shares, blocks: langs.map((l) => (l.lang === 'und' ? primary : l.lang)) };
}
