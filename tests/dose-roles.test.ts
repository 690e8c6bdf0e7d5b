/**
 * Roles of dose figures, one phrasing per row: advice, study reports, supervised regimens,
 * limits, contents of bodies, foods and products, laboratory values and intakes, in English
 * and Chinese. Each row names the figure (as written) and the role it must get.
 */
import { describe, expect, it } from 'vitest';
import { docFromText } from './helpers.js';
import { ROLE_RULES, extractDoses, loadKnowledgeBase, type Dose } from '../src/dose/index.js';

const kb = loadKnowledgeBase();

type Row = [text: string, figure: string, role: Dose['role']];

const ADVICE: Row[] = [
  ['If the winter wears you out, up to 65 mg/d of iron from a tablet is a fair routine, even without a blood test.', 'up to 65 mg', 'advice'],
  ['Try 800 mg of calcium a day, and ask about a bone scan later.', '800 mg', 'advice'],
  ['We recommend 200 mg of magnesium glycinate an hour before bed.', '200 mg', 'advice'],
  ['Take 1,000 IU of vitamin D with breakfast.', '1,000 IU', 'advice'],
  ['Supplement with 15 mg of zinc on days you feel run down.', '15 mg', 'advice'],
  ['Aim for 250 mg of vitamin C a day.', '250 mg', 'advice'],
  ['Adults should get 600 mg of calcium daily from a supplement.', '600 mg', 'advice'],
  ['You can take 3 mg of melatonin half an hour before sleep.', '3 mg', 'advice'],
  ['Consider 25 mcg of vitamin D in the darker months.', '25 mcg', 'advice'],
  ['For most readers, perhaps 400 mg/d of magnesium from supplements is a sensible start.', '400 mg', 'advice'],
  ['Some people take around 5,000 IU of vitamin D every day.', '5,000 IU', 'advice'],
  ['Vitamin D: 6,000 IU daily for everyone over forty.', '6,000 IU', 'advice'],
  ['A reasonable plan is 50 mg/d of zinc for two weeks.', '50 mg', 'advice'],
  ['You can go up to 4,000 mg of vitamin C when a cold starts.', 'up to 4,000 mg', 'advice'],
  ['Many people take 300 mg of magnesium glycinate at night.', '300 mg', 'advice'],
  ['The usual dose of melatonin is 0.5 to 3 mg.', '0.5 to 3 mg', 'advice'],
  ['The upper limit is 350 mg, but many people take 500 mg of magnesium daily.', '500 mg', 'advice'],
  ['建议成人每天服用300毫克镁。', '300毫克', 'advice'],
  ['很多医生建议成人每天补充5000国际单位维生素D。', '5000国际单位', 'advice'],
  ['每天补充400毫克镁有助于睡眠。', '400毫克', 'advice'],
  ['可以服用5毫克褪黑素帮助入睡。', '5毫克', 'advice'],
  ['推荐每日服用1000国际单位维生素D。', '1000国际单位', 'advice'],
  ['每日约600毫克镁即可。', '600毫克', 'advice'],
  ['For winter, we suggest 1,000 IU of vitamin D each morning.', '1,000 IU', 'advice'],
  ['I take 2,000 IU of vitamin D every morning with breakfast.', '2,000 IU', 'advice'],
  ['A dose of 200 mg of magnesium is usually recommended for cramps.', '200 mg', 'advice'],
  ['"Most of my patients should take 500 mg of magnesium at night," says Dr Hale.', '500 mg', 'advice'],
  ['A sensible starting point is 1 mg of melatonin an hour before bed.', '1 mg', 'advice'],
];

const REPORTS: Row[] = [
  ['In the trial, participants received a single injection of 300,000 IU of vitamin D.', '300,000 IU', 'report'],
  ['Volunteers were randomised to 400 mg of magnesium or a dummy pill.', '400 mg', 'report'],
  ['Researchers gave 120 older adults 1,000 mg of calcium for a year.', '1,000 mg', 'report'],
  ['The study used 50 mg of zinc per day for six weeks.', '50 mg', 'report'],
  ['Participants took 10 mg of melatonin before bed for a month.', '10 mg', 'report'],
  ['Half the group was given 2 g of vitamin C, the rest a placebo.', '2 g', 'report'],
  ['Toxicity has been reported in people taking 40,000 IU of vitamin D a day.', '40,000 IU', 'report'],
  ['研究中,受试者每天服用500毫克镁。', '500毫克', 'report'],
  ['在一项试验中,参与者接受了每天1000毫克钙。', '1000毫克', 'report'],
  ['研究人员给予老年人300毫克镁或安慰剂。', '300毫克', 'report'],
  ['有研究发现，每天服用3000毫克维生素C并不能预防感冒。', '3000毫克', 'report'],
  ['很多人每天吃5000国际单位的维生素D，其实超过了上限。', '5000国际单位', 'report'],
  ['Plenty of people take 5,000 IU of vitamin D a day, which is above the upper limit.', '5,000 IU', 'report'],
  ['Adults need 8 to 11 mg of zinc a day, and the upper limit is 40 mg.', '8 to 11 mg', 'intake'],
  ['In a 2019 meta-analysis, 1,000 to 2,000 IU of vitamin D daily lowered the risk of falls.', '1,000 to 2,000 IU', 'report'],
  ['Melatonin doses as high as 10 mg have been used in sleep trials.', '10 mg', 'report'],
  ['Linus Pauling famously took 18 g of vitamin C a day.', '18 g', 'report'],
  // A study's finding about a safe amount is what it found, not what the article advises.
  ['A later survey actually found the highest harmless intake of copper to be roughly 12 mg per day, but the panel chose 10 mg.', '12 mg', 'report'],
  ['None of the trials that examined the nerves closely reported evidence of tingling or numbness at intakes below 150 mg of vitamin B6 a day (4).', '150 mg', 'report'],
  ['The 2015 review clearly showed that about 300 mg of magnesium a day improved sleep in older volunteers.', '300 mg', 'report'],
  // Someone's own words about what they took, quoted with the speaker named: an anecdote the
  // article reports (a real page's shape, our words). Quoted advice, and the author's own first
  // person outside quotation marks, stay advice (see ADVICE).
  ['"I\'ve been taking 600 mg of magnesium before bed," my neighbour told me, though she still woke at four.', '600 mg', 'report'],
  ['Her father said: "I took 20,000 IU of vitamin D every day that winter."', '20,000 IU', 'report'],
  ['"My dose was 250 mg of zinc a day for a month," the runner recalled.', '250 mg', 'report'],
  // A dose told in a study's words: "administration of" is how reports of trials speak (a real page's shape, our words).
  ['In an early trial, oral administration of 12 g/day of choline lowered blood pressure a little.', '12 g', 'report'],
  ['“我每天吃500毫克镁，”她告诉我，可还是睡不好。', '500毫克', 'report'],
];

const REGIMENS: Row[] = [
  ['A loading dose of 50,000 IU of vitamin D weekly for eight weeks is given under medical supervision.', '50,000 IU', 'regimen'],
  ['Doctors may prescribe 100 mg of iron a day to treat deficiency.', '100 mg', 'regimen'],
  ['Only take 10,000 IU of vitamin D a day under a doctor’s supervision.', '10,000 IU', 'regimen'],
  ['For deficiency anaemia, iron is prescribed at 120 mg daily.', '120 mg', 'regimen'],
  ['Iron: 30-60 mg a day for deficiency correction.', '30-60 mg', 'regimen'],
  ['Take 50 mg of iron daily to correct your deficiency.', '50 mg', 'regimen'],
  ['在医生指导下,每天可服用10000国际单位维生素D。', '10000国际单位', 'regimen'],
  ['缺铁性贫血患者遵医嘱每天服用100毫克铁。', '100毫克', 'regimen'],
  ['If tests show you are deficient, your doctor may recommend 50,000 IU of vitamin D once a week.', '50,000 IU', 'regimen'],
  ['医生建议我每天服用5000国际单位维生素D，连续三个月。', '5000国际单位', 'regimen'],
  ['治疗期间，医生一般会开每天100毫克左右的元素铁。', '100毫克', 'regimen'],
  ['缺铁性贫血的治疗通常需要每天口服元素铁100至200毫克，应在医生指导下进行。', '100至200毫克', 'regimen'],
  ['If you have had a pregnancy affected by spina bifida, your GP can prescribe 5 mg of folic acid a day.', '5 mg', 'regimen'],
  ['With diabetes, you’ll be advised to take 5 mg of folic acid each day until week twelve.', '5 mg', 'regimen'],
  ['A higher strength of 5 mg of folic acid is only available on prescription.', '5 mg', 'regimen'],
  ['Your midwife may recommend 10 mcg of vitamin D a day.', '10 mcg', 'regimen'],
  ['Ask your GP about the 5 mg dose of folic acid if you are in a higher-risk group.', '5 mg', 'regimen'],
  ['Talk to your doctor about whether 4,000 IU of vitamin D a day is right for you.', '4,000 IU', 'regimen'],
  ['Take 10 mcg of vitamin D daily, and ask your doctor about anything more.', '10 mcg', 'advice'],
  ['高危孕妇医生可能会建议每天服用5毫克叶酸。', '5毫克', 'regimen'],
  ['对高危孕妇，医生会开具每天5毫克的叶酸。', '5毫克', 'regimen'],
  ['Treatment of iron deficiency anaemia usually takes 100 to 200 mg of elemental iron a day.', '100 to 200 mg', 'regimen'],
  ['Take 5,000 IU of vitamin D a day for two months, but only under medical supervision.', '5,000 IU', 'regimen'],
];

const LIMITS: Row[] = [
  ['The upper limit for supplemental magnesium is 350 mg per day.', '350 mg', 'limit'],
  ['Adults should not exceed 4,000 IU of vitamin D a day.', '4,000 IU', 'limit'],
  ['The UL for zinc is 40 mg daily.', '40 mg', 'limit'],
  ['Take no more than 2,000 mg of vitamin C daily.', 'no more than 2,000 mg', 'limit'],
  ['Keep calcium below 2,500 mg a day from all sources.', '2,500 mg', 'limit'],
  ['镁补充剂每天不超过350毫克。', '不超过350毫克', 'limit'],
  ['维生素D的可耐受最高摄入量为每天100微克。', '100微克', 'limit'],
  ['锌的摄入上限为每天40毫克。', '40毫克', 'limit'],
  ['每天最高2000毫克维生素C。', '2000毫克', 'limit'],
  ['Calcium intakes above 2,000 mg a day may interfere with iron absorption.', '2,000 mg', 'harm'],
  ['Taking 600 mg of magnesium at once can cause diarrhoea.', '600 mg', 'harm'],
  // A harm an adverb qualifies, and a marker of harm the dose moves the wrong way.
  ['A daily dose of niacin from 2,000 mg can markedly raise blood homocysteine.', '2,000 mg', 'harm'],
  ['Zinc at 80 mg per day can lower copper levels within months.', '80 mg', 'harm'],
  ['Iron at 60 mg a day can quickly irritate the stomach lining.', '60 mg', 'harm'],
  ['Taking more than 45 mg of iron a day can upset your stomach.', 'more than 45 mg', 'harm'],
  ['Most adults do not need more than 5 mg of melatonin.', 'more than 5 mg', 'limit'],
  ['钙摄入超过每日2000毫克可能干扰铁、锌等矿物质的吸收。', '2000毫克', 'harm'],
  ['維生素C每天超過1500毫克可能引發腹瀉。', '超過1500毫克', 'harm'],
  ['Single doses greater than 20 grams of potassium chloride may be fatal even with healthy kidneys.', '20 grams', 'harm'],
  ['Doses higher than 10,000 IU of vitamin D taken for months can lead to high blood calcium.', '10,000 IU', 'harm'],
  ['一次服用5克以上的钾可能导致高钾血症。', '5克', 'harm'],
  ['一次不要超过500毫克钙，分次服用吸收更好。', '超过500毫克', 'limit'],
  // A question whether an amount is too much asks about its harm (a real page's heading, our words).
  ['The risks of excess: is 50 mg of copper too much?', '50 mg', 'harm'],
  ['Is 5,000 IU of vitamin D a day safe?', '5,000 IU', 'harm'],
  ['每天吃50毫克的锌会中毒吗？', '50毫克', 'harm'],
];

const CONTENTS: Row[] = [
  // A change of a need or a store is what a body needs or holds, not an amount anyone takes.
  ['The body’s need for iron is increased by approximately 700-800 mg during pregnancy.', '700-800 mg', 'content'],
  ['孕期对铁的需要量增加约800毫克。', '800毫克', 'content'],
  ['The first version of the eye formula provided 400 IU of vitamin E and 60 mg of zinc a day.', '60 mg', 'content'],
  ['Each sachet delivered 250 mg of magnesium citrate.', '250 mg', 'content'],
  ['Its daily blend held 120 mg of vitamin C.', '120 mg', 'content'],
  ['An adult body holds about 25 g of magnesium, most of it in bone.', '25 g', 'content'],
  ['Oysters provide 32 mg of zinc per serving.', '32 mg', 'content'],
  ['One capsule contains 25 mcg of vitamin D.', '25 mcg', 'content'],
  ['A cup of cooked spinach supplies 157 mg of magnesium.', '157 mg', 'content'],
  ['Pumpkin seeds are rich in magnesium: 150 mg per ounce.', '150 mg', 'content'],
  ['Each tablet of this brand has 500 mg of vitamin C.', '500 mg', 'content'],
  // A part of a product taken: the figure is the whole product's strength (a real page's shape, our words).
  ['For a toddler, crush about ¼ of a 325 mg ferrous sulfate tablet into food.', '325 mg', 'content'],
  ['Children over six may take half a 500 mg tablet of vitamin C.', '500 mg', 'content'],
  ['人体内约含25克镁。', '25克', 'content'],
  ['每片含1000国际单位维生素D。', '1000国际单位', 'content'],
  ['南瓜子富含镁,每份约150毫克。', '150毫克', 'content'],
  // A food's composition per 100 g, and a food's weight with its count between (a real page's shapes, our words).
  ['Brazil nuts are rich in selenium, at about 1,900 mcg per 100 g of nuts.', '1,900 mcg', 'content'],
  ['Keep under 400 mcg of selenium a day, which is about 20 g (roughly a dozen nuts) of Brazil nuts.', '20 g', 'content'],
  // Foods of two words (their white space was once lost from the list's pattern).
  ['For vitamin D, 40 g of egg yolks a day adds a little.', '40 g', 'content'],
  ['Vitamin A is plentiful: 100 g of sweet potato covers the day.', '100 g', 'content'],
  // What a body stores over time, though the rate is per day (a real page's pattern, our words).
  ['胎儿的肝脏每天贮存约5毫克铁，到出生时共储存250-300毫克。', '250-300毫克', 'content'],
  // The strengths products are sold in, beside advice on which to take (a real page's pattern, our words).
  ['Folic acid tablets come in two strengths, 400 mcg and 5 mg, and women planning a pregnancy should take the smaller one every day.', '5 mg', 'content'],
  ['Zinc lozenges are available in several strengths: 5 mg, 10 mg and 23 mg.', '23 mg', 'content'],
  ['药店里的叶酸片常见0.4mg/片和5mg/片两种规格，普通备孕女性应选0.4mg/片的小剂量片，每天吃一片就够了。', '5mg', 'content'],
  ['维生素D主要靠晒太阳，100克三文鱼只含约500IU。', '100克', 'content'],
  ['每100克南瓜子含镁约550毫克。', '550毫克', 'content'],
  ['每100克牡蛎已有约40毫克锌。', '40毫克', 'content'],
  ['一杯250毫升的牛奶大约含有250毫克钙。', '250毫克', 'content'],
  ['母乳中的维生素D很少，每升只有约25到78国际单位。', '25到78国际单位', 'content'],
  ['A 100 g serving of salmon gives about 600 IU of vitamin D.', '100 g', 'content'],
];

const LABORATORY: Row[] = [
  ['Ferritin below 15 µg/L points to empty iron stores.', '15 µg/L', 'laboratory'],
  ['Serum magnesium under 1.8 mg/dL is low.', 'under 1.8 mg/dL', 'laboratory'],
  ['A zinc level of 70 μg/dL in plasma is normal.', '70 μg/dL', 'laboratory'],
  ['Vitamin C in blood above 0.6 mg per dL is adequate.', '0.6 mg per dL', 'laboratory'],
  ['铁蛋白低于15微克/升提示铁储备耗竭。', '15微克/升', 'laboratory'],
  ['血清镁低于0.75毫克/分升属于偏低。', '0.75毫克/分升', 'laboratory'],
];

const INTAKES: Row[] = [
  ['Adults need 310 to 420 mg of magnesium a day from all sources.', '310 to 420 mg', 'intake'],
  ['The RDA for zinc is 11 mg for men.', '11 mg', 'intake'],
  ['Average dietary intake of magnesium in the US is about 300 mg a day.', '300 mg', 'intake'],
  ['Most people get 10 mg of zinc a day from food.', '10 mg', 'intake'],
  ['Adults should get 1,000 mg of calcium daily.', '1,000 mg', 'intake'],
  ['Adults should aim for 310 to 420 mg of magnesium per day.', '310 to 420 mg', 'intake'],
  ['女性每天需要18毫克铁。', '18毫克', 'intake'],
  ['The recommended daily allowance of vitamin C is 90 mg for men.', '90 mg', 'intake'],
  ['成人镁的推荐摄入量为每天330毫克。', '330毫克', 'intake'],
  ['中国居民膳食摄入钙平均每天约400毫克。', '400毫克', 'intake'],
  ['调查显示，城市居民平均每天只摄入约350毫克钙。', '350毫克', 'intake'],
  ['On average, adults in the survey got 280 mg of magnesium a day.', '280 mg', 'intake'],
  ['从食物中每天可获得约12毫克锌。', '12毫克', 'intake'],
];

const AMOUNTS: Row[] = [
  ['Magnesium glycinate comes in 120 mg and 200 mg sizes.', '120 mg', 'amount'],
  ['每天摄入超过200毫克时，吸收率会降到一半。', '超过200毫克', 'amount'],
  ['这样的一日三餐已能摄取多于12毫克的锌。', '12毫克', 'amount'],
  // A figure the article talks about is no advice: "what 5,000 IU means", "whether 50 mg is too much".
  ['This guide explains what 5,000 IU of vitamin D a day means and who might use it.', '5,000 IU', 'amount'],
  ['Readers often ask whether 50 mg of zinc daily is too much.', '50 mg', 'amount'],

  ['孕妇每天需要增加补充200毫克钙。', '200毫克', 'advice'],
  ['That is 25% of the reference value for magnesium.', '25%', 'amount'],
];

const ROWS = [...ADVICE, ...REPORTS, ...REGIMENS, ...LIMITS, ...CONTENTS, ...LABORATORY, ...INTAKES, ...AMOUNTS];

function doseAt(text: string, figure: string): Dose {
  const doses = extractDoses(docFromText(text), kb);
  const dose = doses.find((d) => d.text === figure);
  if (!dose) throw new Error(`no figure "${figure}" in ${JSON.stringify(text)} (found ${doses.map((d) => d.text).join(', ')})`);
  return dose;
}

describe('dose roles', () => {
  it('cover every role with at least 60 phrasings, a third of them Chinese', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
    expect(ROWS.filter(([text]) => /\p{Script=Han}/u.test(text)).length).toBeGreaterThanOrEqual(20);
    expect(new Set(ROWS.map(([, , role]) => role))).toEqual(new Set(Object.keys(ROLE_RULES)));
  });

  it.each(ROWS)('%s → %s is %s', (text, figure, role) => {
    expect(doseAt(text, figure).role).toBe(role);
  });

  it('never treats a concentration as a dose, whatever the words around it', () => {
    const text = 'We recommend keeping ferritin above 30 µg/L with 30 mg of iron a day.';
    expect(doseAt(text, '30 µg/L').role).toBe('laboratory');
    expect(doseAt(text, '30 mg').role).toBe('advice');
  });

  it('reads where an intake comes from', () => {
    expect(doseAt('Adults need 310 to 420 mg of magnesium a day from all sources.', '310 to 420 mg').intake).toBe('all');
    expect(doseAt('Perhaps 400 mg/d of magnesium from supplements.', '400 mg').intake).toBe('supplement');
    expect(doseAt('Get 400 mg of magnesium a day from food.', '400 mg').intake).toBe('diet');
    expect(doseAt('每天从所有来源摄入400毫克镁。', '400毫克').intake).toBe('all');
  });
});
