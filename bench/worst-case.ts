/**
 * Worst-case drafts: inputs that made a stage super-linear or overflow the stack before the
 * parser was bounded and the scans made linear (see src/parse/limits.ts). Each is made at a
 * given scale; `tests/worst-case.test.ts` runs them small with a generous time budget, and
 * `npm run bench` (or `tsx bench/worst-case.ts`) runs them at full size and prints each one's time.
 */
import { fileURLToPath } from 'node:url';
import type { Format } from '../src/types.js';

export interface WorstCase {
  name: string;
  format: Format;
  /** The draft at `scale` (1 = the size the benchmark runs). */
  make: (scale: number) => string;
}

const times = (n: number, scale: number): number => Math.max(1, Math.round(n * scale));

export const WORST_CASES: readonly WorstCase[] = [
  { name: 'trailing white space: "a" + 128 kB of spaces + "b"', format: 'md', make: (s) => `a${' '.repeat(times(128_000, s))}b` },
  { name: 'the same as plain text', format: 'txt', make: (s) => `a${' '.repeat(times(128_000, s))}b` },
  { name: '64 kB of ideographic spaces inside a sentence with a dose', format: 'txt', make: (s) => `Zinc helps. Take 5 mg ${'\u3000'.repeat(times(64_000, s))} zinc, with food — daily.\n\nMore on zinc (1).\n` },
  { name: 'the same with tabs, between two figures of a range', format: 'txt', make: (s) => `Take between 5${'\t'.repeat(times(64_000, s))} and 10 mg of zinc.\n` },
  { name: '2 MB of "N mg of magnesium" in one paragraph', format: 'md', make: (s) => Array.from({ length: times(110_000, s) }, (_, i) => `${(i % 900) + 1} mg of magnesium`).join(' ') },
  { name: 'the same, one figure a sentence, as plain text', format: 'txt', make: (s) => Array.from({ length: times(80_000, s) }, (_, i) => `Take ${(i % 900) + 1} mg of magnesium daily.`).join(' ') },
  { name: '"- " × 50,000 on one line', format: 'md', make: (s) => '- '.repeat(times(50_000, s)) },
  { name: 'a list nested 800 deep on one line (1.6 kB)', format: 'md', make: (s) => `${'- '.repeat(times(800, s))}x` },
  { name: 'a list nested 1,500 deep by indentation', format: 'md', make: (s) => Array.from({ length: times(1_500, s) }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') },
  { name: 'block quotes nested 50,000 deep', format: 'md', make: (s) => `${'>'.repeat(times(50_000, s))} x` },
  { name: 'unclosed "[a](" × 50,000', format: 'md', make: (s) => '[a]('.repeat(times(50_000, s)) },
  { name: '50,000 nested brackets', format: 'md', make: (s) => '['.repeat(times(50_000, s)) + ']'.repeat(times(50_000, s)) },
  { name: 'unclosed "[a](" × 1,000 on each of 200 lines of one paragraph', format: 'md', make: (s) => Array.from({ length: times(200, s) }, () => '[a]('.repeat(1_000)).join('\n') },
  { name: 'emphasis nested 5,000 deep', format: 'md', make: (s) => `${'*'.repeat(times(5_000, s))}a${'*'.repeat(times(5_000, s))}` },
  { name: '"<b>" × 20,000', format: 'md', make: (s) => '<b>'.repeat(times(20_000, s)) },
  { name: '"text<br>" × 20,000 (160 kB)', format: 'md', make: (s) => 'text<br>'.repeat(times(20_000, s)) },
  { name: 'backtick runs "`a" × 20,000', format: 'md', make: (s) => '`a'.repeat(times(20_000, s)) },
  { name: 'HTML elements nested 20,000 deep', format: 'html', make: (s) => `${'<div>'.repeat(times(20_000, s))}x${'</div>'.repeat(times(20_000, s))}` },
  { name: 'HTML "<a href=javascript:…>" × 10,000', format: 'html', make: (s) => '<p><a href="javascript:x()" onclick="y()">a</a></p>'.repeat(times(10_000, s)) },
  { name: '20,000 short Chinese lines with no blank line between', format: 'txt', make: (s) => Array.from({ length: times(20_000, s) }, (_, i) => `短行項目${i}號`).join('\n') },
  { name: 'zero-width spaces inside 50,000 doses', format: 'txt', make: (s) => Array.from({ length: times(50_000, s) }, () => '6\u200b00 mg of magne\u00adsium.').join(' ') },
];

/** Audits each worst-case draft on its own and prints its time. */
async function main(): Promise<void> {
  const { audit } = await import('../src/audit.js');
  const { resolveConfig } = await import('../src/config.js');
  const config = resolveConfig({ maxFileSize: 64 * 1024 * 1024 });
  console.log('worst-case drafts (each audited alone, in this thread):');
  for (const c of WORST_CASES) {
    const text = c.make(1);
    const start = performance.now();
    const result = await audit([], config, { texts: [{ path: `worst.${c.format}`, text }], workers: 0 });
    const ms = performance.now() - start;
    const notes = [...new Set(result.findings.filter((f) => f.ruleId.startsWith('input/') || f.ruleId.startsWith('internal/')).map((f) => f.ruleId))];
    console.log(`  ${c.name.padEnd(66)} ${(text.length / 1e3).toFixed(0).padStart(6)} kB ${(ms / 1000).toFixed(2).padStart(7)} s${notes.length ? `  (${notes.join(', ')})` : ''}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
