/**
 * One fast test of whether any of many expressions matches a text, for the lexicon's
 * patterns (most lines match none). A union of them all is tried at every position of the
 * text, and at each position every alternative is tried: the anchored ones (`^…`) fail at
 * once but are still tried. Here the union is split by its top-level alternatives:
 *  - the anchored ones form one expression, which V8 tries at the start only;
 *  - each floating one needs some literal (see regexp-literals.ts): one search finds which
 *    of the literals the text holds, and only the alternatives that need one of those are
 *    tried, one by one (a common word such as " you " sends one alternative on, not eighty);
 *  - a floating one with no literal the parser can name is tried as it is.
 * The answer is the union's, by construction: an expression matches when one of its
 * top-level alternatives does (the lexicon uses no back-references). A gate tries the union
 * itself until it has seen enough text to repay the split (SPLIT_AFTER).
 */
import { escapeRegExp } from '../regexp.js';
import { alternativesOf, minimalLiterals } from '../regexp-literals.js';

export interface Gate {
  /** Whether any of the expressions matches somewhere in the text. */
  test(text: string): boolean;
}

/**
 * Source characters of one union expression at most. V8 compiles a long alternation into
 * code that gets slower than its parts together past some size (it gives up optimisations of
 * large expressions): the lexicon's 148 anchored alternatives (21,000 characters) took 141 ms
 * on 13,000 lines of generated drafts as one expression, 26 ms as six of at most 4,000
 * characters, and as few as two of 12,000 characters took 29 ms (Node 20). 4,000 leaves room.
 */
export const UNION_BUDGET = 4_000;

/**
 * A test of whether any of the expressions matches: their union, as one expression or, when
 * its source would pass UNION_BUDGET, as several tried in turn (the same answer).
 */
export function union(alternatives: readonly string[], flags: string, budget = UNION_BUDGET): Gate {
  const parts: RegExp[] = [];
  let group: string[] = [];
  let size = 0;
  const close = (): void => {
    if (group.length > 0) parts.push(new RegExp(group.join('|'), flags));
    group = [];
    size = 0;
  };
  for (const a of alternatives) {
    const part = `(?:${a})`;
    if (size > 0 && size + part.length + 1 > budget) close();
    group.push(part);
    size += part.length + 1;
  }
  close();
  if (parts.length === 1) return parts[0]!;
  return { test: (text) => parts.some((r) => r.test(text)) };
}

/**
 * Characters a gate tries the plain union on before it splits it. Splitting the lexicon's
 * 130 patterns costs about 70 ms (parsing each for its literals), as much as the union costs
 * on some 30,000 characters of text (2.3 µs a character, against 0.1 for the split gate; both
 * measured on the samples and generated drafts): a run of one draft, which tests a few
 * thousand characters, never pays for the split, and a batch pays it once per thread.
 */
export const SPLIT_AFTER = 30_000;

/**
 * A gate for the union of the expressions' sources, under `flags` (no `g`, `y` or `m`: the
 * test must be stateless and `^` the text's start). It tries the union itself until it has
 * been given `splitAfter` characters, and is split (see the file comment) from then on.
 */
export function anyOf(sources: readonly string[], flags = '', splitAfter = SPLIT_AFTER): Gate {
  if (/[gym]/.test(flags)) throw new Error(`anyOf: flags ${flags} not supported`);
  let whole: Gate | undefined;
  let split: Gate | undefined;
  let given = 0;
  return {
    test: (text) => {
      if (split) return split.test(text);
      given += text.length;
      if (given <= splitAfter) return (whole ??= union(sources, flags)).test(text);
      split = splitGate(sources, flags);
      whole = undefined;
      return split.test(text);
    },
  };
}

function splitGate(sources: readonly string[], flags: string): Gate {
  const anchored: string[] = [];
  const floating: Array<{ source: string; literals: string[] }> = [];
  const bare: string[] = [];
  for (const alt of sources.flatMap(alternativesOf)) {
    if (alt.source.startsWith('^')) anchored.push(alt.source);
    else if (alt.literals) floating.push({ source: alt.source, literals: alt.literals });
    else bare.push(alt.source);
  }
  const start = union(anchored, flags);
  const rest = byLiterals(floating, flags);
  const other = union(bare, flags);
  return { test: (text) => start.test(text) || rest(text) || other.test(text) };
}

/**
 * Whether one of the alternatives matches, each tried only when the text holds one of its
 * literals. The search for the literals reports each place one starts: after a find it goes
 * on from the next character, not past the find, so a literal overlapping another is seen
 * too. Two of them cannot start at one place, as none holds another (`minimalLiterals`): a
 * literal that holds another is stood for by it, and that one sends on the alternatives of
 * both. Under `i` the literals are compared lower-cased, which is the expression's own case
 * rule for ASCII and caseless (Han) characters; a find of other letters ("ſ" for "s" under
 * `iu`), or literals of other letters, try every alternative: still the union's answer.
 */
function byLiterals(alternatives: ReadonlyArray<{ source: string; literals: readonly string[] }>, flags: string): (text: string) => boolean {
  if (alternatives.length === 0) return () => false;
  const caseBlind = flags.includes('i');
  const fold = (s: string): string => (caseBlind ? s.toLowerCase() : s);
  // Each alternative's literals folded once (the look-up below compares every pair).
  const folded = alternatives.map((a) => a.literals.map(fold));
  const literals = minimalLiterals(folded.flat());
  const whole = union(
    alternatives.map((a) => a.source),
    flags,
  );
  // (Literals with letters outside ASCII, or astral characters, are left to the whole union.)
  const plain = literals.every((l) => !/[\ud800-\udfff]/.test(l) && (!caseBlind || [...l].every((c) => c.charCodeAt(0) < 128 || c.toLowerCase() === c.toUpperCase())));
  const find = new RegExp(literals.map(escapeRegExp).join('|'), `${flags}g`);
  if (!plain) return (text) => ((find.lastIndex = 0), find.test(text)) && whole.test(text);
  const each = alternatives.map((a) => new RegExp(a.source, flags));
  const needing = new Map(literals.map((m) => [m, folded.flatMap((ls, k) => (ls.some((l) => l.includes(m)) ? [k] : []))]));
  // The alternatives tried already in this test, by the test's number (no array per test).
  const tried = new Float64Array(alternatives.length);
  let tests = 0;
  return (text) => {
    const now = ++tests;
    find.lastIndex = 0;
    for (let m = find.exec(text); m; m = find.exec(text)) {
      const ks = needing.get(fold(m[0]));
      if (!ks) return whole.test(text);
      for (const k of ks) {
        if (tried[k] === now) continue;
        tried[k] = now;
        if (each[k]!.test(text)) return true;
      }
      find.lastIndex = m.index + 1;
    }
    return false;
  };
}
