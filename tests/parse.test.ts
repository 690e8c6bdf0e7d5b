import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';
import { lineStartsOf, sourceOffset } from '../src/position.js';
import fc from 'fast-check';
import type { Block, Format } from '../src/types.js';
import { ROOT, docFromText, sampleDoc, samplePath } from './helpers.js';

function kinds(blocks: Block[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const b of blocks) out[b.kind] = (out[b.kind] ?? 0) + 1;
  return out;
}

describe('plain-text normaliser on the samples', () => {
  it.each([
    ['000', 48, { paragraph: 38, heading: 6, listItem: 4 }],
    ['001', 75, { paragraph: 63, heading: 8, listItem: 4 }],
    ['002', 104, { heading: 10, paragraph: 61, reference: 33 }],
    ['003', 246, { paragraph: 56, heading: 35, listItem: 74, tableCell: 81 }],
    ['004', 117, { heading: 9, paragraph: 90, listItem: 18 }],
  ])('%s gives %i blocks of the expected kinds', (sample, count, expected) => {
    const doc = sampleDoc(sample);
    expect(doc.blocks).toHaveLength(count);
    expect(kinds(doc.blocks)).toEqual(expected);
  });

  it.each(['000', '001', '002', '003', '004'])('every block of %s starts at a line holding its text', (sample) => {
    const doc = sampleDoc(sample);
    const lines = doc.text.split(/\r?\n/);
    for (const block of doc.blocks) {
      const line = lines[block.position.start.line - 1]!;
      const head = block.text.slice(0, 40);
      expect(line.slice(block.position.start.column - 1)).toContain(head);
      // Every text index maps into the file onto the same character.
      for (const i of [0, Math.floor(block.text.length / 2), block.text.length - 1]) {
        if (block.text[i] === ' ') continue;
        expect(doc.text[sourceOffset(block, i)]).toBe(block.text[i]);
      }
    }
  });

  const headings002: Array<[number, string]> = [
    [1, 'Does Magnesium Help You Sleep Better?'],
    [10, 'What Is Magnesium?'],
    [19, 'It Can Help Your Body and Brain Relax'],
    [28, 'Not Having Enough of It Interferes With Sleep'],
    [39, 'It Helps Regulate Sleep Quality'],
    [50, 'It May Help Alleviate Anxiety and Depression'],
    [58, 'How to Take Magnesium to Help With Sleep'],
    [66, 'What to Consider When Taking Supplements'],
    [75, 'The Bottom Line'],
    [81, 'References'],
  ];
  it('finds every heading of 002 at its line, the "Title:" prefix dropped', () => {
    const doc = sampleDoc('002');
    const found = doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.position.start.line, b.text]);
    expect(found).toEqual(headings002);
    const title = doc.blocks[0]!;
    expect(title.depth).toBe(1);
    expect(title.position.start.column).toBe(8);
  });

  const headings003: Array<[number, string]> = [
    [2, 'Key Takeaways'],
    [8, 'Role of Magnesium in Sleep Regulation'],
    [10, 'Magnesium and Neurotransmitter Activity'],
    [17, 'Influence on Melatonin Production'],
    [23, 'Impact on the Sleep–Wake Cycle'],
    [36, 'Interaction Between Magnesium Deficiency and Biological Pathways'],
    [37, 'Glutamatergic and GABAergic Systems'],
    [43, 'Calcium and Magnesium Antagonism'],
    [53, 'Effect on Stress Hormones'],
    [59, 'Magnesium Deficiency and Sleep Disorders: Epidemiological Insights'],
    [60, 'Prevalence in Different Populations'],
    [70, 'Associations with Sleep Duration'],
    [75, 'Variation Across Age and Health Status'],
    [82, 'Influence of Magnesium on Mental Health and Sleep Quality'],
    [83, 'Depression as a Modifying Factor'],
    [90, 'Interplay with Stress and Anxiety'],
    [101, 'Neurotransmitter Imbalances'],
    [113, 'Circadian Regulation and Magnesium Homeostasis'],
    [115, 'Role in Cellular Timekeeping'],
    [120, 'Effect on Energy Balance'],
    [129, 'Regulation by Dietary Factors'],
    [138, 'Calcium-to-Magnesium Ratio and its Impact on Sleep'],
    [157, 'Clinical and Nutritional Approaches to Address Magnesium Deficiency and Sleep Disorders'],
    [158, 'Assessment and Diagnosis Strategies'],
    [168, 'Dietary Recommendations for Magnesium Optimization'],
    [182, 'Use and Efficacy of Magnesium Supplementation'],
    [190, 'Conclusion'],
    [192, 'Frequently Asked Questions'],
    [193, 'What does magnesium do for sleep?'],
    [195, 'Can not getting enough magnesium cause sleep problems?'],
    [197, 'Which foods are high in magnesium?'],
    [199, 'Is it safe to take magnesium supplements for better sleep?'],
    [201, 'How does magnesium help with stress and anxiety?'],
    [203, 'Does the balance between calcium and magnesium matter for sleep?'],
  ];
  it.each(headings003)('003 line %i is a heading: %s', (line, text) => {
    const doc = sampleDoc('003');
    const block = doc.blocks.find((b) => b.position.start.line === line);
    expect(block?.kind).toBe('heading');
    expect(block?.text).toBe(text);
  });

  it('reads FAQ questions of 003 as sub-headings and keeps questions in prose as paragraphs', () => {
    const faq = sampleDoc('003').blocks.find((b) => b.text === 'What does magnesium do for sleep?');
    expect(faq?.depth).toBe(3);
    const prose = sampleDoc('004').blocks.find((b) => b.text.startsWith('Does magnesium really deserve'));
    expect(prose?.kind).toBe('paragraph');
  });

  it('reads Chinese section titles of 001 as headings and Chinese sentences as paragraphs', () => {
    const doc = sampleDoc('001');
    expect(doc.blocks.find((b) => b.position.start.line === 104)).toMatchObject({ kind: 'heading', text: '如何拿镁睡眠睡眠' });
    expect(doc.blocks.find((b) => b.position.start.line === 1)?.kind).toBe('paragraph');
    expect(doc.blocks.find((b) => b.position.start.line === 21)?.kind).toBe('paragraph');
  });

  it('reads "•" bullets as list items without the bullet', () => {
    const item = sampleDoc('001').blocks.find((b) => b.position.start.line === 56)!;
    expect(item).toMatchObject({ kind: 'listItem', text: 'People with diabetes:Insulin resistance and diabetes are linked with excess magnesium loss.' });
    expect(item.position.start.column).toBe(5);
  });

  // A clinic's list of supplements after surgery, its outline kept by indents (a real page's shape, our words).
  it('nests the bullets a plain-text draft indents under an item, and keeps each item a block at its column', () => {
    const text = [
      'Supplements after surgery',
      '',
      '  1. Daily multivitamin',
      '    • It should hold at least:',
      '      • 400 mcg folate',
      '      • 18 mg iron',
      '    • Chewable for the first weeks',
      '  2. Calcium citrate',
      '    • 1,200 mg a day in divided doses',
      '',
    ].join('\n');
    const doc = docFromText(text, 'txt');
    const lists = doc.tree.children.filter((n) => n.type === 'list');
    expect(lists).toHaveLength(1);
    const outline = (list: any): unknown[] => list.children.map((item: any) => [item.children[0].children[0].value, ...item.children.slice(1).map(outline)]);
    expect(outline(lists[0])).toEqual([
      ['Daily multivitamin', [['It should hold at least:', [['400 mcg folate'], ['18 mg iron']]], ['Chewable for the first weeks']]],
      ['Calcium citrate', [['1,200 mg a day in divided doses']]],
    ]);
    const folate = doc.blocks.find((b) => b.text === '400 mcg folate')!;
    expect(folate).toMatchObject({ kind: 'listItem', position: { start: { line: 5, column: 9 } } });
  });

  it('reads a line wholly in bold Markdown as a heading of the words between the stars', () => {
    const text = '無鈉鹽與鉀\n\n高血壓患者千萬別以為吃無鈉鹽就代表健康，多數無鈉鹽是以鉀離子取代鈉離子。\n\n**蔬果含豐富鉀離子 較為健康**\n\n營養師建議多吃蔬菜、水果，營養較均衡。\n';
    const heading = docFromText(text, 'txt').blocks.find((b) => b.kind === 'heading' && b.text.includes('蔬果'))!;
    expect(heading).toMatchObject({ text: '蔬果含豐富鉀離子 較為健康', position: { start: { line: 5, column: 3 } } });
  });

  it('reads a divider typed as in Markdown ("* * *", "----------") as a break, not a bullet', () => {
    const { tree, blocks } = parse('Iron overload\n\nToo much iron builds up in the liver over years.\n\n* * *\n\nBlood donation lowers it.\n\n----------\n\n- Eat less red meat\n', 'txt');
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'thematicBreak', 'paragraph', 'thematicBreak', 'list']);
    expect(blocks.map((b) => b.text)).toEqual(['Iron overload', 'Too much iron builds up in the liver over years.', 'Blood donation lowers it.', 'Eat less red meat']);
  });

  it('reads pipe tables as GFM tables with a block per cell at its column', () => {
    const doc = sampleDoc('003');
    const cell = doc.blocks.find((b) => b.kind === 'tableCell' && b.text === 'Fewer with higher magnesium')!;
    expect(cell.position.start).toMatchObject({ line: 32, column: 26 });
    const table = doc.tree.children.find((n) => n.type === 'table');
    expect(table?.type).toBe('table');
  });

  it('reads the reference list of 002 as 33 entries, URLs as links', () => {
    const doc = sampleDoc('002');
    const refs = doc.blocks.filter((b) => b.kind === 'reference');
    expect(refs).toHaveLength(33);
    expect(refs[0]).toMatchObject({ text: 'https://www.healthline.com/nutrition/10-proven-magnesium-benefits', position: { start: { line: 83, column: 1 } } });
    const list = doc.tree.children.find((n) => n.type === 'list');
    expect(JSON.stringify(list)).toContain('"type":"link"');
  });

  it('joins the lines of a hard-wrapped file into paragraphs', () => {
    const text = 'A Wrapped Article\n\nThis paragraph was wrapped at a fixed width by an\neditor and goes on over the next line and\nends here.\n\nA second paragraph that is also\nwrapped over two lines.\n';
    const doc = docFromText(text);
    expect(doc.blocks.map((b) => [b.kind, b.position.start.line, b.text])).toEqual([
      ['heading', 1, 'A Wrapped Article'],
      ['paragraph', 3, 'This paragraph was wrapped at a fixed width by an editor and goes on over the next line and ends here.'],
      ['paragraph', 7, 'A second paragraph that is also wrapped over two lines.'],
    ]);
    const second = doc.blocks[1]!;
    const at = second.text.indexOf('editor');
    expect(doc.text.slice(sourceOffset(second, at), sourceOffset(second, at) + 6)).toBe('editor');
  });

  it('joins a sentence a wrap broke in a file not wrapped as a whole, and leaves short lines and finished ones apart', () => {
    const text = [
      'Brazil Nuts',
      '',
      'Brazil nuts are the richest food source of selenium, with',
      'levels of the mineral at',
      'about 1,900 mcg per 100 g of nuts.',
      'Two nuts a day are plenty for most adults and children over ten.',
      'Good sources besides nuts:',
      'fish and shellfish',
      'eggs',
      'brown rice',
      'Most people in Europe get less selenium than people in the Americas do.',
      'soil levels explain most of the gap.',
    ].join('\n');
    expect(docFromText(text).blocks.map((b) => [b.kind, b.position.start.line, b.text])).toEqual([
      ['heading', 1, 'Brazil Nuts'],
      ['paragraph', 3, 'Brazil nuts are the richest food source of selenium, with levels of the mineral at about 1,900 mcg per 100 g of nuts.'],
      ['paragraph', 6, 'Two nuts a day are plenty for most adults and children over ten.'],
      ['paragraph', 7, 'Good sources besides nuts:'],
      ['paragraph', 8, 'fish and shellfish'],
      ['paragraph', 9, 'eggs'],
      ['paragraph', 10, 'brown rice'],
      ['paragraph', 11, 'Most people in Europe get less selenium than people in the Americas do.'],
      ['paragraph', 12, 'soil levels explain most of the gap.'],
    ]);
  });
});

describe('line ends and byte-order marks do not shift positions', () => {
  const lf = 'What Is Magnesium?\n\nMagnesium is a mineral ( 1 ).\n\nIt helps you sleep.\n';
  it.each([
    ['LF', lf],
    ['CRLF', lf.replace(/\n/g, '\r\n')],
    ['CR', lf.replace(/\n/g, '\r')],
  ])('%s', (_name, text) => {
    const doc = docFromText(text);
    expect(doc.blocks.map((b) => [b.position.start.line, b.position.start.column, b.text])).toEqual([
      [1, 1, 'What Is Magnesium?'],
      [3, 1, 'Magnesium is a mineral ( 1 ).'],
      [5, 1, 'It helps you sleep.'],
    ]);
  });
});

describe('text that reads differently from the file keeps its positions', () => {
  // Each case: a draft and a word after the difference; the word's first character in the
  // block's text must map onto the same word in the file.
  it.each<[string, Format, string, string]>([
    ['Markdown character references', 'md', 'Tom &amp; Jerry &mdash; a trial found better sleep (source).\n', '(source)'],
    ['Markdown backslash escapes', 'md', 'Take 2 \\* 200 mg \\[not a link\\] with food (source).\n', '(source)'],
    ['a code span', 'md', 'Write `<br>` only in HTML drafts (source).\n', '(source)'],
    ['a blockquote continued on a second line', 'md', '> Magnesium is a mineral\n> that helps you sleep (source).\n', '(source)'],
    ['a list item continued on an indented line', 'md', '- Magnesium is a mineral\n  that helps you sleep (source).\n', '(source)'],
    ['HTML references', 'html', '<p>Tom &amp; Jerry&nbsp;&mdash; a trial &#40;small&#41; found better sleep (source).</p>\n', '(source)'],
    ['HTML whitespace collapsed', 'html', '<p>Magnesium   is a\n      mineral that helps (source).</p>\n', '(source)'],
    ['Chinese after a reference', 'html', '<p>镁&amp;锌：一项研究发现睡眠改善（来源）。</p>\n', '（来源）'],
  ])('%s', (_name, format, text, word) => {
    const doc = docFromText(text, format);
    const block = doc.blocks.find((b) => b.text.includes(word))!;
    expect(block).toBeDefined();
    const at = sourceOffset(block, block.text.indexOf(word));
    expect(at).toBe(text.indexOf(word));
  });
});

describe('Markdown and HTML give the same blocks with positions in the original file', () => {
  it('Markdown: headings, paragraphs with inline markup, lists, tables, references', () => {
    const md = [
      '# Magnesium and Sleep',
      '',
      'Magnesium is **essential** for [health](https://example.org/a) ( 1 ).',
      '',
      '- Eat *greens*',
      '- Take it before bed',
      '',
      '| Food | mg |',
      '| --- | --- |',
      '| Spinach | 78 |',
      '',
      '## References',
      '',
      '1. https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
      '',
    ].join('\n');
    const doc = docFromText(md, 'md');
    expect(doc.blocks.map((b) => [b.kind, b.position.start.line, b.position.start.column, b.text])).toEqual([
      ['heading', 1, 1, 'Magnesium and Sleep'],
      ['paragraph', 3, 1, 'Magnesium is essential for health ( 1 ).'],
      ['listItem', 5, 3, 'Eat greens'],
      ['listItem', 6, 3, 'Take it before bed'],
      ['tableCell', 8, 1, 'Food'],
      ['tableCell', 8, 8, 'mg'],
      ['tableCell', 10, 1, 'Spinach'],
      ['tableCell', 10, 11, '78'],
      ['heading', 12, 1, 'References'],
      ['reference', 14, 4, 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/'],
    ]);
    const para = doc.blocks[1]!;
    const i = para.text.indexOf('health');
    expect(doc.text.slice(sourceOffset(para, i), sourceOffset(para, i) + 6)).toBe('health');
  });

  it('plain text: a pipe table whose rule row lost its dashes stays a table, its cells where they stand', () => {
    const txt = ['Vitamin C by age', '', '| Age | Limit |', '|||', '| Adults | 2000mg/day |', '| Teens | 1800mg/day |', ''].join('\n');
    const doc = docFromText(txt, 'txt');
    expect(doc.blocks.filter((b) => b.kind === 'tableCell').map((b) => [b.position.start.line, b.position.start.column, b.text])).toEqual([
      [3, 3, 'Age'],
      [3, 9, 'Limit'],
      [5, 3, 'Adults'],
      [5, 12, '2000mg/day'],
      [6, 3, 'Teens'],
      [6, 11, '1800mg/day'],
    ]);
  });

  it('HTML: script and style dropped, text positions kept', () => {
    const html = [
      '<html><head><style>p{color:red}</style><script>alert(1)</script></head>',
      '<body>',
      '<h1>Magnesium and Sleep</h1>',
      '<p>Magnesium is <b>essential</b> ( 1 ).</p>',
      '<ul><li>Eat greens</li></ul>',
      '<h2>References</h2>',
      '<ol><li>https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/</li></ol>',
      '</body></html>',
    ].join('\n');
    const doc = docFromText(html, 'html');
    expect(doc.blocks.map((b) => [b.kind, b.position.start.line, b.text])).toEqual([
      ['heading', 3, 'Magnesium and Sleep'],
      ['paragraph', 4, 'Magnesium is essential ( 1 ).'],
      ['listItem', 5, 'Eat greens'],
      ['heading', 6, 'References'],
      ['reference', 7, 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/'],
    ]);
    expect(JSON.stringify(doc.tree)).not.toContain('alert');
    const para = doc.blocks[1]!;
    expect(doc.text.slice(sourceOffset(para, 0), sourceOffset(para, 0) + 9)).toBe('Magnesium');
  });
});

describe('what the cite rules need from the parsers', () => {
  it('keeps <sup> citation numbers of HTML as superscript characters at their place', () => {
    const doc = docFromText('<p>Magnesium matters<sup>1,2</sup> for sleep.</p>', 'html');
    expect(doc.blocks[0]!.text).toBe('Magnesium matters¹,² for sleep.');
  });

  it.each<[Format, string]>([
    ['md', 'Text ( 1 ).\n\nReferences:\n\n- https://a.org/x\n- https://b.org/y\n\n## Next\n\nMore text.\n'],
    ['html', '<p>Text ( 1 ).</p><p>Sources</p><ul><li>https://a.org/x</li><li>https://b.org/y</li></ul><h2>Next</h2><p>More text.</p>'],
  ])('reads a "References:" paragraph followed by a list as a reference list (%s)', (format, text) => {
    const doc = docFromText(text, format);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'reference', 'reference', 'heading', 'paragraph']);
  });
});

describe('lineStartsOf', () => {
  /** The line starts read one character at a time: "\n", "\r\n" and a lone "\r" end a line. */
  const byCharacter = (text: string): number[] => {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') starts.push(i + 1);
      else if (text[i] === '\r') starts.push((text[i + 1] === '\n' ? ++i : i) + 1);
    }
    return starts;
  };

  it('finds every line start, whatever ends the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '镁', ' ', '\n', '\r', '\r\n'), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(lineStartsOf(text)).toEqual(byCharacter(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('a reference list whose title the page lost', () => {
  const BODY = ['Folate helps the body make new cells, and a shortage in early pregnancy raises the risk of neural tube defects.', '', 'Most prenatal vitamins hold 400 micrograms.', ''];
  const ENTRIES = [
    '1. Okafor N, Lindqvist P, Haddad R, et al. (2018). Folic acid and the spine of the unborn. Obstet Rev 14(2): 33-41.',
    '2. Brandt K (2011). Vitamins in Pregnancy. In: Clinical Nutrition Handbook, 3rd ed.',
    '3. Moreau S, Adeyemi T, Castillo J, Nakamura H, Whitcombe',
  ];

  it.each([
    ['two whole entries and one cut short, at the end', [...BODY, ...ENTRIES], ['reference', 'reference', 'reference']],
    ['three entries in a row, before more prose', [...BODY, ENTRIES[0]!, ENTRIES[1]!, '3. Ito Y, Park S (2020). Folate status in Korea. J Nutr Sci 9: e12.', '', 'More on iron next week.'], ['reference', 'reference', 'reference']],
    ['a list of dated events, which is no reference list', [...BODY, '1. 1991: a large trial shows the benefit', '2. 1998: flour is fortified in the United States', '3. 2016: the advice is repeated'], ['listItem', 'listItem', 'listItem']],
    ['a single entry among list items', [...BODY, '1. Eat leafy greens', ENTRIES[0]!, '3. Take the tablet with water'], ['listItem', 'listItem', 'listItem']],
  ])('%s', (_name, lines, kinds) => {
    const doc = docFromText(lines.join('\n') + '\n', 'txt');
    expect(doc.blocks.filter((b) => b.kind === 'listItem' || b.kind === 'reference').map((b) => b.kind)).toEqual(kinds);
  });
});

describe('parse() is a pure function of text and format', () => {
  it('gives the same blocks twice', () => {
    const text = readFileSync(path.join(ROOT, samplePath('003')), 'utf8');
    expect(parse(text, 'txt').blocks).toEqual(parse(text, 'txt').blocks);
  });
});
