/**
 * The letters beyond ASCII that each Latin-script language writes, as evidence on lines too
 * short for a statistical detector: "đang", "dụng", "ơ", "ư" can only be Vietnamese; "ł",
 * "ą", "ę" Polish (or Lithuanian for ą, ę); "ğ", "ı", "ş" Turkish (or Azerbaijani); "ß"
 * German; "ñ" Spanish (or Tagalog, Galician).
 *
 * Written from the alphabets themselves (each language's standard orthography), lower case
 * only; a letter's upper case is looked up by its lower case.
 */

/** Extra letters of each Latin-script language, by ISO 639-3 code as franc gives it. */
const ALPHABETS: Readonly<Record<string, string>> = {
  eng: '',
  spa: 'áéíñóúü',
  fra: 'àâæçéèêëîïôœùûüÿ',
  deu: 'äöüß',
  ita: 'àèéìíîòóùú',
  por: 'áâãàçéêíóôõú',
  nld: 'éëïóöü',
  cat: 'àçèéíïòóúü',
  ron: 'ăâîșțşţ',
  vie: 'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  ind: '',
  zlm: '',
  tgl: 'ñ',
  tur: 'çğıöşüâî',
  azj: 'çəğıöşü',
  pol: 'ąćęłńóśźż',
  ces: 'áčďéěíňóřšťúůýž',
  slk: 'áäčďéíĺľňóôŕšťúýž',
  hun: 'áéíóöőúüű',
  swe: 'åäö',
  dan: 'æøå',
  nob: 'æøå',
  fin: 'äöå',
  ekk: 'äöõüšž',
  lit: 'ąčęėįšųūž',
  lvs: 'āčēģīķļņšūž',
  hrv: 'čćđšž',
  bos: 'čćđšž',
  slv: 'čšž',
  als: 'çë',
  isl: 'áðéíóúýþæö',
  yor: 'áàéèẹíìóòọṣúù',
  afr: 'êëîïôûéè',
};

/** The Latin-script languages this file knows. */
export const ALPHABET_LANGUAGES: readonly string[] = Object.keys(ALPHABETS);

/** Letter → the languages that write it. */
const WRITERS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, letters] of Object.entries(ALPHABETS)) {
    for (const ch of letters) {
      const list = map.get(ch) ?? [];
      list.push(lang);
      map.set(ch, list);
    }
  }
  return map;
})();

/**
 * The non-ASCII Latin letters of `word` (lower-cased, NFC), or an empty list for a word in
 * plain ASCII. Letters no language of the table writes are kept too: they still say "not English".
 */
export function extraLetters(word: string): string[] {
  const out: string[] = [];
  for (const ch of word.normalize('NFC').toLowerCase()) if (ch.charCodeAt(0) >= 0x80) out.push(ch);
  return out;
}

/** True when `lang` writes every letter of `letters` (unknown languages write none). */
export function writesAll(lang: string, letters: readonly string[]): boolean {
  for (const ch of letters) if (!(WRITERS.get(ch) ?? []).includes(lang)) return false;
  return true;
}

/** The languages that write every letter of `letters` (all known ones for an empty list). */
export function writersOf(letters: readonly string[]): string[] {
  return ALPHABET_LANGUAGES.filter((lang) => writesAll(lang, letters));
}
