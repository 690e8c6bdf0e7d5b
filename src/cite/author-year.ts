/**
 * Author–year citations, the way journal-style pages cite: "(Smith, 2019)", "(Smith et al.,
 * 2019)", "(Smith & Lee 2020; Wong, 2018)", "(WHO, 2020)", and in the sentence "Smith et al.
 * (2019) found …", "Smith and Lee (2020)". They point at a source by name, not by number,
 * so they are markers of their own kind (`author-year`): a claim carrying one is cited, and
 * no numbered list is needed for them.
 *
 * A capitalised word before a year is not always an author: "(March 2019)", "(Updated
 * 2021)", "(Spring 2020)" are dates, and are left alone. In the sentence, only "et al." or
 * two names joined by "and"/"&" before "(year)" count, since "Nutrients (2021)" or
 * "COVID (2020)" may be anything.
 */
import type { TextMarker } from './markers.js';

const NAME = "[A-Z][\\p{L}'’-]+";
/** What joins a first author to the rest: "et al." or "and"/"&" a second name. */
const COAUTHORS = `(?:\\s+et\\s+al\\.?|\\s+(?:and|&)\\s+${NAME})`;
const AUTHORS = `${NAME}${COAUTHORS}?`;
const YEAR = '(?:19|20)\\d{2}[a-z]?';
const ONE = `${AUTHORS},?\\s+${YEAR}`;
/** "(Smith et al., 2019; Wong, 2018)", also opened with "see" or "e.g."; group 1 opens with the first author. */
const PARENTHESISED = new RegExp(`[(（]\\s*(?:(?:see|e\\.g\\.,?|cf\\.)\\s+)?(${ONE}(?:\\s*[;,]\\s*${ONE})*)\\s*[)）]`, 'gu');
/** "Smith et al. (2019)", "Smith and Lee (2020)"; group 1 is the first author. */
const NARRATIVE = new RegExp(`\\b(${NAME})${COAUTHORS}\\s+[(（]${YEAR}[)）]`, 'gu');
/** A surname's initials in a reference ("J.", "JA", "J. A."). */
const INITIALS = '(?:[A-Z]\\.?\\s*){1,3}';
/**
 * A reference written out in brackets inside the paragraph, opening with its authors as a
 * reference list gives them, surname and initials, and then its year: "[Zhao, J. et al.
 * (2016). Zinc levels in seminal plasma … Scientific Reports, 6: 22386.]", "(Lee JH, Park S,
 * 2019)". The initials are what tell an author from any other word before a year. Group 1
 * opens with the first author; the marker runs from the bracket to the year.
 */
const WRITTEN_OUT = new RegExp(
  `[\\[(（]\\s*(${NAME},?\\s+${INITIALS}(?:,\\s*${NAME},?\\s+${INITIALS})*(?:,?\\s*et\\s+al\\.?)?)\\s*[.,]?\\s*[(（]?${YEAR}[)）]?`,
  'gu',
);
/**
 * Chinese: "张明等(1998)", "王丽和李强（2020）" — a name of two to four characters followed by
 * 等 (et al.) or joined to a second one by 和/与/及, then the year in brackets. A lone name
 * before a year is left alone, as in English ("北京（2008）" is a place and a date).
 */
const NARRATIVE_ZH = new RegExp(`\\p{Script=Han}{2,4}(?:等人?|[和与與及]\\p{Script=Han}{2,4})\\s*[(（]${YEAR}[)）]`, 'gu');
/**
 * A journal's abbreviated title and the date in brackets, as a press release cites the
 * paper it reports: "(Arthritis Rheumatol. 2014 Mar 11. [Epub ahead of print])", "(J Nutr.
 * 2019;149:1123)". The date goes on past the year (a month, or ";" and the volume), which a
 * date written alone ("(March 2019)") does not; group 1 opens with the title's first word.
 */
const JOURNAL_DATED = new RegExp(
  `[(（]\\s*((?:[A-Z][a-z]*\\.?\\s+){1,6})${YEAR}(?:\\s*;\\s*\\d|\\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?(?![a-z]))`,
  'gu',
);
/**
 * The first author, the journal and the year in brackets: "(te Velthuis, PLoS Pathog 2010)",
 * "(Smith et al., Am J Clin Nutr 2019)". A surname may open on its particle (van, de, te).
 */
const AUTHOR_JOURNAL = new RegExp(
  `[(（]\\s*((?:(?:van|von|de|der|den|te|ten|la|le|da|di|du)\\s+)*${NAME}(?:\\s+et\\s+al\\.?)?),\\s+[A-Z][\\w.]*(?:\\s+[A-Z][\\w.]*){0,4}\\.?,?\\s+${YEAR}\\s*[)）]`,
  'gu',
);
/** The first author at the start of group 1. */
const FIRST_NAME = new RegExp(`^${NAME}`, 'u');
/** Words before a year that make a date, not an author. */
const NOT_AUTHOR =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter|Updated|Published|Accessed|Revised|Reviewed|Retrieved|Since|Until|Before|After|In|From|Circa|Est|Founded|Approved|Issued|Edition|Version)$/u;

/** Author–year citations in `text`, in text order. */
export function scanAuthorYear(text: string): TextMarker[] {
  const out: TextMarker[] = [];
  if (!/(?:19|20)\d{2}/u.test(text)) return out;
  for (const re of [PARENTHESISED, NARRATIVE, WRITTEN_OUT, JOURNAL_DATED, AUTHOR_JOURNAL]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const first = FIRST_NAME.exec(m[1]!)?.[0] ?? '';
      if (NOT_AUTHOR.test(first)) continue;
      out.push({ kind: 'author-year', style: 'author-year', start: m.index, end: m.index + m[0].length, text: m[0], numbers: [], items: [] });
    }
  }
  NARRATIVE_ZH.lastIndex = 0;
  for (let m = NARRATIVE_ZH.exec(text); m !== null; m = NARRATIVE_ZH.exec(text)) {
    out.push({ kind: 'author-year', style: 'author-year', start: m.index, end: m.index + m[0].length, text: m[0], numbers: [], items: [] });
  }
  return out.sort((a, b) => a.start - b.start);
}
