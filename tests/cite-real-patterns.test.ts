/**
 * Citation patterns seen on real, well-referenced health articles, table-driven in .txt,
 * .md and .html: citations flattened into plain digits, numbers in brackets that are not
 * citations, claims that name their source, and reference URLs written as links. Valid and
 * invalid cases side by side; each expectation names the rule, the passage (its line is
 * looked up in the text) and the severity.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { citeRules } from '../src/rules/cite/index.js';
import type { DocumentRule, Format } from '../src/types.js';
import { docFromText, lineOf } from './helpers.js';

const ctx = { config: resolveConfig() };
const documentRules = citeRules.filter((r): r is DocumentRule => r.scope === 'document');

/** [rule id, a passage of the line it is on, severity]. */
type Expect = [string, string, 'error' | 'warning' | 'info'];

interface Case {
  name: string;
  format: Format;
  text: string;
  expected: Expect[];
}

/** A numbered reference list of `n` entries in the draft's format. */
function refs(n: number, format: Format): string {
  const urls = Array.from({ length: n }, (_, k) => `https://example.org/ref-${k + 1}`);
  if (format === 'md') return `\n\n## References\n\n${urls.map((u, k) => `${k + 1}. ${u}`).join('\n')}\n`;
  if (format === 'html') return `<h2>References</h2><ol>${urls.map((u) => `<li>${u}</li>`).join('')}</ol>`;
  return `\n\nReferences:\n\n${urls.join('\n')}\n`;
}

const txt = (body: string, n = 0): Case['text'] => `Magnesium and sleep\n\n${body}${n > 0 ? refs(n, 'txt') : '\n'}`;
const md = (body: string, n = 0): Case['text'] => `# Magnesium and sleep\n\n${body}${n > 0 ? refs(n, 'md') : '\n'}`;
const html = (body: string, n = 0): Case['text'] => `<h1>Magnesium and sleep</h1>${body}${n > 0 ? refs(n, 'html') : ''}`;

function findings(text: string, format: Format, ids: string[]): Array<[string, number, string]> {
  const doc = docFromText(text, format);
  return documentRules
    .filter((r) => ids.includes(r.id))
    .flatMap((r) => r.check(doc, ctx).map((f): [string, number, string] => [r.id, f.span.start.line, f.severity ?? r.meta.defaultSeverity]))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
}

function check(c: Case, ids: string[]): void {
  const expected = c.expected
    .map(([id, needle, severity]): [string, number, string] => [id, lineOf(c.text, needle), severity])
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  expect(findings(c.text, c.format, ids)).toEqual(expected);
}

const CLAIM = 'cite/uncited-claim';
const RANGE = 'cite/out-of-range';
const NOLIST = 'cite/no-reference-list';
const URL = 'cite/malformed-url';

describe('Markdown footnotes as citations', () => {
  const notes = '\n\n[^1]: Smith J. Magnesium and cramps in pregnancy. Nutrients. 2019.\n[^2]: Lee K. Magnesium for older adults. 2020.\n';
  it.each<Case>([
    { name: 'claims cited by footnotes, the notes below', format: 'md', text: md('Studies show magnesium eases night cramps in pregnancy.[^1] Trials found it did little for older adults.[^2]') + notes, expected: [] },
    { name: 'a named footnote', format: 'md', text: md('Studies show magnesium eases night cramps.[^smith-2019]') + '\n\n[^smith-2019]: Smith J. Magnesium and cramps. 2019.\n', expected: [] },
    { name: 'a footnote with no note', format: 'md', text: md('Studies show magnesium eases night cramps.[^1]'), expected: [[NOLIST, '[^1]', 'error']] },
    { name: 'a footnote whose number has no note', format: 'md', text: md('Studies show magnesium eases night cramps.[^1] Trials found it did little for older adults.[^3]') + notes, expected: [[RANGE, '[^3]', 'error']] },
    { name: 'footnotes copied into plain text, their notes written out', format: 'txt', text: txt('Studies show magnesium eases night cramps in pregnancy.[^1] Trials found it did little for older adults.[^2]') + notes, expected: [] },
    { name: '…while a claim with no footnote is still caught', format: 'md', text: md('Studies show magnesium eases night cramps in pregnancy.') + notes, expected: [[CLAIM, 'Studies show', 'warning']] },
  ])('$name ($format)', (c) => check(c, [CLAIM, RANGE, NOLIST]));
});

describe('citations flattened into plain digits after the full stop', () => {
  it.each<Case>([
    // A numbered list gives the digits a meaning: they cite, and are checked against it.
    { name: 'one number', format: 'txt', text: txt('Studies show magnesium supports nerve function.4 It is cheap.', 5), expected: [] },
    { name: 'a comma list with a space', format: 'txt', text: txt('Research shows it helps people feel calm.5, 6 Many take it at night.', 6), expected: [] },
    { name: 'a comma list', format: 'txt', text: txt('Trials found that people fell asleep more quickly.1,2', 3), expected: [] },
    { name: 'a range', format: 'txt', text: txt('Studies show magnesium raises melatonin levels.12–14', 14), expected: [] },
    { name: 'a number past the list', format: 'txt', text: txt('Studies show magnesium supports nerve function.9', 5), expected: [[RANGE, 'function.9', 'error']] },
    { name: 'a range past the list', format: 'txt', text: txt('Studies show magnesium raises melatonin levels.12–14', 10), expected: [[RANGE, 'levels.12', 'error']] },
    { name: 'after a closing parenthesis', format: 'txt', text: txt('Researchers found a small effect (p < 0.05).3', 3), expected: [] },
    { name: 'after a per-cent sign', format: 'txt', text: txt('Studies show sleep improved by 20%.4', 4), expected: [] },
    { name: 'after vitamin B12', format: 'txt', text: txt('Studies show many older adults lack vitamin B12.3', 3), expected: [] },
    { name: 'after COVID-19', format: 'txt', text: txt('Studies show deficiency was common in people with COVID-19.2', 2), expected: [] },
    { name: 'after omega-3', format: 'txt', text: txt('Research suggests sleep improves with omega-3.4', 4), expected: [] },
    { name: 'type 2 diabetes is not a citation', format: 'txt', text: txt('Studies show magnesium helps in type 2 diabetes.3', 3), expected: [] },
    { name: 'in Markdown', format: 'md', text: md('Studies show it shortens the time to fall asleep.3', 3), expected: [] },
    { name: 'in HTML', format: 'html', text: html('<p>Studies show it shortens the time to fall asleep.2</p>', 2), expected: [] },
    { name: 'in HTML, past the list', format: 'html', text: html('<p>Studies show it shortens the time to fall asleep.7</p>', 2), expected: [[RANGE, 'asleep.7', 'error']] },
    // Decimals, versions, names with numbers and figures are never markers.
    { name: 'a decimal dose', format: 'txt', text: txt('Studies show adults need 2.4 mcg of vitamin B12 a day.', 3), expected: [[CLAIM, 'adults need', 'warning']] },
    { name: 'another decimal', format: 'txt', text: txt('Trials found that 1.5 mg of melatonin works as well as 5 mg.', 3), expected: [[CLAIM, 'Trials found', 'warning']] },
    { name: 'a version number', format: 'txt', text: txt('A 2021 study found that version 2.1 of the sleep app helped.', 3), expected: [[CLAIM, 'version 2.1', 'warning']] },
    { name: 'a version tag', format: 'md', text: md('Researchers found the v2.1 questionnaire reliable.', 3), expected: [[CLAIM, 'v2.1', 'warning']] },
    { name: 'a figure number', format: 'txt', text: txt('Studies show vitamin D3 helps, as Figure 2 shows.', 3), expected: [[CLAIM, 'Figure 2', 'warning']] },
    { name: 'a page abbreviation', format: 'txt', text: txt('As the report says on p.12 research shows a benefit.', 20), expected: [[CLAIM, 'p.12', 'warning']] },
    { name: 'a price', format: 'txt', text: txt('A survey found most people pay $12.99 a bottle.', 20), expected: [[CLAIM, '$12.99', 'warning']] },
    { name: 'a unit after the digits', format: 'txt', text: txt('Researchers found it works best at night.5 mg is the usual dose.', 5), expected: [[CLAIM, 'night.5', 'warning']] },
    // Without a list, flattened digits are evidence of nothing.
    { name: 'no list: not a citation, not a missing list', format: 'txt', text: txt('Studies show magnesium supports nerve function.4'), expected: [[CLAIM, 'nerve function', 'warning']] },
    // Digits that number the sentences in order cite, and with no list the list is missing.
    { name: 'no list, but the digits number the sentences 1, 2, 3, 4', format: 'txt', text: txt('Zinc supports immunity.1 Most adults get enough from food.2\n\nOysters are the richest source.3 Studies show it may support blood pressure levels, too.4'), expected: [[NOLIST, 'immunity.1', 'error']] },
    { name: 'each marker followed by its source written out', format: 'txt', text: txt('每天补钙可以降低骨折风险。[1] 信息来源 Maria Lopez, et al. Calcium intake and hip fracture in older women. Osteo Res. 2021. 查看详情 →\n\n多晒太阳有助于合成维生素D。[2] 来源：Chen L, Wu Y. Sunlight and vitamin D status. J Nutr Sci. 2018;7:e12.'), expected: [] },
    { name: 'markers followed by a labelled source: authors with an initial or four names, or a fact sheet', format: 'txt', text: txt('锌可以缩短感冒病程。[1] 信息来源 R Perera, et al. Zinc lozenges and colds. Fam Pract Rev. 2014.\n\n锌参与血糖调节。[2] 信息来源 Ana Maria Silva Costa, et al. Zinc and insulin. Endo J. 2016.\n\n成年人每天需要约十毫克锌。[3] 信息来源 Zinc: Fact Sheet for Consumers 查看详情 →'), expected: [] },
    { name: '…while a marker with no source beside it still wants the list', format: 'txt', text: txt('每天补钙可以降低骨折风险。[1] 信息来源 Maria Lopez, et al. Calcium intake and hip fracture in older women. Osteo Res. 2021.\n\n多晒太阳有助于合成维生素D[2]。'), expected: [[NOLIST, '[1]', 'error']] },
    { name: 'no list, an excerpt whose digits run 9, 10', format: 'txt', text: txt('The upper limit covers only magnesium from supplements and medicines.9\nStudies show very large doses from laxatives can cause toxicity.10'), expected: [[NOLIST, 'medicines.9', 'error']] },
    { name: 'no list, digits 4, 5, 6 over two paragraphs', format: 'txt', text: txt('Vitamin B6 is usually safe up to 100 mg a day.4 Nerve damage can occur above it.5\n\nIn a two-year trial, high doses sped up the loss of kidney function.6 So patients should ask a doctor.'), expected: [[NOLIST, 'a day.4', 'error']] },
    { name: 'no list, digits 3, 5, 6, 7, 8: one skipped over five', format: 'txt', text: txt('Magnesium relaxes muscle.3 Most adults eat too little.5 Nuts hold the most.6\n\nA trial found 300 mg eased leg cramps in pregnancy.7 Reviews found less in older adults.8'), expected: [[NOLIST, 'muscle.3', 'error']] },
    { name: 'no list, digits 3, 5, 6: a skip over three is not enough', format: 'txt', text: txt('Magnesium relaxes muscle.3 Most adults eat too little.5 A trial found it eased leg cramps.6'), expected: [[CLAIM, 'trial found', 'warning']] },
    { name: 'no list, digits out of order', format: 'md', text: md('Zinc supports immunity.4 Most adults get enough.2 Studies show it may support blood pressure.7'), expected: [[CLAIM, 'Zinc supports', 'warning']] },
    { name: 'no list, Markdown', format: 'md', text: md('Research shows it helps people feel calm.5, 6'), expected: [[CLAIM, 'feel calm', 'warning']] },
    { name: 'no list, one lone number is not enough', format: 'txt', text: txt('Most adults need about 8 mg a day.3 Studies show oysters are the richest source.'), expected: [[CLAIM, 'oysters', 'warning']] },
  ])('$name ($format)', (c) => check(c, [CLAIM, RANGE, NOLIST]));
});

describe('citation numbers standing alone between two sentences', () => {
  it.each<Case>([
    { name: 'numbers 1, 2 in order', format: 'txt', text: txt('Healthy adults have serum zinc of 70 to 110 mcg/dL. 1 However, studies show intakes up to 40 mg are likely safe. 2 So most people should not take more.'), expected: [[NOLIST, 'mcg/dL. 1', 'error']] },
    { name: 'numbers 1, 2 in order, with a list', format: 'txt', text: txt('Healthy adults have serum zinc of 70 to 110 mcg/dL. 1 However, studies show intakes up to 40 mg are likely safe. 2 So most people should not take more.', 2), expected: [] },
    { name: 'a lone number', format: 'txt', text: txt('Most adults need about 8 mg a day. 3 Studies show oysters are the richest source.'), expected: [[CLAIM, 'oysters', 'warning']] },
    { name: 'numbers out of order', format: 'txt', text: txt('Most adults need about 8 mg a day. 4 Studies show oysters are the richest source. 2 Beans hold less.'), expected: [[CLAIM, 'oysters', 'warning']] },
    { name: 'a count of tablets', format: 'txt', text: txt('Take it with food. 2 Tablets a day are enough. 3 Tablets are too many, as studies show.'), expected: [[CLAIM, 'studies show', 'warning']] },
  ])('$name ($format)', (c) => check(c, [CLAIM, RANGE, NOLIST]));
});

describe('sentences that mention research but report no finding', () => {
  it.each<Case>([
    { name: 'a rule for trials', format: 'txt', text: txt('Clinical trials that test doses above the upper limit should not be discouraged if participants give informed consent and are monitored.'), expected: [] },
    { name: 'trials as the setting of a policy', format: 'txt', text: txt('Intakes above the limit may be appropriate within well-controlled clinical trials.'), expected: [] },
    { name: 'a trial that found something', format: 'txt', text: txt('A clinical trial of 400 mg of magnesium improved sleep in older adults.'), expected: [[CLAIM, 'clinical trial', 'warning']] },
    { name: 'the data of the case at hand', format: 'txt', text: txt('When the data reveal that only supplements carry a risk, only supplement intakes need to be analysed.'), expected: [] },
    { name: 'survey data reporting a finding', format: 'txt', text: txt('Survey data show that most adults take too little magnesium.'), expected: [[CLAIM, 'Survey data', 'warning']] },
    { name: "a widget's preview cut off", format: 'txt', text: txt('Can melatonin ease jet lag?\nIn one trial, 5 mg of melatonin taken at the new bedtime for 4 da...\nMore Answers'), expected: [] },
    { name: 'the same claim in full', format: 'txt', text: txt('In one trial, 5 mg of melatonin taken at the new bedtime for four days eased jet lag.'), expected: [[CLAIM, 'In one trial', 'warning']] },
    // A condition on research, not a finding (a real page's pattern, our words).
    { name: 'research as a condition', format: 'txt', text: txt('Do not expect a probiotic to help unless research has shown that its own strain works for your complaint.'), expected: [] },
    { name: 'research as a question', format: 'txt', text: txt('Nobody can say yet whether studies show the same benefit in children.'), expected: [] },
  ])('$name ($format)', (c) => check(c, [CLAIM, RANGE, NOLIST]));
});

describe('numbers in brackets that are not citations', () => {
  it.each<Case>([
    { name: 'an enumeration in prose', format: 'txt', text: txt('Three tips: (1) take it with food, (2) split the dose, and (3) drink water.'), expected: [] },
    { name: 'items numbered after their words', format: 'txt', text: txt('Pick a form by taste (1), price (2) or dose (3).'), expected: [] },
    { name: 'an enumeration of two', format: 'md', text: md('You can take it with food (1) or at bedtime (2).'), expected: [] },
    { name: 'a count after its number word', format: 'txt', text: txt('We tested two (2) brands of magnesium glycinate.'), expected: [] },
    { name: 'a padded count after its number word', format: 'txt', text: txt('We tested three ( 3 ) brands.'), expected: [] },
    { name: 'a lone count closing a sentence', format: 'txt', text: txt('Many older adults take regular prescriptions (9).'), expected: [] },
    { name: 'a year', format: 'txt', text: txt('The survey was repeated (2019).'), expected: [] },
    { name: 'an age band', format: 'html', text: html('<p>Adults over sixty-five (65+) absorb less.</p>'), expected: [] },
    { name: 'a page number', format: 'txt', text: txt('See the label (page 2).'), expected: [] },
    { name: 'enumeration with a closing bracket only', format: 'txt', text: txt('Tips: 1) take it with food 2) split the dose.'), expected: [] },
    { name: 'list items that open with a number', format: 'md', text: md('- (1) Take it with food.\n- (2) Split the dose.\n- (3) Drink water.'), expected: [] },
    { name: 'HTML list items that open with a number', format: 'html', text: html('<ul><li>(1) Take it with food.</li><li>(2) Split the dose.</li></ul>'), expected: [] },
    // What does speak for citations.
    { name: 'a bracketed number', format: 'md', text: md('Magnesium is found in many foods [1].'), expected: [[NOLIST, 'many foods', 'error']] },
    { name: 'a comma list in parentheses', format: 'txt', text: txt('Magnesium is found in many foods (1, 2).'), expected: [[NOLIST, 'many foods', 'error']] },
    { name: 'a range in brackets', format: 'txt', text: txt('Magnesium is found in many foods [3–5].'), expected: [[NOLIST, 'many foods', 'error']] },
    { name: 'padded markers', format: 'txt', text: txt('Magnesium is found in many foods ( 1 ).'), expected: [[NOLIST, 'many foods', 'error']] },
    { name: 'several lone numbers at sentence ends', format: 'txt', text: txt('Magnesium calms nerves (1). It aids sleep (2).\n\nIt lowers stress (4).'), expected: [[NOLIST, 'calms nerves', 'error']] },
    { name: 'a superscript', format: 'txt', text: txt('Magnesium helps you sleep¹.'), expected: [[NOLIST, 'helps you sleep', 'error']] },
    { name: 'an HTML superscript', format: 'html', text: html('<p>Magnesium helps you sleep<sup>2</sup>.</p>'), expected: [[NOLIST, 'helps you sleep', 'error']] },
    // With a list, counts and enumerations are not checked against it.
    { name: 'a count is not out of range', format: 'txt', text: txt('We tested three (3) brands [1].', 1), expected: [] },
    { name: 'an enumeration is not out of range', format: 'md', text: md('Pick it by taste (1), price (2) or dose (3), as one review advises [1].', 1), expected: [] },
    { name: 'a real citation past the list still is', format: 'txt', text: txt('Magnesium aids sleep (1, 4).', 2), expected: [[RANGE, 'aids sleep', 'error']] },
  ])('$name ($format)', (c) => check(c, [NOLIST, RANGE]));
});

describe('claims that name their source, and where a citation counts', () => {
  it.each<Case>([
    { name: 'a named trial with a marker', format: 'md', text: md('The VITAL trial, published in the New England Journal of Medicine [4], found that vitamin D did not lower cancer risk.', 4), expected: [] },
    { name: 'a named trial without a marker', format: 'txt', text: txt('The VITAL trial found that vitamin D did not lower cancer risk.'), expected: [[CLAIM, 'VITAL', 'info']] },
    { name: 'a news outlet the sentence is told through', format: 'txt', text: txt('The results differ from earlier studies that found zinc shortened colds, Daily Health Wire reported.'), expected: [[CLAIM, 'Daily Health Wire reported', 'info']] },
    { name: '…while researchers who reported name nobody', format: 'txt', text: txt('Earlier studies found zinc shortened colds, researchers reported.'), expected: [[CLAIM, 'Earlier studies found', 'warning']] },
    { name: "a pointer to a named author's piece", format: 'txt', text: txt('Choline has been found to help memory in older adults. For the details, see this post by Dr Hana Okafor.'), expected: [[CLAIM, 'Hana Okafor', 'info']] },
    { name: 'a site the sentence goes by', format: 'txt', text: txt('As per MedlinePlus, recent studies suggest green tea may lower the risk of some cancers.'), expected: [[CLAIM, 'MedlinePlus', 'info']] },
    { name: '…while "according to researchers" names nobody', format: 'txt', text: txt('According to Researchers, recent studies suggest green tea may lower the risk of some cancers.'), expected: [[CLAIM, 'studies suggest', 'warning']] },
    { name: "a journal's abbreviated title and date in brackets", format: 'txt', text: txt('A short trial found that glucosamine did not slow cartilage loss (Osteoarthr Cartil. 2016 Apr 2. [Epub ahead of print]).'), expected: [] },
    { name: 'a named trial with its design between', format: 'txt', text: txt("A Women's Health Initiative randomized clinical trial found a 17 percent rise in kidney stones."), expected: [[CLAIM, 'Initiative', 'info']] },
    { name: '…while a design alone names nothing', format: 'txt', text: txt('A randomized clinical trial found a 17 percent rise in kidney stones.'), expected: [[CLAIM, 'randomized clinical trial', 'warning']] },
    { name: 'a study given its name', format: 'txt', text: txt('Researchers followed 24,000 adults taking part in a study called the European Prospective Investigation into Cancer and Nutrition, and found that calcium pills raised the risk of heart attack.'), expected: [[CLAIM, 'European Prospective', 'info']] },
    { name: 'research at a named place of research', format: 'txt', text: txt('Research at Purdue suggests that calcium from dairy is absorbed as well as calcium from pills.'), expected: [[CLAIM, 'Purdue', 'info']] },
    { name: 'a survey named by its title (Chinese, traditional)', format: 'txt', text: txt('根據國民營養調查顯示，七成青少年鈣攝取不足。'), expected: [[CLAIM, '國民營養調查', 'info']] },
    { name: 'an academy named as the source of its research (Chinese, traditional)', format: 'txt', text: txt('美國兒科學會的研究發現，嬰兒每天需要400國際單位維生素D。'), expected: [[CLAIM, '美國兒科學會', 'info']] },
    { name: 'a Cochrane review', format: 'txt', text: txt('According to a 2019 Cochrane review, magnesium had little effect on cramps.'), expected: [[CLAIM, 'Cochrane', 'info']] },
    { name: 'a meta-analysis in a journal', format: 'md', text: md('A meta-analysis in JAMA found a lower risk of stroke.'), expected: [[CLAIM, 'JAMA', 'info']] },
    { name: 'a journal named as the venue', format: 'html', text: html('<p>In a study published in Nutrients, researchers found better sleep.</p>'), expected: [[CLAIM, 'Nutrients', 'info']] },
    { name: 'an organisation', format: 'txt', text: txt('The World Health Organization says studies show most adults lack sleep.'), expected: [[CLAIM, 'World Health', 'info']] },
    { name: 'a named cohort', format: 'txt', text: txt("The Nurses' Health Study tracked magnesium intake for decades."), expected: [[CLAIM, 'Nurses', 'info']] },
    { name: 'a source named elsewhere in the paragraph', format: 'md', text: md('Harvard researchers followed 4,000 adults. Their data suggest a link with sleep.'), expected: [[CLAIM, 'Harvard', 'info'], [CLAIM, 'Harvard', 'info']] },
    { name: 'a journal in Chinese book marks', format: 'txt', text: txt('《柳叶刀》上的一项研究发现镁有助于睡眠。'), expected: [[CLAIM, '柳叶刀', 'info']] },
    { name: 'generic "studies show"', format: 'txt', text: txt('Studies show magnesium helps you sleep.'), expected: [[CLAIM, 'Studies show', 'warning']] },
    // Endnotes in roman numerals and a number glued to a lost link's label cite the claim (real pages' shapes, our words).
    { name: 'an endnote in roman numerals', format: 'txt', text: txt('Researchers found that the vitamin improved survival in liver cancer.[iii] A later study found better bone density.[iv]', 4), expected: [] },
    { name: 'a number glued to a link label', format: 'txt', text: txt('Research has found that people low in iron absorb more manganese (33Trusted Source).', 33), expected: [] },
    { name: 'a number glued to a link label, the list lost', format: 'txt', text: txt('Research has found that people low in iron absorb more manganese (33Trusted Source).'), expected: [] },
    { name: 'a study named by its country only', format: 'txt', text: txt('A Swedish study found that magnesium eased leg cramps. A US trial found the same.'), expected: [[CLAIM, 'Swedish', 'warning'], [CLAIM, 'Swedish', 'warning']] },
    { name: 'a journal abstract under its heading', format: 'txt', text: txt('Abstract\n\nEpidemiological studies have shown that low selenium status is common in Europe.\n\nIntroduction\n\nStudies show selenium matters for the thyroid.'), expected: [[CLAIM, 'Studies show', 'warning']] },
    {
      name: "a structured abstract's conclusions section",
      format: 'txt',
      text: txt('Abstract\n\nObjective\n\nTo measure how zinc status changes with the dose.\n\nSetting\n\nCare homes\n\nConclusions\n\nData suggest that older adults need more zinc than younger ones.\n\nIntroduction\n\nStudies show zinc matters for healing.'),
      expected: [[CLAIM, 'Studies show', 'warning']],
    },
    {
      name: "…while the body's first heading ends the abstract, right after a section heading too",
      format: 'txt',
      text: txt('Abstract\n\nObjective\n\nTo measure how zinc status changes with the dose.\n\nConclusions\n\nIntroduction\n\nData suggest that older adults need more zinc than younger ones.'),
      expected: [[CLAIM, 'Data suggest', 'warning']],
    },
    {
      name: '…while the same sections with no abstract heading above them are the article',
      format: 'txt',
      text: txt('Objective\n\nTo measure how zinc status changes with the dose.\n\nConclusions\n\nData suggest that older adults need more zinc than younger ones.'),
      expected: [[CLAIM, 'Data suggest', 'warning']],
    },
    { name: 'a study cited by its bare number', format: 'txt', text: txt('The study 2 suggests that most adults need less magnesium than this.'), expected: [] },
    { name: '…while a study named with no number is a claim', format: 'txt', text: txt('A recent study suggests that most adults need less magnesium than this.'), expected: [[CLAIM, 'study suggests', 'warning']] },
    { name: '…and so is a study whose number is its length', format: 'txt', text: txt('A study 12 weeks long suggests that most adults need less magnesium than this.'), expected: [[CLAIM, 'A study 12 weeks long suggests', 'warning']] },
    { name: 'a journal abstract opened by its label (Chinese)', format: 'txt', text: txt('摘要：研究表明，膳食硒摄入与甲状腺健康有关。\n\n研究显示，补硒可以降低抗体水平。'), expected: [[CLAIM, '研究显示', 'warning']] },
    { name: 'a study named by its place and name', format: 'txt', text: txt('The Rotterdam Study found that low magnesium raised the risk of dementia.'), expected: [[CLAIM, 'Rotterdam', 'info']] },
    { name: 'generic, opened by a capital', format: 'txt', text: txt('Another study found that magnesium eased cramps.'), expected: [[CLAIM, 'Another study', 'warning']] },
    { name: 'generic Chinese', format: 'txt', text: txt('研究表明镁有助于睡眠。'), expected: [[CLAIM, '研究表明', 'warning']] },
    { name: 'generic Chinese in traditional characters', format: 'txt', text: txt('近年來的研究更顯示，葡萄糖胺有助於關節健康。'), expected: [[CLAIM, '研究更顯示', 'warning']] },
    { name: 'scientists as the only source (Chinese)', format: 'md', text: md('科學家們發現，維生素E可以延緩衰老。'), expected: [[CLAIM, '科學家們發現', 'warning']] },
    { name: '"has been widely proven" (Chinese)', format: 'txt', text: txt('叶酸已被广泛证明可以减少神经管缺陷。'), expected: [[CLAIM, '已被广泛证明', 'warning']] },
    { name: 'reports as the only source (Chinese)', format: 'txt', text: txt('一些報告中顯示，輔酶Q10能改善疲勞。'), expected: [[CLAIM, '報告中顯示', 'warning']] },
    { name: 'a data set named by its acronym (Chinese)', format: 'txt', text: txt('XYZ零售數據顯示，助眠類產品的銷售額三年來持續增長。'), expected: [[CLAIM, 'XYZ零售數據', 'info']] },
    { name: 'a well-known survey named (Chinese)', format: 'txt', text: txt('2019年全球疾病负担研究显示，高盐饮食是重要的危险因素。'), expected: [[CLAIM, '全球疾病负担', 'info']] },
    { name: 'an institution named by its kind (Chinese)', format: 'md', text: md('国家统计局数据显示，居民的膳食结构正在变化。'), expected: [[CLAIM, '国家统计局', 'info']] },
    { name: 'studies as the subject of an -ing verb', format: 'txt', text: txt('Zinc is backed by dozens of trials showing shorter colds.'), expected: [[CLAIM, 'trials showing', 'warning']] },
    { name: 'studies confirming, after a count', format: 'md', text: md('Over 300 peer-reviewed studies confirming its safety exist.'), expected: [[CLAIM, 'studies confirming', 'warning']] },
    { name: 'survey data as the source', format: 'txt', text: txt('According to survey data, a third of runners take iron.'), expected: [[CLAIM, 'According to survey data', 'warning']] },
    { name: 'a call for studies that would show it', format: 'txt', text: txt('We need more studies showing a benefit in older adults.'), expected: [] },
    { name: 'no evidence showing it', format: 'md', text: md('There is no evidence showing harm at usual doses.'), expected: [] },
    { name: 'evidence as the source (Chinese)', format: 'txt', text: txt('越来越多的证据表明，锌可以缩短感冒病程。'), expected: [[CLAIM, '证据表明', 'warning']] },
    { name: 'studies as the agent of a passive (Chinese)', format: 'md', text: md('肌酸已经被许多研究证明可以增加力量。'), expected: [[CLAIM, '被许多研究证明', 'warning']] },
    { name: 'no firm evidence (Chinese)', format: 'txt', text: txt('目前尚无确凿证据表明肌酸会导致脱发。'), expected: [] },
    { name: 'an unnamed hospital (Chinese)', format: 'txt', text: txt('一家医院的研究显示，补镁可以改善睡眠。'), expected: [[CLAIM, '研究显示', 'warning']] },
    { name: 'a hospital named as the source (Chinese, traditional)', format: 'txt', text: txt('另據仁和醫院官網的衛教資料，一項為期五年的研究發現，補充維生素D可降低跌倒風險。'), expected: [[CLAIM, '仁和醫院', 'info']] },
    {
      name: "an abstract quoted under its paper's journal line",
      format: 'txt',
      text: txt('Zinc lozenges and the common cold: a review.\n\nMed Nutr Rev. 2012. Lindqvist P.\n\nIn 14 randomised trials, lozenges that released zinc ions shortened colds by about two days.'),
      expected: [],
    },
    {
      name: "…and an article's own abstract under its journal line and a disclosure",
      format: 'txt',
      text: txt('Iron in Pregnancy\n\nAm J Prenat Care. 2018;12(3):45-51\n\nAuthor disclosure: Nothing to disclose.\n\nRandomised trials show that daily iron lowers the risk of anaemia at term.'),
      expected: [],
    },
    {
      name: '…while the same claim far below a journal line is still uncited',
      format: 'txt',
      text: txt('Iron in Pregnancy\n\nAm J Prenat Care. 2018;12(3):45-51\n\nIron matters in pregnancy.\n\nThe body needs more of it each month.\n\nDoctors check ferritin early.\n\nRandomised trials show that daily iron lowers the risk of anaemia at term.'),
      expected: [[CLAIM, 'Randomised trials show', 'warning']],
    },
    { name: 'a superscript flattened to a bare number after the last word, the list holding it', format: 'txt', text: txt('Laboratory studies show that many folic acid tablets hold more than their label says over their shelf life 4.', 4), expected: [] },
    { name: '…the same in Markdown with the number before a closing quote', format: 'md', text: md('Researchers found that some gummies lose vitamin C as they age "over a shelf life 2"', 3), expected: [] },
    { name: '…while a number past the end of the list is no citation', format: 'txt', text: txt('Laboratory studies show that many folic acid tablets hold more than their label says over their shelf life 7.', 4), expected: [[CLAIM, 'Laboratory studies show', 'warning']] },
    { name: '…nor one in a draft without a list', format: 'txt', text: txt('Laboratory studies show that many folic acid tablets hold more than their label says over their shelf life 4.'), expected: [[CLAIM, 'Laboratory studies show', 'warning']] },
    { name: '…nor a number a word takes (stage, omega, more than)', format: 'md', text: md('Studies show the risk is highest in cancer stage 4. Researchers found the best source is omega 3. Trials show benefits in adults who take more than 2.', 4), expected: [[CLAIM, 'Studies show', 'warning'], [CLAIM, 'Researchers found', 'warning'], [CLAIM, 'Trials show', 'warning']] },
    { name: 'a ministry named as the source of its survey', format: 'txt', text: txt('The Ministry of Health released its national diet survey in June 2021, showing that many older adults eat too little calcium.'), expected: [[CLAIM, 'survey in June 2021, showing', 'info']] },
    { name: '…while a survey that names no body is still uncited', format: 'txt', text: txt('A national diet survey in June 2021 showed that many older adults eat too little calcium.'), expected: [[CLAIM, 'survey in June 2021 showed', 'warning']] },
    { name: 'a health agency named as the source of its survey (Chinese, traditional)', format: 'txt', text: txt('根據國民健康署 2017 年調查顯示，四成成年人鈣攝取不足。'), expected: [[CLAIM, '國民健康署', 'info']] },
    { name: 'a clinic named as the source of its research (Chinese, traditional)', format: 'txt', text: txt('梅奧診所的研究表明，蘋果醋可以略微降低餐後血糖。'), expected: [[CLAIM, '梅奧診所', 'info']] },
    { name: "…while a doctor's own clinic is no source of research (Chinese)", format: 'txt', text: txt('仁和家醫診所的王醫師說，研究發現苹果醋可以降低餐后血糖。'), expected: [[CLAIM, '研究發現', 'warning']] },
    { name: 'a university named by its short name before its research (Chinese)', format: 'txt', text: txt('哈佛研究证实，每天喝牛奶并不能减少骨折。'), expected: [[CLAIM, '哈佛', 'info']] },
    { name: '…and with the year of its study between (Chinese)', format: 'txt', text: txt('哈佛医学院2002年的一项研究发现，每天补充维生素B6的人心脏病风险较低。'), expected: [[CLAIM, '哈佛', 'info']] },
    { name: 'a journal named without its book marks (Chinese)', format: 'txt', text: txt('2019年柳叶刀研究显示，孕期补充鱼油的妈妈，孩子的语言发育更早。'), expected: [[CLAIM, '柳叶刀', 'info']] },
    { name: 'a hospital named only by its grade (Chinese)', format: 'txt', text: txt('据三甲医院的统计，一项研究发现补铁可以改善疲劳。'), expected: [[CLAIM, '研究发现', 'warning']] },
    { name: 'data that name nothing (Chinese)', format: 'txt', text: txt('有数据显示，三成成年人缺乏维生素D。'), expected: [[CLAIM, '数据显示', 'warning']] },
    { name: 'no research has shown (Chinese)', format: 'txt', text: txt('目前尚无研究证实镁能治疗失眠。'), expected: [] },
    { name: 'a trial as a place, a centre or a stage is no claim (Chinese)', format: 'txt', text: txt('这座城市成了新药最大的临床试验场。医院新建了临床试验中心，该药仍处于临床试验阶段。'), expected: [] },
    { name: '…nor is taking part in one (Chinese)', format: 'txt', text: txt('患者可以报名参加临床试验，费用由药厂承担。'), expected: [] },
    { name: '…while a trial that found something is a claim (Chinese)', format: 'txt', text: txt('临床试验发现，补充烟酸可以降低甘油三酯。'), expected: [[CLAIM, '临床试验', 'warning']] },
    { name: '…and so is what was shown in one (Chinese)', format: 'txt', text: txt('这一效果已在随机临床试验中得到证实。'), expected: [[CLAIM, '临床试验', 'warning']] },
    { name: 'no research has shown, a broken conversion\'s pinyin inside (Chinese)', format: 'txt', text: txt('沒(méi)有一項研究表明，服用維生素E會(huì)增加總體中風(fēng)危險。'), expected: [] },
    { name: 'a call for more research (Chinese)', format: 'md', text: md('这一作用仍需更多研究证实。'), expected: [] },
    { name: 'a Chinese claim with a marker', format: 'md', text: md('科学家发现维生素D与骨密度有关[1]。', 1), expected: [] },
    { name: 'a marker at the end of the next sentence', format: 'txt', text: txt('Studies show magnesium helps you sleep. The effect was small ( 1 ).', 1), expected: [] },
    { name: 'a marker at the paragraph end', format: 'md', text: md('Studies show magnesium helps. Researchers found it calms nerves. It is cheap [1].', 1), expected: [] },
    { name: 'a marker on the next line of the paragraph', format: 'txt', text: txt('Studies show magnesium helps you sleep.\nThe effect was small ( 1 ).', 1), expected: [] },
    { name: 'a marker a blank line away does not count', format: 'txt', text: txt('Studies show magnesium helps you sleep.\n\nThe effect was small ( 1 ).', 1), expected: [[CLAIM, 'Studies show', 'warning']] },
    { name: 'a marker late on the next line does not count', format: 'txt', text: txt('Studies show magnesium helps you sleep.\nMagnesium is cheap. Magnesium is safe. Pharmacies sell it ( 1 ).', 1), expected: [[CLAIM, 'Studies show', 'warning']] },
    { name: 'a link in the sentence', format: 'html', text: html('<p>Researchers found that <a href="https://pubmed.ncbi.nlm.nih.gov/1/">magnesium</a> eases cramps.</p>'), expected: [] },
    { name: 'an author-year citation', format: 'md', text: md('Studies show magnesium eases cramps in pregnancy (Smith et al., 2019).'), expected: [] },
    { name: 'an author-year citation in the sentence', format: 'html', text: html('<p>Nguyen and Park (2021) found that magnesium shortened sleep onset.</p>'), expected: [] },
    { name: 'a date in parentheses is no citation', format: 'txt', text: txt('Research shows most adults lack magnesium (March 2019).'), expected: [[CLAIM, 'Research shows', 'warning']] },
    { name: 'author-year needs no numbered list', format: 'txt', text: txt('Studies show magnesium eases cramps (Smith, 2019).'), expected: [] },
    { name: 'a reference written out in brackets at the paragraph end (Chinese)', format: 'txt', text: txt('研究發現，補鋅三個月後，精子活力明顯改善。[Wu, K. et al.(2018). Zinc and sperm motility. Andrology Today, 4: 112.]'), expected: [] },
    { name: 'a Chinese author-year citation in the sentence', format: 'txt', text: txt('李华等（2015）的研究显示，补钙可以减少老年人骨折。'), expected: [] },
    { name: 'two Chinese authors and a year', format: 'md', text: md('王丽和陈刚(2020)发现，补镁可以缓解腿抽筋。'), expected: [] },
    { name: 'a place and a year are no citation (Chinese)', format: 'txt', text: txt('研究显示，北京（2008）的居民普遍缺乏维生素D。'), expected: [[CLAIM, '研究显示', 'warning']] },
    { name: 'a question', format: 'txt', text: txt('Do studies show that magnesium helps you sleep?'), expected: [] },
    { name: "a reader's quoted question", format: 'txt', text: txt('One reader asked, “Do studies show that magnesium helps you sleep?” Here is what we know.'), expected: [] },
    { name: 'a heading', format: 'md', text: md('## What studies show about magnesium\n\nMagnesium is a mineral.'), expected: [] },
    { name: 'a reference entry', format: 'txt', text: `Title\n\nMagnesium helps ( 1 ).\n\nReferences:\n\n1. Smith J. Studies show magnesium helps sleep. https://example.org/a\n`, expected: [] },
  ])('$name ($format)', (c) => check(c, [CLAIM]));
});

describe('more patterns from sampled real pages', () => {
  const PH = 'cite/placeholder';
  it.each<Case>([
    { name: 'a study in a named journal', format: 'md', text: md('A 2012 study published in the Journal of Sleep Research found that magnesium shortened sleep onset.'), expected: [[CLAIM, 'Journal of Sleep', 'info']] },
    { name: 'research published in a named journal', format: 'txt', text: txt('Magnesium may ease cramps, according to research published in The Journal of Nutrition in 2014.'), expected: [[CLAIM, 'Journal of Nutrition', 'info']] },
    { name: 'follow-up sentences about the same study', format: 'txt', text: txt('A 2012 study published in the Journal of Sleep Research found that magnesium helped. The researchers found that sleep onset was shorter. The study participants reported fewer awakenings.'), expected: [[CLAIM, 'Journal of Sleep', 'info']] },
    { name: 'a second study in a paragraph that named another one', format: 'txt', text: txt('A 2012 study published in the Journal of Sleep Research found that magnesium helped. In a 1998 study, a small group of older adults slept longer.'), expected: [[CLAIM, 'Journal of Sleep', 'info'], [CLAIM, 'In a 1998 study', 'warning']] },
    { name: 'a follow-up opening the next paragraph', format: 'md', text: md('A small trial found that magnesium eased cramps.\n\nThe researchers found no side effects.'), expected: [[CLAIM, 'A small trial', 'warning']] },
    { name: 'a marker glued after the full stop', format: 'txt', text: txt('Studies show zinc shortens colds by three days.(1) It is cheap.', 1), expected: [] },
    { name: 'the article announcing what follows', format: 'md', text: md('Here is what the studies do and do not show.'), expected: [] },
    { name: 'the writer announcing the guide', format: 'txt', text: txt('In this guide we will look at what nutrition research shows about the best time to take iron.'), expected: [] },
    { name: 'a review describing itself', format: 'txt', text: txt('This review will examine the limitations of those data and suggest recommendations.'), expected: [] },
    { name: 'an affiliate disclosure', format: 'html', text: html('<p>Your purchases help support our research so we can help you find the best products.</p>'), expected: [] },
    // A "Sources" section on where a substance comes from, between outline numbers, is no
    // reference list; a reference entry wrapped onto a second line that holds its journal's
    // numbers stays one entry of the list (real pages' shapes, our words).
    {
      name: 'a Sources section of prose between outline numbers',
      format: 'txt',
      text: 'Creatine\n\n1.\n\nOrigin\n\n1.1\n\nSources\n\nMeat and fish supply about half of the creatine most people use each day, and the body makes the rest itself.\n\n1.2\n\nSafety\n\nTrials of 5 g a day for several years found few side effects.[1] People with kidney disease should avoid it.[2]\n',
      expected: [[NOLIST, '[1]', 'error']],
    },
    {
      name: 'a reference entry wrapped before its journal numbers',
      format: 'txt',
      text: 'Boron and bones\n\nA small trial found that boron changed how older women handled calcium.[1] The upper limit for adults is 20 mg a day.[2]\n\nReferences\n[1] Nielsen FH et al. The Journal of\nTrace Elements in Experimental Medicine 1987;1(2):45-52\n[2] Food and Nutrition Board. Dietary Reference Intakes for boron\nand other trace elements. National Academy Press, 2001.\n',
      expected: [],
    },
    { name: 'a lack of evidence, the lack further off', format: 'txt', text: txt('胶原蛋白对皮肤的作用仍缺乏可靠的大规模临床证据支持。'), expected: [] },
    { name: "the site's own research, told as a verb", format: 'txt', text: txt('We do the research so you can find supplements worth your money.'), expected: [] },
    // Citation numbers glued to commas inside sentences, and to their stops: the paragraph cites
    // (its claims are cited; its list is missing).
    { name: 'numbers glued to commas and stops', format: 'txt', text: txt('Low calcium raises bone loss.1 The body then takes calcium from the skeleton,2 which weakens it.3 Several trials have found a small benefit,4,5–7 and a review of them agreed.8'), expected: [[NOLIST, 'loss.1', 'error']] },
    { name: 'an appeal to expert consensus', format: 'md', text: md('Experts agree that most older adults would benefit from a K2 supplement.'), expected: [[CLAIM, 'Experts agree', 'warning']] },
    { name: 'takeaways of an article that cites', format: 'md', text: md('## Key Takeaways\n\n- Small trials suggest a modest effect on mild anxiety.\n\n## Body\n\nMagnesium helps some people feel calm [1].', 1), expected: [] },
    { name: 'takeaways of an article that cites nothing', format: 'md', text: md('## Key Takeaways\n\n- Small trials suggest a modest effect on mild anxiety.'), expected: [[CLAIM, 'Small trials', 'warning']] },
    { name: 'a volume and issue in prose', format: 'txt', text: txt('The full paper appeared in Nutrients 2021, 13(1), 204.'), expected: [] },
    { name: 'a call for more research', format: 'txt', text: txt('More research is needed to confirm these findings. Studies have yet to show a benefit in children.'), expected: [] },
    { name: 'a trial to take part in', format: 'md', text: md('Ask your doctor whether any clinical trials are recruiting near you.'), expected: [] },
    { name: "the site's own check", format: 'html', text: html('<p>We reviewed the data and found no safety issues in our tests.</p>'), expected: [] },
    { name: "the reader's own figures", format: 'txt', text: txt('Your data shows you slept 7 hours.'), expected: [] },
    { name: 'evidence that suggests', format: 'txt', text: txt('Evidence suggests that vitamin D may help.'), expected: [[CLAIM, 'Evidence suggests', 'warning']] },
    // A study spoken of again further down, the paper's account of its own study, and a
    // bracketed list of numbers wrapped over lines as scraped journal pages break it.
    { name: 'a study pointed back at below its uncited claim', format: 'txt', text: txt('An early study found that nurses who took vitamin E had less heart disease.\n\nTheir risk stayed lower after adjusting for age.\n\nThis study showed a link, not a cause.'), expected: [[CLAIM, 'An early study', 'warning']] },
    { name: '"in this study" bringing in a new study below another', format: 'txt', text: txt('A small trial found that magnesium eased cramps.\n\nIn this study, researchers gave 40 older adults magnesium or a placebo each night.'), expected: [[CLAIM, 'A small trial', 'warning'], [CLAIM, 'In this study', 'warning']] },
    { name: '"this study" with no study above it', format: 'md', text: md('This study showed that magnesium shortens sleep onset.'), expected: [[CLAIM, 'This study', 'warning']] },
    { name: "a paper's aim for its own study", format: 'txt', text: txt('The aim of this study was to compare two doses of vitamin D in a prospective study of nurses.'), expected: [] },
    { name: 'a hypothesis of the authors', format: 'md', text: md('We hypothesized that magnesium would shorten sleep onset in a small trial of older adults.'), expected: [] },
    { name: 'a bracketed marker wrapped inside a paragraph', format: 'md', text: md('A meta-analysis concluded that low vitamin D was linked to a higher risk of infection [\n9]. Its authors urged caution [\n8,\n9].', 9), expected: [] },
    { name: 'a bracketed marker wrapped over lines', format: 'txt', text: txt('A meta-analysis concluded that low vitamin D was linked to a higher risk of infection [\n9]. Its authors urged caution [\n8,\n9].', 9), expected: [] },
    // A paper's abstract is its own summary, however a page flattened it; its authors' own
    // results are no outside research; a lack of proof is no finding.
    { name: "a structured abstract's sections inside one paragraph", format: 'md', text: md('Calcium in pregnancy was reviewed. Methods: We searched two databases for trials. Results: Data indicated that calcium lowered the risk of preeclampsia. Conclusion: Larger trials are planned.'), expected: [] },
    { name: "a thesis abstract's labels glued to their first words", format: 'txt', text: txt('BackgroundHair loss is common in women. Some studies have shown that low iron stores are more frequent in hair loss.ObjectiveWe compared ferritin in 200 women.Methods200 women with hair loss and 100 without were tested.'), expected: [] },
    { name: '…while one label is no abstract', format: 'md', text: md('Results: Studies show that calcium lowers blood pressure in pregnancy.'), expected: [[CLAIM, 'Results:', 'warning']] },
    { name: 'compound section headings under the abstract', format: 'md', text: md('## Abstract\n\n### Overview\n\n### Background and Aim\n\nMetformin has been linked with low vitamin B12.\n\n### Results\n\nA significant link was found in 17 studies, while 4 studies found none.'), expected: [] },
    { name: 'an abstract label a page left as a paragraph', format: 'txt', text: txt('Abstract:\n\nBackground and Aim\n\nMetformin has been linked with low vitamin B12.\n\nResults\n\nA significant link was found in 17 studies, while 4 studies found none.'), expected: [] },
    { name: "the authors' own meta-analysis", format: 'txt', text: txt('The results of our meta-analysis demonstrate that calcium lowers the risk of preeclampsia.'), expected: [] },
    { name: 'a news item that closes on where its study appeared', format: 'txt', text: txt('Zinc lozenges may shorten a cold by two days, a new study has found.\n\nThe team followed 200 adults with colds.\n\nMost were in their thirties, and a third had allergies.\n\nThe study found the benefit held whatever their age.\n\nThe researchers concluded that most patients could try them.\n\nDetails of these findings are published in the Journal of Family Practice.'), expected: [[CLAIM, 'new study has found', 'info'], [CLAIM, 'study found the benefit', 'info']] },
    { name: '…or on the reference alone', format: 'txt', text: txt('Vitamin E raises the risk of one kind of stroke, a major analysis concludes.\n\nThe team pooled nine trials.\n\nMost of the trials gave 400 IU a day.\n\nThe meta-analysis found no rise in strokes overall.\n\nBMJ 2010 341; c5702'), expected: [[CLAIM, 'analysis concludes', 'info'], [CLAIM, 'meta-analysis found', 'info']] },
    { name: '…while a claim on research of its own stays uncited', format: 'txt', text: txt('Zinc lozenges may shorten a cold by two days, a new study has found.\n\nThe team followed 200 adults with colds.\n\nMost were in their thirties, and a third had allergies.\n\nEarlier research has suggested that allergies matter.\n\nDetails of these findings are published in the Journal of Family Practice.'), expected: [[CLAIM, 'new study has found', 'info'], [CLAIM, 'Earlier research', 'warning']] },
    { name: 'a news item that closes on its source under a label', format: 'txt', text: txt('Magnesium lowers blood pressure a little, a new meta-analysis has found.\n\nThe team pooled twenty trials.\n\nMost gave 300 mg a day.\n\nThe meta-analysis found the effect grew with the dose.\n\nOriginal title:\n\nThe effect of magnesium supplementation on blood pressure: a meta-analysis of randomized clinical trials by Okafor N, Lindqvist P.\n\nLink:\n\nhttps://example.org/magnesium-bp'), expected: [[CLAIM, 'meta-analysis has found', 'info'], [CLAIM, 'meta-analysis found the effect', 'info']] },
    { name: "…while a fact box's source line with the article going on below names nothing of it", format: 'txt', text: txt('Selenium pills may raise the risk of diabetes, according to several studies.\n\nKey facts\n\nSource: Institute of Medicine\n\nPeople who already eat enough selenium gain nothing from a pill, and some may be harmed by taking one every day.'), expected: [[CLAIM, 'according to several studies', 'warning']] },
    { name: '…or on a source line', format: 'txt', text: txt('Selenium pills may raise the risk of diabetes, a new study suggests.\n\nThe team followed 1,200 adults for eight years.\n\nSource: Annals of Internal Medicine, July 2007'), expected: [[CLAIM, 'new study suggests', 'info']] },
    { name: "the trial's results, a paragraph after its citation", format: 'txt', text: txt('A six-month trial found that glucosamine did not slow cartilage loss (Osteoarthr Cartil. 2016 Apr 2).\n\nThe trial enrolled 180 adults with knee pain. The trial results showed no change in cartilage on MRI.'), expected: [] },
    { name: '"this study" two paragraphs after its citation, past a paragraph on its design', format: 'txt', text: txt('A six-month trial found that glucosamine did not slow cartilage loss [1].\n\nIt enrolled 180 adults with knee pain, who drank it daily.\n\nThe scans used in this study showed no change in cartilage.', 1), expected: [] },
    { name: '…while "this study" three paragraphs after it is on its own', format: 'txt', text: txt('A six-month trial found that glucosamine did not slow cartilage loss [1].\n\nIt enrolled 180 adults with knee pain.\n\nEach drank it daily with lemonade.\n\nThe scans used in this study showed no change in cartilage.', 1), expected: [[CLAIM, 'in this study', 'warning']] },
    { name: "a volume's issue in brackets in a citation line is no marker", format: 'txt', text: txt('Calcium needs of teenagers. Nutrients 7[1]: 12-20.\n\nMost teenagers eat too little calcium.'), expected: [] },
    { name: 'numbers in brackets that count the items of a question', format: 'txt', text: txt('Some studies show that people with diabetes have low manganese. Scientists are not sure whether [1] diabetes lowers manganese, or the other way round, and [2] seizures lower it too.'), expected: [[CLAIM, 'Some studies show', 'warning']] },
    { name: '…while the same numbers after the claims cite them', format: 'txt', text: txt('Some studies show that people with diabetes have low manganese [1]. Others found seizures lower it too [2].', 2), expected: [] },
    { name: 'no treatment shown, three words between', format: 'txt', text: txt('In reality no form of treatment has been shown to reverse the damage.'), expected: [] },
    { name: 'a lack of proof, the negation further off', format: 'txt', text: txt('Many scientists are not yet convinced that enough evidence exists to prove that melatonin tablets work.'), expected: [] },
    // A claim that introduces, with a colon, a list of the studies it rests on, each cited.
    { name: 'a numbered label over a list of cited findings (Chinese)', format: 'txt', text: txt('補充建議\n\n1. 飯後服用\n2. 科學證據支持\n- 臨床研究：多項試驗證實，維生素C可以提高鐵的吸收[1]。\n- 實驗數據：兩者同服時，吸收率可提高兩倍[2]。', 2), expected: [] },
    { name: 'a label over a list of cited findings', format: 'md', text: md('## Advice\n\n- What research shows\n- A trial found vitamin C doubled iron uptake [1].\n- A second trial found the same in children [2].', 2), expected: [] },
    { name: '…while a label over an uncited list stays a claim', format: 'txt', text: txt('補充建議\n\n1. 飯後服用\n2. 研究證實有效\n- 維生素C可以提高鐵的吸收。\n- 兩者同服時，吸收率可提高兩倍。'), expected: [[CLAIM, '研究證實', 'warning']] },
    { name: 'a claim above a list of cited studies', format: 'md', text: md('Most trials found vitamin C safe at high doses:\n\n- A cohort of 45,000 men saw no rise in kidney stones [1].\n- A cohort of 85,000 women saw none either [2].', 2), expected: [] },
    { name: '…and in Chinese', format: 'txt', text: txt('绝大部分临床研究显示大剂量维生素C是安全的：\n\n  • 一项对4万名男性的调查没有发现结石增加[1]。\n  • 另一项对8万名女性的调查结论相同[2]。', 2), expected: [] },
    { name: '…while a list that cites nothing is no source', format: 'md', text: md('Most trials found vitamin C safe at high doses:\n\n- A cohort of 45,000 men saw no rise in kidney stones.\n- A cohort of 85,000 women saw none either.'), expected: [[CLAIM, 'Most trials', 'warning']] },
    // News pages: a named speaker's words in quotes, people who took part in trials, experts
    // named in their paragraph, a box of key concepts above a cited body.
    { name: "a researcher's quoted words", format: 'txt', text: txt('“Although one clinical trial indicated a benefit, the risk of an irregular heartbeat should be weighed,” he added.'), expected: [] },
    { name: '…and in Chinese', format: 'txt', text: txt('“多项研究表明，补镁对改善睡眠有一定帮助，”王敏教授说。'), expected: [] },
    { name: '…while the same claim told by the page is caught', format: 'txt', text: txt('Although one clinical trial indicated a benefit, the risk of an irregular heartbeat should be weighed.'), expected: [[CLAIM, 'Although one', 'warning']] },
    { name: 'people who took part in trials', format: 'md', text: md('Many of the men had smoked for decades and took part in two large clinical trials testing whether the vitamin could prevent cancer.'), expected: [] },
    { name: 'a news lede above the paragraph that names its study', format: 'txt', text: txt('New research suggests that low vitamin D may go with low mood.\n\nThe study, published in the Journal of Affective Disorders, pooled 31 surveys of adults.'), expected: [[CLAIM, 'New research', 'info']] },
    { name: '…while a paragraph below that brings in another study names none of it', format: 'txt', text: txt('Studies show that calcium alone does little for hip fractures.\n\nA large Cochrane review, published in the Journal of Bone Research, found a small benefit with vitamin D.'), expected: [[CLAIM, 'Studies show', 'warning'], [CLAIM, 'A large Cochrane', 'info']] },
    { name: '…nor does one that brings in another study and then speaks of its researchers', format: 'txt', text: txt('In this study, researchers gave 40 older adults magnesium at night.\n\nAnother study, published in a 2002 issue of Sleep Medicine, looked at deep sleep. These researchers found more slow-wave sleep.'), expected: [[CLAIM, 'In this study', 'warning'], [CLAIM, 'Another study', 'info']] },
    // A journal page: its authors' affiliation marks after commas, a quotation under the line
    // naming its source.
    { name: "authors' affiliation marks after their commas", format: 'txt', text: txt('Ana Lima,1 Wen Chen,2 Paul Okafor,3 Sara Berg4\n\nMagnesium helps muscles relax.'), expected: [] },
    { name: 'a quotation under the line naming its source', format: 'txt', text: txt('2) Boron and bones (Environmental Health Perspectives, 1994):\n\nIn conclusion, years of accumulating evidence indicates that boron is essential for healthy bones.'), expected: [] },
    { name: 'a paper named by the journal it is from', format: 'md', text: md('A 2018 scientific paper from BioMed Research International shows that curcumin eased joint pain.'), expected: [[CLAIM, 'A 2018', 'info']] },
    { name: '…while a study from a place names none', format: 'md', text: md('A 2018 study from South Korea shows that curcumin eased joint pain.'), expected: [[CLAIM, 'A 2018', 'warning']] },
    { name: "a news dateline's source", format: 'txt', text: txt('【健康网据Medscape.com 5月3日讯】年会上提交的研究表明，辅酶Q10能减少偏头痛发作。'), expected: [[CLAIM, '健康网据', 'info']] },
    { name: 'experts named in their paragraph', format: 'txt', text: txt('But experts say that parents should not worry. Dr. Ana Ruiz runs the regional poison centre.'), expected: [[CLAIM, 'But experts', 'info']] },
    { name: '…while experts no one names are caught', format: 'txt', text: txt('But experts say that parents should not worry about the gummies.'), expected: [[CLAIM, 'But experts', 'warning']] },
    { name: 'a box of key concepts above a cited body', format: 'md', text: md('## Key concepts\n\n- Emerging data suggest harm from very high doses.\n\n## Dosing\n\nMost adults need no supplement [1].', 1), expected: [] },
    // Blind rounds of real pages (our words): a journal's key points on its own study; a study
    // spoken of above ("In this previous study"); a survey whose venue a later sentence names;
    // a body named by its kind; a teaser whose study is named past a subheading; experts quoted
    // further down a news page; advice to buy what is proven.
    { name: "a journal's key points on its own study", format: 'txt', text: txt('Findings\n\nIn this randomized crossover trial of 12 healthy adults, 5 mg/d of biotin skewed several thyroid tests.'), expected: [] },
    { name: '…while a study brought in bare is caught', format: 'txt', text: txt('Findings\n\nIn a randomized crossover trial, biotin skewed several thyroid tests.'), expected: [[CLAIM, 'In a randomized', 'warning']] },
    { name: 'a study spoken of above, named as the previous one', format: 'txt', text: txt('Their study followed 30 women through pregnancy.\n\nAt first the team looked at sleep. In this previous study, researchers timed how fast the infants turned to a picture.'), expected: [] },
    { name: "a survey whose venue a later sentence names", format: 'txt', text: txt('A recent survey found that a third of metformin users were low in vitamin B12. These results were presented at the American Diabetes Association meeting in 2011.'), expected: [[CLAIM, 'A recent survey', 'info']] },
    { name: '…while a venue of another study names none of it', format: 'txt', text: txt('A recent survey found that a third of metformin users were low in vitamin B12. A later trial was presented at the American Diabetes Association meeting.'), expected: [[CLAIM, 'A recent survey', 'warning']] },
    { name: 'a body named by its kind after its own name', format: 'txt', text: txt('According to research from the National Sleep Foundation, few children are harmed by melatonin.'), expected: [[CLAIM, 'According to research', 'info']] },
    { name: '…while "the Foundation" alone names none', format: 'txt', text: txt('According to research from The Foundation, few children are harmed by melatonin.'), expected: [[CLAIM, 'According to research', 'warning']] },
    { name: 'a teaser whose study is named past a subheading', format: 'txt', text: txt('天气转凉，感冒多了起来。最新研究发现，补锌能缩短感冒的病程。\n\n补锌能缓解感冒\n\n这项研究发表在《营养学报》上，研究人员分析了12项试验。'), expected: [[CLAIM, '最新研究发现', 'info']] },
    { name: '…while a paragraph past a subheading that does not speak of it names none', format: 'txt', text: txt('天气转凉，感冒多了起来。最新研究发现，补锌能缩短感冒的病程。\n\n补锌能缓解感冒\n\n《营养学报》上的另一篇文章分析了12项试验。'), expected: [[CLAIM, '最新研究发现', 'warning']] },
    { name: 'experts quoted further down a news page', format: 'txt', text: txt('睡眠專家指出，鎂補充劑能幫助放鬆。\n\n失眠的困擾\n\n一名上班族分享了她的經歷。\n\n臨床心理學家艾倫(Mia Allen)博士表示，壓力大的人可以考慮補鎂。'), expected: [[CLAIM, '睡眠專家指出', 'info']] },
    { name: 'advice to buy a proven product', format: 'txt', text: txt('在购买益生菌产品时，应选择已经被证明有效的产品。'), expected: [] },
    { name: '…while a product proven so is a claim', format: 'txt', text: txt('这种益生菌已经被证明可以缓解湿疹。'), expected: [[CLAIM, '这种益生菌', 'warning']] },
    { name: 'a news lede whose study the next paragraph tells by its meeting', format: 'txt', text: txt('Low copper after gastric surgery can damage the spinal cord, according to a new study.\n\nAna Ruiz, MD, of the Mayo Clinic presented 18 such cases at the AAN Annual Meeting in April.'), expected: [[CLAIM, 'according to a new study', 'info']] },
    { name: '…while a paragraph below with no meeting names none of it', format: 'txt', text: txt('Low copper after gastric surgery can damage the spinal cord, according to a new study.\n\nAna Ruiz, MD, of the Mayo Clinic sees such patients every month.'), expected: [[CLAIM, 'according to a new study', 'warning']] },
    { name: "a news lede whose study a paragraph below tells with its researchers' university", format: 'txt', text: txt('A new study shows calcium pills may raise the risk of heart attacks in older women.\n\nMany women are told to take calcium for their bones.\n\nBut researchers at the University of Otago in New Zealand have found that women taking 1,000 mg a day had more heart attacks.'), expected: [[CLAIM, 'A new study shows', 'info']] },
    { name: '…while a claim further down the page is not its lede', format: 'txt', text: txt('Calcium keeps bones strong.\n\nA new study shows calcium pills may raise the risk of heart attacks in older women.\n\nMany women are told to take calcium for their bones.\n\nBut researchers at the University of Otago in New Zealand gave 1,000 mg a day to 700 women.'), expected: [[CLAIM, 'A new study shows', 'warning']] },
    { name: "the next paragraph's \"according to the analysis\" that names its journal", format: 'txt', text: txt('Magnesium may help keep blood pressure down, a new meta-analysis finds.\n\nPeople who took magnesium had lower blood pressure after three months, according to the analysis, published in the journal Hypertension.'), expected: [[CLAIM, 'a new meta-analysis finds', 'info']] },
    { name: '"the researchers" of a study named two paragraphs above', format: 'txt', text: txt('Magnesium pills lowered blood pressure in a review led by Dr. Lin Song of Indiana University.\n\nThe trials lasted three months on average.\n\nThe researchers found that blood pressure fell by about two points.'), expected: [[CLAIM, 'The researchers found', 'info']] },
    { name: 'a Chinese call for larger trials', format: 'txt', text: txt('补镁在临床上仍有不确定性，还需要进行更大规模的临床试验。'), expected: [] },
    { name: '…with a long description of the trials wanted', format: 'txt', text: txt('要完全回答补镁能否降压，还需要进行包括充足的大剂量镁且具有足够统计学效力的临床试验。'), expected: [] },
    { name: '"For the study" under a paragraph naming it', format: 'txt', text: txt('Low vitamin D went with low mood in a study led by Dr. Ana Ruiz of Ohio University.\n\nFor the study, researchers recruited 180 students and measured their vitamin D each week.'), expected: [[CLAIM, 'Low vitamin D', 'info'], [CLAIM, 'For the study', 'info']] },
    { name: "a news lede under the page's breadcrumb and source line", format: 'txt', text: txt('首页 > 母婴 > 资讯\n\n来源：育儿网\n\n澳大利亚新研究发现，让多动症儿童每天服用鱼油，可以减轻症状。\n\n南澳大利亚大学的研究人员对145名儿童进行了15周的研究。'), expected: [[CLAIM, '澳大利亚新研究发现', 'info']] },
    { name: '"one of them" among trials named above', format: 'txt', text: txt('发表在《柳叶刀》上的一项荟萃分析纳入了13项试验。\n\n其中一项研究使用了较大剂量，但结果没有差别。'), expected: [[CLAIM, '其中一项研究', 'info']] },
    { name: 'the research team of papers named in the paragraph above', format: 'txt', text: txt('在《细胞》杂志发表的两篇论文中，来自某研究所的研究人员检查了11种益生菌菌株。\n\n三周后，研究小组发现大多数人的肠道菌群都发生了变化。'), expected: [[CLAIM, '三周后', 'info']] },
    { name: 'a news lede whose journal the third paragraph below names', format: 'txt', text: txt('Men taking daily vitamin E were more likely to get prostate cancer, a new study has revealed.\n\nThe study involved nearly 30,000 men.\n\nOne or two men in 100 would be affected over a decade, the researchers said.\n\nThe findings were published in the Journal of the American Medical Association.'), expected: [[CLAIM, 'Men taking', 'info']] },
    { name: "a meta-analysis's methods in its abstract", format: 'txt', text: txt('We included randomized placebo-controlled clinical trials of potassium lasting at least 4 weeks.'), expected: [] },
    { name: 'a survey named by its health department (Hong Kong)', format: 'txt', text: txt('香港衞生署2021年的營養調查顯示，本地素食者中有近三成缺乏維他命B12。'), expected: [[CLAIM, '香港衞生署', 'info']] },
    { name: "…while a paragraph below that opens on another source (另據) names none of the lede's", format: 'txt', text: txt('研究也發現，維生素D不足的人更容易肥胖。\n\n另據某醫院的統計，去年門診中三成病人缺乏維生素D。'), expected: [[CLAIM, '研究也發現', 'warning']] },
    { name: 'a question mark left for the source', format: 'md', text: md('Calcium citrate suits people who take acid-reducing medicines [?].'), expected: [[PH, 'acid-reducing', 'error']] },
    { name: 'a doubt in parentheses is no placeholder', format: 'txt', text: txt('The label says 500 mg (?) per tablet.'), expected: [] },
  ])('$name ($format)', (c) => check(c, [CLAIM, NOLIST, PH, RANGE]));
});

describe('reference URLs written as links are checked on their target', () => {
  const mdRefs = (...entries: string[]) => `# T\n\nMagnesium helps [1].\n\n## References\n\n${entries.map((e, k) => `${k + 1}. ${e}`).join('\n')}\n`;
  const htmlRefs = (...entries: string[]) => `<p>Magnesium helps [1].</p><h2>References</h2><ol>${entries.map((e) => `<li>${e}</li>`).join('')}</ol>`;
  const txtRefs = (...entries: string[]) => `Title\n\nMagnesium helps ( 1 ).\n\nReferences:\n\n${entries.join('\n')}\n`;
  it.each<Case & { data?: Record<string, unknown> }>([
    { name: 'httpss:// in a link target', format: 'md', text: mdRefs('[NIH fact sheet](httpss://ods.od.nih.gov/x)'), expected: [[URL, 'httpss', 'error']], data: { url: 'httpss://ods.od.nih.gov/x', reason: 'scheme-typo', expected: 'https://ods.od.nih.gov/x', confidence: 'high', target: true } },
    { name: 'https// in a link target', format: 'md', text: mdRefs('[NIH fact sheet](https//ods.od.nih.gov/x)'), expected: [[URL, 'https//', 'error']], data: { url: 'https//ods.od.nih.gov/x', reason: 'missing-colon', expected: 'https://ods.od.nih.gov/x', confidence: 'high', target: true } },
    { name: 'http:/ in a link target', format: 'md', text: mdRefs('[NIH fact sheet](http:/ods.od.nih.gov/x)'), expected: [[URL, 'http:/', 'error']], data: { url: 'http:/ods.od.nih.gov/x', reason: 'missing-slashes', expected: 'http://ods.od.nih.gov/x', confidence: 'high', target: true } },
    { name: 'a space inside the target', format: 'md', text: mdRefs('[NIH fact sheet](https://ods.od.nih.gov/fact sheet)'), expected: [[URL, 'fact sheet)', 'error']], data: { url: 'https://ods.od.nih.gov/fact sheet', reason: 'space', expected: 'https://ods.od.nih.gov/factsheet', confidence: 'low' } },
    { name: 'an unbalanced parenthesis', format: 'md', text: mdRefs('[Magnesium](https://en.wikipedia.org/wiki/Magnesium_(element)'), expected: [[URL, 'wikipedia', 'error']], data: { url: 'https://en.wikipedia.org/wiki/Magnesium_(element)', reason: 'unbalanced-parenthesis' } },
    { name: 'an open parenthesis inside the URL', format: 'txt', text: txtRefs('https://en.wikipedia.org/wiki/Magnesium_(element'), expected: [[URL, 'wikipedia', 'error']], data: { url: 'https://en.wikipedia.org/wiki/Magnesium_(element', reason: 'unbalanced-parenthesis', expected: 'https://en.wikipedia.org/wiki/Magnesium_(element)', confidence: 'low' } },
    { name: 'a target other than the URL shown', format: 'md', text: mdRefs('[https://ods.od.nih.gov/a](https://example.com/b)'), expected: [[URL, 'example.com', 'error']], data: { url: 'https://example.com/b', reason: 'link-mismatch', shown: 'https://ods.od.nih.gov/a', target: true } },
    { name: 'HTML: httpss:// in href', format: 'html', text: htmlRefs('<a href="httpss://ods.od.nih.gov/x">NIH</a>'), expected: [[URL, 'httpss', 'error']] },
    { name: 'HTML: a space in href', format: 'html', text: htmlRefs('<a href="https://ods.od.nih.gov/fact sheet">NIH</a>'), expected: [[URL, 'fact sheet', 'error']] },
    { name: 'a bare address shown, another targeted', format: 'md', text: mdRefs('[ods.od.nih.gov/factsheets/Zinc](https://ods.od.nih.gov/factsheets/Iron)'), expected: [[URL, 'factsheets/Iron', 'error']], data: { url: 'https://ods.od.nih.gov/factsheets/Iron', reason: 'link-mismatch', shown: 'ods.od.nih.gov/factsheets/Zinc', target: true } },
    { name: 'a bare address shown and targeted', format: 'md', text: mdRefs('[ods.od.nih.gov/factsheets/Zinc](https://ods.od.nih.gov/factsheets/Zinc/)'), expected: [] },
    { name: 'a site name as link text', format: 'md', text: mdRefs('[Healthline.com](https://www.healthline.com/nutrition/magnesium)'), expected: [] },
    { name: 'a title that is no address', format: 'md', text: mdRefs('[Zinc fact sheet. NIH.](https://ods.od.nih.gov/factsheets/Zinc/)'), expected: [] },
    { name: 'HTML: a target other than the URL shown', format: 'html', text: htmlRefs('<a href="https://example.com/b">https://ods.od.nih.gov/a</a>'), expected: [[URL, 'example.com', 'error']] },
    { name: 'text: httpss://', format: 'txt', text: txtRefs('httpss://ods.od.nih.gov/x'), expected: [[URL, 'httpss', 'error']], data: { url: 'httpss://ods.od.nih.gov/x', reason: 'scheme-typo', expected: 'https://ods.od.nih.gov/x', confidence: 'high' } },
    { name: 'text: htps://', format: 'txt', text: txtRefs('htps://ods.od.nih.gov/x'), expected: [[URL, 'htps', 'error']] },
    { name: 'text: a URL broken by a space after a slash, closing its entry', format: 'txt', text: txtRefs('Drake C, et al. Caffeine and sleep. J Clin Sleep Med. 2013;9(11):1195-1200. https://jcsm.aasm.org/doi/ 10.5664/jcsm.3170'), expected: [[URL, 'jcsm', 'error']], data: { url: 'https://jcsm.aasm.org/doi/ 10.5664/jcsm.3170', reason: 'space', expected: 'https://jcsm.aasm.org/doi/10.5664/jcsm.3170', confidence: 'low' } },
    { name: 'text: a PubMed id after a space', format: 'txt', text: txtRefs('Smith J. Magnesium and sleep. Sleep. 2019. https://www.ncbi.nlm.nih.gov/pubmed/ 25540137'), expected: [[URL, 'pubmed', 'error']] },
    { name: 'text: a year after the URL is no part of it', format: 'txt', text: txtRefs('NIH. Magnesium fact sheet. https://ods.od.nih.gov/factsheets/ 2024.'), expected: [] },
    { name: 'text: a URL followed by more words is whole', format: 'txt', text: txtRefs('NIH. Magnesium fact sheet. https://ods.od.nih.gov/factsheets/ Accessed 2024.'), expected: [] },
    // valid
    { name: 'a link shown by its own URL, up to the trailing slash', format: 'md', text: mdRefs('[https://ods.od.nih.gov/a](https://ods.od.nih.gov/a/)'), expected: [] },
    { name: 'a titled link', format: 'md', text: mdRefs('[NIH fact sheet](https://ods.od.nih.gov/a)'), expected: [] },
    { name: 'a balanced parenthesis', format: 'md', text: mdRefs('[Magnesium](https://en.wikipedia.org/wiki/Magnesium_(element))'), expected: [] },
    { name: 'an autolink', format: 'md', text: mdRefs('https://ods.od.nih.gov/a', '<https://ods.od.nih.gov/b>'), expected: [] },
    { name: 'HTML: a titled link', format: 'html', text: htmlRefs('<a href="https://ods.od.nih.gov/a">NIH</a>'), expected: [] },
    { name: 'HTML: a link shown by its own URL', format: 'html', text: htmlRefs('<a href="https://ods.od.nih.gov/a">https://ods.od.nih.gov/a</a>'), expected: [] },
    { name: 'text: a sound URL', format: 'txt', text: txtRefs('https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/'), expected: [] },
  ])('$name ($format)', (c) => {
    check(c, [URL]);
    if (c.data) {
      const doc = docFromText(c.text, c.format);
      const [f] = documentRules.find((r) => r.id === URL)!.check(doc, ctx);
      expect(f!.data).toEqual(c.data);
    }
  });

  it('reports the target where it stands inside the link', () => {
    const text = mdRefs('[NIH fact sheet](httpss://ods.od.nih.gov/x)');
    const [f] = documentRules.find((r) => r.id === URL)!.check(docFromText(text, 'md'), ctx);
    expect(text.slice(f!.span.start.offset, f!.span.end.offset)).toBe('httpss://ods.od.nih.gov/x');
  });

  it('says when its findings are fixed', () => {
    expect(documentRules.find((r) => r.id === URL)!.meta.fixable).toMatch(/high/);
  });
});

describe('a work listed twice, once with its URL and once without', () => {
  const DUP = 'cite/duplicate-reference';
  const work = 'Irish LA, et al. The role of sleep hygiene in promoting public health. Sleep Med Rev. 2015;22:23-36.';
  const txtRefs = (...entries: string[]) => `Title\n\nSleep hygiene helps ( 1 ).\n\nReferences:\n${entries.map((e, k) => `${k + 1}. ${e}`).join('\n')}\n`;
  const htmlRefs = (...entries: string[]) => `<p>Sleep hygiene helps [1].</p><h2>References</h2><ol>${entries.map((e) => `<li>${e}</li>`).join('')}</ol>`;
  it.each<Case>([
    { name: 'with and without its DOI', format: 'txt', text: txtRefs(`${work} https://doi.org/10.1016/j.smrv.2014.10.001`, 'Another J. Caffeine and sleep. J Sleep. 2013;9:1-5.', work), expected: [[DUP, '3. Irish', 'warning']] },
    { name: 'in HTML, the first with a link', format: 'html', text: htmlRefs(`${work} <a href="https://doi.org/10.1016/x">doi</a>`, work), expected: [[DUP, '</li><li>Irish', 'warning']] },
    { name: 'the same words, two different URLs', format: 'txt', text: txtRefs(`${work} https://doi.org/10.1016/a`, `${work} https://doi.org/10.1016/b`), expected: [] },
    { name: 'a short title repeated for different pages', format: 'txt', text: txtRefs('NIH fact sheet. https://ods.od.nih.gov/factsheets/Zinc/', 'NIH fact sheet.'), expected: [] },
    { name: 'two different works', format: 'txt', text: txtRefs(work, 'Drake C, et al. Caffeine effects on sleep taken before going to bed. J Clin Sleep Med. 2013;9(11):1195-1200.'), expected: [] },
  ])('$name ($format)', (c) => check(c, [DUP]));
});
