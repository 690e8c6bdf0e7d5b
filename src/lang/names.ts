/** English names of the ISO 639-3 codes the language stage gives, for messages. */
const NAMES: Readonly<Record<string, string>> = {
  arb: 'Arabic',
  bel: 'Belarusian',
  ben: 'Bengali',
  bul: 'Bulgarian',
  cmn: 'Chinese',
  deu: 'German',
  ell: 'Greek',
  eng: 'English',
  fra: 'French',
  heb: 'Hebrew',
  hin: 'Hindi',
  hye: 'Armenian',
  ita: 'Italian',
  jpn: 'Japanese',
  kat: 'Georgian',
  kor: 'Korean',
  mar: 'Marathi',
  mkd: 'Macedonian',
  nld: 'Dutch',
  npi: 'Nepali',
  pes: 'Persian',
  por: 'Portuguese',
  rus: 'Russian',
  spa: 'Spanish',
  srp: 'Serbian',
  tam: 'Tamil',
  tha: 'Thai',
  ukr: 'Ukrainian',
  und: 'an undetermined language',
  urd: 'Urdu',
};

/** "Chinese (cmn)", or the bare code when it has no name here. */
export function languageName(code: string): string {
  const name = NAMES[code];
  return name ? `${name} (${code})` : code;
}
