/**
 * Which short lines of a plain-text draft become headings. A wrong heading changes the
 * cleaned article's structure with no finding asking for it, so each shape a heading never
 * has sits beside a true heading of the same draft.
 */
import { describe, expect, it } from 'vitest';
import { docFromText } from './helpers.js';

function headings(text: string): string[] {
  return docFromText(text)
    .blocks.filter((b) => b.kind === 'heading')
    .map((b) => b.text);
}

describe('short lines that are not headings', () => {
  it.each<[string, string, string[]]>([
    [
      'a table flattened a cell a line: column names, then each row label above its value (a real page\'s shape, our words)',
      [
        'Chromium in Food',
        '',
        'Chromium is a trace mineral that helps insulin work. Food holds small amounts of it.',
        'Food',
        'Chromium (mcg)',
        'Grape juice, 1 cup',
        '7.5',
        'Whole wheat muffin, 1',
        '3.6',
        'Orange juice, 1 cup',
        '2.2',
        'Turkey breast, 3 oz.',
        '1.7',
        'Whole wheat bread, 1 slice',
        '1',
        '',
        'How Much Adults Need',
        'Women',
        '25 mcg',
        'Men',
        '35 mcg',
        'Pregnant women',
        '29–30 mcg',
        '',
        'Most people get enough chromium from a varied diet.',
      ].join('\n'),
      ['Chromium in Food', 'How Much Adults Need'],
    ],
    [
      'cells of a flattened table: amounts with units and the row labels beside them',
      [
        'Zinc Needs by Age',
        '',
        'How Much Zinc Adults Need',
        '',
        'Men 19 and over',
        '11 mg (0.17 mmol)',
        '',
        'Women 19 and over',
        '8 mg (0.12 mmol)',
        '',
        'Women who are breastfeeding',
        '12 mg (0.18 mmol)',
        '',
        'Most people reach these amounts from meat, beans and whole grains.',
        '',
        'Where Zinc Comes From',
        '',
        'Oysters hold more zinc per serving than any other food.',
      ].join('\n'),
      ['Zinc Needs by Age', 'How Much Zinc Adults Need', 'Where Zinc Comes From'],
    ],
    [
      'an item among short lines that explains itself in brackets, however long',
      ['Iron Notes', '', 'Signs of Low Iron', '', 'Feeling tired', '', 'Pale skin', '', 'Brittle nails (thin, spoon-shaped or easily split)', '', 'Vitamin C (Ascorbic Acid) and Iron', '', 'Cold hands', ''].join('\n'),
      ['Iron Notes', 'Signs of Low Iron', 'Vitamin C (Ascorbic Acid) and Iron'],
    ],
    [
      'a hard-wrapped sentence: a piece opening on a closing bracket, a piece stopping on "these", a piece whose next line goes on in lower case',
      [
        'Only rare cases of acute iodine poisoning are known. The',
        'symptoms',
        '  include burning of the mouth, fever and vomiting, seen after',
        'doses',
        '  of several grams. Thyroid changes were reported with long intakes (12,',
        '  13). Because the gland adapts slowly, these',
        '  changes may go unnoticed for months.',
        '',
        '  For teenagers the same reasoning gives an upper level of 600-900',
        'mcg',
        '  a day, which few diets reach.',
        '',
        'Iodised Salt',
        'One gram of iodised salt supplies about a third of the daily need.',
      ].join('\n'),
      ['Iodised Salt'],
    ],
    [
      'a hard-wrapped sentence broken after a preposition, among bars a scraped page left (a real page\'s shape, our words)',
      [
        '|',
        '|',
        'Brazil Nuts, Two a Day for Selenium.',
        '|',
        '|',
        'The Brazil nut tree grows wild in the rain forests of',
        'South America. Each large round pod holds twenty or so',
        'seeds, and the pod weighs about two kilograms. It opens',
        'when the seeds are ripe.',
        '|',
        '|',
        'Brazil nuts hold more of the mineral Selenium at',
        "1,900 mcg per 100 g of nuts. Two nuts give a day's need. The Health Service",
        'advises that too much selenium is',
        'harmful, so keep under 300 mcg a day.',
        '|',
        '|',
      ].join('\n'),
      [],
    ],
    [
      'lines that end on a citation: a sentence with its marker after the full stop, and items whose bullets were lost (a real page\'s shape, our words)',
      [
        'Vitamin K Beyond Clotting',
        '',
        'A newly described lack of vitamin K may upset several body systems. [18]',
        'Trials of vitamin K have suggested these benefits:',
        ' Higher bone mineral density [10, 11]',
        ' Fewer fractures (through better bone structure) [5,6, 22]',
        ' Stronger teeth in growing children [59]',
        '',
        'Safety',
        '',
        'People on warfarin should not start vitamin K without their doctor.',
      ].join('\n'),
      ['Vitamin K Beyond Clotting', 'Safety'],
    ],
    [
      'a note opened by its label, under a list (a real page\'s shape, our words)',
      ['儿童补锌指南', '', '一、常用的补锌药物', '', '• 葡萄糖酸锌：吸收较好，适合大多数孩子', '• 甘草锌：口感较好', '注：疗程一般不超过两个月', '', 'Note: doses are for children over one year', '', '二、补锌的注意事项', '', '补锌期间要定期复查，不要自行加量。'].join('\n'),
      ['儿童补锌指南', '一、常用的补锌药物', '二、补锌的注意事项'],
    ],
    [
      'a slug line in lower case above the title (a real page\'s shape, our words)',
      ['benefits of vitamin c', '', 'The Many Benefits of Vitamin C', '', 'Vitamin C helps the body make collagen and absorb iron from plants.', ''].join('\n'),
      ['The Many Benefits of Vitamin C'],
    ],
    [
      'a dateline with its author, and a byline of a bar and a date (real pages\' shapes, our words)',
      ['Zinc Lozenges for Colds', '', 'June 2 2021 by Sam Lee, M.D. (supplement notes)', '', 'By | Monday, 3 May 2021 10:15 AM', '', 'Zinc lozenges may shorten a cold by a day or two when started early.', '', 'By Age', '', 'Children under twelve should not use adult lozenges.'].join('\n'),
      ['Zinc Lozenges for Colds', 'By Age'],
    ],
    [
      'an inlined image left as text, and a name with its degrees (real pages\' shapes, our words)',
      ['Krill Oil or Fish Oil', '', 'Seen<image>data:image/s3,"s3://crabby-images/c2d51/c2d51a8744ae50e8c4e5ff27f4a8e0c6a04437a5" alt=""</image>', '', 'Dana Whitfield, MPH, RD', '', 'Krill oil holds less omega-3 per capsule than most fish oils, and it costs more.', ''].join('\n'),
      ['Krill Oil or Fish Oil'],
    ],
    [
      "a sidebar's link lines glued to a middle dot, and a signature line of dashes",
      [
        '钙片服用提示',
        '一、服用时间',
        '钙片随餐服用吸收较好。',
        '                              ----营养科',
        '热门话题',
        '·周末去哪儿 ·小区停水通知',
        '·晒晒我家的猫 ·今天签到',
        '·雨后的公园 ·跑步打卡第三天',
        '·新开的面馆 ·二手自行车转让',
        '·社区义诊 ·旧书交换',
      ].join('\n'),
      ['钙片服用提示', '一、服用时间', '热门话题'],
    ],
    [
      'a first line of Chinese sentences that ends in a question, then a heading',
      ['维生素是调节身体的物质，不是能量的来源。所以平时需要的量并不高，但有人会吃得过多。那么维生素B6吃多了有什么副作用呢?', '', '维生素B6吃多了的伤害', '', '维生素B6是水溶性维生素，多余的部分会随尿液排出。'].join('\n'),
      ['维生素B6吃多了的伤害'],
    ],
    [
      'Markdown headings typed into a plain-text draft, closing hashes and all; a hashtag or a sentence after a hash is none',
      ['#  碘攝取不足的影響', '', '缺碘會引起甲狀腺腫大。', '', '#### 碘是人體必要元素 ##', '', '碘是合成甲狀腺素的原料。', '', '#碘 #甲狀腺', '', '# 是清單裡「號碼」的記號。'].join('\n'),
      ['碘攝取不足的影響', '碘是人體必要元素'],
    ],
    [
      'what a line ending in a colon announces, and a block of short lines under a label',
      [
        '维生素D怎么补',
        '',
        '成人每天的维生素D上限为50微克，长期过量可能出现:',
        '恶心、食欲下降',
        '这些症状多在停用后消失。',
        '',
        '哪些人适合补充',
        '老年人(骨骼、肌肉)',
        '上班族(很少晒太阳)',
        '孕妇(先问医生)',
        '',
        'Nutrient Function: |',
        'Vitamin D helps the gut absorb calcium.',
      ].join('\n'),
      ['维生素D怎么补', '哪些人适合补充'],
    ],
    [
      'a field of a question form holding an age',
      ['维生素D每天吃多少合适', '', '提问者:男,36岁', '', '一、成人用量', '', '成人每天400至800国际单位即可。'].join('\n'),
      ['维生素D每天吃多少合适', '一、成人用量'],
    ],
    [
      'list items whose bullets stand alone on the line above, and a run of sentence-case labels',
      [
        'Signs of Too Much Iron',
        'Early signs can be mild:',
        '-',
        'Stomach pain',
        '-',
        'Constipation',
        '-',
        'Dark stools',
        'Most of these fade when the dose is lowered.',
        'Severe cases',
        'Liver strain',
        'Joint pain',
        'Skin darkening',
        'Low energy',
        'See a doctor if any of these last more than a week.',
        'Who Should Be Careful',
        'People with haemochromatosis should not take iron at all.',
      ].join('\n'),
      ['Signs of Too Much Iron', 'Who Should Be Careful'],
    ],
  ])('%s', (_what, text, expected) => {
    expect(headings(text)).toEqual(expected);
  });
});

describe('headings that stay headings', () => {
  it.each<[string, string, string[]]>([
    [
      'title-cased headings over prose, one holding a number but no unit',
      ['Vitamin C and Colds', '', 'The 3 Forms Worth Buying', '', 'Ascorbic acid is the cheapest form.', '', 'How Much to Take', '', 'Most adults need 75 to 90 mg a day.'].join('\n'),
      ['Vitamin C and Colds', 'The 3 Forms Worth Buying', 'How Much to Take'],
    ],
    [
      'a title followed by a dateline in lower case',
      ['Magnesium explained: forms, doses and side effects', 'on March 3, 2025', '', 'Magnesium helps muscles relax.'].join('\n'),
      ['Magnesium explained: forms, doses and side effects'],
    ],
    [
      'a caption run of four short title-cased lines above a paragraph',
      ['Selenium Guide', '', 'Safe Amounts', 'Food Sources', 'Warning Signs', 'Selenium is needed in small amounts only.'].join('\n'),
      ['Selenium Guide', 'Safe Amounts', 'Food Sources', 'Warning Signs'],
    ],
    [
      'Chinese section headings with enumerators',
      ['叶酸怎么补', '1、服用时间', '叶酸最好在备孕前三个月开始服用。', '2、剂量选择', '一般每天补充0.4毫克即可。'].join('\n'),
      ['叶酸怎么补', '1、服用时间', '2、剂量选择'],
    ],
  ])('%s', (_what, text, expected) => {
    expect(headings(text)).toEqual(expected);
  });
});
