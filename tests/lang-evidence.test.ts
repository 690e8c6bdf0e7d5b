/** Unit tests of the Latin-script evidence: alphabets, eld's answers, short lines, labels, dates. */
import { describe, expect, it } from 'vitest';
import { extraLetters, writersOf } from '../src/lang/alphabets.js';
import { isBylineLine, isDateLine } from '../src/lang/dates.js';
import { confirmsForeign, foreignLabel, foreignShortLine, latinEvidence } from '../src/lang/evidence.js';
import { identifyLatin } from '../src/lang/identify.js';
import { isClauseRun, isClauseWord } from '../src/lang/words.js';

describe('alphabets', () => {
  it.each([
    [['ơ', 'ư'], ['vie']],
    [['ł'], ['pol']],
    [['ğ'], ['tur', 'azj']],
    [['ß'], ['deu']],
    [['ő'], ['hun']],
  ])('%j is written by %j', (letters, langs) => {
    expect(writersOf(letters).sort()).toEqual([...langs].sort());
  });

  it('reads letters after NFC, so a decomposed "ệ" is one letter', () => {
    expect(extraLetters('Vie\u0323\u0302t')).toEqual(['ệ']);
    expect(extraLetters('plain')).toEqual([]);
  });
});

describe('identifyLatin (eld)', () => {
  it.each([
    ['Những lợi ích của magie với sức khỏe', 'vie'],
    ['Manfaat magnesium untuk kesehatan tulang dan otot', 'ind'],
    ['Magnesium boleh membantu tidur kerana ia menenangkan otot', 'zlm'],
    ['Hable con su médico antes de tomar un suplemento', 'spa'],
    ['Sprechen Sie mit Ihrem Arzt, bevor Sie etwas einnehmen', 'deu'],
  ])('%s → %s', (text, lang) => {
    expect(identifyLatin(text)?.lang).toBe(lang);
  });
});

describe('latinEvidence', () => {
  it('counts lower-case words and part starts, never names inside a line', () => {
    expect(latinEvidence('Medically reviewed by Dr. Nguyễn Văn Anh', 'eng')).toMatchObject({ markers: 0 });
    expect(latinEvidence('Bạn đang xem: Magie có tác dụng gì?', 'eng').markers).toBeGreaterThanOrEqual(5);
  });

  it('takes "et al." for a citation, not French', () => {
    expect(latinEvidence('Smith J, et al. J Clin Endocrinol Metab.', 'eng').markers).toBe(0);
  });
});

describe('foreignShortLine', () => {
  it.each([
    ['Bạn đang xem: Magie có tác dụng gì?', 'vie'],
    ['Anda sedang melihat: Manfaat magnesium', 'ind'],
    ['Größe und Gewicht', 'deu'],
    ['¿Cuánto magnesio necesito al día?', 'spa'],
    ['Magnez łagodzi skurcze mięśni', 'pol'],
    ['¡Atención!', 'spa'],
    ['Uyku için magnezyum', 'tur'],
  ])('%s → %s', (text, lang) => {
    expect(foreignShortLine(text, 'eng')).toBe(lang);
  });

  it.each(['What Is Magnesium?', 'Conclusion', 'Kale, Swiss chard, collard greens', 'Written by Zoë Müller', 'Café au lait spots are harmless', 'Lactobacillus rhamnosus GG'])(
    '%s stays English',
    (text) => {
      expect(foreignShortLine(text, 'eng')).toBeUndefined();
    },
  );

  it.each([
    ['Été: prévenir la déshydratation', 'fra'],
    ['Bắt đầu khan tiếng.', 'vie'],
    ['Épinards, amandes, chocolat noir', 'fra'],
  ])('%s keeps its document language (%s): its letters are that language’s own', (text, lang) => {
    expect(foreignShortLine(text, lang)).toBeUndefined();
  });
});

describe('foreignLabel', () => {
  it.each([
    ['Bạn đang xem: Collagen: Does It Work?', 'vie'],
    ['Anda sedang melihat: Fish Oil: What to Know', 'ind'],
    ['Xem thêm: Magnesium for Sleep', 'vie'],
  ])('%s → %s', (text, lang) => {
    expect(foreignLabel(text)).toBe(lang);
  });

  it.each(['Key Takeaways: eat more greens', 'Note: take it with food', 'Nguyễn Văn Anh: The Interview', 'No colon here at all'])('%s has no foreign label', (text) => {
    expect(foreignLabel(text)).toBeUndefined();
  });
});

describe('confirmsForeign', () => {
  it('backs a Spanish list of foods that borrows an English word', () => {
    expect(confirmsForeign('Espinacas, almendras, frijoles negros, semillas de calabaza, aguacate, plátano, chocolate negro.', 'spa')).toBe(true);
  });

  it('does not back a foreign answer for an English list of drug names', () => {
    expect(confirmsForeign('Metformin, lisinopril, atorvastatin, amlodipine, omeprazole, levothyroxine and simvastatin', 'fra')).toBe(false);
  });
});

describe('clauses', () => {
  it.each([
    ['the', true],
    ['may', true],
    ['drinking', true],
    ['and', false],
    ['of', false],
    ['magnesium', false],
  ])('%s is a clause word: %s', (word, clause) => {
    expect(isClauseWord(word)).toBe(clause);
  });

  it('a list of names is no clause, three words with "you" are', () => {
    expect(isClauseRun(6, 0, true)).toBe(false);
    expect(isClauseRun(3, 1, false)).toBe(true);
    expect(isClauseRun(2, 1, false)).toBe(false);
  });
});

describe('isDateLine', () => {
  it.each(['on September 24, 2025', 'Updated: Tue, 14 Jan 2025', 'Thursday, December 22, 2016'])('%s is a date line', (text) => {
    expect(isDateLine(text)).toBe(true);
  });

  it.each(['May 2025 trial results were mixed', 'Take 200 mg on Monday', 'September'])('%s is not', (text) => {
    expect(isDateLine(text)).toBe(false);
  });
});

describe('isBylineLine', () => {
  it.each(['By Amy Chan on 12 Mar 2024', 'By Li Wei', 'by J. R. Smith, September 3, 2023'])('%s is a byline', (text) => {
    expect(isBylineLine(text)).toBe(true);
  });

  it.each(['By age 50 most adults need more calcium', 'By Amy Chan on the benefits of zinc', 'by the way'])('%s is not', (text) => {
    expect(isBylineLine(text)).toBe(false);
  });
});
