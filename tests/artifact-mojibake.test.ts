/**
 * artifact/mojibake: UTF-8 text misread as Windows-1252 (or Windows-874) and saved again.
 * Valid and damaged text side by side; the texts are written for these tests.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { writeArticles } from '../src/outputs.js';
import { mojibake } from '../src/rules/artifact/mojibake.js';
import { findMojibake } from '../src/safety/mojibake.js';
import { docFromText, sampleDoc } from './helpers.js';

const config = resolveConfig();
const SAMPLES = ['000', '001', '002', '003', '004'];

/** Damages `text` as a tool that reads UTF-8 as `label` would. */
function misread(text: string, label: 'windows-1252' | 'windows-874'): string {
  // As browsers read it (the WHATWG tables: a byte the code page leaves undefined stays the C1
  // control of its number). iconv-lite holds the tables: Node 20's TextDecoder reads
  // Windows-1252 as ISO-8859-1.
  return [...Buffer.from(text, 'utf8')]
    .map((b) => {
      const c = iconv.decode(Buffer.of(b), label === 'windows-874' ? 'win874' : 'win1252');
      return c === '\uFFFD' ? String.fromCharCode(b) : c;
    })
    .join('');
}

function run(text: string, format: 'txt' | 'md' | 'html' = 'txt') {
  return mojibake.check(docFromText(text, format), { config }).map((f) => ({
    line: f.span.start.line,
    column: f.span.start.column,
    actual: f.data?.actual,
    expected: f.data?.expected,
    confidence: f.data?.confidence,
  }));
}

describe('artifact/mojibake: left alone', () => {
  it.each([
    ['French with accents', 'Le magnésium aide à dormir ; été comme hiver, un café suffit.\n'],
    ['German and Portuguese', 'Österreich – schön. Ação e coração. Âge d’or, Øresund, Ærø.\n'],
    ['signs and units beside letters', 'Take 3×10 µg; 25 °C is fine. Ü² and É° stay as written. © 2024 Ünal.\n'],
    ['Chinese and Thai text', '镁是一种矿物质。 แมกนีเซียมเป็นแร่ธาตุ — ช่วยให้นอนหลับ\n'],
    ['curly quotes and dashes written correctly', '“Magnesium isn’t a sleeping pill” — it helps … sometimes.\n'],
    ['a rare character and a euro sign in Chinese text', '锘是一种金属元素。\n这瓶鱼油售价 € 20。\n'],
  ])('%s', (_name, text) => {
    expect(run(text)).toEqual([]);
  });
});

describe('artifact/mojibake: reported with the original text', () => {
  it.each([
    ['an apostrophe', 'Magnesium isnâ€™t a sleeping pill.\n', [{ line: 1, column: 14, actual: 'â€™', expected: '’', confidence: 'high' }]],
    ['an accented word', 'The cafÃ© sells it.\n', [{ line: 1, column: 8, actual: 'Ã©', expected: 'é', confidence: 'high' }]],
    ['a dash and a middle dot', 'Zinc â€” and copper Â· both.\n', [
      { line: 1, column: 6, actual: 'â€”', expected: '—', confidence: 'high' },
      { line: 1, column: 21, actual: 'Â·', expected: '·', confidence: 'high' },
    ]],
    ['the Thai variant of a dash', 'Creatine โ€” the most studied supplement.\n', [{ line: 1, column: 10, actual: 'โ€”', expected: '—', confidence: 'high' }]],
    // UTF-8 read as GBK: ideographic spaces indenting a paragraph, a byte-order mark alone on a line.
    ['ideographic spaces read as GBK', '銆€銆€Calcium tablets are cheap.\n', [{ line: 1, column: 1, actual: '銆€銆€', expected: '\u3000\u3000', confidence: 'high' }]],
    ['a byte-order mark read as GBK', 'Calcium and the heart\n锘?\nCalcium tablets are cheap.\n', [{ line: 2, column: 1, actual: '锘?', expected: '', confidence: 'high' }]],
    ['a closing quote that lost its last byte', 'He said “stop takingâ€\uFFFD it.\n', [{ line: 1, column: 21, actual: 'â€\uFFFD', expected: '”', confidence: 'low' }]],
  ])('%s', (_name, text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each([
    ['windows-1252', 'He said “take 200 mg” — then “stop” … in München for €5.'],
    ['windows-874', 'Creatine — “the most studied” supplement… it’s safe – “really”.'],
  ] as const)('undoes any text misread as %s', (label, original) => {
    const damaged = misread(original, label);
    expect(damaged).not.toBe(original);
    let repaired = damaged;
    for (const m of findMojibake(damaged).reverse()) repaired = repaired.slice(0, m.start) + m.expected + repaired.slice(m.end);
    expect(repaired).toBe(original);
  });

  it('finds nothing in the five samples', () => {
    for (const s of SAMPLES) expect(mojibake.check(sampleDoc(s), { config }), s).toEqual([]);
  });

  it('is repaired in the cleaned article, and the finding says so; a lost byte is left for the editor', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftaudit-mojibake-'));
    const draft = path.join(dir, 'magnesium.md');
    writeFileSync(draft, '# Magnesium at night\n\nMagnesium isnâ€™t a sleeping pill â€” it helps some people relax.\n\nHe said “stop takingâ€\uFFFD it before surgery.\n');
    const out = path.join(dir, 'out');
    const result = await audit([draft], resolveConfig(), { cwd: dir, outputDir: out, workers: 0, now: () => new Date(0) });
    writeArticles(out, result);
    const cleaned = readFileSync(path.join(out, readdirSync(out).find((f) => f.endsWith('.md'))!), 'utf8');
    expect(cleaned).toContain('Magnesium isn’t a sleeping pill — it helps');
    expect(cleaned).toContain('stop takingâ€\uFFFD it');
    const found = result.findings.filter((f) => f.ruleId === 'artifact/mojibake');
    expect(found.map((f) => [f.span.start.line, f.fixed])).toEqual([[3, true], [3, true], [5, false]]);
  });
});
