/**
 * The dose rules on loosely phrased advice and on figures that are not advice, valid and
 * invalid side by side: hedges, ranges, "/d", "daily", 每天 and the units a draft writes
 * must not let advice above the upper limit pass; trial doses, supervised regimens,
 * contents, laboratory values and intakes from all sources must not be judged as advice.
 */
import { describe, expect, it } from 'vitest';
import { docFromText } from './helpers.js';
import { resolveConfig } from '../src/config.js';
import { doseRules } from '../src/rules/dose/index.js';
import type { DocumentRule, RuleFinding } from '../src/types.js';

const config = resolveConfig();
const rules = doseRules.filter((r): r is DocumentRule => r.scope === 'document');

function run(text: string): Array<{ ruleId: string; figure: string; finding: RuleFinding }> {
  const doc = docFromText(text);
  return rules.flatMap((rule) =>
    rule.check(doc, { config }).map((finding) => ({
      ruleId: rule.id,
      figure: text.slice(finding.span.start.offset, finding.span.end.offset),
      finding,
    })),
  );
}

const ABOVE = 'dose/above-upper-limit';

/** [text, the figure reported above the upper limit] */
const LOOSE_ADVICE: Array<[string, string]> = [
  ['For deeper sleep, perhaps 400 mg/d of magnesium from supplements.', '400 mg'],
  ['Most readers do well with 400–600 mg/d of magnesium in supplements.', '400–600 mg'],
  ['A short course of 50 mg/d of zinc clears a cold faster.', '50 mg'],
  ['Vitamin D: 6,000 IU daily for everyone.', '6,000 IU'],
  ['You can go up to 4,000 mg of vitamin C a day when you feel a cold coming.', 'up to 4,000 mg'],
  ['Around 5,000 IU of vitamin D a day keeps levels up in winter.', '5,000 IU'],
  ['Take 500 mg of magnesium per day for cramps.', '500 mg'],
  ['Take 500 mg magnesium a day for cramps.', '500 mg'],
  ['Some people take 150 mcg of vitamin D every day.', '150 mcg'],
  ['Some people take 150 µg of vitamin D every day.', '150 µg'],
  ['Some people take 150 μg of vitamin D every day.', '150 μg'],
  ['Take 2.5 g of vitamin C daily during flu season.', '2.5 g'],
  ['Magnesium: 400 to 500 mg/day for adults.', '400 to 500 mg'],
  ['Zinc, 45 mg a day, shortens colds.', '45 mg'],
  ['For energy, 200 mg/d of vitamin B6.', '200 mg'],
  ['建议每天补充500毫克镁。', '500毫克'],
  ['每日服用5000国际单位维生素D。', '5000国际单位'],
  ['每天约150微克维生素D即可。', '150微克'],
  ['可以每天服用400至600毫克镁。', '400至600毫克'],
  ['镁每日400~500毫克效果更好。', '400~500毫克'],
  ['每天补充3克维生素C。', '3克'],
  ['每天补充400~600mg镁。', '400~600mg'],
  ['维生素D每天5000IU。', '5000IU'],
];

/** Texts whose figures are not advice above the limit (or not above it at all). */
const NOT_ADVICE: Array<[string, string]> = [
  ['a trial injection', 'In the trial, participants received a single injection of 300,000 IU of vitamin D.'],
  ['a supervised loading dose', 'A loading dose of 50,000 IU of vitamin D weekly for eight weeks is given under medical supervision.'],
  ['a prescribed daily dose', 'For deficiency, doctors may prescribe 10,000 IU of vitamin D a day for a few weeks.'],
  ['body content', 'An adult body holds about 25 g of magnesium, half of it in bone.'],
  ['food content', 'Oysters provide 32 mg of zinc per serving.'],
  ['label content', 'One capsule contains 500 mg of magnesium oxide; take half a capsule.'],
  ['a laboratory value', 'Ferritin below 15 µg/L means iron stores are empty.'],
  ['a Chinese laboratory value', '铁蛋白低于15微克/升说明铁储备耗尽。'],
  ['an intake from all sources against a supplements-only limit', 'Adults need 310 to 420 mg of magnesium a day from all sources.'],
  ['a dietary intake against a supplements-only limit', 'A varied diet supplies 400 mg of magnesium a day.'],
  ['a stated limit', 'The upper limit for vitamin D is 4,000 IU a day.'],
  ['a limit above which harm appears', 'Toxicity usually appears only above 10,000 IU of vitamin D a day.'],
  ['advice under the limit, hedged', 'Perhaps 300 mg/d of magnesium from supplements.'],
  ['advice at the limit', 'Take up to 350 mg of magnesium a day.'],
  ['a trial dose in Chinese', '研究中,受试者每天服用600毫克镁。'],
  ['a Chinese regimen under a doctor', '在医生指导下,每天可服用10000国际单位维生素D。'],
  ['a range under the limit', 'Take 200–300 mg of magnesium daily.'],
  ['selenium beside zinc', 'Zinc and selenium: 15 mg zinc and 100 mcg selenium daily.'],
  ['a weekly figure', 'Take 7,000 IU of vitamin D once a week.'],
  ['a threshold of harm in Chinese', '钙摄入超过每日2000毫克可能干扰铁、锌等矿物质的吸收。'],
  ['a threshold of harm', 'Calcium intakes above 3,000 mg a day may interfere with iron absorption.'],
];

describe('dose/above-upper-limit on loosely phrased advice', () => {
  it.each(LOOSE_ADVICE)('reports %s', (text, figure) => {
    const found = run(text).filter((f) => f.ruleId === ABOVE);
    expect(found.map((f) => f.figure)).toEqual([figure]);
    expect(found[0]!.finding.data?.role).toBe('advice');
  });

  it.each(NOT_ADVICE)('passes %s', (_name, text) => {
    expect(run(text).filter((f) => f.ruleId === ABOVE)).toEqual([]);
  });

  it('says what is advised, the period and the source, and the limit', () => {
    const [f] = run('For deeper sleep, perhaps 400 mg/d of magnesium from supplements.');
    expect(f!.finding.message).toBe('Recommends 400 mg/d of magnesium from supplements, above the US upper limit for ages 9+ of 350 mg a day from supplements');
    const [g] = run('Adults need 50 mg of zinc a day from all sources.');
    expect(g!.finding.message).toBe('States an intake of 50 mg/d of zinc from all sources, above the US adult upper limit of 40 mg a day');
    expect(g!.finding.data).toMatchObject({ role: 'intake', intake: 'all', limit: 40 });
    const [h] = run('Vitamin D: 6,000 IU daily for everyone.');
    expect(h!.finding.message).toBe('Recommends 6,000 IU/d of vitamin D, above the US upper limit for ages 9+ of 100 mcg (4,000 IU) a day');
    const [k] = run('Try 600 mg of magnesium before bed.');
    expect(k!.finding.message).toBe('Recommends 600 mg of magnesium each night, above the US upper limit for ages 9+ of 350 mg a day from supplements');
  });
});

describe('dose/contradiction and dose/implausible by role', () => {
  it.each<[string, string, string[]]>([
    ['a limit, then advice above it', 'Never take more than 350 mg of magnesium from supplements.\n\nFor sleep, perhaps 500 mg/d of magnesium.', ['dose/above-upper-limit', 'dose/contradiction']],
    ['a limit, then a trial above it', 'The upper limit for magnesium is 350 mg per day.\n\nParticipants were given 500 mg of magnesium a day.', []],
    ['a limit, then body content above it', 'Never exceed 350 mg of magnesium a day.\n\nYour body holds about 25 g of magnesium.', []],
    ['an unsourced limit of magnesium, then its reference intake', 'The upper limit for magnesium is 350 mg a day.\n\nMen need 420 mg of magnesium a day.', []],
    ['an unsourced limit of zinc, then an intake above it', 'The upper limit for zinc is 40 mg a day.\n\nMen who eat oysters daily get 45 mg of zinc a day from food.', ['dose/above-upper-limit', 'dose/contradiction']],
    ['a supplements limit, then an all-sources intake above it', 'The upper limit for supplemental magnesium is 350 mg per day.\n\nAdults need 420 mg of magnesium a day from all sources.', []],
    ['a slip of unit in advice', 'Take 5 g of melatonin at night.', ['dose/implausible']],
    ['mg for mcg of vitamin B12', 'Some people take 5000 mg of vitamin B12 a day when they feel run down.', ['dose/implausible']],
    ['a large but real vitamin B12 dose', 'Older adults often take 1,000 mcg of vitamin B12 a day.', []],
    ['a slip of unit in a daily trial dose', 'Participants took 5 g of magnesium a day.', ['dose/implausible']],
    ['a single trial injection', 'Participants received a single injection of 300,000 IU of vitamin D.', []],
    ['a weekly regimen', 'Under medical supervision, 100,000 IU of vitamin D is given each week.', []],
    ['a laboratory value', 'Serum magnesium of 2,000 µg/L is high.', []],
    ['a food quantity beside a vitamin', '维生素D主要靠晒太阳，100克三文鱼只含约500IU。', []],
    ['a per-dose limit, then daily advice above it', '一次不要超过500毫克钙。\n\n每天补充钙片800毫克。', []],
    ['a daily limit, then a single dose above it', 'Never take more than 350 mg of magnesium a day from supplements.\n\nTake 400 mg at a time before bed.', ['dose/above-upper-limit', 'dose/contradiction']],
  ])('%s', (_name, text, ruleIds) => {
    expect(run(text).map((f) => f.ruleId).sort()).toEqual(ruleIds);
  });
});
