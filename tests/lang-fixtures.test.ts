/**
 * Precision and recall of lang/foreign-block and lang/mixed-sentence over the labelled
 * blocks of tests/fixtures/lang/blocks.ts, each set between paragraphs of a host article.
 */
import { describe, expect, it } from 'vitest';
import { foreignBlock } from '../src/rules/lang/foreign-block.js';
import { mixedSentence } from '../src/rules/lang/mixed-sentence.js';
import { resolveConfig } from '../src/config.js';
import { BLOCKS, HOSTS, type LabelledBlock } from './fixtures/lang/blocks.js';
import { docFromText } from './helpers.js';

const config = resolveConfig({});

/** What the two rules report on the fixture block, as "foreign:lang" / "mixed:lang", plus any finding on the host. */
function evaluate(block: LabelledBlock): { got: Set<string>; onHost: string[]; primary: string } {
  const host = HOSTS[block.host];
  const first = host.before.split('\n').length + 2;
  const last = first + block.text.split('\n').length - 1;
  const doc = docFromText(`${host.before}\n\n${block.text}\n\n${host.after}\n`, block.format ?? 'txt');
  const got = new Set<string>();
  const onHost: string[] = [];
  for (const [name, rule] of [['foreign', foreignBlock], ['mixed', mixedSentence]] as const) {
    for (const f of rule.check(doc, { config })) {
      const key = `${name}:${String(f.data!.lang)}`;
      if (f.span.start.line >= first && f.span.start.line <= last) got.add(key);
      else onHost.push(`${key} at line ${f.span.start.line}`);
    }
  }
  return { got, onHost, primary: doc.language.primary };
}

const results = BLOCKS.map((block) => ({ block, ...evaluate(block) }));

describe('labelled language fixtures', () => {
  it('hold at least 80 blocks of every kind asked for', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(80);
    const groups = new Set(BLOCKS.map((b) => b.group));
    for (const g of ['chinese', 'spanish', 'russian', 'japanese', 'mixed', 'negative']) expect(groups).toContain(g);
  });

  it.each(Object.keys(HOSTS))('the %s host article is detected as its own language and is clean', (host) => {
    for (const r of results.filter((r) => r.block.host === host)) {
      expect(r.primary).toBe(host);
      expect(r.onHost).toEqual([]);
    }
  });

  it('reach precision and recall of at least 0.97', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const { block, got } of results) {
      const want = new Set(block.expect);
      for (const g of got) {
        if (want.has(g)) tp++;
        else {
          fp++;
          misses.push(`false positive ${g}: ${block.text}`);
        }
      }
      for (const w of want) {
        if (!got.has(w)) {
          fn++;
          misses.push(`missed ${w}: ${block.text}`);
        }
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `lang fixtures: ${BLOCKS.length} blocks, ${tp} true positives, ${fp} false positives, ${fn} misses; ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    for (const m of misses) console.log(`  ${m}`);
    expect(tp).toBeGreaterThan(0);
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.97);
  });
});
