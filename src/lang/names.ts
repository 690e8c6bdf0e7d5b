/** English names of the ISO 639-3 codes the language stage gives, for messages. */
const NAMES: Readonly<Record<string, string>> = {
  afr: 'Afrikaans',
  als: 'Albanian',
  amh: 'Amharic',
  arb: 'Arabic',
  azj: 'Azerbaijani',
  bel: 'Belarusian',
  ben: 'Bengali',
  bos: 'Bosnian',
  bul: 'Bulgarian',
  cat: 'Catalan',
  ces: 'Czech',
  cmn: 'Chinese',
  dan: 'Danish',
  deu: 'German',
  ekk: 'Estonian',
  ell: 'Greek',
  eng: 'English',
  eus: 'Basque',
  fin: 'Finnish',
  fra: 'French',
  guj: 'Gujarati',
  heb: 'Hebrew',
  hin: 'Hindi',
  hrv: 'Croatian',
  hun: 'Hungarian',
  hye: 'Armenian',
  ind: 'Indonesian',
  isl: 'Icelandic',
  ita: 'Italian',
  jpn: 'Japanese',
  kan: 'Kannada',
  khm: 'Khmer',
  kat: 'Georgian',
  kor: 'Korean',
  kur: 'Kurdish',
  lao: 'Lao',
  lit: 'Lithuanian',
  lvs: 'Latvian',
  mal: 'Malayalam',
  mar: 'Marathi',
  mya: 'Burmese',
  mkd: 'Macedonian',
  nld: 'Dutch',
  nob: 'Norwegian',
  npi: 'Nepali',
  ori: 'Odia',
  pan: 'Punjabi',
  pes: 'Persian',
  pol: 'Polish',
  por: 'Portuguese',
  ron: 'Romanian',
  rus: 'Russian',
  sin: 'Sinhala',
  slk: 'Slovak',
  slv: 'Slovenian',
  spa: 'Spanish',
  srp: 'Serbian',
  swe: 'Swedish',
  tam: 'Tamil',
  tel: 'Telugu',
  tgl: 'Tagalog',
  tha: 'Thai',
  tur: 'Turkish',
  ukr: 'Ukrainian',
  und: 'an undetermined language',
  urd: 'Urdu',
  vie: 'Vietnamese',
  yor: 'Yoruba',
  zlm: 'Malay',
};

/** "Chinese (cmn)", or the bare code when it has no name here. */
export function languageName(code: string): string {
  const name = NAMES[code];
  return name ? `${name} (${code})` : code;
}

/**
 * Two-letter tags (ISO 639-1, or the macrolanguage's where the code is one of its members:
 * cmn → zh, arb → ar, zlm → ms) of the codes the language stage gives, for file names such
 * as `slug.zh.md`. A code without one keeps its three letters.
 */
const TAGS: Readonly<Record<string, string>> = {
  afr: 'af', als: 'sq', amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', cat: 'ca',
  ces: 'cs', cmn: 'zh', dan: 'da', deu: 'de', ekk: 'et', ell: 'el', eng: 'en', eus: 'eu', fin: 'fi', fra: 'fr',
  guj: 'gu', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', ind: 'id', isl: 'is', ita: 'it', jpn: 'ja',
  kan: 'kn', khm: 'km', kat: 'ka', kor: 'ko', kur: 'ku', lao: 'lo', lit: 'lt', lvs: 'lv', mal: 'ml', mar: 'mr',
  mya: 'my', mkd: 'mk', nld: 'nl', nob: 'nb', npi: 'ne', ori: 'or', pan: 'pa', pes: 'fa', pol: 'pl', por: 'pt',
  ron: 'ro', rus: 'ru', sin: 'si', slk: 'sk', slv: 'sl', spa: 'es', srp: 'sr', swe: 'sv', tam: 'ta', tel: 'te',
  tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur', vie: 'vi', yor: 'yo', zlm: 'ms',
};

/** The short tag of a language in file names: `zh` for cmn, `en` for eng; else the code itself. */
export function languageTag(code: string): string {
  return TAGS[code] ?? code;
}
