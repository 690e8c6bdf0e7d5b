/**
 * lang/foreign-block and lang/mixed-sentence in both directions, on the cases of
 * tests/fixtures/lang/directions.ts set into a host article of .txt, .md or .html.
 */
import { describe, expect, it } from 'vitest';
import { foreignBlock } from '../src/rules/lang/foreign-block.js';
import { mixedSentence } from '../src/rules/lang/mixed-sentence.js';
import { resolveConfig } from '../src/config.js';
import type { Format } from '../src/types.js';
import { DIRECTION_CASES, DIRECTION_HOSTS, type DirectionCase } from './fixtures/lang/directions.js';
import { docFromText } from './helpers.js';

function wrap(paragraph: string, format: Format): string {
  return format === 'html' ? `<p>${paragraph}</p>` : paragraph;
}

/** The host article with the case in it, and the case's first and last line. */
function compose(c: DirectionCase): { text: string; first: number; last: number } {
  const host = DIRECTION_HOSTS[c.host];
  const before = (c.top ? [] : host.before).map((p) => wrap(p, c.format));
  const after = [...(c.top ? host.before : []), ...host.after].map((p) => wrap(p, c.format));
  const head = before.length > 0 ? `${before.join('\n\n')}\n\n` : '';
  const first = head.split('\n').length;
  const last = first + c.text.split('\n').length - 1;
  const body = `${head}${c.text}\n\n${after.join('\n\n')}\n`;
  const text = c.format === 'html' ? `<!doctype html><html><body>\n${body}</body></html>\n` : body;
  const shift = c.format === 'html' ? 1 : 0;
  return { text, first: first + shift, last: last + shift };
}

function findings(c: DirectionCase): { onCase: string[]; onHost: string[]; primary: string } {
  const { text, first, last } = compose(c);
  const options = c.allowedTerms ? { allowedTerms: c.allowedTerms } : {};
  const doc = docFromText(text, c.format, `case.${c.format}`, options);
  const config = resolveConfig(options);
  const onCase: string[] = [];
  const onHost: string[] = [];
  for (const [name, rule] of [['foreign', foreignBlock], ['mixed', mixedSentence]] as const) {
    for (const f of rule.check(doc, { config })) {
      const key = `${name}:${String(f.data!.lang)}`;
      if (f.span.start.line >= first && f.span.start.line <= last) onCase.push(key);
      else onHost.push(`${key} at line ${f.span.start.line}`);
    }
  }
  return { onCase: onCase.sort(), onHost, primary: doc.language.primary };
}

describe('language cases in both directions', () => {
  it('hold at least 40 cases with nothing to report and 30 with something, in every format', () => {
    expect(DIRECTION_CASES.filter((c) => c.expect.length === 0).length).toBeGreaterThanOrEqual(40);
    expect(DIRECTION_CASES.filter((c) => c.expect.length > 0).length).toBeGreaterThanOrEqual(30);
    for (const format of ['txt', 'md', 'html']) expect(DIRECTION_CASES.some((c) => c.format === format)).toBe(true);
  });

  it.each(DIRECTION_CASES.map((c) => [`${c.host} ${c.format}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const { onCase, onHost, primary } = findings(c);
    expect(primary).toBe(c.host);
    expect(onHost).toEqual([]);
    expect(onCase).toEqual([...c.expect].sort());
  });
});

describe('where the findings point', () => {
  it('an English clause in a Chinese sentence: the clause, not the sentence', () => {
    const c = DIRECTION_CASES.find((x) => x.name === 'English clause after a Chinese one')!;
    const { text, first } = compose(c);
    const doc = docFromText(text, 'txt');
    const [f] = mixedSentence.check(doc, { config: resolveConfig({}) });
    expect(f!.span.start.line).toBe(first);
    expect(f!.data).toMatchObject({ lang: 'eng', run: 'may help you fall asleep faster', primary: 'cmn' });
    expect(text.split('\n')[first - 1]!.slice(f!.span.start.column - 1, f!.span.end.column - 1)).toBe('may help you fall asleep faster');
  });

  it('a whole English sentence: the sentence without its full stop', () => {
    const c = DIRECTION_CASES.find((x) => x.name === 'whole English sentence between Chinese ones')!;
    const { text } = compose(c);
    const [f] = mixedSentence.check(docFromText(text, 'txt'), { config: resolveConfig({}) });
    expect(f!.data!.run).toBe('It also helps the body turn the food you eat into energy');
  });

  it('a scraper label is one foreign block spanning its line', () => {
    const c = DIRECTION_CASES.find((x) => x.name === 'Vietnamese "you are viewing" label')!;
    const doc = docFromText(compose(c).text, 'txt');
    const found = foreignBlock.check(doc, { config: resolveConfig({}) });
    expect(found).toHaveLength(1);
    expect(found[0]!.span.start).toMatchObject({ line: 1, column: 1 });
    expect(found[0]!.message).toContain('Vietnamese (vie)');
    expect(mixedSentence.check(doc, { config: resolveConfig({}) })).toEqual([]);
  });
});
