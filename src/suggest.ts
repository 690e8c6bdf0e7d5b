/** "Did you mean …": the known name a small edit away from a mistyped one (config keys, rule ids, directive words). */
import { closest, distance } from 'fastest-levenshtein';

/** The candidate closest to `word` when it is within a third of the word's length (at least 2 edits); else undefined. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word === '') return undefined;
  const best = closest(word, candidates as string[]);
  return distance(word, best) <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
