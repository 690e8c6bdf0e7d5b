/**
 * lang/foreign-block — a block (heading, paragraph, list item, table cell) written in
 * another language than the document's primary one.
 *
 * The languages come from the document's language profile (src/lang/profile.ts): script
 * first (Han, kana, Hangul, Cyrillic, Greek, Arabic, Hebrew, Thai … settle it), then function
 * words or eld on long Latin-script text; a short Latin-script block inherits the document's
 * language unless its own words say otherwise (letters beyond ASCII such as Vietnamese
 * "đang", another language's function words such as Indonesian "sedang"; see
 * src/lang/evidence.ts), which catches scraper labels like "Bạn đang xem: …". Reference
 * entries are left out: a cited source may be in any language. A block that also holds a
 * clause in the primary language is mixed and left to lang/mixed-sentence, which reports
 * its foreign passages (src/lang/switches.ts), so one passage is never reported twice.
 *
 * A draft that gives each passage in both languages, one after the other, or a section twice,
 * once in each language (src/lang/interleaved.ts), has its translations reported as such
 * (`data.translates`: the line of the passage translated); the cleaned article drops them.
 */
import type { Block, DocumentRule, RuleFinding } from '../../types.js';
import { translationsWithin } from '../../lang/interleaved.js';
import { languageName } from '../../lang/names.js';
import { countLetters, mainScript, maskedRanges } from '../../lang/scan.js';
import { NONE, scriptOfLanguage } from '../../lang/scripts.js';
import { blockSwitches } from '../../lang/switches.js';
import { inNoLanguage } from '../../lang/neutral.js';
import { FIELD_LABEL, isSiteLabel } from '../../debris/lexicon.js';
import { englishWords } from '../../lang/words.js';

export const foreignBlock: DocumentRule = {
  id: 'lang/foreign-block',
  scope: 'document',
  meta: {
    description: 'Block in another language than the document',
    defaultSeverity: 'error',
    docs: 'A heading, paragraph, list item or table cell is not in the primary language of the document, most often a passage a machine-translation step left untranslated or translated by mistake, or a scraper label in another language ("Bạn đang xem: …"). `data.lang` is its ISO 639-3 code; the cleaned output restores the passage from the canonical version. Short English headings, name lists, species names and citations in an English draft keep its language. On a line of sure site debris in the other language of the English–Chinese pair (an English label of a Chinese page\'s chrome) it is not reported: the debris finding stands for the line.',
    fix: 'Translate the passage into the article\'s language, or delete it if it is a leftover; a term readers need in the original may stay if it is added to `allowedTerms`.',
    example: 'What Is Magnesium?\n\n镁是地球上最常见的矿物之一,并且存在于许多食物中( 1 , 2 , 3 ).',
    fixable: 'The block is restored from the aligned block of a sibling version that has it in the primary language and keeps every other sentence of the block; else it stays, marked untranslated. A translation of another block, in a draft that gives its passages or a section in both languages, is removed.',
  },
  check(doc, ctx) {
    const findings: RuleFinding[] = [];
    const { primary, blocks: languages } = doc.language;
    if (primary === 'und') return findings;
    const allowed = ctx.config.allowedTerms;
    const foreign: Block[] = [];
    for (const block of doc.blocks) {
      if (block.kind === 'reference') continue;
      const lang = languages[block.index];
      if (!lang || lang === primary || lang === 'und') continue;
      // Page meta, a paper's people and places, where a source stands, code, mojibake: lines in
      // no language of their own (see lang/neutral.ts).
      if (inNoLanguage(block.text)) continue;
      // Nor is an English label of the site the debris lexicon knows ("Skip directly to content"
      // above a Chinese article) a passage: artifact/cms-leftover reports it, and the cleaner takes it out.
      // (A scraper's label in a third language, "Bạn đang xem:", is the trace this rule names.)
      // (So is a page template's field label: "Title", "Date" above a Chinese title and its date.)
      if (lang === 'eng' && (isSiteLabel(block.text) || FIELD_LABEL.test(block.text.trim()))) continue;
      // A lone Latin token that is no English word ("mirrormedia", "NutriFacts" above a Chinese
      // article) is a name, a site's or a brand's, in no language; so is a code of a letter or
      // two ("A", "E1": a rating widget's grades) or a unit in brackets (a table's "(mg/day)"),
      // and an English paper's title in a Chinese page is a cited source ("…: A Systematic
      // Review and Meta-analysis").
      if (lang === 'eng' && (loneName(block.text) || letters(block.text) < 3 || UNIT_CELL.test(block.text.trim()) || STUDY_TITLE.test(block.text))) continue;
      // A name of a letter or two, or a Chinese term of a few characters, glossed in the primary
      // language ("B1 (硫胺素)", "矿物质 (Minerals)": a table's label or value) is a label of the
      // article's own language, not a foreign passage.
      // So is a short term beside its translation ("Vitamin B / 维生素B", "维生素D｜Vitamin D"):
      // a bilingual page's label, half of it in the article's own language.
      if (bilingualLabel(block.text, lang, primary)) continue;
      // A block with a clause in the primary language is mixed: lang/mixed-sentence reports its foreign passages.
      if (blockSwitches(block, doc.language, allowed).primaryRun) continue;
      // A block that is nothing but allowed terms (and acronyms, numbers) is no foreign text.
      if (allowed.length > 0) {
        const { outside, inside } = countLetters(block.text, maskedRanges(block.text, allowed));
        if (outside.every((n) => n === 0) && inside.every((n) => n === 0)) continue;
      }
      foreign.push(block);
    }
    // A draft that gives each passage, or a section, in both languages: the copy in the other
    // language is a translation, which the cleaned article drops.
    const translations = translationsWithin(doc, foreign);
    for (const block of foreign) {
      const lang = languages[block.index]!;
      const of = translations.get(block.index);
      if (of !== undefined) {
        const line = doc.blocks[of]!.position.start.line;
        const what = of === block.index - 1 ? `the one above it (line ${line})` : `the passage at line ${line}`;
        findings.push({
          span: block.position,
          message: `${kindName(block.kind)} in ${languageName(lang)} translating ${what}; the draft gives its passages in ${languageName(primary)} and in ${languageName(lang)}`,
          data: { lang, primary, translates: line },
        });
        continue;
      }
      findings.push({
        span: block.position,
        message: `${kindName(block.kind)} in ${languageName(lang)}; the document is in ${languageName(primary)}`,
        data: { lang, primary },
      });
    }
    return findings;
  },
};

/** One token of Latin letters (digits and joiners between), three to thirty long. */
const LONE_TOKEN = /^[A-Za-z][A-Za-z0-9&'’.-]{1,28}[A-Za-z0-9]$/;

/** A unit alone in brackets: a table's header cell ("(mg/day)", "(mcg/d)", "(IU)"). */
const UNIT_CELL = /^[(（]\s*(?:mg|mcg|µg|μg|ug|g|iu|ml|kcal|mmol)(?:\s*\/\s*(?:day|d|kg|dl|l))?\s*[)）]$/i;

/** The title of a study: its design after a colon, or closing it ("…: a randomized controlled trial"). */
const STUDY_TITLE = /[:：]\s*(?:an?\s+|the\s+)?(?:(?:updated|systematic|narrative|scoping|umbrella|dose-response|network|cochrane)\s+)*(?:review|meta-analys[ie]s|(?:randomi[sz]ed|double-blind|placebo-controlled|controlled|clinical|pilot|crossover)\b[^.!?]{0,60}\btrials?|(?:prospective|retrospective|population-based)?\s*cohort\s+study|cross-sectional\s+study|case\s+report)\b/i;

function letters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

function loneName(text: string): boolean {
  const t = text.trim();
  return LONE_TOKEN.test(t) && !englishWords().has(t.toLowerCase());
}

/** Letters (weighted) a foreign label may have outside brackets and still be a glossed label. */
const LABEL_LETTERS = 2;

/** A Chinese term of a few characters with its gloss in brackets: "矿物质 (Minerals)", a bilingual table's value. */
const GLOSSED_TERM = /^\s*\p{Script=Han}{1,6}\s*[（(][^()（）\p{Script=Han}]{2,40}[)）]\s*$/u;

/** A glossed label or a paired one (see the rule): a label of the article's own language, in whole or in half. */
function bilingualLabel(text: string, lang: string, primary: string): boolean {
  const foreign = scriptOfLanguage(lang);
  const own = scriptOfLanguage(primary);
  if (foreign === NONE || own === NONE || foreign === own) return false;
  return glossedLabel(text, foreign, own) || pairedLabel(text, foreign, own);
}

function glossedLabel(text: string, foreign: number, own: number): boolean {
  const { outside, inside } = countLetters(text, []);
  return inside[own]! > 0 && (outside[foreign]! <= LABEL_LETTERS || GLOSSED_TERM.test(text));
}

/** A label and its translation, each a few words, either side of a slash or bar (bullets and dashes before it aside). */
const PAIRED = /^[\s\p{Pd}•·*]*([^/|｜／]{1,40}?)\s*[/|｜／]\s*([^/|｜／]{1,40})$/u;

function pairedLabel(text: string, foreign: number, own: number): boolean {
  const m = PAIRED.exec(text.trim());
  if (!m) return false;
  const scripts = [m[1]!, m[2]!].map((side) => mainScript(countLetters(side, [])));
  return scripts.includes(own) && scripts.includes(foreign);
}

function kindName(kind: string): string {
  switch (kind) {
    case 'heading':
      return 'Heading';
    case 'listItem':
      return 'List item';
    case 'tableCell':
      return 'Table cell';
    default:
      return 'Paragraph';
  }
}
