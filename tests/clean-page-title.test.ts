/**
 * The title of a cleaned HTML page: the page's <title> less the site's name, when the page's
 * level-1 heading is the article's part of it; otherwise the <title> as written.
 */
import { describe, expect, it } from 'vitest';
import { titleOf } from '../src/clean/title.js';
import { parse } from '../src/parse/index.js';

const page = (title: string, h1: string): string =>
  `<html><head><title>${title}</title></head><body><h1>${h1}</h1><p>Adults need a little of it every day, from food.</p></body></html>`;

describe("a page's title and the site's name", () => {
  it.each([
    ['a bar then the site', 'Zinc: how much do adults need? | WellPath Health', 'Zinc: how much do adults need?', 'Zinc: how much do adults need?'],
    ['underscores in a Chinese portal title', '孕期补铁吃多少合适？_健康频道_某某网', '孕期补铁吃多少合适？', '孕期补铁吃多少合适？'],
    ['the site first, then a guillemet', 'WellPath » Vitamin D - what you need to know', 'Vitamin D - what you need to know', 'Vitamin D - what you need to know'],
    ['a title with its own dash, then the site', 'Vitamin D - what you need to know | WellPath', 'Vitamin D - what you need to know', 'Vitamin D - what you need to know'],
    ['a spaced dash before the site', 'Iron for toddlers – Little Steps Clinic', 'Iron for toddlers', 'Iron for toddlers'],
    // Stays as written.
    ['a heading that is only a word of the title', 'Iron-rich foods for toddlers', 'Iron', 'Iron-rich foods for toddlers'],
    ['a heading unlike the title', 'Vitamin D guide | WellPath', 'Sunshine and you', 'Vitamin D guide | WellPath'],
    ['a heading glued to more words', 'Iron for toddlers and babies | Clinic', 'Iron for toddlers', 'Iron for toddlers and babies | Clinic'],
  ])('%s', (_, title, h1, expected) => {
    expect(titleOf(parse(page(title, h1), 'html').tree, 'page.html')).toBe(expected);
  });
});
