/** The weighing of numbered markers (src/cite/evidence.ts) and the flattened-digit scanner, table-driven. */
import { describe, expect, it } from 'vitest';
import { type MarkerEvidence, citesByNumber, markerScore } from '../src/cite/evidence.js';
import { scanAuthorYear } from '../src/cite/author-year.js';
import { scanFlattened } from '../src/cite/flattened.js';
import { scanMarkers } from '../src/cite/markers.js';
import { scoreMarkers } from '../src/cite/score.js';

const base: MarkerEvidence = {
  style: 'paren',
  padded: false,
  items: 1,
  range: false,
  closes: 'none',
  numberWordBefore: false,
  inEnumeration: false,
  opensBlock: false,
  gluedToNumber: false,
};

describe('markerScore', () => {
  it.each<[string, Partial<MarkerEvidence>, number]>([
    ['a bracketed number "[3]"', { style: 'bracket' }, 3],
    ['a bracketed list "[1,2]"', { style: 'bracket', items: 2 }, 6],
    ['a bracketed range "[3–5]"', { style: 'bracket', range: true }, 6],
    ['a superscript "³"', { style: 'superscript' }, 3],
    ['a numbered link', { style: 'link' }, 3],
    ['flattened digits "function.4"', { style: 'flattened', closes: 'none' }, 2],
    ['flattened list "calm.5, 6"', { style: 'flattened', items: 2 }, 5],
    ['a padded "( 4 )"', { padded: true, closes: 'sentence' }, 3],
    ['a padded list "( 1 , 2 )"', { padded: true, items: 2 }, 6],
    ['an unpadded list "(1, 2)"', { items: 2, closes: 'sentence' }, 3],
    ['a lone "(3)" closing a sentence', { closes: 'sentence' }, 1],
    ['a lone "(3)" closing a clause', { closes: 'clause' }, 0.5],
    ['a lone "(3)" in mid-sentence', { closes: 'none' }, 0],
    ['"two (2) brands"', { numberWordBefore: true, closes: 'none' }, -10],
    ['"three ( 3 )" padded after its number word', { numberWordBefore: true, padded: true }, -10],
    ['one of "(1), (2), (3)" in one sentence', { inEnumeration: true, closes: 'clause' }, -10],
    ['"(1) Take it with food" opening a list item', { opensBlock: true }, -10],
    ['a volume and issue "13(1), 204"', { gluedToNumber: true, closes: 'clause' }, -10],
  ])('%s', (_name, evidence, score) => {
    expect(markerScore({ ...base, ...evidence })).toBe(score);
  });

  it.each<[number, boolean]>([
    [0, false],
    [1, false],
    [2.5, false],
    [3, true],
    [12, true],
  ])('a draft whose markers weigh %s cites by number: %s', (total, cites) => {
    expect(citesByNumber(total)).toBe(cites);
  });
});

describe('scoreMarkers on prose', () => {
  const scores = (text: string) => {
    const found = scanMarkers(text);
    return scoreMarkers(text, found).map((s, k) => [found[k]!.text, s]);
  };
  it.each<[string, Array<[string, number]>]>([
    ['Magnesium is in many foods ( 1 , 2 , 3 ).', [['( 1 , 2 , 3 )', 6]]],
    ['Magnesium helps sleep (3).', [['(3)', 1]]],
    ['We tested two (2) brands, then three (3).', [['(3)', -10]]],
    ['We tested two (2), then three ( 3 ).', [['(2)', -10], ['( 3 )', -10]]],
    ['Choose by taste (1), price (2), or dose (3).', [['(1)', -10], ['(2)', -10], ['(3)', -10]]],
    ['Pick it by taste (1), price (2) or dose (3).', [['(1)', -10], ['(3)', -10]]],
    ['Magnesium helps sleep (1). Zinc helps too (2).', [['(1)', 1], ['(2)', 1]]],
    ['Magnesium helps (4), and zinc helps (9).', [['(4)', 0.5], ['(9)', 1]]],
    ['Nutrients 2021, 13(1), 204.', [['(1)', -10]]],
    ['Zinc shortens colds by three days.(1) It is cheap.', [['(1)', 1]]],
  ])('%s', (text, expected) => {
    expect(scores(text)).toEqual(expected);
  });
});

describe('scanFlattened', () => {
  it.each<[string, string[]]>([
    ['Magnesium supports nerve function.4 It is cheap.', ['4']],
    ['It helps people feel calm.5, 6 Many take it.', ['5, 6']],
    ['People fell asleep more quickly.1,2', ['1,2']],
    ['It raises melatonin levels.12–14', ['12–14']],
    ['Many adults lack vitamin B12.3', ['3']],
    ['It was common with COVID-19.2 Later, less so.', ['2']],
    ['It is sold as vitamin D3.', []],
    ['Adults need 2.4 mcg a day.', []],
    ['Take 1.5 mg before bed.', []],
    ['Version 2.1 of the app, or v3.2, or 1.2.3.', []],
    ['In type 2 diabetes, see Figure 2.', []],
    ['As the report says on p.12 and Fig.3 it helps.', []],
    ['It costs $12.99 a bottle.', []],
    ['See example.com.4 for more.', []],
    ['Researchers found it works best at night.5 mg is usual.', []],
    ['The effect was small (p < 0.05).3', ['3']],
    ['Sleep improved by 20%.4', ['4']],
    ['It was first sold in the U.S.3 Then elsewhere.', ['3']],
    ['It affects people in the U.S.5 million of them.', []],
    // Glued to a Chinese stop (a real page's shape, our words): followed by a space or the
    // block's end; never a broken decimal, a sentence that opens with a number, or a figure.
    ['镁能帮助肌肉放松。1 一项研究发现，补镁可以缩短入睡时间。2', ['1', '2']],
    ['补镁对睡眠有帮助。2,3 另外，镁对血压也有影响。4、5', ['2,3', '4、5']],
    ['每日的摄入量为0。6毫克叶酸。', []],
    ['要注意血糖。2型糖尿病患者需要定期检查。', []],
    ['每天一次。2 mg is the usual dose.', []],
    ['It helps sleep.4 并且镁对肌肉有益。5', ['4', '5']],
    // Glued to a comma after a word, inside the sentence; never after a digit (thousands, lists).
    ['Calcium leaves the bone,2 which weakens it.3', ['2', '3']],
    ['Results were mixed,10,12–14 and reviews agreed.', ['10,12–14']],
    ['Adults need 1,000 mg, and vitamins B1,2 help too.', []],
    ['Take it with food,5 mg at a time.', []],
    // Glued to an exclamation or a question mark (a real page's shape, our words).
    ['Many of us lack B vitamins!1 Most get enough from food.', ['1']],
    ['Does it work?2,3 The trials disagree.', ['2,3']],
    ['Is it safe?2 mg is the usual dose.', []],
  ])('%s', (text, expected) => {
    const found = scanFlattened(text);
    expect(found.map((m) => m.text)).toEqual(expected);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('scanAuthorYear', () => {
  it.each<[string, string[]]>([
    ['Magnesium eased cramps (Smith, 2019).', ['(Smith, 2019)']],
    ['It helped older adults (Smith et al., 2019).', ['(Smith et al., 2019)']],
    ['Two trials agree (Smith & Lee 2020; Wong, 2018).', ['(Smith & Lee 2020; Wong, 2018)']],
    ['Most adults lack it (WHO, 2020).', ['(WHO, 2020)']],
    ['It may help (see Nguyen et al., 2021b).', ['(see Nguyen et al., 2021b)']],
    ['Smith et al. (2019) found fewer cramps.', ['Smith et al. (2019)']],
    ['Smith and Lee (2020) gave magnesium to runners.', ['Smith and Lee (2020)']],
    ['The guidance changed (March 2019).', []],
    ['This page was revised (Updated 2021).', []],
    ['The trial ran for a year (2016).', []],
    ['The paper appeared in Nutrients (2021).', []],
    ['Adults over 65 (Smith) need more.', []],
    // A reference written out in brackets in the paragraph: surname and initials, then the year.
    ['Motility improved. [Zhao, J. et al.(2016). Zinc in seminal plasma. Sci Rep, 6: 22386.]', ['[Zhao, J. et al.(2016)']],
    ['Fewer cramps were seen (Lee JH, Park S, 2019).', ['(Lee JH, Park S, 2019)']],
    ['Blood levels rose [Okafor, C. A., 2021, Nutrients 13: 88].', ['[Okafor, C. A., 2021']],
    ['Take it with food (Dose A, B).', []],
    ['Group sizes differed (Group A, 20 adults).', []],
    // A journal's abbreviated title and the date, as a press release cites its paper.
    ['It did not slow cartilage loss (Arthritis Rheumatol. 2014 Mar 11. [Epub ahead of print]).', ['(Arthritis Rheumatol. 2014 Mar']],
    ['Intakes were low (J Nutr. 2019;149:1123-9).', ['(J Nutr. 2019;1']],
    ['The advice changed (Updated 2021 May).', []],
    // The first author, the journal and the year.
    ['Zinc slowed the virus in cells (te Velthuis, PLoS Pathog 2010).', ['(te Velthuis, PLoS Pathog 2010)']],
    ['Intakes were low (Okafor et al., Am J Clin Nutr 2019).', ['(Okafor et al., Am J Clin Nutr 2019)']],
    ['Take it with food (Vitamin D, Calcium Plus).', []],
    ['The advice changed (March 2019; see below).', []],
  ])('%s', (text, expected) => {
    const found = scanAuthorYear(text);
    expect(found.map((m) => m.text)).toEqual(expected);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
