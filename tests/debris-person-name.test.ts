/**
 * Person names against title-case headings (src/debris/person-name.ts): the shape alone
 * (two to four capitalised words) is both; a given name, an initial or a word outside the
 * English word list makes the name.
 */
import { describe, expect, it } from 'vitest';
import { isPersonName } from '../src/debris/person-name.js';

const NAMES = ['Morgan Ashby', 'William Murphy', 'Priya Natarajan', 'Dr. Karen Wolfe', 'J. Smith', 'Kerry-Ann da Costa', 'Mark Price', 'Zhang Wei'];
const HEADINGS = ['General Dosage', 'Dosage Recommendations', 'Timing & Absorption', 'Key Takeaways', 'Iron Dosage Guide', 'Common Side Effects', 'Best Food Sources'];

describe('isPersonName', () => {
  it.each(NAMES)('reads %s as a name', (text) => expect(isPersonName(text)).toBe(true));
  it.each(HEADINGS)('does not read %s as a name', (text) => expect(isPersonName(text)).toBe(false));
});
