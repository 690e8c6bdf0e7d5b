/**
 * Dose patterns of real web pages that the rules once misjudged, each written afresh (other
 * nutrients, other numbers) with a form of the same shape that must still be caught beside
 * it: reports of harm and of studies that found none, prohibitions, another drug's dose,
 * titration schedules and the treatment of a diagnosed deficiency, "N times a day", blood
 * concentrations, and number formats of machine translations.
 */
import { describe, expect, it } from 'vitest';
import { docFromText } from './helpers.js';
import { resolveConfig } from '../src/config.js';
import { doseRules } from '../src/rules/dose/index.js';
import { extractDoses, loadKnowledgeBase, type Dose } from '../src/dose/index.js';
import type { DocumentRule } from '../src/types.js';

const kb = loadKnowledgeBase();
const config = resolveConfig();
const documentRules = doseRules.filter((r): r is DocumentRule => r.scope === 'document');

/** The dose findings of `text` as "rule@line", sorted. */
function findings(text: string): string[] {
  const doc = docFromText(text);
  return documentRules
    .flatMap((rule) => rule.check(doc, { config }).map((f) => `${rule.id.slice(5)}@${f.span.start.line}`))
    .sort();
}

function doseAt(text: string, figure: string): Dose {
  const dose = extractDoses(docFromText(text), kb).find((d) => d.text === figure);
  if (!dose) throw new Error(`no figure "${figure}" in ${JSON.stringify(text)}`);
  return dose;
}

type Row = [name: string, text: string, expected: string[]];

const ROWS: Row[] = [
  // Harm and evidence statements report what an intake did; they advise nothing.
  ['harm reported at a dose', 'Vomiting and cramps have been reported at single doses of 1,500 mg of iron.', []],
  ['a study finding of no harm', 'Intakes of 150 mg of vitamin B6 a day did not cause adverse effects.', []],
  ['a dose that may impair', 'Zinc at 200 mg a day may impair the absorption of copper.', []],
  ['a dose that affects (present tense)', 'An iron intake of 60 mg/day affects zinc status.', []],
  ['a toxic threshold in brackets', 'Toxicity is rare but can occur with extremely high doses (more than 4,000 mg of magnesium a day).', []],
  ['…while the same figure advised is caught', 'Take 200 mg of zinc a day to support immunity.', ['above-upper-limit@1', 'implausible@1']],
  ['…and a harm figure ten times beyond plausible is a slip', 'Intakes greater than 150 g of potassium a day may cause heart trouble.', ['implausible@1']],
  // A prohibition is not a recommendation.
  ['a prohibition with a condition', 'Don’t take 60 mg of zinc a day unless your doctor tells you to; the upper limit is 40 mg.', []],
  ['…while the plain instruction is caught', 'Take 60 mg of zinc a day when a cold starts.', ['above-upper-limit@1']],
  // Another drug's dose is not the nutrient's.
  ['another drug named before its dose', 'Take ibuprofen 400 mg half an hour before your niacin to reduce flushing.', []],
  ['…while the nutrient named there is caught', 'Take niacin 400 mg half an hour before bed.', ['above-upper-limit@1']],
  // Drug therapy: titration schedules and a diagnosed deficiency.
  [
    'a titration schedule, first step included',
    'How to dose nicotinic acid\n\n- Start with 250 mg of niacin at night\n- Wait two weeks\n- Raise the dose by 250 mg\n- Go on until you reach 1,500 mg nightly',
    [],
  ],
  [
    '…while the same list without a titration is caught',
    'How to take niacin\n\n- Start with 250 mg of niacin at night\n- Take it with a snack',
    ['above-upper-limit@3'],
  ],
  ['adults with a deficiency', 'Adults with iron deficiency should take 60 mg of elemental iron three times a day.', []],
  ['…while adults in general are caught', 'Adults should take 60 mg of elemental iron a day for more energy.', ['above-upper-limit@1']],
  ['a Chinese titration in a pharmacy note', '初始用小剂量，数日后增加；以吸收率30%计，日服元素铁150mg。', []],
  ['…while a plain Chinese daily dose is caught', '成人每天服用元素铁150mg。', ['above-upper-limit@1']],
  // Number formats.
  ['a space after the thousands comma', '维生素D的上限为100微克，相当于每天4, 000 IU。婴儿每天补充400 IU即可。', []],
  ['a comma and a space between the items of an English list of limits', 'Selenium limits: 90 mcg for toddlers, 150 mcg for children 4 to 8, 280 mcg for ages 9 to 13.', []],
  ['…while a thousand written with a space after its comma is read whole', 'Adults can take 1, 500 mcg of iodine every day.', ['above-upper-limit@1']],
  ['…and so is any thousand in Chinese text', '成人每天补充维生素D 6, 500国际单位。', ['above-upper-limit@1']],
  ['an ideographic full stop as decimal point', '孕妇每日的叶酸摄入量为0。6毫克。', []],
  ['…while a real 6 mg is caught', '孕妇每日服用叶酸6毫克。', ['above-upper-limit@1']],
  // Salt weights in a monograph or a table, and food weights.
  [
    'a monograph whose dosage weighs the salt it names above',
    '说明书\n\n【成分】本品主要成分为葡萄糖酸亚铁。\n【用法用量】口服：成人每次0.6~1.2g，一日3次。',
    [],
  ],
  ['…while a monograph that names no salt is caught', '说明书\n\n【成分】本品主要成分为铁。\n【用法用量】口服：成人每次0.6~1.2g，一日3次。', ['implausible@4']],
  ['a flattened table row of a salt', 'Ferrous fumarate 33 percent 500 mg 165 mg elemental iron', []],
  ['…while elemental iron that large is caught', 'Elemental iron 33 percent 500 mg elemental iron', ['implausible@1']],
  ['a food weight given as the equal of a limit', 'The upper limit of 1,100 µg of iodine (equivalent to about 7 g of dried kelp) applies to adults.', []],
  // Another authority's figure, attributed and called safe.
  ['an attributed safe level in a Chinese article', '据欧洲食品安全局的建议，成人每天摄入100微克维生素D为安全水平。', []],
  ['…while the same figure recommended is caught', '建议成人每天摄入100微克维生素D。', ['above-upper-limit@1']],
  // A limit stated as safe above every authority's upper limit (a warning), and one that is not.
  ['a "safe up to" above every upper limit', 'It is generally considered safe to supplement up to 60 mg of zinc per day.', ['above-upper-limit@1']],
  ['a "do not take any more than" above every upper limit', 'Do not take any more than 400 mg of vitamin B6 per day.', ['above-upper-limit@1']],
  ['…while the US limit quoted in a Chinese article is not', '美国规定成人每天维生素D不超过4000国际单位。', []],
  ['…nor a limit equal to the UL once IU are converted', 'Up to 10,000 IU of vitamin A a day is considered safe for adults.', []],
  ['…nor the maximum of a titration schedule', 'Nicotinic acid plan\n\n- Increase the dose by 250 mg every two weeks\n- The maximum dose is 2,000 mg of niacin nightly', []],
  // Concentrations.
  ['a serum level in µg/dL before Chinese text', '血清铁低于50 μg/dL即提示缺铁。', []],
  // A dose scoped to a diagnosed or high-risk group is a therapeutic dose: upper limits are for healthy people.
  ['a label naming a diagnosed deficiency before its colon', 'For Diagnosed Anaemia: adults usually take 120–180 mg of elemental iron a day, split into two doses.', []],
  ['…while a label naming no condition is caught', 'For More Energy: adults usually take 120–180 mg of elemental iron a day, split into two doses.', ['above-upper-limit@1']],
  ['…and so is a label that prevents a deficiency', 'For Preventing Iron Deficiency: adults usually take 60–80 mg of elemental iron a day.', ['above-upper-limit@1']],
  ['a group at risk of a deficiency', 'For prevention: adults at risk of zinc deficiency, such as vegans or heavy drinkers, may take 50 to 60 mg of zinc per day.', []],
  ['…while adults in general are caught', 'For prevention: adults may take 50 to 60 mg of zinc per day.', ['above-upper-limit@1']],
  ['a group with a greater chance of an affected pregnancy', 'Some women have a greater chance of having a pregnancy touched by a spinal cord defect and are told to take 4 mg of folic acid each day.', []],
  ['…while a group defined by a wish is caught', 'Some women want more energy and are told to take 4 mg of folic acid each day.', ['above-upper-limit@1']],
  ['a group defined by a body mass index', 'Women with a BMI of 30 or more who plan a pregnancy take 5 mg of folic acid a day until week twelve.', []],
  ['…and by a body mass index over a figure', 'For women whose body mass index is above 30, the daily dose of folic acid is 5 mg.', []],
  ['…while the same dose for women in general is caught', 'Women who plan a pregnancy take 5 mg of folic acid a day until week twelve.', ['above-upper-limit@1']],
  ['a group a clinician should advise', 'Women with epilepsy who hope to conceive should be advised to take 5 mg of folic acid daily.', []],
  ['…while a group defined by a wish is caught the same way', 'Women who hope to conceive should be advised to take 5 mg of folic acid daily.', ['above-upper-limit@1']],
  ['…and so is a group of a healthy body mass index', 'Women with a BMI of 20 to 25 who plan a pregnancy take 5 mg of folic acid a day.', ['above-upper-limit@1']],
  // A recommended intake counts food as well: a limit for supplements alone does not apply to it.
  ['a recommended intake against a limit for supplements alone (Chinese)', '一般來說，成人每日鎂建議攝取量是300-400毫克。', []],
  ['…and in English', 'The recommended daily intake of magnesium for adults is 310–420 mg.', []],
  ['…while the same range taken as a supplement is caught', '一般來說，成人每日可服用鎂補充劑300-400毫克。', ['above-upper-limit@1']],
  ['…and in English', 'Adults can take 310–420 mg of magnesium a day as a supplement.', ['above-upper-limit@1']],
  ['a group defined by its history (Chinese)', '曾经分娩过唇腭裂婴儿的妇女，一般建议每天服用5毫克叶酸。', []],
  ['…while the same advice to every woman is caught', '备孕的妇女，一般建议每天服用5毫克叶酸。', ['above-upper-limit@1']],
  ['a group defined by a past affected pregnancy, named as a history (Chinese)', '若妇女既往有神经管缺陷的妊娠史，孕前应每日补充4毫克叶酸。', []],
  ['…and by what she has had before, without 过 (Chinese)', '既往有脊柱裂患儿生育史的妇女，每天服用4毫克叶酸。', []],
  ['…while women with no such history are caught', '无不良孕产史的妇女，备孕时每天服用4毫克叶酸。', ['above-upper-limit@1']],
  // Sentences that come back to a regimen's dose speak of it; they add no advice.
  [
    'a follow-up on the dose of a high-risk group',
    'Women who have had a pregnancy affected by a neural tube defect are usually advised to take 5 mg of folic acid a day.\n\nTo reach 5 mg, use a folic acid tablet rather than a multivitamin, or the other nutrients in it would go too high.',
    [],
  ],
  [
    '…while a later figure outside that dose is new advice',
    'Women who have had a pregnancy affected by a neural tube defect are usually advised to take 5 mg of folic acid a day.\n\nEveryone else can take 2 mg of folic acid daily.',
    ['above-upper-limit@3'],
  ],
  ['an example within a treatment range (Chinese)', '缺铁性贫血诊断明确者，每天应补充元素铁100-200mg。建议饭后服用，如150mg铁剂与维生素C一起服用。', []],
  // Doses that studies gave and limits that studies found are reports, not advice.
  ['a dose a trial had people take', 'Zinc has been taken at 80 mg a day for six months by people with macular degeneration.', []],
  ['…while the same figure advised is caught', 'Take 80 mg of zinc a day for six months to protect your eyes.', ['above-upper-limit@1']],
  ['a studied range a little above what anyone would advise', 'Pregnant women in these studies have received 20–240 mg of elemental iron daily.', []],
  ['…while a unit slip in a study is caught', 'Pregnant women in these studies have received 20–240 g of elemental iron daily.', ['implausible@1']],
  ['a safe dose a survey found, behind a derived limit', '一项高碘地区调查发现，部分成人的最大安全剂量为1500微克/天[8]，据此推算出每日可耐受最高摄入量为600微克。', []],
  ['…while a safe dose the article states itself is caught', '碘的最大安全剂量为每天1500微克。', ['above-upper-limit@1']],
  // What a product holds is not advice.
  ['a product that may have a figure', 'A large can of energy drink may have up to 450 mg of caffeine.', []],
  ['…while advice to drink that much is caught', 'Adults can safely take up to 450 mg of caffeine a day.', ['above-upper-limit@1']],
  // A safe limit stated for children, held against the adult upper limit (no child's limit is higher).
  ['a children\'s safe limit above even the adult upper level', '营养学会给出的儿童碘安全上限为每日900微克。', ['above-upper-limit@1']],
  ['…while one below it is left alone', '营养学会给出的儿童碘安全上限为每日300微克。', []],
  ['…and so is a children\'s limit under the adult one of the draft\'s jurisdiction', 'For children, it is generally considered safe to take up to 1,000 mcg of iodine a day.', []],
  // A slip of a digit or a unit (more than ten times the plausible range) is one defect: no limit findings stack on it.
  ['a unit slip beside a stated limit', '孕妇叶酸的每日上限是1000微克。\n\n多数孕妇每天补充400毫克叶酸就足够了。', ['implausible@3']],
  ['…while a real amount above the limit is held against both limits', '孕妇叶酸的每日上限是1000微克。\n\n多数孕妇每天补充4毫克叶酸就足够了。', ['above-upper-limit@3', 'contradiction@3']],
  // One figure in two units is one finding.
  ['one figure in two units', 'Take 8,000 IU (200 mcg) of vitamin D a day.', ['above-upper-limit@1']],
  ['…while a bracketed figure of another amount is its own', 'Take 8,000 IU (or 300 mcg) of vitamin D a day.', ['above-upper-limit@1', 'above-upper-limit@1']],
  ['a serum level in µg/L', '仅适用于血清硒<60μg/L的人群。', []],
  // A one-off bolus is a clinical regimen, not a daily intake.
  ['a single bolus in pregnancy', 'Vitamin D can also be given as a single dose of 100,000 IU in the seventh month of pregnancy.', []],
  ['a single dose in Chinese', '孕7个月时一次性口服维生素D 2.5毫克。', []],
  ['…while the same amount every day is caught', 'Pregnant women should take 10,000 IU of vitamin D every day.', ['above-upper-limit@1']],
  // A figure whose bracketed equal shows a µg written as mg: the slip is implausible's alone.
  ['a mg slip shown by its IU equal after it', 'Adults need about 5 mg (200 IU) of vitamin D a day. Do not take more than 4,000 IU a day.', ['implausible@1']],
  ['a mg slip shown by its IU equal before it', 'Adults take 160 IU (4 mg) of vitamin D a day. Do not take more than 4,000 IU a day.', ['implausible@1']],
  ['…while a real milligram figure beside its IU equal is caught', 'Adults take 0.2 mg (8,000 IU) of vitamin D a day. Do not take more than 4,000 IU a day.', ['above-upper-limit@1', 'contradiction@1']],
  // Harm named after its cause, or as a risk the dose raises, is no advice.
  ['harm that results from a daily dose', 'Nerve trouble can result from swallowing 300 mg of vitamin B6 every day.', []],
  ['a dose that doubles a risk', 'Swallowing more than 120 mg of zinc daily for years doubles the risk of copper deficiency.', []],
  ['a dose that carries twice the risk', 'Men who take over 120 mg of zinc a day face twice the risk of kidney stones.', []],
  ['…while the same dose advised is caught', 'Men can take 120 mg of zinc a day to shorten a cold.', ['above-upper-limit@1']],
  ['…and so is advice to a group at increased risk', 'Adults with an increased risk of colds can take 120 mg of zinc a day.', ['above-upper-limit@1']],
  ['examples of doses a Chinese warning names', '若擅自服用高剂量维生素D，例如市面常见的8000国际单位，可能增加中毒风险。', []],
  ['…while examples of advised doses are caught', '建议每天补充维生素D，例如8000国际单位，效果更好。', ['above-upper-limit@1']],
  // The strengths products come in are the market, not advice.
  ['the strengths tablets range in', 'Iron tablets range in strength from 15 mg up to 60–70 mg of elemental iron.', []],
  ['…while advice up to the same figure is caught', 'Most adults should take up to 60–70 mg of elemental iron a day.', ['above-upper-limit@1']],
  ['…and so is a range of recommended doses', 'Recommended doses range from 200 mg to 400 mg of magnesium a day.', ['above-upper-limit@1']],
  // A supervised exception, in either word order, is a regimen.
  [
    'a dose under the supervision of a physician',
    'Do not take more than 100 mg of vitamin B6 a day over the long term. However, under the supervision of a physician up to 200 mg of vitamin B6 a day may be used for a few weeks.',
    [],
  ],
  [
    '…while the same exception for everyone is caught',
    'Do not take more than 100 mg of vitamin B6 a day over the long term. However, most adults can take up to 200 mg of vitamin B6 a day for a few weeks.',
    ['above-upper-limit@1', 'contradiction@1'],
  ],
  // The UL itself written in IU is not above it.
  ['advice up to the vitamin A UL in IU', 'Adults may take up to 10,000 IU of vitamin A daily.', []],
  ['…while advice a tenth above it is caught', 'Adults may take up to 11,000 IU of vitamin A daily.', ['above-upper-limit@1']],
  ['advice up to a stated limit in µg, written in IU', 'The upper limit of vitamin A is 3,000 mcg a day.\n\nAdults can take up to 10,000 IU of vitamin A daily.', []],
  ['…while advice above it in IU is caught', 'The upper limit of vitamin A is 3,000 mcg a day.\n\nAdults can take up to 12,000 IU of vitamin A daily.', ['above-upper-limit@3', 'contradiction@3']],
  // A sentence that gives the usual amount and then the limit: the limit's cue introduces the
  // second figure only, so a later dose between the two is no contradiction.
  [
    'an amount, then the limit, in one sentence',
    'For most adults the usual advice is 600–800 IU of vitamin D a day, with a safe upper limit of 4,000 IU.\n\nSome clinics suggest 2,000 IU of vitamin D a day in winter.',
    [],
  ],
  [
    '…while a later dose above the limit still contradicts it',
    'For most adults the usual advice is 600–800 IU of vitamin D a day, with a safe upper limit of 4,000 IU.\n\nSome clinics suggest 6,000 IU of vitamin D a day in winter.',
    ['above-upper-limit@3', 'contradiction@3'],
  ],
  // A label's run-on list of amounts: a unit written out and its symbol in brackets, then the
  // nutrient ("250 milligrams (mg) of calcium"), is that nutrient's amount, not the one before.
  ['a unit written out with its symbol, then the nutrient', 'Prenatal formula: 600 IU of vitamin D 250 milligrams (mg) of calcium 27 mg of iron.', []],
  ['…while an amount too large for its nutrient is still caught', 'Prenatal formula: 600 IU of vitamin D 250 milligrams (mg) of vitamin D 27 mg of iron.', ['implausible@1']],
  // What some people take, told as a practice (and followed by its harm), is not advice.
  [
    'a megadose described as a practice with unproven benefits',
    'The upper limit of zinc is 40 mg a day.\n\nUp to 150 mg/day of zinc is sometimes taken for unproven benefits such as clearer skin. Such amounts may lower copper levels.',
    [],
  ],
  [
    '…while the same megadose advised is still caught',
    'The upper limit of zinc is 40 mg a day.\n\nTake up to 150 mg/day of zinc for clearer skin.',
    ['above-upper-limit@3', 'contradiction@3'],
  ],
  // A dose a doctor monitors (由医师监控, 在医生监督下) is a supervised regimen, in either script.
  [
    'a Chinese dose for patients under a doctor’s monitoring',
    '出血风险:EPA+DHA 超过3000毫克/天可能抑制血小板凝集。\n\n- 高血脂患者:EPA+DHA 每天2000–4000毫克，由醫師監控',
    [],
  ],
  [
    '…and under a doctor’s supervision',
    '维生素D每天不要超过4000国际单位。\n\n骨质疏松患者在医生监督下可每天服用6000国际单位维生素D。',
    [],
  ],
  [
    '…while the same dose without it is caught',
    '出血风险:EPA+DHA 超过3000毫克/天可能抑制血小板凝集。\n\n- 一般成人:EPA+DHA 每天服用2000–4000毫克',
    ['above-upper-limit@3', 'contradiction@3'],
  ],
  // A dose kept for a doctor's own instruction (需要醫生特別指示, 依醫師指示) is a regimen too.
  ['a deficiency dose that needs a doctor’s special instruction', '維生素D補充建議\n\n(2) 嚴重缺乏的人:每天3,500 IU(須由醫師特別指示)', []],
  ['…or follows a doctor’s instruction', '缺铁的孕妇可依医师指示每天补充60毫克铁。', []],
  ['…while the same dose without it is caught', '維生素D補充建議\n\n(2) 上班族:每天3,500 IU', ['above-upper-limit@3']],
  // A maximum listed as a label ("最大量:…") states a limit: silent when some authority's
  // limit allows it (2,500 mg of calcium is the US adult limit), a warning when none does.
  ['a listed maximum that is a real upper limit', '鈣\n\n- 建議量:1000毫克(mg)/天\n- 最大量:2500毫克(mg)/天', []],
  ['a stated upper limit above every authority’s', '成人维生素D的每日上限为5000国际单位，多晒太阳也有帮助。', ['above-upper-limit@1']],
  ['…while a listed maximum above every limit is caught', '鋅\n\n- 建議量:11毫克(mg)/天\n- 最大量:60毫克(mg)/天', ['above-upper-limit@4']],
  // A food table flattened to text: grams right before the nutrient's column are the serving.
  ['the serving column of a food table', 'Selenium in foods\n\nFood Serving Selenium (mcg)\nBrazil nuts 1 gram 19\nTuna, canned 3 ounces 68', []],
  ['…while grams of the nutrient itself are caught', 'Take 1 gram of selenium with breakfast.', ['implausible@1']],
  // A dose given once a test has found the deficiency treats it; upper limits are for everyone else.
  ['a dose once a test confirms the deficiency', 'If zinc deficiency is found on a routine blood test, the advice is to take 50–100 mg of zinc a day for a few weeks.', []],
  ['…while the same dose for everyone is caught', 'For adults the advice is to take 50–100 mg of zinc a day for a few weeks.', ['above-upper-limit@1']],
  // A need that grows over a pregnancy is a total, not a day's dose: the daily range does not
  // judge it; the same figure said to be daily is still a slip.
  ['a pregnancy’s added need for a mineral, in total', 'The requirement for iron grows by about 600–900 mg across a pregnancy, mostly late in it.', []],
  ['…while an amount asked about as daily is caught', 'Readers often ask whether 900 mg of iron daily is too much.', ['implausible@1']],
  // Thousands set apart by a space before a group of zeros; an amount called harmful is no advice.
  ['a harmful intake with a space for the thousands', 'Too much vitamin A builds up in the liver. Daily intakes of > 40 000 IU for several months are considered harmful.', []],
  ['…while the same figure advised is read whole and caught', 'Adults should take 40 000 IU of vitamin A a day.', ['above-upper-limit@1']],
  ['…and two numbers of a table row stay two', 'Vitamin C for adults\n\nWomen 19-50 500 mg of vitamin C', []],
  // An amount said to be over the limit is a warning, not a limit stated as safe.
  ['a nutrition card that says the amount is over the limit', 'Pumpkin seeds carry a little selenium.\n\nOne cup: 300 calories; Selenium 450 mcg (640% WOW over the upper limit recommended for safe eating!) Keep portions small.', []],
  ['…while a limit stated as safe above every authority’s is caught', 'Selenium is considered safe up to 900 mcg a day for adults.', ['above-upper-limit@1']],
  // A harm's threshold past an aside, or after "signs of overload are seen at"; what some brands hold.
  ['an intake that can lead to toxicity, an aside between', 'Brazil nuts are rich in selenium.\n\nAn intake of 3,000 mcg of selenium, which is the amount in about 30 large nuts, can lead to toxicity.', []],
  ['signs of overload seen at an intake', 'Brazil nuts are rich in selenium.\n\nSigns of overload are seen at daily dietary intakes of above 700 μg.', []],
  ['…while the same intake advised is caught', 'Brazil nuts are rich in selenium.\n\nAim for a daily intake of 700 μg of selenium.', ['above-upper-limit@3']],
  ['what some brands go up to, beside the limit', 'How much melatonin can adults take?\n\nUsual melatonin doses run from 1 to 3 milligrams, although some brands go as high as 20 mg. Stop at 5 mg (do not exceed 5 mg) and talk to a doctor.', []],
  // A limit stated for small children bounds no advice for older people; a recommended intake
  // (RNI) beside a harm said of the limit after it is no threshold of harm.
  ['a toddlers’ limit, then advice for people over 70', '维生素D怎么补\n\n1-3岁每日上限为500IU,可随早餐服用。\n\n70岁以上每日建议700-900IU,随餐服用吸收更好。', []],
  ['a limit for 1-3-year-olds, in English', 'Vitamin D for families\n\nFor 1-3-year-olds the upper limit is 2,500 IU a day.\n\nPeople in their seventies should take 3,000 IU a day.', []],
  ['…while a limit for everyone still bounds that advice', '维生素D怎么补\n\n每日上限为500IU,可随早餐服用。\n\n70岁以上每日建议700-900IU,随餐服用吸收更好。', ['contradiction@5']],
  ['a recommended intake in a sentence whose harm speaks of the limit', '碘的摄入\n\n营养学会规定成人碘的RNI(推荐摄入量)为120微克/天,UL(可耐受最高摄入量)为600微克,过量补充可能引起甲状腺问题。\n\n孕妇每日碘需求可达200-230微克。', []],
  // Cues are read through pinyin a conversion glued after characters (醫(yī)生指導(dǎo)下).
  ['a doctor’s guidance split by pinyin', '鋅的補充\n\n一般成人從食物就能攝取足夠的鋅,每日攝入量建議不超過35毫克。若因吸收不良需要補充,應在醫(yī)生指導(dǎo)下使用,常用劑量為每日40-60毫克。', []],
  ['…while the same dose with no doctor is caught', '鋅的補充\n\n一般成人從食物就能攝取足夠的鋅,每日攝入量建議不超過35毫克。若覺得容易感冒,常用劑量為每日40-60毫克。', ['above-upper-limit@3', 'contradiction@3']],
  // A threshold of harm with its substance between ("doses of pyridoxine above …") and a
  // finding of no harm in the studies are no advice.
  ['a neuropathy threshold naming its substance', 'This nerve damage usually develops at doses of pyridoxine above 1,000 mg per day.', []],
  ['studies that found no harm below a dose', 'However, none of the studies found nerve damage at a daily intake below 200 mg of vitamin B6 per day.', []],
  ['…while the same dose advised is caught', 'Adults can take 200 mg of vitamin B6 per day for nerve health.', ['above-upper-limit@1']],
  // A total over a whole pregnancy (and its breakdown) is no daily dose.
  ['a whole-pregnancy total of iron and its breakdown', '孕妇每天需要补铁27毫克，整个孕期约需铁1000毫克，其中胎儿铁约400毫克，胎盘铁60-100毫克。', []],
  ['the same total in English', 'A pregnant woman needs about 1,000 mg of iron over the whole pregnancy, most of it in the last three months.', []],
  ['…while a daily dose above the limit is still caught', '孕妇每天需要补铁100毫克，整个孕期都要坚持。', ['above-upper-limit@1']],
  ['…and so is a day\'s total', 'Take 600 mg of magnesium in total each day, split over two meals.', ['above-upper-limit@1']],
  ['…also in Chinese', '成年人每天共需要补充600毫克镁。', ['above-upper-limit@1']],
  // Grams eaten are a portion of the food, unless a nutrient is named right after them.
  ['a portion of liver after an eating verb', '猪肝含铁丰富，每100克含铁25毫克，最好每周吃2~3次，每次100~150克。', []],
  ['the same in traditional characters', '豬肝每100克含鐵25毫克，吸收率也高，最好每週能吃2~3次，每次100~150克。', []],
  ['…while grams of a nutrient named after the verb are still a slip', '每天吃2克铁就能预防贫血。', ['above-upper-limit@1', 'implausible@1']],
  // A bare comparison states an amount reached, not a limit: where absorption falls off, what a
  // day's menu adds up to. Negated, or followed by a harm, it still bounds later advice.
  ['where absorption falls off, then advice', '維生素C每天攝入超過150毫克時，吸收率會從七成降到一半。\n\n感冒期間可以每天服用500毫克維生素C。', []],
  ['…while a prohibition bounds the same advice', '维生素C每天不要超过150毫克。\n\n感冒期间可以每天服用500毫克维生素C。', ['contradiction@3']],
  ['…and so does a threshold of harm', '维生素C每天超过1500毫克可能引发腹泻。\n\n感冒期间可以每天服用1800毫克维生素C。', ['contradiction@3']],
  ['a food’s zinc and a menu’s total', '每100克牡蛎已有约40毫克锌，吃五只就有30毫克。\n\n一天三餐均衡搭配，已能摄取多于12毫克的锌。', []],
  // A scraped pipe table whose rule row lost its dashes ("||||") is a table: its cells advise nothing.
  ['a table of limits with a bare rule row, above a harm threshold', '维生素C参考摄入量\n\n| 人群 | 推荐量 | 上限 |\n||||\n| 成人 | 100mg/日 | 2000mg/日 |\n| 孕妇 | 115mg/日 | 2000mg/日 |\n\n长期超量补充维生素C(>1000mg/日)可能引发腹泻。', []],
  ['…while the same amount advised in prose is caught', '长期超量补充维生素C(>1000mg/日)可能引发腹泻。\n\n成人可以每天服用2000mg维生素C。', ['contradiction@3']],
  // A population's usual intake found harmless, and a range said to bring side effects, advise nothing.
  ['a population’s intake found harmless', 'Selenium limits\n\nThe UL for adults is 400 mcg. The average intake in one fishing village is 500-700 mcg daily without causing any apparent harm.', []],
  ['…while the same range advised is caught', 'Selenium limits\n\nThe UL for adults is 400 mcg. Adults should take 500-700 mcg daily for thyroid health.', ['above-upper-limit@3', 'contradiction@3']],
  ['a range said to bring side effects, in Chinese', '烟酸的风险\n\n如果每天服用 1500 至 3000 毫克烟酸，很可能会出现严重副作用。', []],
  ['…while the same range advised is caught', '烟酸的用法\n\n成人每天服用 1500 至 3000 毫克烟酸，有助于调节血脂。', ['above-upper-limit@3']],
  // A food weighed in brackets, or before a count of its pieces, is a portion, not grams of the nutrient.
  ['food portions weighed in brackets', '维生素A的食物来源\n\n- 猪肝(80g熟)≈ 5,000 μg RAE\n- 三文鱼(100g)≈ 70 μg RAE\n- 猪肝每周不超过1次，每次≤20g(约1-2薄片)。', []],
  ['…while grams of the nutrient are still a slip', '维生素A的补充\n\n- 成人每天补充2g维生素A。', ['implausible@3']],
  // "可产生/可造成" names a harm: an amount that brings it is no advice.
  ['a dose said to bring a syndrome', '维生素B6的风险\n\n若每天服用150毫克维生素B6持续数月，可产生神经感觉异常。', []],
  ['…while the same dose advised is caught', '维生素B6的用法\n\n成人每天服用150毫克维生素B6。', ['above-upper-limit@3']],
  // The unit's symbol in brackets between a figure and the salt it weighs: the salt's weight.
  ['a salt’s weight with the unit’s symbol in brackets', '镁与偏头痛\n\n有基金会建议每天服用450毫克(mg)氧化镁以预防偏头痛。', []],
  ['…while the element at that weight is caught', '镁与偏头痛\n\n有基金会建议每天服用450毫克(mg)镁以预防偏头痛。', ['above-upper-limit@3']],
  // An amount whose only name is what it acts on belongs to the article's subject when it fits it.
  ['a zinc threshold that lowers copper absorption, in an article on zinc', '鋅怎麼補\n\n鋅參與免疫與傷口癒合，海鮮是鋅最好的來源，牛肉和豆類也含有鋅。\n\n吃多少才夠\n\n每天攝取超過50毫克時，銅的吸收會明顯下降。', []],
  ['…while grams of copper are still a slip', '銅的補充\n\n成人每天補充50克銅。', ['implausible@3']],
  // A deficiency corrected is treated: a therapeutic range, not advice for everyone.
  ['an iron range for correcting a deficiency', 'Iron dosing\n\nGeneral recommendation: 20-60 mg of elemental iron daily for deficiency correction; 8-18 mg for maintenance.\n\nThe upper limit for adults is 45 mg a day.', []],
  ['…while the same range for energy is caught', 'Iron dosing\n\nGeneral recommendation: 20-60 mg of elemental iron daily for energy; 8-18 mg for maintenance.\n\nThe upper limit for adults is 45 mg a day.', ['above-upper-limit@3', 'contradiction@3']],
  // A drug's therapeutic range is a real figure, not a slip of a digit.
  ['niacin’s range for cholesterol', 'For high cholesterol the niacin dose is 1-6 grams of niacin daily, raised slowly from 100 mg.', ['above-upper-limit@1', 'above-upper-limit@1']],
  ['…while ten grams of niacin a day is a slip', 'Take 10 grams of niacin daily for energy.', ['above-upper-limit@1', 'implausible@1']],
  // A salt the knowledge base does not weigh, named whole after the figure: the figure is the
  // salt's weight, of which the element is an unknown share (a real page's table, our words).
  ['the weight of a zinc salt of unknown share', 'Zinc forms\n\nTo get 30 mg of elemental zinc, take 95 mg of zinc orotate or 170 mg zinc aspartate.', []],
  ['…while the element at that weight is caught', 'Zinc forms\n\nTake 95 mg of zinc daily.', ['above-upper-limit@3']],
  ['…and so is the element a label says the salt holds', 'Zinc forms\n\nTake 95 mg zinc (as zinc orotate) daily.', ['above-upper-limit@3']],
  // A dose per kilogram of body weight gives no amount a day: not a limit to hold advice to,
  // nor advice to hold to a limit (a clinic's dosing page, our words).
  ['a limit by body weight', 'Iron for babies\n\nBabies born early: no more than 3 mg elemental iron/kg/day.\n\nChildren over one year can take 10 mg of iron a day.', []],
  ['…while the same advice above a daily limit is caught', 'Iron for babies\n\nBabies born early: no more than 3 mg of iron a day.\n\nPremature babies can take 10 mg of iron a day.', ['contradiction@5']],
  // Children of two age bands: a neonate's maximum says nothing of a teenager's dose (a
  // paediatric dosing page, our words). The same band is still held to its limit.
  ['a neonate’s maximum and a teenager’s dose', 'Iron\n\nPreterm infants under 2 kg: 2 mg of iron a day from 2 to 6 weeks of age; maximum daily dose: 15 mg of iron.\n\nChildren of 12 years and older and adolescents: 50 mg of iron daily.', ['above-upper-limit@5']],
  ['…and in Chinese', '补铁\n\n早产的新生儿每天最多补充15毫克铁。\n\n青少年每天可以补充50毫克铁。', ['above-upper-limit@5']],
  ['…while a baby’s dose above a baby’s maximum is caught', 'Iron\n\nPreterm infants under 2 kg: maximum daily dose: 15 mg of iron.\n\nNewborn babies: 50 mg of iron daily.', ['above-upper-limit@5', 'contradiction@5']],
  // A label line ending in a colon heads its lines as a heading would: under "…, treatment:",
  // a maximum daily dose is the treatment's own, not a safe limit for everyone.
  ['the maximum of a treatment under its label line', 'Iron\n\nIron deficiency anaemia, treatment:\n\nUsual maximum daily dose: 150 to 200 mg elemental iron a day.', []],
  ['…while the same maximum under a prevention label is a safe limit stated too high', 'Iron\n\nIron deficiency anaemia, prevention:\n\nUsual maximum daily dose: 150 to 200 mg elemental iron a day.', ['above-upper-limit@5']],
  // Advice for children above even the adult limit is above every child's (a forum's shape, our words).
  ['children advised more than the adult limit', 'Magnesium for children\n\nGive children 1,000 mg of magnesium a day for a calmer bedtime.', ['above-upper-limit@3']],
  ['…while an amount under it is left to the editor', 'Magnesium for children\n\nGive children 100 mg of magnesium a day for a calmer bedtime.', []],
  // One large dose every few months is a schedule's, not a daily intake: neither held to the
  // daily limit nor to the plausible range (a public-health handbook's shape, our words).
  ['one capsule every six months', 'Vitamin A for children\n\nChildren aged 12–59 months get one capsule of 200,000 IU of vitamin A every six months at the clinic.', []],
  ['…and in Chinese', '维生素A\n\n6至11个月的婴儿每半年服用一次100000国际单位维生素A。', []],
  ['…while the same capsule every day is caught', 'Vitamin A for children\n\nGive children aged 12–59 months 200,000 IU of vitamin A every day.', ['above-upper-limit@3', 'implausible@3']],
  // The least amount a side effect starts at is no limit to hold advice to (a niacin page's shape, our words).
  ['the least amount a flush starts at', 'Niacin\n\nAs little as 50 mg of niacin can cause a flush in someone new to it.\n\nTake 500 mg of niacin daily with dinner.', ['above-upper-limit@5']],
  ['…while a threshold of harm still bounds advice', 'Niacin\n\nDoses above 50 mg of niacin can cause a flush.\n\nTake 500 mg of niacin daily with dinner.', ['above-upper-limit@5', 'contradiction@5']],
  // Grams of seaweed are the food's weight, not iodine's (a thyroid page's shape, our words).
  ['grams of kelp and nori beside an iodine limit', '碘\n\n成人每日碘摄入不宜超过600微克（约等于100克海带或50克紫菜的含碘量）。', []],
  ['…and in English', 'Iodine\n\nOne 10 g portion of dried kelp or 50 g of nori can hold several days of iodine.', []],
  // A drug's dose named right after it is the drug's, not the nutrient's of the sentence (a trial's methods, our words).
  ['a drug named after its dose', 'Folate and mood\n\nPatients took 20 mg citalopram with 2.5 mg folic acid each day in the trial.', []],
  // The doses trials used, told as such, are their report (a news summary of a meta-analysis, our words).
  ['the range of doses the trials used', 'Magnesium and blood pressure\n\nThe daily dosage of magnesium supplements used ranged from 240 mg to 960 mg. Most trials ran for three months.', []],
  ['…while the same range advised is caught', 'Magnesium and blood pressure\n\nTake a daily dosage of magnesium supplements from 240 mg to 960 mg.', ['above-upper-limit@3']],
  // A dose for clinical treatment, one that corrects a deficiency, is a regimen's (a journal
  // abstract's shape, our words); the same dose as plain advice is held to the limit.
  ['a clinical treatment dose', '叶酸\n\n临床治疗叶酸缺乏时，每日补充合成叶酸5~10毫克，足以纠正缺乏症。', []],
  ['…while the same dose as plain advice is caught', '叶酸\n\n建议成人每日补充合成叶酸5毫克。', ['above-upper-limit@3']],
  // What a dose "can lead to" is a harm only when it is one (a niacin page's shape, our words).
  ['a daily dose that leads to a gain', 'Niacin\n\nSupplementing your diet with 1,000-2,000 mg of niacin per day can lead to a reduction in LDL cholesterol.', ['above-upper-limit@3']],
  ['…while a dose that leads to harm is its threshold', 'Niacin\n\nTaking 1,000-2,000 mg of niacin per day can lead to liver damage.', []],
  // A unit's conversion names the unit's size, not a dose (a real page's shape, our words).
  ['a conversion between units', 'Vitamin A in pregnancy\n\nThe upper limit of vitamin A for pregnant women is 3,000 mcg RAE or 10,000 IU per day (1 IU = 0.3 mcg retinol, or 0.6 mcg beta-carotene).', []],
  // "gm" is an older abbreviation of grams: a daily "3.0gm" of boron is a slip of the unit (a real page's shape, our words).
  ['a unit defined in another, in Chinese', '维生素D\n\n维生素D的单位有两种：1微克维生素D3相当于40国际单位；或1国际单位维生素D3相当于0.025微克胆钙化醇。', []],
  ['…while a dose given in both units is still a dose', '维生素D\n\n成人每天补充10000国际单位维生素D，相当于250微克。', ['above-upper-limit@3', 'above-upper-limit@3']],
  // A worry about harm is no report of it: the dose it worries about is still the page's advice
  // (a forum reply's shape, our words); a reported harm is still a report.
  ['a suggested dose that people worry about', 'Vitamin D\n\nMany readers panic when they see a suggested vitamin D3 dose of 8,000 IU/day and worry about toxicity. There is no need to.', ['above-upper-limit@3']],
  ['…while a harm reported at a dose stays a report', 'Vitamin D\n\nIn case reports of toxicity, adults had taken 50,000 IU of vitamin D a day for months.', []],
  // A capsule's size written before the name of what it holds, a few words on ("two 1000 mg
  // softgel Omega 3 capsules"), is that substance's, not the vitamin's of the sentence.
  ['a fish-oil capsule beside a vitamin D dose', 'Vitamin D\n\nThe picture shows how small 2,000 IU of vitamin D3 is next to three 1000 mg liquid softgel Omega 3 capsules.', []],
  // Blind rounds of real pages (our words): a case report's past intake; a patient's account in
  // corner brackets with no "I"; Pauling's megadose advice, real and above the limit; a
  // fortification rate per 100 g of flour.
  ['a case report of what a patient had been taking', 'Copper and zinc\n\nThe doctor found the patient had been taking 150 mg of zinc a day for ten years.', []],
  ['…while the same amount advised is caught', 'Copper and zinc\n\nTake 150 mg of zinc a day for your immunity.', ['above-upper-limit@3']],
  ["a patient's account in corner brackets", '维生素B6\n\nB小姐表示每天都吃复合维生素，更指「标签上说B6特别高，一天大约80毫克」。', []],
  ["…while a doctor's words in them are advice", '维生素B6\n\n医生表示「成人每天补充150毫克维生素B6」。', ['above-upper-limit@3']],
  ["Pauling's megadose, above the limit and real", 'Vitamin C\n\nPauling recommended 6,000 to 18,000 mg of vitamin C per day.', ['above-upper-limit@3']],
  ['…while a slip of three zeros is still caught', 'Vitamin C\n\nTake 500,000 mg of vitamin C per day.', ['implausible@3']],
  ['folic acid added to each 100 g of flour', 'Folic acid\n\nMillers add 0.2 mg of folic acid to each 100 g flour and 0.3 mg to pasta.', []],
  // What researchers found a dose did, and the doses "other studies" gave, are their reports (news pages' shapes, our words).
  ['what researchers found a daily dose did', 'Magnesium and blood pressure\n\nThe researchers found that taking 400 mg of magnesium daily for three months lowered blood pressure.', []],
  ['the doses other studies gave', 'Magnesium and blood pressure\n\nIn other studies, blood pressure fell when people had magnesium doses from 250 to 600 mg/day.', []],
  // A meta-analysis's median and range of doses, and a reported case of excess, in Chinese (real pages' shapes, our words).
  ['the median and range of the doses a meta-analysis pooled', '镁与血压\n\n共纳入20项随机对照试验。镁剂量中位数400mg(范围100-700mg)，干预期中位数12周。', []],
  ['a case of excess reported', '碘\n\n孕妇每天补碘250μg即可。也有碘过量(>1200μg)引起甲状腺功能减退的报道。', []],
  // A trial's methods, the doses its participants took, and an energy drink's sugar beside its caffeine (real pages' shapes, our words).
  ['children assigned to receive a total dose', 'Vitamin A and measles\n\nThe children were assigned to receive either vitamin A (total dose, 300,000 IU, given orally) or placebo.', []],
  ["what a meta-analysis's participants took, in Chinese", '叶酸\n\n大部分试验者的每日服用叶酸剂量在1至4毫克。', []],
  ["an energy drink's taurine and sugar beside its caffeine", '咖啡因\n\n一罐饮料里，咖啡因约80mg，牛磺酸400mg，糖分高达30g。', []],
  ["a seaweed's iodine per 100 g, in Chinese", '碘\n\n碘主要来自海产品，如海带(干)每100克36毫克碘。', []],
  // A body's daily need told as a fact (a machine translation's words).
  ['a daily need told as a fact', 'Magnesium\n\nThe daily needs of an adult organism in magnesium are 300-420 mg.', []],
  ['…while the same dose advised is caught', 'Magnesium\n\nTake 600 mg of magnesium daily to prevent migraine attacks.', ['above-upper-limit@3']],
  // The dose at which a harm shows, in a machine translation's words.
  ['the dose at which a reaction shows (Chinese)', '维生素B6\n\n维生素B6过量的常见反应是神经损伤。美国膳食补充剂办公室指出，该反应的剂量低于每天500毫克，但用量较高时更常见。', []],
  // A paper's structured abstract run into one paragraph: its arms and findings are the paper's report.
  ['the dose arms of an abstract', 'Folic acid and heart disease\n\nBACKGROUND: B vitamins lower homocysteine. METHODS: We pooled eight trials of folic acid in 37,485 adults. RESULTS: Doses of 0.8 mg/d and 5 mg/d lowered homocysteine by a quarter but did not change the risk of heart attack. CONCLUSIONS: Folic acid did not prevent heart disease.', []],
  ['…while the same dose advised in the article is caught', 'Folic acid and heart disease\n\nTake 5 mg of folic acid a day to protect your heart.', ['above-upper-limit@3']],
  // A case report of a product's error, its figure given in two units that agree.
  ['a manufacturing error in a case report', 'Vitamin D\n\nTesting showed that one supplement had a manufacturing error, with a daily dose of 24,300 μg (970,000 IU) of vitamin D, instead of 1000 IU.', []],
  ['…while a figure whose other unit disagrees is caught', 'Vitamin D\n\nTake 24,300 μg (1,000 IU) of vitamin D a day.', ['implausible@3']],
  // A portion of food named right before its weight, as lists and tables give it.
  ['a portion of kelp before its iodine (Chinese)', '碘\n\n膳食补充：每周1-2次富碘食物(如海带100g=114μg碘)', []],
  ['a portion of chocolate in a row of a table the copy flattened (Chinese)', '镁\n\n每日镁建议量为成人300毫克左右。\n\n| 黑巧克力(>70%, 28克) | 65 |', []],
  ['…and in English', 'Magnesium\n\nAdults need about 300 mg of magnesium a day.\n\n| Dark chocolate (70%, 28 g) | 65 |', []],
  // What the body loses, and the doses a pooled analysis spans.
  ['the iron a blood donation removes', 'Iron\n\nEach blood donation removes about 200 to 250 mg of iron from the body.', []],
  ['…and in Chinese', '鐵\n\n每捐250cc血能排出200-250mg鐵質。', []],
  ['…while the same iron advised is caught', 'Iron\n\nTake 200 mg of iron every day.', ['above-upper-limit@3']],
  ['the doses a pooled analysis spans', 'Magnesium\n\nThe doses of magnesium ranged from 120 to 973 mg per day, with a median of 410 mg per day.', []],
  // Into a vein, in a clinic: neither the upper limit nor the plausible range of what is swallowed applies.
  ['a high dose given by drip', 'Vitamin C\n\nIf done through an IV, 30 g and above counts as a high dose of vitamin C.', []],
  ['…and in Chinese', '维生素C\n\n静脉注射时，每次25克以上才算高剂量维生素C。', []],
  ['…while the same grams swallowed are caught', 'Vitamin C\n\nTake 30 g of vitamin C a day by mouth.', ['above-upper-limit@3', 'implausible@3']],
  // Iodine handed out after a nuclear accident.
  ['potassium iodide after a nuclear accident (Chinese)', '碘\n\n碘片是碘化鉀的通稱。發生核事故時，成人碘片劑量為130毫克，含穩定碘100毫克。', []],
  ['…and in English', 'Iodine\n\nAfter a nuclear accident, adults are given 130 mg of potassium iodide, which holds 100 mg of iodine.', []],
  ['…while the same iodine advised daily is caught', 'Iodine\n\nTake 100 mg of iodine every day for your thyroid.', ['implausible@3']],
  // A lack of evidence, and an excess with its threshold in brackets.
  ['a dose no evidence shows to cure (Chinese)', '维生素C\n\n目前尚无足够证据证明高剂量维生素C（每天>20克）可以治愈癌症。', []],
  ['…and in English', 'Vitamin C\n\nThere is no good evidence that 20 g of vitamin C a day can cure cancer.', []],
  ['an excess with its threshold in brackets (Chinese)', '维生素D\n\n维生素D过量（每日>4000 IU），会促使血钙上升，增加肾钙化的风险。', []],
  // Grams a body gained or lost beside a dose in the same sentence: the figure is the weight's.
  ['a birth weight change after a caffeine dose (Chinese)', '咖啡因\n\n孕期每天多摄入100毫克咖啡因，新生儿的体重就会减少72克。', []],
  ['…and in English', 'Caffeine\n\nFor every extra 100 mg of caffeine a day in pregnancy, birth weight fell by 72 g.', []],
  ['…while the same grams of caffeine advised are caught', '咖啡因\n\n孕妇每天可以摄入72克咖啡因。', ['implausible@3']],
  // A trial's arms name the selenium they gave by its form: the figure is selenium's, not the next nutrient's.
  ['selenium given as selenomethionine, then vitamin E', 'Men were assigned to (i) 150 μg/day l-selenomethionine, (ii) 300 IU/day alpha-tocopheryl acetate (vitamin E), or (iii) placebo.', []],
  ['…and in Chinese', '受试者随机服用每天100微克硒代蛋氨酸或安慰剂，另一组服用维生素E。', []],
  ['…while selenomethionine advised far above the limit is caught', 'Take 900 mcg of selenomethionine a day for thyroid health.', ['above-upper-limit@1']],
  ['grams written "gm"', 'Boron\n\nTake a daily 3.0gm boron supplement for your bones.', ['implausible@3']],
];

describe('dose patterns of real pages', () => {
  it.each(ROWS)('%s', (_name, text, expected) => {
    expect(findings(text)).toEqual(expected);
  });

  it('reads the figure a number format stands for, never a part of it', () => {
    expect(doseAt('维生素D的上限为每天4, 000 IU。', '4, 000 IU').value).toEqual({ low: 4000, high: 4000 });
    expect(doseAt('每日的摄入量为0。6毫克叶酸。', '0。6毫克').value).toEqual({ low: 0.6, high: 0.6 });
    // A full stop that ends a sentence before a new one is not a decimal point.
    expect(doseAt('每天吃一片。6毫克的锌就够了。', '6毫克').value).toEqual({ low: 6, high: 6 });
  });

  it('reads a dose per kilogram of body weight as one, with no amount a day', () => {
    for (const [text, figure] of [
      ['Give 3 mg/kg/day of iron in two doses.', '3 mg'],
      ['Give 2 to 3 mg elemental iron/kg/day.', '2 to 3 mg'],
      ['The dose is 5 mg of zinc per kg of body weight.', '5 mg'],
      ['每公斤体重每天补充3毫克铁。', '3毫克'],
      ['铁的剂量为3毫克/公斤。', '3毫克'],
    ] as const) {
      const dose = doseAt(text, figure);
      expect([dose.perWeight, dose.amount]).toEqual([true, undefined]);
    }
    expect(doseAt('Give 30 mg of iron a day to a child of 15 kg.', '30 mg').perWeight).toBeUndefined();
  });

  it('reads "N times a day" as one dose of several, not as the day', () => {
    expect(doseAt('Take 20 mg of zinc three times a day.', '20 mg').period).toBe('dose');
    expect(doseAt('每次服用元素铁60毫克，每日3次。', '60毫克').period).toBe('dose');
    expect(doseAt('Take 20 mg of zinc a day.', '20 mg').period).toBe('day');
  });

  it('gives the limit\'s cue to the figure it introduces, and a nutrient after a unit\'s symbol to its figure', () => {
    const both = 'The recommended daily vitamin D supplementation is 800-1,000 IU, with a safe upper limit of 4,000 IU per day.';
    expect([doseAt(both, '800-1,000 IU').role, doseAt(both, '4,000 IU').role]).toEqual(['advice', 'limit']);
    expect(doseAt('上限为4000国际单位，成人每天补充600国际单位即可。', '4000国际单位').role).toBe('limit');
    expect(doseAt('Each tablet: 400 IU of vitamin D 250 milligrams (mg) of calcium.', '250 milligrams').substance).toBe('calcium');
    expect(doseAt('Each scoop: 400 IU of vitamin D 20 grams (g) of protein.', '20 grams').substance).toBeUndefined();
  });

  it('reads concentrations as laboratory values, prohibitions as limits, harm as harm', () => {
    expect(doseAt('血清铁低于50 μg/dL即提示缺铁。', '50 μg/dL').role).toBe('laboratory');
    expect(doseAt('Don’t take 60 mg of zinc a day unless your doctor tells you to.', '60 mg').role).toBe('limit');
    expect(doseAt('Zinc at 200 mg a day may impair the absorption of copper.', '200 mg').role).toBe('harm');
    expect(doseAt('Intakes of 150 mg of vitamin B6 a day did not cause adverse effects.', '150 mg').role).toBe('report');
  });

  it('words a stated safe limit above every upper limit as a warning on the limit', () => {
    const doc = docFromText('It is generally considered safe to supplement up to 60 mg of zinc per day.');
    const rule = documentRules.find((r) => r.id === 'dose/above-upper-limit')!;
    const [finding] = rule.check(doc, { config }) as Array<{ message: string; severity?: string }>;
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(/as a safe limit, above every upper limit/);
  });

  it('carries the role across a hard line break only into a line the figure opens', () => {
    const wrapped =
      'Zinc and copper\n\nCopper seems to be sensitive to high zinc doses (11). Low copper and anaemia have been observed after higher\nzinc intakes of\n  300-400 mg/day in adults (12). Other effects';
    expect(doseAt(wrapped, '300-400 mg').role).toBe('report');
    const table = 'Recommended dosage for adults\nZinc gluconate 14 percent 300 mg twice a day';
    expect(doseAt(table, '300 mg').role).not.toBe('report');
  });
});
