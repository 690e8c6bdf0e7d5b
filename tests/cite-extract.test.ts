/** Citation extraction: markers in prose, reference-list entries, URL checks, the citation table. */
import { describe, expect, it } from 'vitest';
import { checkUrl, citationTable, citations, normaliseUrl, scanMarkers } from '../src/cite/index.js';
import { researchCue } from '../src/cite/claims.js';
import { sentences } from '../src/sentences.js';
import { docFromText, sampleDoc } from './helpers.js';

describe('scanMarkers', () => {
  it.each([
    { text: 'present in many foods ( 1 , 2 , 3 ).', markers: [['( 1 , 2 , 3 )', [1, 2, 3]]] },
    { text: 'calm and relaxed (1, 2).', markers: [['(1, 2)', [1, 2]]] },
    { text: 'including ( 2 ):', markers: [['( 2 )', [2]]] },
    { text: 'it helps sleep (3).', markers: [['(3)', [3]]] },
    { text: 'Zinc shortens colds by three days.(1) It is cheap.', markers: [['(1)', [1]]] },
    // An item list numbered after each full stop: the numbers open items, they cite nothing.
    { text: '这篇综述分几部分：(1)孕期的钙需要量。(2)老年人的钙与维生素D。(3)钙补充剂的选择。', markers: [] },
    { text: 'The guide has three parts.(1)Timing of the dose.(2)Food that helps.(3)Side effects.', markers: [] },
    { text: 'it helps sleep [1].', markers: [['[1]', [1]]] },
    { text: 'set the 400 mg benchmark [1.2.3].', markers: [['[1.2.3]', [1, 2, 3]]] },
    { text: 'see section [1.5] of the label.', markers: [] },
    { text: 'sleep [1–3] and mood [1,2].', markers: [['[1–3]', [1, 2, 3]], ['[1,2]', [1, 2]]] },
    { text: 'sleep [4, 7-9].', markers: [['[4, 7-9]', [4, 7, 8, 9]]] },
    { text: 'sleep¹ and mood²³ and rest¹⁻³.', markers: [['¹', [1]], ['²³', [23]], ['¹⁻³', [1, 2, 3]]] },
    { text: 'sleep<sup>4</sup> and mood<sup>[5]</sup>.', markers: [['<sup>4</sup>', [4]], ['<sup>[5]</sup>', [5]]] },
    { text: '镁是地球上最常见的矿物之一,并且存在于许多食物中( 1 , 2 , 3 ).', markers: [['( 1 , 2 , 3 )', [1, 2, 3]]] },
    { text: '镁有助于睡眠（4）。', markers: [['（4）', [4]]] },
    // Endnotes numbered in roman numerals (markers that number no entry of a reference list),
    // and a number glued to the label of a lost link (real pages' shapes, our words).
    { text: 'Survival improved in people with liver cancer.[iii] Later trials disagreed.[iv] Others [xii] and [ix].', markers: [['[iii]', []], ['[iv]', []], ['[xii]', []], ['[ix]', []]] },
    { text: 'Adults can take up to 11 mg a day (30Trusted Source). Levels differ (12 Trusted Source) by age.', markers: [['(30Trusted Source)', [30]], ['(12 Trusted Source)', [12]]] },
    { text: 'A note<sup>ii</sup> on doses.', markers: [['<sup>ii</sup>', []]] },
    { text: 'As Smith et al<sup>2</sup> and the review<sup>3</sup> found.', markers: [['<sup>2</sup>', [2]], ['<sup>3</sup>', [3]]] },
  ])('finds the numeric markers of "$text"', ({ text, markers }) => {
    const found = scanMarkers(text).map((m) => [m.text, m.numbers]);
    expect(found).toEqual(markers);
    for (const m of scanMarkers(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it.each([
    'binds to gamma-aminobutyric acid (GABA) receptors',
    'Older Adults (65+) | 50+',
    'published in 2016 (2016) and Q1 (Lowest)',
    'Pumpkin seeds (1 oz) and spinach (½ cup)',
    'amounts in the range (225–500).',
    'take (3) capsules a day',
    '(1) first, then the rest',
    'an area of 5 m² and 10³ cells, 3 cm³ each',
    'heterogeneity was high (I<sup>2</sup> = 64%) over 3 m<sup>2</sup> and 10<sup>6</sup> cells',
    'a cohort of adults (3,562) and of children (12,400)',
    '[1] Smith J. Magnesium and sleep. 2019.',
    'Short Sleep (<7h) (OR) and 1 (Ref.)',
    'Vitamins [a], [iiii], [vx] and [I] are not endnotes.',
    'Read (Trusted Source) and (0Trusted Source).',
  ])('finds no marker in "%s"', (text) => {
    expect(scanMarkers(text)).toEqual([]);
  });

  it('takes a lone "(3)" in a table cell for a figure', () => {
    expect(scanMarkers('(3)', [], { tableCell: true })).toEqual([]);
    expect(scanMarkers('Sleep ( 3 )', [], { tableCell: true })).toHaveLength(1);
  });

  it.each([
    ['Supplementing helps (source).', '(source)'],
    ['It works [citation needed].', '[citation needed]'],
    ['See the study (link).', '(link)'],
    ['镁有助于睡眠（来源）。', '（来源）'],
    ['Magnesium helps (Source).', '(Source)'],
  ])('finds the placeholder in "%s"', (text, placeholder) => {
    expect(scanMarkers(text).map((m) => [m.kind, m.text])).toEqual([['placeholder', placeholder]]);
  });

  it.each(['The (sources of magnesium) vary.', 'Click the link (below).', 'Open source (software) tools'])(
    'finds no placeholder in "%s"',
    (text) => {
      expect(scanMarkers(text)).toEqual([]);
    },
  );
});

describe('links as citations', () => {
  it('reads Markdown links: a numbered link, a worded link, a link with no target', () => {
    const doc = docFromText('# Sleep\n\nCalm [1](https://a.org/1) and ([study](https://b.org/2)), see ([source]()).\n', 'md');
    const markers = citations(doc).markers.map((m) => [m.kind, m.text, m.numbers, m.url ?? null, m.span.start.column]);
    expect(markers).toEqual([
      ['numeric', '1', [1], 'https://a.org/1', 7],
      ['link', 'study', [], 'https://b.org/2', 33],
      ['placeholder', 'source', [], null, 65],
    ]);
  });

  it('reads HTML links: a fragment link to the list is a numbered marker', () => {
    const doc = docFromText('<p>Sleep <a href="#r1">[1]</a> and <a href="https://x.org/a">this study</a>.</p>', 'html');
    const markers = citations(doc).markers.map((m) => [m.kind, m.text, m.numbers, m.url ?? null]);
    expect(markers).toEqual([
      ['numeric', '[1]', [1], null],
      ['link', 'this study', [], 'https://x.org/a'],
    ]);
  });

  it('counts a bare URL in a plain-text paragraph as a link citation', () => {
    const doc = docFromText('Title\n\nSee https://ods.od.nih.gov/factsheets/ for figures.\n');
    expect(citations(doc).markers.map((m) => [m.kind, m.url])).toEqual([['link', 'https://ods.od.nih.gov/factsheets/']]);
  });
});

describe('reference list', () => {
  const entriesOf = (text: string, format: 'txt' | 'md' | 'html' = 'txt') =>
    citations(docFromText(text, format)).entries.map((e) => [e.number, e.span.start.line, e.text]);

  it.each([
    {
      name: 'a "References:" line and one URL per line (txt)',
      format: 'txt' as const,
      text: 'Title\n\nText ( 1 ).\n\nReferences:\n\nhttps://a.org/1\nhttps://a.org/2\n',
      entries: [
        [1, 7, 'https://a.org/1'],
        [2, 8, 'https://a.org/2'],
      ],
    },
    {
      // (A real page's shape, our words.)
      name: 'two bracketed entries run into one line, the third on its own (txt)',
      format: 'txt' as const,
      text: 'Title\n\nText [1] and [2] and [3].\n\nReferences\n\n[1] Smith J. Sleep and magnesium. Nutrients. 2019;11:1-9. [2] Lee K, Park S. Minerals [review]. 2020.\n\n[3] Chen L. Zinc and colds. 2021.\n',
      entries: [
        [1, 7, 'Smith J. Sleep and magnesium. Nutrients. 2019;11:1-9.'],
        [2, 7, 'Lee K, Park S. Minerals [review]. 2020.'],
        [3, 9, 'Chen L. Zinc and colds. 2021.'],
      ],
    },
    {
      name: 'a "Sources" line and numbered entries without URLs (txt)',
      format: 'txt' as const,
      text: 'Title\n\nText ( 1 ).\n\nSources\n\n1. Smith J. Sleep and magnesium. 2019.\n2. Lee K. Minerals. 2020.\n',
      entries: [
        [1, 7, 'Smith J. Sleep and magnesium. 2019.'],
        [2, 8, 'Lee K. Minerals. 2020.'],
      ],
    },
    {
      name: 'labelled entries keep their labels (txt)',
      format: 'txt' as const,
      text: 'Title\n\nText [3].\n\nReferences:\n[3] https://a.org/3\n[9] https://a.org/9\n',
      entries: [
        [3, 6, 'https://a.org/3'],
        [9, 7, 'https://a.org/9'],
      ],
    },
    {
      name: '参考文献 (txt)',
      format: 'txt' as const,
      text: '标题\n\n镁有助于睡眠( 1 ).\n\n参考文献\n\n1. https://a.org/1\n',
      entries: [[1, 7, 'https://a.org/1']],
    },
    {
      // Traditional characters, and entries with no link or year to tell them by.
      name: '參考文獻 over entries of names alone (txt)',
      format: 'txt' as const,
      text: '標題\n\n鎂有助於睡眠[1]。\n\n參考文獻\n\n1. 衛生福利部國民健康署。國人膳食營養素參考攝取量。\n',
      entries: [[1, 7, '衛生福利部國民健康署。國人膳食營養素參考攝取量。']],
    },
    {
      // A page that puts each entry's label on a line of its own, above the entry.
      name: '資料來源 over labels alone on their lines (txt)',
      format: 'txt' as const,
      text: '標題\n\n鎂有助於睡眠[1]，也能放鬆肌肉[2]。\n\n資料來源\n[1]\n衛生福利部國民健康署。國人膳食營養素參考攝取量。\n[2]\nLee K. Magnesium and muscle. 2020.\n',
      entries: [
        [1, 7, '衛生福利部國民健康署。國人膳食營養素參考攝取量。'],
        [2, 9, 'Lee K. Magnesium and muscle. 2020.'],
      ],
    },
    {
      name: '资料来源 over a numbered list (txt)',
      format: 'txt' as const,
      text: '标题\n\n镁有助于睡眠( 1 )。\n\n资料来源\n\n1. 国家卫生健康委员会。中国居民膳食营养素参考摄入量。\n',
      entries: [[1, 7, '国家卫生健康委员会。中国居民膳食营养素参考摄入量。']],
    },
    {
      name: 'a References paragraph and an ordered list starting at 3 (md)',
      format: 'md' as const,
      text: '# T\n\nText [3].\n\nReferences:\n\n3. https://a.org/3\n4. [NIH](https://nih.gov/x)\n',
      entries: [
        [3, 7, 'https://a.org/3'],
        [4, 8, 'NIH'],
      ],
    },
    {
      name: 'a References heading and one URL per line in one paragraph (md)',
      format: 'md' as const,
      text: '# T\n\nText [1].\n\n## References\n\nhttps://a.org/1\nhttps://a.org/2\n',
      entries: [
        [1, 7, 'https://a.org/1'],
        [2, 8, 'https://a.org/2'],
      ],
    },
    {
      name: 'an HTML References heading and ordered list',
      format: 'html' as const,
      text: '<h1>T</h1>\n<p>Text [1].</p>\n<h2>References</h2>\n<ol>\n<li><a href="https://x.org/a">X</a></li>\n<li>https://y.org/b</li>\n</ol>\n',
      entries: [
        [1, 5, 'X'],
        [2, 6, 'https://y.org/b'],
      ],
    },
  ])('$name', ({ text, format, entries }) => {
    expect(entriesOf(text, format)).toEqual(entries);
  });

  it('numbers entries by position when their labels repeat', () => {
    expect(entriesOf('Title\n\nText.\n\nReferences:\n1. https://a.org/1\n1. https://a.org/2\n').map((e) => e[0])).toEqual([1, 2]);
  });

  it('reads the 33 entries of 002', () => {
    const { entries } = citations(sampleDoc('002'));
    expect(entries).toHaveLength(33);
    expect(entries.map((e) => e.span.start.line)).toEqual(Array.from({ length: 33 }, (_, k) => 83 + k));
    expect(entries.map((e) => e.number)).toEqual(Array.from({ length: 33 }, (_, k) => k + 1));
  });

  it('shares one extraction between callers', () => {
    const doc = sampleDoc('002');
    expect(citations(doc)).toBe(citations(doc));
  });
});

describe('checkUrl and normaliseUrl', () => {
  it.each([
    ['https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/'],
    ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4455825'],
    ['http://example.org/a_(b)'],
    ['www.example.org/page'],
    ['https://[2001:db8::1]/x'],
  ])('accepts %s', (url) => {
    expect(checkUrl(url)).toBeUndefined();
  });

  it.each([
    [
      'https://www.healthline.comhttps://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
      'second-scheme',
      'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
    ],
    ['https://a.org/xhttps://b.org/y', 'second-scheme', undefined],
    ['https://www.ncbi.nlm.nih.gov/pubmed/ 25540137', 'space', 'https://www.ncbi.nlm.nih.gov/pubmed/25540137'],
    ['https://healthline/nutrition', 'host-without-dot', undefined],
    ['https://exa mple', 'space', undefined],
    ['http//example.org/x', 'missing-colon', 'http://example.org/x'],
    ['https:/example.org/x', 'missing-slashes', 'https://example.org/x'],
    ['https://exa<mple.org', 'unparseable', undefined],
  ])('rejects %s (%s)', (url, reason, expected) => {
    const problem = checkUrl(url);
    expect(problem?.reason).toBe(reason);
    expect(problem?.expected).toBe(expected);
  });

  it('compares URLs without scheme, "www." or trailing slash', () => {
    expect(normaliseUrl('https://www.NCBI.nlm.nih.gov/pmc/articles/PMC4455825/')).toBe(
      normaliseUrl('http://ncbi.nlm.nih.gov/pmc/articles/PMC4455825'),
    );
    expect(normaliseUrl('https://a.org/x?id=1')).not.toBe(normaliseUrl('https://a.org/x?id=2'));
  });
});

describe('sentences and research cues', () => {
  it('splits sentences, keeping a marker after the full stop with its sentence', () => {
    const text = 'In one study, adults took 11.25 mg. Next, e.g. this one. J. Smith said so.[3] Really? 镁很重要。然后';
    expect(sentences(text).map((r) => text.slice(r.start, r.end))).toEqual([
      'In one study, adults took 11.25 mg.',
      'Next, e.g. this one.',
      'J. Smith said so.[3]',
      'Really?',
      '镁很重要。',
      '然后',
    ]);
  });

  it.each([
    ['Studies show that magnesium helps.', 'Studies show'],
    ['A 2016 study found that magnesium helps.', 'study found'],
    ['Researchers found lower cortisol.', 'Researchers found'],
    ['In a clinical trial, adults slept longer.', 'In a clinical trial'],
    ['Some studies suggest a link.', 'studies suggest'],
    ['There have been cohort studies, like the CARDIA study, on sleep.', 'the CARDIA study'],
    ['研究表明,镁有助于睡眠。', '研究表明'],
    ['According to the research, 100 mg is enough.', 'According to the research'],
    ['More and more studies show that magnesium helps.', 'studies show'],
  ])('takes "%s" for a research claim', (sentence, cue) => {
    expect(researchCue(sentence)?.text).toBe(cue);
  });

  it.each([
    'Do studies show that magnesium helps?',
    'More research is needed.',
    'No studies have shown a benefit.',
    'Future studies will hopefully give us clearer answers.',
    "It's now time to take a look at some of the clinical trials.",
    'He has published scholarly research on nootropics.',
    'The Institute of Medicine suggests 400 mg.',
    '医药研究所表明,成人每天需要镁。',
  ])('takes "%s" for no research claim', (sentence) => {
    expect(researchCue(sentence)).toBeUndefined();
  });
});

describe('citationTable', () => {
  it('maps each number of 002 to its entry and the lines citing it', () => {
    const table = citationTable(sampleDoc('002'));
    expect(table.path).toBe('input/002_42ea68e9ece25881.txt');
    expect(table.entries).toBe(33);
    expect(table.rows.map((r) => r.marker)).toEqual(Array.from({ length: 33 }, (_, k) => k + 1));
    const two = table.rows[1]!;
    expect(two.reference).toEqual({
      ordinal: 2,
      line: 84,
      text: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4455825',
      url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4455825',
      malformed: false,
    });
    expect(two.usedAt.map((u) => u.line)).toEqual([11, 31, 62, 69, 70]);
    const three = table.rows[2]!;
    expect(three.reference).toMatchObject({
      line: 85,
      malformed: true,
      expected: 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/',
    });
    expect(three.usedAt.map((u) => u.line)).toEqual([11, 12, 13, 54]);
    expect(table.rows[4]!.reference).toMatchObject({ line: 87, duplicateOfLine: 86 });
    // Entries past 16 are never cited in 002.
    expect(table.rows.filter((r) => r.usedAt.length === 0).map((r) => r.marker)).toEqual(
      Array.from({ length: 17 }, (_, k) => k + 17),
    );
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });

  it('lists the numbers of 000 with no entry, and the placeholders of 004', () => {
    const t0 = citationTable(sampleDoc('000'));
    expect(t0.entries).toBe(0);
    expect(t0.rows.map((r) => r.marker)).toEqual(Array.from({ length: 17 }, (_, k) => k + 1));
    expect(t0.rows.every((r) => r.reference === null)).toBe(true);
    expect(t0.rows[16]!.usedAt).toEqual([{ line: 107, column: 123 }]);
    const t4 = citationTable(sampleDoc('004'));
    expect(t4.rows).toEqual([]);
    expect(t4.placeholders.map((p) => p.line)).toEqual([40, 47, 56, 67, 72, 86]);
  });
});

describe('reference list look-alikes', () => {
  it('does not take "Sources:" over a list of foods for a reference list', () => {
    const doc = docFromText('# T\n\nMagnesium helps ( 1 ).\n\nSources:\n\n- spinach\n- almonds\n', 'md');
    expect(citations(doc).entries).toEqual([]);
  });
});
