/**
 * The cleaner never damages correct text: what no finding objects to comes out word for
 * word, a change is made only for a finding whose repair is sure, and the Markdown it writes
 * adds no link, emphasis or escape the draft did not have. One test per case reported on
 * real pages (each failed before the cleaner was changed), clean fixtures, and a property
 * over generated clean articles.
 */
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { runDocumentRules } from '../src/audit.js';
import { cleanCorpus } from '../src/clean/index.js';
import { toMarkdown } from '../src/clean/markdown.js';
import { REPAIRING_RULES, surenessOf } from '../src/clean/fixes.js';
import { resolveConfig } from '../src/config.js';
import { buildCorpus } from '../src/corpus/index.js';
import { parse } from '../src/parse/index.js';
import { rules } from '../src/rules/index.js';
import type { Document, DocumentRule, Finding, Format } from '../src/types.js';
import * as F from './fixtures/clean/cases.js';
import { body, docFromText, readable, squeeze, untouchedSentences } from './helpers.js';

const config = resolveConfig();
const documentRules = rules.filter((r): r is DocumentRule => r.scope === 'document');

interface Cleaned {
  docs: Document[];
  findings: Finding[];
  resolved: Set<Finding>;
  outputs: Array<{ file: string; title: string; content: string }>;
}

async function clean(files: Record<string, string>): Promise<Cleaned> {
  const docs = Object.entries(files).map(([name, text]) => docFromText(text, name.slice(name.lastIndexOf('.') + 1) as Format, name));
  const findings = docs.flatMap((d) => runDocumentRules(d, documentRules, { config }));
  const { outputs, resolved } = await cleanCorpus(buildCorpus(docs, config), new Map(docs.map((d) => [d.path, d])), findings);
  return { docs, findings, resolved, outputs };
}


function nodesOfType(markdown: string, type: string): Nodes[] {
  const found: Nodes[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === type) found.push(n);
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(parse(body(markdown), 'md').tree);
  return found;
}

describe('cases reported on real pages', () => {
  it('leaves names and brands the glued-word test splits ("Nor way", "An drew", "Very well") as they are, and splits lower-case glued words', async () => {
    const text = [
      'Fish Oil in the North',
      '',
      'Norway has one of the highest intakes of fish oil in Europe.',
      '',
      'Andrew, a dietitian in Oslo, advises a portion of oily fish twice a week.',
      '',
      'You can get omega-3 from supplements andeating oily fish.',
      '',
      'Verywell Health checked the figures in this article in March.',
      '',
    ].join('\n');
    const { findings, resolved, outputs } = await clean({ 'north.txt': text });
    const out = outputs[0]!.content;
    expect(out).toContain('Norway has one of the highest intakes');
    expect(out).toContain('Andrew, a dietitian');
    expect(out).toContain('Verywell Health checked');
    expect(out).not.toMatch(/Nor way|An drew|Very well/);
    expect(out).toContain('from supplements and eating oily fish.');
    const glued = findings.filter((f) => f.data?.kind === 'glued-words');
    for (const f of glued) {
      const capital = /\p{Lu}/u.test(String(f.data!.actual));
      expect(surenessOf(f)?.confidence, String(f.data!.actual)).toBe(capital ? 'low' : 'high');
      expect(resolved.has(f), String(f.data!.actual)).toBe(!capital);
    }
    expect(glued.map((f) => f.data!.actual)).toContain('andeating');
  });

  it("never takes a portal's app prompt from a sibling version as the title or file name", async () => {
    const { outputs } = await clean({ 'iron.txt': F.IRON_ZH, 'iron-portal.txt': F.IRON_ZH_PORTAL });
    expect(outputs).toHaveLength(1);
    expect(outputs[0]!.title).toBe('铁与疲劳：你需要知道的事');
    expect(outputs[0]!.file).toBe('铁与疲劳-你需要知道的事.md');
    expect(outputs[0]!.content).not.toContain('打开APP');
  });

  it('never appends a cut-off sentence of a sibling, as a heading or at all, nor the footer after it', async () => {
    const { outputs } = await clean({ 'zinc.txt': F.ZINC, 'zinc-cut.txt': F.ZINC_TRUNCATED });
    expect(outputs).toHaveLength(1);
    const out = body(outputs[0]!.content);
    expect(out).not.toContain('Taking more th\n');
    expect(out).not.toContain('Copyright');
    expect(out.match(/^#+ /gm)).toEqual(['# ']);
    expect(out.trimEnd().endsWith('Taking more than 40 mg a day for months can lower copper levels in the blood.')).toBe(true);
  });

  it('keeps the Chinese words after a bare address out of the link, and the address a link to itself', async () => {
    const { outputs } = await clean({ 'site.txt': F.SITE_ZH });
    const out = outputs[0]!.content;
    const links = nodesOfType(out, 'link') as Array<Extract<Nodes, { type: 'link' }>>;
    expect(links.map((l) => l.url)).toEqual(['http://www.example.com', 'https://www.example.gov/nutrition']);
    expect(readable(out)).toContain('想了解常见食物的营养成分，可以访问 www.example.com了解更多信息。');
    expect(readable(out)).toContain('政府网站 https://www.example.gov/nutrition。也提供了免费的数据表。');
  });

  it.each([
    ['vitd.md', F.FRONT_MATTER_MD, 'Vitamin D in Winter: A Practical Guide', 'vitamin-d-in-winter-a-practical-guide.md'],
    ['folate.txt', F.FRONT_MATTER_TXT, 'Folate Before Pregnancy', 'folate-before-pregnancy.md'],
    ['calcium.html', F.TITLED_HTML, 'Calcium and Bone Health', 'calcium-and-bone-health.md'],
  ])('names %s after the title its draft gives (front matter, <title>)', async (name, text, title, file) => {
    const { outputs } = await clean({ [name]: text });
    expect(outputs[0]!.title).toBe(title);
    expect(outputs[0]!.file).toBe(file);
    expect(outputs[0]!.content).toContain(`title: ${JSON.stringify(title)}`);
    // The draft's front matter is metadata: none of it is in the article's text.
    expect(body(outputs[0]!.content)).not.toMatch(/^\\?---$|title:/m);
  });

  it.each([
    ['sleep.md', '## Key Takeaways\n\n- Magnesium may help some adults fall asleep.\n\n## How Magnesium Calms the Nervous System\n\nMagnesium binds to GABA receptors and helps the body wind down at night.\n', 'How Magnesium Calms the Nervous System'],
    ['iron.md', '## 小结\n\n缺铁的人常常感到疲劳，需要及时补充。\n\n## 缺铁性贫血的早期信号\n\n面色苍白和气短是常见的早期表现。\n', '缺铁性贫血的早期信号'],
    ['notes.md', '## Summary\n\nMagnesium may help some adults fall asleep, but the evidence is mixed.\n', 'notes'],
  ])('never names %s after a section name any article has', async (name, text, title) => {
    const { outputs } = await clean({ [name]: text });
    expect(outputs[0]!.title).toBe(title);
  });

  it('drops the inline HTML it fixes and keeps the HTML that carries meaning, so report and output agree', async () => {
    const { findings, resolved, outputs } = await clean({ 'omega.md': F.STRUCTURED_MD });
    const out = body(outputs[0]!.content);
    const tags = findings.filter((f) => f.ruleId === 'artifact/html-tag');
    expect(tags.length).toBeGreaterThan(0);
    for (const f of tags) {
      const fixed = resolved.has(f);
      expect(fixed, f.excerpt).toBe(surenessOf(f)?.confidence === 'high');
      // A fixed tag is gone; an open one is still there.
      expect(out.includes(f.excerpt), f.excerpt).toBe(!fixed);
    }
    expect(out).toContain('Take the capsules with a meal. Do not take them with strong tea.');
  });
});

describe('Markdown drafts keep their structure', () => {
  it('keeps headings, lists, tables, emphasis, links and meaningful inline HTML through cleaning', async () => {
    const { outputs } = await clean({ 'omega.md': F.STRUCTURED_MD });
    const out = body(outputs[0]!.content);
    for (const piece of [
      '# Omega-3 Fats and the Heart\n',
      '**EPA** and _DHA_ [according to the NHS](https://www.nhs.uk/).<sup>[1]</sup>',
      '25 kg/m<sup>2</sup> or more',
      'vitamin D<sub>3</sub> is',
      'The <abbr title="World Health Organization">WHO</abbr> suggests',
      '## Good sources\n\n- Salmon, about 2 g per portion\n- Walnuts and flaxseed, which hold ALA\n',
      '| Mackerel     | 2.7 g             |',
    ]) {
      expect(out).toContain(piece);
    }
  });
});

describe('serialising adds nothing the draft did not have', () => {
  it.each([
    ['a multiplication sign', 'A label may say 2 * 500 mg, which means two tablets.'],
    ['underscores inside names', 'Names such as vitamin_b12 or folic_acid appear in databases.'],
    ['brackets with no definition', 'Marks like [1] or [note] point to the small print.'],
    ['ampersands', 'Brands such as AT&T Health or Smith & Sons list the maker.'],
    ['angle brackets around numbers', 'A dose under 5 mg is written as < 5 mg, and above as > 5 mg.'],
    ['a hash before a number', 'The #1 ingredient is listed first, and #2 second.'],
    ['a lone tilde and dollar signs', 'Prices run from $5 to $10 ~ roughly the cost of a meal.'],
    ['a bare URL before a space', 'See https://ods.od.nih.gov/factsheets/ for the fact sheets.'],
    ['a bare URL before a full stop', 'The fact sheets are at https://ods.od.nih.gov/factsheets.'],
    ['CJK punctuation', '标签上的“每日摄入量”（DV）表示百分比【参考：卫生部】！'],
    ['an address right after Chinese', '详见www.example.com了解更多。'],
    ['a bare URL that closes two brackets', 'Levels above 5 mmol/L are high (see the review (Lee A. Potassium basics. 2023;7:59-70.https://example.org/potassium-basics.html)), which most labs flag.'],
    ['a bare URL that holds a bracket pair', 'The entry (https://en.wikipedia.org/wiki/Vitamin_(nutrient)) lists every vitamin.'],
  ])('%s stays as written', (_, sentence) => {
    const doc = docFromText(`Title Line Here\n\n${sentence}\n`, 'txt');
    expect(toMarkdown(doc.tree)).toBe(`# Title Line Here\n\n${sentence}\n`);
  });

  it.each([
    ['emphasis markers', 'Text with *stars* around a word.', /\\\*/],
    ['a hash at a line start', '# is the sign for number in lists.', /^\\#/m],
    ['an entity', 'Write &amp; for an ampersand.', /\\&amp;|&#x26;amp;/],
    ['a stray tag', 'An unknown <blink> element.', /\\<blink>|&#x3C;blink>/],
  ])('%s get just the escape that keeps them text', (_, sentence, escape) => {
    const doc = docFromText(`Title Line Here\n\n${sentence}\n`, 'txt');
    const md = toMarkdown(doc.tree);
    expect(md).toMatch(escape);
    expect(readable(md)).toBe(`Title Line Here\n${sentence}`);
    expect(nodesOfType(md, 'emphasis')).toEqual([]);
    expect(nodesOfType(md, 'html')).toEqual([]);
  });

  it.each([
    ['a title ending in a lone hash', 'Dosing Notes for C #'],
    ['a title ending in two hashes', 'Checklist step ##'],
  ])('%s keeps its hashes (an ATX heading would read them as its closing sequence)', (_, title) => {
    const doc = docFromText(`${title}\n\nAdults need about 75 mg of vitamin C a day, from fruit and vegetables.\n`, 'txt');
    const md = toMarkdown(doc.tree);
    const [heading] = nodesOfType(md, 'heading') as Array<{ children: Array<{ value?: string }> }>;
    expect(heading?.children.map((c) => c.value ?? '').join('')).toBe(title);
  });

  it.each([
    ['a hash glued to a word', 'Notes on C# and vitamin C'],
    ['a hash before a number', 'Ingredient #1 in the blend'],
  ])('%s in a title is written as it is', (_, title) => {
    const doc = docFromText(`${title}\n\nAdults need about 75 mg of vitamin C a day, from fruit and vegetables.\n`, 'txt');
    expect(toMarkdown(doc.tree)).toContain(`# ${title}\n`);
  });

  it.each([
    ['a colon and dash', ':-'],
    ['a dash and colon', '-:'],
    ['a centred delimiter', ':-:'],
  ])('a line of %s inside a paragraph stays text, not a table delimiter row', (_, line) => {
    const doc = docFromText(`# Dose notes\n\nThe ratio is written as follows\n\\${line}\nand it points to the left column.\n`, 'md');
    const md = toMarkdown(doc.tree);
    expect(nodesOfType(md, 'table')).toEqual([]);
    expect(readable(md)).toContain(line);
  });

  it.each([
    ['a wiki link with a label', '[[https://pubmed.example.org/123456|Mindell JA et al., 2021]]', 'https://pubmed.example.org/123456', '|Mindell JA et al., 2021]]'],
    ['an address in square brackets', 'Checked [https://www.example.org/sleep] in 2024.', 'https://www.example.org/sleep', '] in 2024.'],
  ])('a plain-text address ends before %s: the label stays text, every character kept', (_, line, url, after) => {
    const doc = docFromText(`Title Line Here\n\nMelatonin sets the sleep cycle of children and adults alike.\n\n${line}\n`, 'txt');
    const md = toMarkdown(doc.tree);
    const links = nodesOfType(md, 'link') as Array<Extract<Nodes, { type: 'link' }>>;
    expect(links.map((l) => l.url)).toEqual([url]);
    expect(readable(md)).toContain(line);
    expect(md).toContain(after);
  });

  it('writes an address followed by words with no space as an explicit link, so the words stay text', () => {
    const doc = docFromText('Title Line Here\n\nVisit www.example.com了解更多。\n', 'txt');
    const md = toMarkdown(doc.tree);
    expect(md).toContain('Visit [www.example.com](http://www.example.com)了解更多。');
  });
});

describe('clean articles come out word for word', () => {
  const fixtures: Array<[string, Record<string, string>]> = [
    ['symbols', { 'symbols.txt': F.CLEAN_TXT['symbols.txt']! }],
    ['chinese', { 'chinese.txt': F.CLEAN_TXT['chinese.txt']! }],
    ['iron', { 'iron.txt': F.IRON_ZH, 'iron-portal.txt': F.IRON_ZH_PORTAL }],
    ['zinc', { 'zinc.txt': F.ZINC, 'zinc-cut.txt': F.ZINC_TRUNCATED }],
    ['site', { 'site.txt': F.SITE_ZH }],
    ['front matter', { 'vitd.md': F.FRONT_MATTER_MD, 'folate.txt': F.FRONT_MATTER_TXT }],
    ['structured', { 'omega.md': F.STRUCTURED_MD }],
  ];

  it.each(fixtures)('%s: every sentence no finding touches is in the output, and cleaning it again changes nothing', async (_, files) => {
    const first = await clean(files);
    const canonicals = new Set(buildCorpus(first.docs, config).map((c) => c.canonical));
    for (const doc of first.docs.filter((d) => canonicals.has(d.path))) {
      const out = first.outputs.find((o) => o.content.includes(`canonical: ${JSON.stringify(doc.path)}`))!;
      const text = readable(out.content);
      for (const s of untouchedSentences(doc, first.findings)) expect(text, `${doc.path}: ${s}`).toContain(s);
    }
    const again = await clean(Object.fromEntries(first.outputs.map((o) => [o.file, o.content])));
    expect(again.findings.filter((f) => f.ruleId.startsWith('lang/'))).toEqual([]);
    for (const o of first.outputs) expect(again.outputs.map((x) => body(x.content))).toContain(body(o.content));
  });
});

/** Pieces of generated English sentences, and tokens Markdown could read as syntax to put in them. */
const SUBJECTS = ['Most adults', 'People who sleep poorly', 'A small study of older women', 'The body', 'Many doctors', 'Some supplements'];
const VERBS = ['need', 'may benefit from', 'can absorb', 'often lack', 'should avoid', 'are said to provide'];
const OBJECTS = ['more magnesium than they eat', 'a steady daily intake', 'foods such as beans and nuts', 'large single doses', 'the mineral in tablet form'];
const TOKENS = ['5 * 3', 'vitamin_b12', '[2]', 'AT&T', '< 5 mg', '> 2 g', '#3', '~10', '2:1', '50%', '$4', 'https://example.org/a_b', 'www.example.com', '(n = 40)', '1.5 mg', 'C++', '- 2'];
const ZH_WORDS = ['镁', '睡眠', '成年人', '每天', '食物', '豆类', '有助于', '肌肉', '研究', '表明', '补充剂', '适量'];

const enSentence = fc
  .tuple(
    fc.constantFrom(...SUBJECTS),
    fc.constantFrom(...VERBS),
    fc.constantFrom(...OBJECTS),
    fc.option(fc.constantFrom(...TOKENS), { freq: 2 }),
    fc.constantFrom('.', '!', '?'),
  )
  .map(([subject, verb, object, token, stop]) => `${subject} ${verb} ${object}${token === null ? '' : `, as a label may show with ${token}`}${stop}`);
const zhSentence = fc
  .tuple(fc.array(fc.constantFrom(...ZH_WORDS), { minLength: 3, maxLength: 8 }), fc.constantFrom('。', '！', '？'))
  .map(([words, stop]) => words.join('，') + stop);

/** A clean article: a title, sections of paragraphs, in one language. */
const article = fc.boolean().chain((chinese) => {
  const sentence = chinese ? zhSentence : enSentence;
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(chinese ? '' : ' '));
  const heading = chinese ? fc.constantFrom('镁与睡眠', '如何补充', '研究结果') : fc.constantFrom('What Magnesium Does', 'How Much to Take', 'What Studies Show');
  return fc.tuple(heading, fc.array(fc.tuple(heading, fc.array(paragraph, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 3 })).map(
    ([title, sections]) => ({
      text: [title, '', ...sections.flatMap(([h, ps]) => [h, '', ...ps.flatMap((p) => [p, ''])])].join('\n'),
      sentences: sections.flatMap(([, ps]) => ps),
    }),
  );
});

describe('property: generated clean articles', () => {
  it('come out with every sentence word for word, as written in the Markdown, and clean to themselves', async () => {
    await fc.assert(
      fc.asyncProperty(article, async ({ text }) => {
        const first = await clean({ 'a.txt': text });
        const doc = first.docs[0]!;
        const out = first.outputs[0]!.content;
        const written = squeeze(body(out));
        for (const s of untouchedSentences(doc, first.findings)) {
          expect(readable(out)).toContain(s);
          // Nothing escaped, linked or emphasised that the text did not need.
          expect(written).toContain(s);
        }
        expect(nodesOfType(out, 'emphasis')).toEqual([]);
        expect(nodesOfType(out, 'strong')).toEqual([]);
        const again = await clean({ 'a.md': out });
        // No warning or error; an info ("possibly site debris": a heading the generator repeated) is not an objection.
        expect(again.findings.filter((f) => f.severity !== 'info' && (f.ruleId.startsWith('lang/') || f.ruleId.startsWith('artifact/')))).toEqual([]);
        expect(body(again.outputs[0]!.content)).toBe(body(out));
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });
});

describe('restoring a passage from a sibling keeps the rest of the block', () => {
  const title = 'Zinc and Wound Healing';
  const first = 'Zinc is a trace mineral that more than 300 enzymes in the body depend on for their work.';
  const mixed = '这种矿物质还能支持免疫系统 and helps small wounds heal faster.';
  const english = 'It also supports the immune system and helps small wounds heal faster.';
  const second = 'Oysters, beef and pumpkin seeds are among the richest food sources of this mineral.';
  const draft = (p1: string): string => `${title}\n\n${p1}\n\n${second}\n`;

  /** The two drafts as one cluster, each block aligned with the same block of the other. */
  async function cleanPair(canonicalText: string, siblingText: string) {
    const a = docFromText(canonicalText, 'txt', 'a.txt');
    const b = docFromText(siblingText, 'txt', 'b.txt');
    const findings = [a, b].flatMap((d) => runDocumentRules(d, documentRules, { config }));
    const pairs = a.blocks.map((_, i) => ({ canonical: i, member: i, score: 0.9 }));
    const cluster = { id: 'c-1', canonical: 'a.txt', members: [{ path: 'b.txt', similarity: 0.9 }], alignments: [{ path: 'b.txt', similarity: 0.9, pairs }], diffs: [] };
    const result = await cleanCorpus([cluster], new Map([a, b].map((d) => [d.path, d])), findings);
    return { ...result, findings: findings.filter((f) => f.path === 'a.txt' && f.ruleId === 'lang/mixed-sentence') };
  }

  it('restores the block when the sibling has every other sentence of it', async () => {
    const { outputs, findings, resolved, changes } = await cleanPair(draft(`${first} ${mixed}`), draft(`${first} ${english}`));
    expect(findings.length).toBeGreaterThan(0);
    expect(readable(outputs[0]!.content)).toContain(`${first} ${english}`);
    for (const f of findings) expect(resolved.has(f)).toBe(true);
    expect(changes.find((c) => c.kind === 'restored')?.findings?.map((r) => r.ruleId)).toContain('lang/mixed-sentence');
  });

  it('leaves the block, and its finding open, when the sibling words another sentence differently', async () => {
    const reworded = 'Zinc is a mineral that hundreds of enzymes need in order to work.';
    const { outputs, findings, resolved } = await cleanPair(draft(`${first} ${mixed}`), draft(`${reworded} ${english}`));
    expect(findings.length).toBeGreaterThan(0);
    // Kept as it is, between the markers of a passage no version has in English.
    expect(body(outputs[0]!.content)).toContain(`${first} ${mixed}`);
    expect(body(outputs[0]!.content)).not.toContain(reworded);
    for (const f of findings) expect(resolved.has(f)).toBe(false);
  });
});

describe('fixable rules', () => {
  it('every rule whose repairs the cleaner applies says when in `meta.fixable`', () => {
    for (const id of REPAIRING_RULES) expect(rules.find((r) => r.id === id)?.meta.fixable, id).toMatch(/\w/);
  });
});

describe('titles never come from debris', () => {
  it('passes over a heading an artifact finding covers, even when its removal was not sure', async () => {
    const text = 'SHOP NOW\n\nCalcium and Bone Health\n\nCalcium is the main mineral in bones and teeth, and the body cannot make it.\n';
    const doc = docFromText(text, 'txt', 'calcium.txt');
    const findings = runDocumentRules(doc, documentRules, { config });
    const heading = doc.blocks[0]!;
    expect(heading.kind).toBe('heading');
    // As a debris rule would report it, with a repair it is not sure of.
    const debris: Finding = {
      ruleId: 'artifact/cms-leftover',
      severity: 'warning',
      path: doc.path,
      span: heading.position,
      message: 'CMS leftover',
      excerpt: 'SHOP NOW',
      data: { expected: '', confidence: 'low', reason: 'not in the configured list' },
    };
    // The debris rule's own (sure) finding on the line is left out: this is about an unsure one.
    const others = findings.filter((f) => f.ruleId !== 'artifact/cms-leftover');
    const { outputs, resolved } = await cleanCorpus(buildCorpus([doc], config), new Map([[doc.path, doc]]), [...others, debris]);
    expect(outputs[0]!.title).toBe('Calcium and Bone Health');
    expect(outputs[0]!.content).toContain('SHOP NOW');
    expect(resolved.has(debris)).toBe(false);
  });

  it('drops a configured leftover that opens the draft and takes the next heading', async () => {
    const { outputs } = await clean({ 'calcium.txt': 'READ OUR FULL REVIEW\n\nCalcium and Bone Health\n\nCalcium is the main mineral in bones and teeth, and the body cannot make it.\n' });
    expect(outputs[0]!.title).toBe('Calcium and Bone Health');
    expect(outputs[0]!.content).not.toContain('READ OUR FULL REVIEW');
  });
});
