/**
 * A plain-text draft's numbers stay its numbers in the cleaned article: numbered section
 * headings ("2. How much to take") and numbered reference entries (the "1." a `[1]` marker
 * points to) are written with the draft's own number, never counted again from 1 or turned
 * into bullets. Drafts in our own words.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { resolveConfig } from '../src/config.js';
import { body } from './helpers.js';

const LEAD = 'Melatonin and sleep\n\nMelatonin is a hormone the brain makes in the evening, and it helps set the timing of sleep [1].\n\n';
const REFS = '\n\nReferences\n\n1. Smith J. Melatonin for sleep. Sleep Med. 2019;12:1-9.\n2. Lee K. Melatonin doses. J Sleep Res. 2020;3:4-8.\n';

interface Case {
  name: string;
  text: string;
  /** The numbers of the numbered lines of the cleaned article, in order. */
  numbers: number[];
  /** Bulleted lines the cleaned article holds. */
  bullets: number;
}

const CASES: Case[] = [
  {
    name: 'numbered section headings, each a list of its own, keep their numbers',
    text: `${LEAD}1. What it is\n\nA hormone made in the pineal gland [2].\n\n2. How much to take\n\nMost studies used 0.5 to 5 mg an hour before bed [1].\n\n3. Side effects\n\nSome people feel drowsy the next morning [2].${REFS}`,
    numbers: [1, 2, 3, 1, 2],
    bullets: 0,
  },
  {
    name: 'a numbered reference list keeps its numbers',
    text: `${LEAD}Most studies used 0.5 to 5 mg an hour before bed [2].${REFS}`,
    numbers: [1, 2],
    bullets: 0,
  },
  {
    name: 'a list whose numbers skip one keeps each number',
    text: `${LEAD}Steps to try:\n1. Start with the lowest dose\n2. Take it an hour before bed\n4. Stop after two weeks if it does not help [2].${REFS}`,
    numbers: [1, 2, 4, 1, 2],
    bullets: 0,
  },
  {
    name: 'a list that starts past 1 starts there',
    text: `${LEAD}Continued from the last page:\n5. Keep the bedroom dark\n6. Avoid screens late at night [2].${REFS}`,
    numbers: [5, 6, 1, 2],
    bullets: 0,
  },
  {
    name: 'bulleted items stay bullets; unnumbered references get no number',
    text: `${LEAD}Good habits:\n• Keep the bedroom dark\n• Avoid screens late at night [2].\n\nReferences\n\nSmith J. Melatonin for sleep. Sleep Med. 2019;12:1-9.\nLee K. Melatonin doses. J Sleep Res. 2020;3:4-8.\n`,
    numbers: [],
    bullets: 2,
  },
];

describe('the cleaned article keeps the numbers of a plain-text draft', () => {
  it.each(CASES)('$name', async (c) => {
    const result = await audit([], resolveConfig(), { texts: [{ path: 'melatonin.txt', text: c.text }], workers: 0 });
    const article = body(result.outputs[0]!.content);
    const numbers = [...article.matchAll(/^(\d+)[.)] /gm)].map((m) => Number(m[1]));
    expect(numbers, article).toEqual(c.numbers);
    expect(article.match(/^[-*] /gm)?.length ?? 0, article).toBe(c.bullets);
  });
});

describe('a numbered list that loses items to the cleaner keeps the numbers of the rest', () => {
  const DEBRIS = 'Click here to subscribe to our newsletter';
  const MD_LEAD = '# Magnesium limits for adults\n\nMagnesium from food is safe, but supplements have a limit for adults and teens [1].\n\n';
  const MD_REFS = '\n\nMore about magnesium for adults follows in this closing paragraph.\n\n## References\n\n1. Smith J. Magnesium limits. Nutr Rev. 2019;12:1-9.\n';
  it.each([
    ['the first item', `1. ${DEBRIS}\n2. Supplements should stay under 350 mg a day.\n3. Food magnesium has no upper limit.`, [2, 3, 1], 0],
    ['an item in the middle', `1. Supplements should stay under 350 mg a day.\n2. ${DEBRIS}\n3. Food magnesium has no upper limit.`, [1, 3, 1], 1],
    ['the last item', `1. Supplements should stay under 350 mg a day.\n2. Food magnesium has no upper limit.\n3. ${DEBRIS}`, [1, 2, 1], 0],
    ['nothing', '1. Supplements should stay under 350 mg a day.\n2. Food magnesium has no upper limit.', [1, 2, 1], 0],
  ])('when it loses %s', async (_, list, numbers, splits) => {
    const result = await audit([], resolveConfig(), { texts: [{ path: 'magnesium.md', text: `${MD_LEAD}${list}${MD_REFS}` }], workers: 0 });
    const article = body(result.outputs[0]!.content);
    expect(article).not.toContain(DEBRIS);
    expect([...article.matchAll(/^(\d+)[.)] /gm)].map((m) => Number(m[1])), article).toEqual(numbers);
    // A list split where its numbers jump is written as two lists (another delimiter), so no
    // Markdown reader joins them again and counts the second on from the first.
    expect(article.match(/^\d+\) /gm)?.length ?? 0, article).toBe(splits);
  });
});
