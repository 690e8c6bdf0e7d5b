/**
 * The literals an expression cannot match without (regexp-literals.ts), and the gate built
 * on them (debris/gate.ts): a prefilter must never reject a text the full expression
 * accepts. The literals are derived from the patterns, so these tests check the derivation:
 * by hand on small expressions, and on texts fast-check generates from every alternative of
 * the debris lexicon.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alternativesOf, minimalLiterals, requiredLiterals } from '../src/regexp-literals.js';
import { anyOf, union as unionGate } from '../src/debris/gate.js';
import { WHOLE_PATTERNS } from '../src/debris/lexicon.js';

describe('alternativesOf', () => {
  it.each<[string, Array<{ source: string; literals?: string[] }>]>([
    ['a|b', [{ source: 'a', literals: ['a'] }, { source: 'b', literals: ['b'] }]],
    ['a(?:b|c)|d', [{ source: 'a(?:b|c)', literals: ['ab', 'ac'] }, { source: 'd', literals: ['d'] }]],
    ['[|]x|y', [{ source: '[|]x', literals: ['|x'] }, { source: 'y', literals: ['y'] }]],
    ['a\\|b', [{ source: 'a\\|b', literals: ['a|b'] }]],
    ['^(?:x|y)$', [{ source: '^(?:x|y)$', literals: ['x', 'y'] }]],
    ['[(]|\\)', [{ source: '[(]', literals: ['('] }, { source: '\\)', literals: [')'] }]],
    ['cookie|.*', [{ source: 'cookie', literals: ['cookie'] }, { source: '.*' }]],
    // A source the parser cannot read is given whole, with no literals.
    ['(a)\\1|b', [{ source: '(a)\\1|b' }]],
    ['a)|b', [{ source: 'a)|b' }]],
  ])('%s', (source, expected) => {
    expect(alternativesOf(source)).toEqual(expected);
  });

  it('splits every source of the lexicon whole, each alternative with the literals it needs alone', () => {
    for (const p of WHOLE_PATTERNS) {
      const alternatives = alternativesOf(p.re.source);
      expect(alternatives.map((a) => a.source).join('|')).toBe(p.re.source);
      for (const a of alternatives) expect(a.literals).toEqual(requiredLiterals(a.source));
    }
  });
});

describe('requiredLiterals', () => {
  it.each<[string, string[] | undefined]>([
    ['^abc$', ['abc']],
    ['a(?:b|c)d', ['abd', 'acd']],
    // One rare literal rather than many phrases.
    ['\\bwe (?:may|might) earn', [' earn']],
    ['(?:may|might) (?:earn|get)', ['may earn', 'may get', 'might earn', 'might get']],
    // An optional part may be missing: only what is always there is required.
    ['(?:very )?small', ['small']],
    ['x?yz', ['yz']],
    // The most selective part of a sequence: a long rare word rather than a short common one.
    ['\\bthe\\s+information\\b', ['information']],
    ['[请請]联系', ['联系']],
    ['[请請]联', ['请联', '請联']],
    ['(?:foo)+bar', ['foo']],
    ['(?:fo)+bar', ['bar']],
    // Nothing required: anything may match, or the parser cannot tell.
    ['a*', undefined],
    ['.{2,5}', undefined],
    ['(?:a|.)b?', undefined],
    ['(\\w)\\1', undefined],
    ['[^x]', undefined],
    // A lookahead consumes nothing: what it looks at is not required.
    ['(?=abc)d', ['d']],
  ])('%s', (source, expected) => {
    const got = requiredLiterals(source);
    if (expected === undefined) expect(got).toBeUndefined();
    else expect(new Set(got)).toEqual(new Set(expected));
  });

  it('leaves out literals that hold another', () => {
    expect(minimalLiterals(['cookies', 'cookie', 'we use cookies', 'fee', 'coffee'])).toEqual(['fee', 'cookie']);
  });
});

// Every top-level alternative of the lexicon, as the classifier's unions hold them.
// (fast-check cannot generate word boundaries: texts are made without them, and those that
// then miss the expression are left out.)
const generator = (alt: string): RegExp => new RegExp(alt.replace(/\\b/g, ''));
const ALTERNATIVES = WHOLE_PATTERNS.flatMap((p) => alternativesOf(p.re.source).map((a) => ({ alt: a.source, kind: p.kind })));

describe('the literals of the debris lexicon', () => {
  it('are found for most floating alternatives', () => {
    const floating = ALTERNATIVES.filter((a) => !a.alt.startsWith('^'));
    const named = floating.filter((a) => requiredLiterals(a.alt) !== undefined);
    expect(named.length).toBeGreaterThanOrEqual(floating.length - 2);
  });

  it.each(ALTERNATIVES.filter((a) => requiredLiterals(a.alt) !== undefined).map((a) => [a.kind, a.alt] as const))(
    '%s: every text matching %s holds one of its literals',
    (_kind, alt) => {
      const literals = requiredLiterals(alt)!;
      const re = new RegExp(alt);
      fc.assert(
        fc.property(fc.stringMatching(generator(alt)), (text) => {
          fc.pre(re.test(text));
          expect(literals.some((l) => text.includes(l))).toBe(true);
        }),
        { numRuns: 40 },
      );
    },
  );
});

describe('anyOf', () => {
  const sources = WHOLE_PATTERNS.map((p) => p.re.source);
  const union = new RegExp(sources.map((s) => `(?:${s})`).join('|'));
  // Split from the first test (a gate tries the union itself on its first SPLIT_AFTER characters).
  const gate = anyOf(sources, '', 0);
  const longSources = WHOLE_PATTERNS.filter((p) => p.long).map((p) => p.re.source);
  const longUnion = new RegExp(longSources.map((s) => `(?:${s})`).join('|'), 'iu');
  const longGate = anyOf(longSources, 'iu', 0);
  // The union in pieces of at most 300 source characters, tried in turn (gate.ts, UNION_BUDGET).
  const pieces = unionGate(sources, '', 300);

  // Lines of real articles and of site furniture, side by side, in the lexicon's normalised
  // form and in raw case (the long-form gate is case-blind).
  it.each([
    'shop now',
    'magnesium helps muscles relax after exercise',
    'we may earn a commission when you buy through links on our site',
    'We may earn a commission when you buy through links on our site.',
    'the information on this site is for educational purposes only',
    'This information is not a substitute for professional medical advice.',
    'your email address will not be published',
    'most adults need about 400 mg a day',
    '本文仅供参考，不构成医疗建议',
    '镁是人体必需的矿物质，参与三百多种酶反应',
    '如有侵权请联系删除',
    'pdf & email',
    'print this pdf & email it',
    'about the author: jane is a dietitian',
    'Let us know in the comments below',
    'COMPLEMENT YOUR READING with this helpful resource',
    '',
  ])('%j: the gate answers as the union', (text) => {
    expect(gate.test(text)).toBe(union.test(text));
    expect(pieces.test(text)).toBe(union.test(text));
    expect(longGate.test(text)).toBe(longUnion.test(text));
  });

  it('answers as the union on texts made from the lexicon', () => {
    // A text that holds a match of some alternative somewhere, or a near miss: one pattern's
    // match with prose around it, or cut short.
    const matching = fc.constantFrom(...ALTERNATIVES.map((a) => generator(a.alt))).chain((re) => fc.stringMatching(re));
    const around = fc.tuple(fc.constantFrom('', 'magnesium ', 'Note: ', '镁 '), matching, fc.constantFrom('', ' daily.', '。'), fc.nat(40));
    fc.assert(
      fc.property(around, ([before, m, after, cut]) => {
        for (const text of [before + m + after, m.slice(0, cut), (before + m).toUpperCase()]) {
          expect(gate.test(text)).toBe(union.test(text));
          expect(pieces.test(text)).toBe(union.test(text));
          expect(longGate.test(text)).toBe(longUnion.test(text));
        }
      }),
      { numRuns: 400 },
    );
  });

  // Small expressions whose literals overlap, hold one another, or differ only in case, on
  // texts of their own letters: each literal is found wherever it starts, and sends on every
  // alternative that needs it or a literal holding it.
  const SMALL = [
    ['abcx', 'bcd', 'cookies?y', 'x(?:ab|ba)c'],
    ['ab|ba', 'aba(?:b|c)', '(?:c|d)+ab', '^ca'],
    ['you buy', 'if you', 'you(?: |-)shop', '\\bbuy\\b'],
    ['评论区', '区(?:留言|分享)', '欢迎(?:大家)?评论'],
    ['abc(?=d)', 'bcx', 'cxa'],
  ];
  const letters = fc.constantFrom(...'abcdxyos -ABCDXYOSKſ评论区留言欢迎大家'.split(''));
  it.each(SMALL.flatMap((sources) => ['', 'i', 'u', 'iu'].map((flags) => [sources, flags] as const)))('answers as the union of %j under flags %j', (sources, flags) => {
    const gate = anyOf(sources, flags, 0);
    const whole = new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags);
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        expect(gate.test(text)).toBe(whole.test(text));
      }),
      { numRuns: 600 },
    );
  });

  it.each<[number, string, string, boolean]>([
    // Overlapping literals: "bcd" starts inside the find of "abcx"'s literal.
    [0, 'abcd', '', true],
    [0, 'xabc', '', true],
    [0, 'ABCD', 'i', true],
    [0, 'ABCD', '', false],
    // A literal holding another ("cookie" in "cookies"): the shorter one sends both on.
    [0, 'cookiesy', '', true],
    [0, 'cookiey', '', true],
    [0, 'cookies', '', false],
    // "ſ" is an "s" under iu only, outside ASCII: the whole union decides.
    [0, 'cookieſy', 'iu', true],
    [0, 'cookieſy', 'i', false],
    // "abc" is found first and its alternative fails; "bcx" starts inside that find.
    [4, 'abcx', '', true],
    [4, 'ABCXA', 'i', true],
    [4, 'abcd', '', true],
    [4, 'abcy', '', false],
  ])('set %i, %j under flags %j: %s', (set, text, flags, expected) => {
    const sources = SMALL[set]!;
    expect(anyOf(sources, flags, 0).test(text)).toBe(expected);
    expect(anyOf(sources, flags).test(text)).toBe(expected);
    expect(new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags).test(text)).toBe(expected);
  });

  it('answers as the union before, at and after it splits itself', () => {
    const texts = ['shop now', 'magnesium helps muscles relax', 'we may earn a commission when you buy through links on our site', 'pdf & email', '本文仅供参考，不构成医疗建议', 'most adults need about 400 mg a day'];
    const adaptive = anyOf(sources, '', 60);
    const answers = texts.flatMap((t) => [t, t.toUpperCase(), `${t} daily.`]).map((t) => [adaptive.test(t), union.test(t)]);
    // The first texts go to the union, the rest (past 60 characters in all) to the split gate.
    expect(answers.map(([a]) => a)).toEqual(answers.map(([, u]) => u));
    expect(answers.filter(([a]) => a).length).toBeGreaterThan(2);
  });

  it('refuses flags that make a test stateful or change where ^ matches', () => {
    expect(() => anyOf(['a'], 'g')).toThrow();
    expect(() => anyOf(['a'], 'm')).toThrow();
  });
});
