/**
 * Literals a regular expression cannot match without: `requiredLiterals("\\bwe (?:may|might) earn")`
 * gives `["we may earn", "we might earn"]` — every match contains one of them. A text that
 * holds none of them is no match, so a cheap search for the literals may spare the expression
 * (which, not anchored, is tried at every position of the text). Derived from the pattern's
 * source, never written by hand, so the filter cannot drift from the pattern.
 *
 * Hand-written after the idea of Russ Cox's trigram index for regular expression search
 * (codesearch): each part of the expression gives the exact strings it may match, when they
 * are few, or else the literals its matches must contain. No npm library answers this for
 * JavaScript expressions. The parser knows the syntax the lexicons use (groups, classes,
 * escapes, anchors, quantifiers, lookarounds); anything else makes it give up (`undefined`),
 * which is always safe: the expression is then tried as it is.
 */

/** What a part of an expression may match: its exact strings when few, else required literals. */
interface Info {
  /** Every string the part can match (a superset), or undefined when too many or unbounded. */
  exact?: Set<string>;
  /** Literals one of which every match contains; undefined when nothing is required. */
  required?: Set<string>;
}

const MAX_SET = 16;
const EMPTY: Info = { exact: new Set(['']) };
const ANY: Info = {};

class Unsupported extends Error {}

/**
 * Literals one of which every match of `source` contains (compared with the expression's own
 * case rule: under the `i` flag any casing of them), or undefined when the parser cannot
 * tell (then nothing can be skipped).
 */
export function requiredLiterals(source: string): string[] | undefined {
  if (!derived.has(source)) derived.set(source, derive(source));
  const found = derived.get(source);
  return found && [...found];
}

// (The lexicons build several gates from the same patterns: each is read once.)
const derived = new Map<string, readonly string[] | undefined>();

/** A top-level alternative of an expression's source, with its `requiredLiterals`. */
export interface Alternative {
  source: string;
  literals?: string[];
}

/**
 * The top-level alternatives of `source` (`a|b(?:c|d)` gives `a` and `b(?:c|d)`: the `|`
 * outside any group, class or escape), each with the literals it cannot match without, from
 * one parse of the source. An expression is the union of its alternatives, so testing them
 * one by one finds what the whole finds (no back-reference may tie one to another: the parser
 * refuses them). A source the parser cannot read is given whole, as one alternative with no
 * literals.
 */
export function alternativesOf(source: string): readonly Alternative[] {
  let found = split.get(source);
  if (!found) split.set(source, (found = splitAlternatives(source)));
  return found;
}

// (The debris classifier builds three gates from its lexicon, the long-form patterns in two
// of them: each source is split once.)
const split = new Map<string, readonly Alternative[]>();

function splitAlternatives(source: string): Alternative[] {
  try {
    const parser = new Parser(source);
    const out: Alternative[] = [];
    for (let start = 0; ; start = ++parser.i) {
      const info = parser.alternative();
      const req = best([info.exact, info.required]);
      out.push(req ? { source: source.slice(start, parser.i), literals: [...req] } : { source: source.slice(start, parser.i) });
      if (source[parser.i] !== '|') break;
    }
    return parser.i === source.length ? out : [{ source }];
  } catch (e) {
    if (e instanceof Unsupported) return [{ source }];
    throw e;
  }
}

function derive(source: string): string[] | undefined {
  try {
    const parser = new Parser(source);
    const info = parser.disjunction();
    if (parser.i !== source.length) return undefined;
    const req = best([info.exact, info.required]);
    return req ? [...req] : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  disjunction(): Info {
    const alts = [this.alternative()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.alternative());
    }
    if (alts.length === 1) return alts[0]!;
    return {
      exact: unionAll(alts.map((a) => a.exact)),
      required: unionAll(alts.map((a) => best([a.exact, a.required]))),
    };
  }

  alternative(): Info {
    const parts: Info[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') parts.push(this.quantified(this.atom()));
    return concat(parts);
  }

  quantified(atom: Info): Info {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      [min, max] = c === '?' ? [0, 1] : c === '*' ? [0, Infinity] : [1, Infinity];
    } else if (c === '{' && /^\{\d+(?:,\d*)?\}/.test(this.s.slice(this.i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i))!;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return atom;
    if (this.s[this.i] === '?') this.i++; // lazy: the same strings
    if (min === 1 && max === 1) return atom;
    if (min === 0) {
      // Optional: may match nothing, so requires nothing; exact only as "" or the atom once.
      return max === 1 && atom.exact ? { exact: union(new Set(['']), atom.exact) } : ANY;
    }
    return { required: best([atom.exact, atom.required]) };
  }

  atom(): Info {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '.') {
      this.i++;
      return ANY;
    }
    if (c === '(') {
      this.i++;
      let look = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) (this.i += 2), (look = true);
      else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) (this.i += 3), (look = true);
      else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      const inner = this.disjunction();
      if (s[this.i] !== ')') throw new Unsupported();
      this.i++;
      // A lookaround consumes nothing: what it looks at is not part of the match.
      return look ? EMPTY : inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const e = s[this.i + 1];
      if (e === undefined) throw new Unsupported();
      this.i += 2;
      if (e === 'b' || e === 'B') return EMPTY;
      if (/[dDsSwWpP]/.test(e)) {
        if ((e === 'p' || e === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
        return ANY;
      }
      if (/[1-9k]/.test(e)) throw new Unsupported(); // a back-reference
      const lit = escaped(e, s, this);
      return { exact: new Set([lit]) };
    }
    if (c === ')' || c === '|') throw new Unsupported();
    this.i++;
    return { exact: new Set([c]) };
  }

  /** A character class: its characters when it lists a few, else anything. */
  charClass(): Info {
    const s = this.s;
    this.i++;
    const negated = s[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<string>();
    let open = false; // a class escape (\d, \w) or a wide range: too many to list
    let first = true;
    while (first || s[this.i] !== ']') {
      first = false;
      if (this.i >= s.length) throw new Unsupported();
      let from: string;
      if (s[this.i] === '\\') {
        const e = s[this.i + 1]!;
        this.i += 2;
        if (/[dDsSwWpPbB]/.test(e)) {
          if ((e === 'p' || e === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
          open = true;
          continue;
        }
        from = escaped(e, s, this);
      } else from = s[this.i++]!;
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && s[this.i + 1] !== undefined) {
        this.i++;
        let to: string;
        if (s[this.i] === '\\') {
          const e = s[this.i + 1]!;
          this.i += 2;
          to = escaped(e, s, this);
        } else to = s[this.i++]!;
        const a = from.codePointAt(0)!;
        const b = to.codePointAt(0)!;
        if (b - a >= MAX_SET) open = true;
        else for (let k = a; k <= b; k++) chars.add(String.fromCodePoint(k));
      } else chars.add(from);
      // (A surrogate half may be half of a character the class lists: too subtle to list.)
      if (/[\ud800-\udfff]/.test(from)) open = true;
    }
    this.i++;
    if (negated || open || chars.size > MAX_SET) return ANY;
    return { exact: chars };
  }
}

/** The character an identity or control escape stands for (`\.` is ".", `\n` a newline). */
function escaped(e: string, s: string, p: { i: number }): string {
  const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
  if (e in controls) return controls[e]!;
  if (e === 'u' || e === 'x') {
    const m = e === 'x' ? /^[0-9a-fA-F]{2}/.exec(s.slice(p.i)) : /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/.exec(s.slice(p.i));
    if (!m) throw new Unsupported();
    p.i += m[0].length;
    return String.fromCodePoint(parseInt(m[0].replace(/[{}]/g, ''), 16));
  }
  if (/[a-zA-Z]/.test(e)) throw new Unsupported(); // \c and other letters: not used
  return e;
}

/**
 * A sequence: the exact strings of the whole when few, and as required literals the most
 * selective of the parts' (or of a run of exact parts joined): any part's literals are in
 * every match of the sequence. Plain characters in a row are joined first, so the runs
 * tried are few.
 */
function concat(items: readonly Info[]): Info {
  const parts: Info[] = [];
  for (const p of items) {
    const last = parts[parts.length - 1];
    if (last?.exact?.size === 1 && p.exact?.size === 1) parts[parts.length - 1] = { exact: product(last.exact, p.exact)! };
    else parts.push(p);
  }
  const candidates: Array<Set<string> | undefined> = parts.map((p) => p.required);
  for (let a = 0; a < parts.length; a++) {
    let run: Set<string> | undefined = new Set(['']);
    for (let b = a; b < parts.length && run; b++) {
      run = product(run, parts[b]!.exact);
      if (run) candidates.push(run);
    }
  }
  let exact: Set<string> | undefined = new Set(['']);
  for (const p of parts) exact = product(exact, p.exact);
  return { exact, required: best(candidates) };
}

function product(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (!a || !b || a.size * b.size > MAX_SET) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a, ...b]);
}

function unionAll(sets: ReadonlyArray<Set<string> | undefined>): Set<string> | undefined {
  const out = new Set<string>();
  for (const s of sets) {
    if (!s) return undefined;
    for (const x of s) out.add(x);
  }
  return out.size > MAX_SET * 4 ? undefined : out;
}

/**
 * The most selective of some literal sets. None may hold the empty string (it is in every
 * text). A set whose every literal is long enough to be rare (five letters, or two
 * characters of a script such as Han) is preferred, then the smaller set, then the longer
 * shortest literal: a few rare words are found faster than many long phrases.
 */
function best(sets: ReadonlyArray<Set<string> | undefined>): Set<string> | undefined {
  let pick: Set<string> | undefined;
  let pickKey: [number, number, number] = [0, 0, 0];
  for (const set of sets) {
    if (!set || set.size === 0) continue;
    let min = Infinity;
    for (const x of set) min = Math.min(min, weight(x));
    if (min === 0) continue;
    const key: [number, number, number] = [min >= 5 ? 1 : 0, -set.size, min];
    if (!pick || key[0] > pickKey[0] || (key[0] === pickKey[0] && (key[0] === 1 ? key[1] > pickKey[1] || (key[1] === pickKey[1] && key[2] > pickKey[2]) : key[2] > pickKey[2] || (key[2] === pickKey[2] && key[1] > pickKey[1])))) {
      pick = set;
      pickKey = key;
    }
  }
  return pick;
}

/** How rare a literal is, roughly: one for an ASCII character, three for any other. */
function weight(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += s.charCodeAt(i) < 128 ? 1 : 3;
  return w;
}

/**
 * The literals of several sets with the redundant ones left out: a text holding "cookies"
 * holds "cookie", so "cookies" adds nothing beside it.
 */
export function minimalLiterals(literals: Iterable<string>): string[] {
  const all = [...new Set(literals)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const x of all) if (!kept.some((k) => x.includes(k))) kept.push(x);
  return kept;
}
