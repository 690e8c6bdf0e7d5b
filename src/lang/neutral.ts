/**
 * Lines in no language of their own, whatever letters they hold: page meta (a date line, a
 * byline, a picture's credit), a paper's people and places (its authors with their affiliation marks or their
 * surnames in capitals, a name alone, an affiliation, an e-mail address or a contact line), where a source stands (a DOI or
 * PubMed line, a journal's issue and pages, a bibliographic entry the parse left as a
 * paragraph), a line of code, and a line of nothing but mojibake. lang/foreign-block reports
 * none of them: the debris and mojibake rules speak for the ones that are not the article's.
 */
import { affiliation, authorNames, contactLine } from '../debris/frontmatter.js';
import { isFullName } from '../debris/person-name.js';
import { isCodeLine } from '../debris/features.js';
import { citedSource, isSourceLine } from '../parse/blocks.js';
import { findMojibake } from '../safety/mojibake.js';
import { isBylineLine, isDateLine } from './dates.js';

/** An e-mail address alone, under its label or after a name: "E-mail:maoeq@example.net", "Marta Nowak marta@example.com". */
const EMAIL_LINE = /^(?:e-?mail\s*[:：]?\s*|(?:\p{Lu}[\p{L}'’.-]*\s+){1,4})?[\w.+-]+@[\w-]+\.[\w.-]+$/iu;
/** A picture's credit, by its mark or label. */
const CREDIT_LINE = /^(?:©|\(c\)\s|(?:photo(?:graph)?|image|picture)\s*(?:credit|source|by)?\s*[:：]|credit\s*[:：])/iu;
const CREDIT_LENGTH = 160;
/** The affiliation marks that may open an affiliation: "1Department of …", "*School of …". */
const LEADING_MARKS = /^[\d*†‡§¶#]+\s*/u;

/** Whether a block's text is in no language of its own (see the module's comment). */
export function inNoLanguage(text: string): boolean {
  const t = text.trim();
  if (isDateLine(text) || isBylineLine(text)) return true;
  // Authors count when half of them or more carry marks (so a list of products is not taken
  // for one), or every one is printed surname first in capitals ("ZHAO Bing, YU Xianxian").
  const authors = authorNames(text);
  if (authors && (authors.marked * 2 >= authors.names || authors.capitalSurnames === authors.names)) return true;
  if (affiliation(t.replace(LEADING_MARKS, '')) || EMAIL_LINE.test(t) || contactLine(t)) return true;
  // A picture's credit: its mark or label and the agency's and photographer's names ("©
  // iStockphoto.com / Olivier Lantzendörffer", "Photo: Getty Images").
  if (t.length <= CREDIT_LENGTH && CREDIT_LINE.test(t)) return true;
  // A person's name on its own line (an author or a reviewer above a Chinese article) is in no language.
  if (t.length <= 40 && isFullName(t)) return true;
  // A reference may be in any language: an entry, an identifier, an issue line.
  if (isSourceLine(text) || citedSource(t)) return true;
  return isCodeLine(text) || onlyMojibake(text);
}

/** Whether `text` holds no letter outside its mojibake runs ("锘?", a byte-order mark read as Chinese). */
function onlyMojibake(text: string): boolean {
  const runs = findMojibake(text);
  if (runs.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const r of runs) {
    rest += text.slice(at, r.start);
    at = r.end;
  }
  return !/\p{L}/u.test(rest + text.slice(at));
}
