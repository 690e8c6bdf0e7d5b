/**
 * In-draft directives, as ESLint's comments (all three formats write them as HTML comments):
 *   <!-- draftaudit-disable rule-id, other-id -- why -->   …   <!-- draftaudit-enable rule-id -->
 *   text <!-- draftaudit-disable-line rule-id -->
 *   <!-- draftaudit-disable-next-line rule-id -->
 * With no rule id, `disable`, `disable-line` and `disable-next-line` apply to every rule and
 * `enable` ends every `disable`. Ids are separated by commas or spaces; what follows ` -- ` is
 * a description. A comment that starts like a directive but has another word
 * (`draftaudit-disabel`, `draftaudit-disable-lines`) is not a directive and silences nothing;
 * an unknown rule id silences nothing (never "every rule"). Those, unused directives and
 * unclosed `disable`s are reported by the rules of the `directive` family, which read the
 * `DirectiveRun` made here and cannot themselves be disabled.
 *
 * `disable`/`enable` act from the comment's position on; `disable-line` covers the lines of
 * the comment, `disable-next-line` the next line that holds text (a draft separates its
 * paragraphs with blank lines). A finding is covered by where it starts.
 */
import type { Finding, Span, StageRule, RuleFinding } from './types.js';
import { spanOf } from './position.js';
import { lastAtOrBefore } from './collections.js';

export const DIRECTIVE_KINDS = ['disable', 'enable', 'disable-line', 'disable-next-line'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** The family whose findings no directive silences. */
export const DIRECTIVE_FAMILY = 'directive/';

export interface DirectiveId {
  id: string;
  span: Span;
  /** Why the id is not used: unknown to the registry, or a directive rule. */
  problem?: 'unknown' | 'directive';
}

export interface Directive {
  /** The word after `draftaudit-` (or after `draftaudit` and a space) as written. */
  word: string;
  /** False when the word follows `draftaudit` with a space instead of `-`. */
  joined: boolean;
  /** What it is; undefined when the word is not one of DIRECTIVE_KINDS (or is not joined by `-`). */
  kind: DirectiveKind | undefined;
  /** The rule ids as written, in order. */
  ids: DirectiveId[];
  description?: string;
  /** The whole comment. */
  span: Span;
  /** First and last line a line directive covers. */
  lines?: { from: number; to: number };
}

/** A usage key: a rule id, or '*' for a directive without ids. */
export type UseKey = string;

export interface DirectiveRun {
  directives: Directive[];
  /** Findings no directive covers. */
  kept: Finding[];
  suppressed: Finding[];
  /** The directive that silenced each of `suppressed` (the first that covers it). */
  silencedBy: Map<Finding, Directive>;
  /** Findings each directive suppressed, by the rule id (or '*') it matched under. */
  used: Map<Directive, Map<UseKey, number>>;
  /** `disable` directives (and their keys) still in effect at the end of the draft. */
  open: Map<Directive, Set<UseKey>>;
  /** `enable` directives (and their keys) that ended no `disable`. */
  unmatchedEnables: Map<Directive, UseKey[]>;
  /** Every rule id of the registry (for suggestions). */
  ruleIds: readonly string[];
}

/** A rule of the `directive` family: reads what the directives did on one draft. */
export interface DirectiveRule extends StageRule {
  check(run: DirectiveRun): RuleFinding[];
}

const COMMENT = /<!--\s*draftaudit(-|[ \t]+)(\S*?)(?=\s|-->)([^]*?)-->/g;
const DESCRIPTION = /(?:^|\s)-{2,}(?:\s|$)/;

/**
 * The directives of a draft, in order. `known` says whether a rule id exists; `isCode` says
 * whether an offset lies in code, where a comment is text shown to the reader (a Markdown
 * code block documenting the directives), never a directive.
 */
export function parseDirectives(text: string, lineStarts: number[], known: (id: string) => boolean, isCode: (offset: number) => boolean = () => false): Directive[] {
  const out: Directive[] = [];
  if (!text.includes('draftaudit')) return out;
  for (const m of text.matchAll(COMMENT)) {
    if (isCode(m.index)) continue;
    const joined = m[1] === '-';
    const word = m[2]!;
    const kind = joined && (DIRECTIVE_KINDS as readonly string[]).includes(word) ? (word as DirectiveKind) : undefined;
    const restStart = m.index + m[0].length - 3 - m[3]!.length;
    const rest = m[3]!;
    const cut = DESCRIPTION.exec(rest);
    const idsText = cut ? rest.slice(0, cut.index) : rest;
    const ids: DirectiveId[] = [];
    for (const idMatch of idsText.matchAll(/[^\s,]+/g)) {
      const id = idMatch[0];
      const at = restStart + idMatch.index;
      const entry: DirectiveId = { id, span: spanOf(lineStarts, at, at + id.length) };
      if (id.startsWith(DIRECTIVE_FAMILY)) entry.problem = 'directive';
      else if (!known(id)) entry.problem = 'unknown';
      ids.push(entry);
    }
    const span = spanOf(lineStarts, m.index, m.index + m[0].length);
    const directive: Directive = { word, joined, kind, ids, span };
    const description = cut ? rest.slice(cut.index + cut[0].length).trim() : '';
    if (description) directive.description = description;
    if (kind === 'disable-line') directive.lines = { from: span.start.line, to: span.end.line };
    if (kind === 'disable-next-line') {
      const next = nextContentLine(text, lineStarts, span.end.line);
      directive.lines = { from: next, to: next };
    }
    out.push(directive);
  }
  return out;
}

/** The rule ids a working directive applies to; null for every rule. */
function targets(d: Directive): string[] | null {
  if (d.ids.length === 0) return null;
  return d.ids.filter((i) => !i.problem).map((i) => i.id);
}

interface RangeState {
  all: Directive | null;
  /** Rules enabled again while `all` is in effect. */
  except: Set<string>;
  byRule: Map<string, Directive>;
}

/** Applies the directives to a draft's findings (findings of the directive family are never covered). */
export function runDirectives(directives: Directive[], findings: Finding[], ruleIds: readonly string[]): DirectiveRun {
  const used = new Map<Directive, Map<UseKey, number>>();
  const use = (d: Directive, key: UseKey): void => {
    const m = used.get(d) ?? new Map<UseKey, number>();
    m.set(key, (m.get(key) ?? 0) + 1);
    used.set(d, m);
  };

  // disable/enable, replayed once: the state after each of them.
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const states: RangeState[] = [];
  const unmatchedEnables = new Map<Directive, UseKey[]>();
  let state: RangeState = { all: null, except: new Set(), byRule: new Map() };
  for (const d of ranges) {
    state = { all: state.all, except: new Set(state.except), byRule: new Map(state.byRule) };
    const ids = targets(d);
    if (d.kind === 'disable') {
      if (ids === null) {
        state.all = d;
        state.except.clear();
      } else {
        for (const id of ids) {
          if (!state.byRule.has(id)) state.byRule.set(id, d);
          state.except.delete(id);
        }
      }
    } else if (ids === null) {
      if (!state.all && state.byRule.size === 0) unmatchedEnables.set(d, ['*']);
      state.all = null;
      state.except.clear();
      state.byRule.clear();
    } else {
      const unmatched: UseKey[] = [];
      for (const id of ids) {
        if (state.byRule.delete(id)) continue;
        if (state.all && !state.except.has(id)) state.except.add(id);
        else unmatched.push(id);
      }
      if (unmatched.length > 0) unmatchedEnables.set(d, unmatched);
    }
    states.push(state);
  }
  const open = new Map<Directive, Set<UseKey>>();
  const keep = (d: Directive, key: UseKey): void => {
    const s = open.get(d) ?? new Set<UseKey>();
    s.add(key);
    open.set(d, s);
  };
  if (state.all) keep(state.all, '*');
  for (const [id, d] of state.byRule) keep(d, id);

  const lineDirectives = directives.filter((d) => d.lines);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  const silencedBy = new Map<Finding, Directive>();
  for (const f of findings) {
    if (f.ruleId.startsWith(DIRECTIVE_FAMILY)) {
      kept.push(f);
      continue;
    }
    let covered: Directive | undefined;
    const line = f.span.start.line;
    for (const d of lineDirectives) {
      if (line < d.lines!.from || line > d.lines!.to) continue;
      const ids = targets(d);
      if (ids === null) use(d, '*');
      else if (ids.includes(f.ruleId)) use(d, f.ruleId);
      else continue;
      covered ??= d;
    }
    const s = stateAt(ranges, states, f.span.start.offset);
    if (s) {
      const byRule = s.byRule.get(f.ruleId);
      if (byRule) {
        use(byRule, f.ruleId);
        covered ??= byRule;
      } else if (s.all && !s.except.has(f.ruleId)) {
        use(s.all, '*');
        covered ??= s.all;
      }
    }
    if (covered) {
      suppressed.push(f);
      silencedBy.set(f, covered);
    } else kept.push(f);
  }
  return { directives, kept, suppressed, silencedBy, used, open, unmatchedEnables, ruleIds };
}

/** The state after the last disable/enable that starts at or before `offset`. */
function stateAt(ranges: Directive[], states: RangeState[], offset: number): RangeState | undefined {
  const found = lastAtOrBefore(ranges, (r) => r.span.start.offset, offset);
  return found < 0 ? undefined : states[found];
}

function nextContentLine(text: string, lineStarts: number[], line: number): number {
  for (let l = line + 1; l <= lineStarts.length; l++) {
    const start = lineStarts[l - 1]!;
    const end = l < lineStarts.length ? lineStarts[l]! : text.length;
    if (text.slice(start, end).trim() !== '') return l;
  }
  return line + 1;
}

/** How a directive is written, for messages: `draftaudit-disable-line`. */
export function directiveName(d: Directive): string {
  return `draftaudit${d.joined ? '-' : ' '}${d.word}`;
}

