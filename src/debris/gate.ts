/**
 * One fast test of whether any of many expressions matches a text, for the lexicon's
 * patterns (most lines match none). A union of them all is tried at every position of the
 * text, and at each position every alternative is tried: the anchored ones (`^…`) fail at
 * once but are still tried. Here the union is split by its top-level alternatives:
 *  - the anchored ones form one expression, which V8 tries at the start only;
 *  - each floating one needs some literal (see regexp-literals.ts): those are tried only on
 *    a text that holds one of the literals, found by one search for all of them;
 *  - a floating one with no literal the parser can name is tried as it is.
 * The answer is the union's, by construction: an expression matches when one of its
 * top-level alternatives does (the lexicon uses no back-references).
 */
import { escapeRegExp, topLevelAlternatives } from '../regexp.js';
import { minimalLiterals, requiredLiterals } from '../regexp-literals.js';

export interface Gate {
  /** Whether any of the expressions matches somewhere in the text. */
  test(text: string): boolean;
}

const NEVER = /(?!)/;

function union(alternatives: readonly string[], flags: string): RegExp {
  return alternatives.length === 0 ? NEVER : new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), flags);
}

/** A gate for the union of the expressions' sources, under `flags` (no `g`, `y` or `m`: the test must be stateless and `^` the text's start). */
export function anyOf(sources: readonly string[], flags = ''): Gate {
  if (/[gym]/.test(flags)) throw new Error(`anyOf: flags ${flags} not supported`);
  const anchored: string[] = [];
  const floating: string[] = [];
  const literals: string[] = [];
  const bare: string[] = [];
  for (const alt of sources.flatMap(topLevelAlternatives)) {
    if (alt.startsWith('^')) {
      anchored.push(alt);
      continue;
    }
    const needs = requiredLiterals(alt);
    if (needs) {
      floating.push(alt);
      literals.push(...needs);
    } else bare.push(alt);
  }
  const start = union(anchored, flags);
  const found = literals.length === 0 ? NEVER : new RegExp(minimalLiterals(literals).map(escapeRegExp).join('|'), flags);
  const rest = union(floating, flags);
  const other = union(bare, flags);
  return { test: (text) => start.test(text) || (found.test(text) && rest.test(text)) || other.test(text) };
}
