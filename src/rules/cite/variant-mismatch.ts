/**
 * cite/variant-mismatch — a version of an article cites different numbers than the
 * canonical version in the same place ("( 17 )" where the canonical cites "( 2 )").
 *
 * Reads only the block alignment of the cluster. Blocks need not pair one to one: a
 * draft with one sentence per paragraph pairs several of its blocks with one paragraph
 * of the canonical. So the blocks linked by pairs form groups, and within a group the
 * member's markers and the canonical's markers, each in text order, are aligned by edit
 * distance. A group whose cited numbers agree as sets is fine whatever the order; else
 * each member marker aligned with a canonical marker of a different set is reported, and
 * so is a member marker citing numbers the canonical group never cites.
 */
import type { ClusterRule, Document, RuleFinding } from '../../types.js';
import type { Marker } from '../../cite/index.js';
import { citations } from '../../cite/index.js';

export const variantMismatch: ClusterRule = {
  id: 'cite/variant-mismatch',
  scope: 'cluster',
  meta: {
    description: 'Version cites different sources than the canonical',
    defaultSeverity: 'warning',
    docs: 'In a cluster of versions of one article, an aligned passage of a non-canonical version cites other reference numbers than the canonical version. One of the two is wrong. `data.markers` and `data.canonicalMarkers` hold both sets; `data.canonicalLine` is where the canonical cites.',
    fix: 'Compare the passage in both versions with the sources: correct the markers of the version that is wrong, so that every version cites the same sources for the same sentence.',
    example: 'may cause side effects, including nausea, cramps or diarrhea ( 17 ). — the canonical cites ( 2 )',
  },
  check(view) {
    const findings: Array<RuleFinding & { path: string }> = [];
    const canonical = view.canonical;
    const canonicalMarkers = numericByBlock(canonical);
    for (const member of view.members) {
      if (member.path === canonical.path) continue;
      const alignment = view.alignment(member.path);
      if (!alignment) continue;
      const memberMarkers = numericByBlock(member);
      for (const group of groups(alignment.pairs, member.blocks.length, canonical.blocks.length)) {
        const mine = group.member.flatMap((b) => memberMarkers.get(b) ?? []);
        if (mine.length === 0) continue;
        const theirs = group.canonical.flatMap((b) => canonicalMarkers.get(b) ?? []);
        const theirNumbers = new Set(theirs.flatMap((m) => m.numbers));
        if (sameSet(new Set(mine.flatMap((m) => m.numbers)), theirNumbers)) continue;
        const fallbackLine = canonical.blocks[group.canonical[0]!]?.position.start.line ?? 1;
        for (const [m, c] of alignMarkers(mine, theirs)) {
          if (c && sameSet(new Set(m.numbers), new Set(c.numbers))) continue;
          if (!c && m.numbers.every((n) => theirNumbers.has(n))) continue;
          const canonicalLine = c ? c.span.start.line : fallbackLine;
          findings.push({
            path: member.path,
            span: m.span,
            message: c
              ? `Cites ${list(m.numbers)} where the canonical version cites ${list(c.numbers)} (${canonical.path}, line ${canonicalLine})`
              : `Cites ${list(m.numbers)} where the canonical version cites nothing like it (${canonical.path}, line ${canonicalLine})`,
            data: {
              markers: m.numbers,
              canonicalMarkers: c ? c.numbers : [],
              canonicalLine,
              canonical: canonical.path,
            },
          });
        }
      }
    }
    return findings;
  },
};

function list(numbers: number[]): string {
  return `( ${numbers.join(' , ')} )`;
}

function sameSet(a: Set<number>, b: Set<number>): boolean {
  if (a.size !== b.size) return false;
  for (const n of a) if (!b.has(n)) return false;
  return true;
}

/** Numeric markers of a document by block index, in text order. */
function numericByBlock(doc: Document): Map<number, Marker[]> {
  const out = new Map<number, Marker[]>();
  for (const m of citations(doc).markers) {
    if (m.kind !== 'numeric') continue;
    const list = out.get(m.block) ?? [];
    list.push(m);
    out.set(m.block, list);
  }
  return out;
}

interface Group {
  member: number[];
  canonical: number[];
}

/** Blocks connected through pairs that have both sides, each side sorted. */
function groups(pairs: Array<{ member: number | null; canonical: number | null }>, memberCount: number, canonicalCount: number): Group[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  const add = (k: string) => {
    if (!parent.has(k)) parent.set(k, k);
  };
  for (const p of pairs) {
    if (p.member === null || p.canonical === null) continue;
    if (p.member < 0 || p.member >= memberCount || p.canonical < 0 || p.canonical >= canonicalCount) continue;
    const a = `m${p.member}`;
    const b = `c${p.canonical}`;
    add(a);
    add(b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const byRoot = new Map<string, Group>();
  for (const k of parent.keys()) {
    const root = find(k);
    const g = byRoot.get(root) ?? { member: [], canonical: [] };
    (k.startsWith('m') ? g.member : g.canonical).push(Number(k.slice(1)));
    byRoot.set(root, g);
  }
  const out = [...byRoot.values()];
  for (const g of out) {
    g.member.sort((x, y) => x - y);
    g.canonical.sort((x, y) => x - y);
  }
  return out.sort((x, y) => x.member[0]! - y.member[0]!);
}

/**
 * Edit-distance alignment of two marker sequences (equal sets cost 0, a substitution or a
 * gap 1). Returns each member marker with its canonical counterpart, or null for a gap.
 */
function alignMarkers(a: Marker[], b: Marker[]): Array<[Marker, Marker | null]> {
  const same = (x: Marker, y: Marker) => sameSet(new Set(x.numbers), new Set(y.numbers));
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const diag = d[i - 1]![j - 1]! + (same(a[i - 1]!, b[j - 1]!) ? 0 : 1);
      d[i]![j] = Math.min(diag, d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
    }
  }
  const out: Array<[Marker, Marker | null]> = [];
  let i = n;
  let j = m;
  while (i > 0) {
    const here = d[i]![j]!;
    if (j > 0 && here === d[i - 1]![j - 1]! + (same(a[i - 1]!, b[j - 1]!) ? 0 : 1)) {
      out.push([a[i - 1]!, b[j - 1]!]);
      i--;
      j--;
    } else if (here === d[i - 1]![j]! + 1) {
      out.push([a[i - 1]!, null]);
      i--;
    } else {
      j--;
    }
  }
  return out.reverse();
}
