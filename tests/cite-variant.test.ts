/**
 * cite/variant-mismatch on ClusterViews built by hand: blocks paired by line (the corpus
 * alignment is its own stage; the rule reads only `view.alignment(path).pairs`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { variantMismatch } from '../src/rules/cite/variant-mismatch.js';
import type { AlignedPair, ClusterView, Document } from '../src/types.js';
import { ROOT, docFromText, sampleDoc } from './helpers.js';

const ctx = { config: resolveConfig() };

/** The block of `doc` whose source lines hold `line`. */
function blockAtLine(doc: Document, line: number): number {
  const b = doc.blocks.find((x) => x.position.start.line <= line && line <= x.position.end.line);
  if (!b) throw new Error(`${doc.path}: no block on line ${line}`);
  return b.index;
}

/** Pairs from [member line, canonical line]; several member blocks may pair with one canonical block. */
function pairsByLine(member: Document, canonical: Document, lines: Array<[number, number]>): AlignedPair[] {
  const seen = new Set<string>();
  const pairs: AlignedPair[] = [];
  for (const [m, c] of lines) {
    const pair = { member: blockAtLine(member, m), canonical: blockAtLine(canonical, c), score: 1 };
    const key = `${pair.member}:${pair.canonical}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(pair);
  }
  return pairs;
}

function viewOf(canonical: Document, members: Array<{ doc: Document; pairs: AlignedPair[] }>): ClusterView {
  const alignments = members.map((m) => ({ path: m.doc.path, similarity: 0.9, pairs: m.pairs }));
  return {
    cluster: {
      id: 'c-test',
      canonical: canonical.path,
      members: members.map((m) => ({ path: m.doc.path, similarity: 0.9 })),
      alignments,
      diffs: [],
    },
    canonical,
    members: members.map((m) => m.doc),
    alignment: (p) => alignments.find((a) => a.path === p),
  };
}

function run(view: ClusterView) {
  return variantMismatch.check(view, ctx).map((f) => ({ path: f.path, line: f.span.start.line, column: f.span.start.column, data: f.data }));
}

interface LinePairs {
  members: Record<string, Array<[number, number]>>;
}
const linePairs = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/cite/line-pairs.json'), 'utf8')) as LinePairs;

describe('cite/variant-mismatch on the samples (002 canonical, 000 and 001 aligned by hand)', () => {
  const canonical = sampleDoc('002');
  const d000 = sampleDoc('000');
  const d001 = sampleDoc('001');

  it('reports the side-effects sentence, which cites ( 17 ) where 002 cites ( 2 )', () => {
    const view = viewOf(canonical, [
      { doc: d000, pairs: pairsByLine(d000, canonical, linePairs.members['000']!) },
      { doc: d001, pairs: pairsByLine(d001, canonical, linePairs.members['001']!) },
    ]);
    const expected = { markers: [17], canonicalMarkers: [2], canonicalLine: 70, canonical: canonical.path };
    expect(run(view)).toEqual([
      { path: d000.path, line: 107, column: 123, data: expected },
      { path: d001.path, line: 128, column: 123, data: expected },
    ]);
  });

  it('finds the same with the one pair of that sentence alone', () => {
    const view = viewOf(canonical, [{ doc: d000, pairs: pairsByLine(d000, canonical, [[107, 70]]) }]);
    expect(run(view).map((f) => [f.path, f.line, f.column])).toEqual([[d000.path, 107, 123]]);
  });

  it('reports nothing when the versions agree', () => {
    const view = viewOf(canonical, [{ doc: canonical, pairs: [] }, { doc: d000, pairs: pairsByLine(d000, canonical, [[105, 69], [44, 31]]) }]);
    expect(run(view)).toEqual([]);
  });

  it('reports nothing for a member without an alignment', () => {
    expect(run(viewOf(canonical, [{ doc: d000, pairs: [] }]))).toEqual([]);
  });
});

describe('cite/variant-mismatch on fixtures', () => {
  it.each<{ name: string; canonical: string; member: string; lines: Array<[number, number]>; expected: Array<{ line: number; column: number; markers: number[]; canonicalMarkers: number[]; canonicalLine: number }> }>([
    {
      name: 'a different number in a paired sentence',
      canonical: 'Title\n\nMagnesium is common ( 1 ).\n\nIt may upset the stomach ( 2 ).\n',
      member: 'Title\n\nMagnesium is common ( 1 ).\n\nIt may upset the stomach ( 7 ).\n',
      lines: [[3, 3], [5, 5]],
      expected: [{ line: 5, column: 26, markers: [7], canonicalMarkers: [2], canonicalLine: 5 }],
    },
    {
      name: 'a translated sentence keeps its markers',
      canonical: 'Title\n\nMagnesium is common in many foods ( 1 , 2 , 3 ).\n',
      member: 'Title\n\n镁存在于许多食物中( 1 , 2 , 3 ).\n',
      lines: [[3, 3]],
      expected: [],
    },
    {
      name: 'a translated sentence drops one number',
      canonical: 'Title\n\nMagnesium is common in many foods ( 1 , 2 , 3 ).\n',
      member: 'Title\n\n镁存在于许多食物中( 1 , 3 ).\n',
      lines: [[3, 3]],
      expected: [{ line: 3, column: 10, markers: [1, 3], canonicalMarkers: [1, 2, 3], canonicalLine: 3 }],
    },
    {
      name: 'the same numbers in another order within the passage',
      canonical: 'Title\n\nMagnesium calms ( 1 ) and helps sleep ( 2 ).\n',
      member: 'Title\n\nIt helps sleep ( 2 ) and calms ( 1 ).\n',
      lines: [[3, 3]],
      expected: [],
    },
    {
      name: 'one canonical paragraph split over several member paragraphs',
      canonical: 'Title\n\nA is true ( 1 ). B is true ( 2 ). C is true ( 2 ).\n',
      member: 'Title\n\nA is true ( 1 ).\n\nB is true ( 2 ).\n\nC is true ( 9 ).\n',
      lines: [[3, 3], [5, 3], [7, 3]],
      expected: [{ line: 7, column: 11, markers: [9], canonicalMarkers: [2], canonicalLine: 3 }],
    },
    {
      name: 'a citation the canonical passage does not have',
      canonical: 'Title\n\nMagnesium is common.\n',
      member: 'Title\n\nMagnesium is common ( 4 ).\n',
      lines: [[3, 3]],
      expected: [{ line: 3, column: 21, markers: [4], canonicalMarkers: [], canonicalLine: 3 }],
    },
    {
      name: 'a citation the member dropped (nothing to point at)',
      canonical: 'Title\n\nMagnesium is common ( 4 ).\n',
      member: 'Title\n\nMagnesium is common.\n',
      lines: [[3, 3]],
      expected: [],
    },
    {
      name: 'unpaired blocks',
      canonical: 'Title\n\nMagnesium is common ( 4 ).\n',
      member: 'Title\n\nSomething else ( 5 ).\n',
      lines: [],
      expected: [],
    },
  ])('$name', ({ canonical, member, lines, expected }) => {
    const c = docFromText(canonical, 'txt', 'input/canonical.txt');
    const m = docFromText(member, 'txt', 'input/member.txt');
    const found = run(viewOf(c, [{ doc: m, pairs: pairsByLine(m, c, lines) }]));
    expect(found).toEqual(
      expected.map(({ line, column, ...data }) => ({ path: 'input/member.txt', line, column, data: { ...data, canonical: 'input/canonical.txt' } })),
    );
  });

  it('ignores pairs with a missing side', () => {
    const c = docFromText('Title\n\nMagnesium is common ( 4 ).\n', 'txt', 'input/canonical.txt');
    const m = docFromText('Title\n\nMagnesium is common ( 5 ).\n', 'txt', 'input/member.txt');
    const pairs: AlignedPair[] = [
      { member: 1, canonical: null, score: 0 },
      { member: null, canonical: 1, score: 0 },
    ];
    expect(run(viewOf(c, [{ doc: m, pairs }]))).toEqual([]);
  });
});
