/**
 * The title of a cleaned article that has no front matter title and no level-1 heading: its
 * first line when that line reads as a headline of the article's topic, else a section heading
 * that can name it (one that speaks of the topic first), else the draft's file name.
 */
import { describe, expect, it } from 'vitest';
import { titleOf } from '../src/clean/title.js';
import { parse } from '../src/parse/index.js';

const PROSE = [
  'Niacin is a B vitamin that the body uses to turn food into energy, and most adults get enough of it from meat, fish and grains.',
  'Adults should not take more than 35 mg of niacin a day from supplements, because larger doses cause flushing and can harm the liver.',
].join('\n\n');

const title = (markdown: string): string => titleOf(parse(markdown, 'md').tree, 'drafts/niacin-page.md');

describe('the title of an article without a level-1 heading', () => {
  it.each([
    ['a first line that asks the article\'s question', `How much niacin can adults take safely each day?\n\n${PROSE}`, 'How much niacin can adults take safely each day?'],
    ['a first line in lower case that names the topic', `niacin doses for adults and the liver\n\n${PROSE}`, 'niacin doses for adults and the liver'],
    ['…while a first line of site chrome is no title', `Share this page with a friend today\n\n${PROSE}`, 'niacin-page'],
    ['…nor a first line of prose', `${PROSE}\n\n## Niacin and the liver\n\nMore text here.`, 'Niacin and the liver'],
    ['…nor a first line of one shared word', `Niacin news\n\n${PROSE}`, 'niacin-page'],
    ['…nor a first line of bar-joined parts', `Home | Vitamins | Niacin for adults\n\n${PROSE}`, 'niacin-page'],
    ['a section heading on the topic before one off it', `## How We Make Money\n\n${PROSE}\n\n## Niacin and the liver\n\nMore text here.`, 'Niacin and the liver'],
    ['…and the first heading when none is on the topic', `## How We Make Money\n\n${PROSE}\n\n## Our editors\n\nMore text here.`, 'How We Make Money'],
    ['a label of one word is no title', `## Group\n\n${PROSE}`, 'niacin-page'],
    ['nor a note in brackets', `## (Children & Adults)\n\n${PROSE}`, 'niacin-page'],
    ['nor a numbered section any article may have', `## II. Background\n\n${PROSE}`, 'niacin-page'],
    ['nor a byline of bar-joined parts', `## By Sam || Edited by the team\n\n${PROSE}`, 'niacin-page'],
    // (Real pages' shapes, our words.)
    ['nor one numbered part of the article', `## 一、烟酸的作用\n\n${PROSE}\n\n## 1、烟酸的来源\n\n更多内容。\n\n## 2. Niacin and the liver\n\nMore text here.`, 'niacin-page'],
    ['nor a question about "it"', `## What is it?\n\n${PROSE}\n\n## Does it work?\n\nMore text here.`, 'niacin-page'],
    ['…but a question that names its subject', `## Is niacin safe for the liver?\n\n${PROSE}`, 'Is niacin safe for the liver?'],
  ])('%s', (_name, markdown, expected) => {
    expect(title(markdown)).toBe(expected);
  });
});

describe('the title a breadcrumb names, when the trail itself was taken out as debris', () => {
  const cleaned = parse(PROSE, 'md').tree;
  it.each([
    ['the last step of the trail, on the topic', ['Home » Vitamins » Niacin doses for adults and the liver', PROSE], 'Niacin doses for adults and the liver'],
    ['…in a Chinese site’s trail', ['首页 » 保健品 » Niacin doses for adults and the liver'], 'Niacin doses for adults and the liver'],
    ['…but not a last step off the topic', ['Home » Shop » Weekly deals on everything'], 'niacin-page'],
    ['…nor a line of two steps only', ['Vitamins » Niacin doses for adults and the liver'], 'niacin-page'],
  ])('%s', (_name, opening, expected) => {
    expect(titleOf(cleaned, 'drafts/niacin-page.md', new Set(), false, opening)).toBe(expected);
  });
});
