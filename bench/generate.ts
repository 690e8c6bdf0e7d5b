/**
 * A deterministic corpus of drafts for the benchmarks: N drafts of about 6 KB, built from
 * the sample drafts and the project's fixture article. About 40% are articles of their own;
 * the rest come in families of 2–5 versions of one article: a machine-translated copy
 * (paragraphs swapped for Chinese ones), a truncated copy, a copy with its sections
 * shuffled, and copies with a changed dose or citation number.
 *
 * Every article is made unique by redrawing half of its longer words from the English
 * word list and all of its numbers, so different articles do not cluster, while versions of
 * one article share their text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import wordListPath from 'word-list';
import { PARAGRAPHS } from '../tests/fixtures/clean/article.js';

export interface Draft {
  /** Relative path, e.g. `a00012-v2-truncated.txt`. */
  path: string;
  text: string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_BYTES = 6000;

/** mulberry32: a small seeded PRNG, so a corpus is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Template {
  /** Sections: a heading line and its body lines. */
  title: string;
  sections: Array<{ heading: string; lines: string[] }>;
  references: string[];
}

const HAN = /\p{Script=Han}/u;

function loadTemplates(): { templates: Template[]; chinese: string[] } {
  const dir = path.join(ROOT, 'input');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const chinese: string[] = [];
  const templates: Template[] = [];
  for (const f of files) {
    const lines = readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/).map((l) => l.trimEnd());
    for (const l of lines) if (HAN.test(l) && l.length > 20 && !/^\s*•/.test(l)) chinese.push(l);
    if (lines.filter((l) => HAN.test(l)).length > 3) continue; // the translated versions give Chinese lines only
    const refAt = lines.findIndex((l) => /^References:/.test(l));
    const body = (refAt >= 0 ? lines.slice(0, refAt) : lines).filter((l) => l.trim() !== '');
    const references = refAt >= 0 ? lines.slice(refAt + 1).filter((l) => l.startsWith('http')) : [];
    const sections: Template['sections'] = [];
    let current = { heading: '', lines: [] as string[] };
    for (const l of body.slice(1)) {
      const isHeading = l.length < 90 && !/[.!:,;]$/.test(l) && !/^[-|•]/.test(l.trim()) && /^[A-Z]/.test(l);
      if (isHeading && current.lines.length > 0) {
        sections.push(current);
        current = { heading: l, lines: [] };
      } else if (isHeading) current.heading = l;
      else current.lines.push(l);
    }
    if (current.lines.length > 0) sections.push(current);
    templates.push({ title: body[0]!.replace(/^Title:\s*/, ''), sections, references });
  }
  // The fixture article, as a fourth template with a reference list of its own.
  templates.push({
    title: 'Zinc and Sleep: What the Evidence Says',
    sections: [
      { heading: 'Why Zinc Matters', lines: PARAGRAPHS.slice(0, 4).map(([en]) => en) },
      { heading: 'How Much to Take', lines: PARAGRAPHS.slice(4).map(([en]) => en) },
    ],
    references: ['https://ods.od.nih.gov/factsheets/Zinc-HealthProfessional/', 'https://www.ncbi.nlm.nih.gov/pubmed/23853635'],
  });
  for (const [, zh] of PARAGRAPHS) chinese.push(zh);
  return { templates, chinese };
}

export function generateCorpus(n: number, seed = 20261123): Draft[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const words = readFileSync(wordListPath, 'utf8')
    .split('\n')
    .filter((w) => w.length >= 5 && w.length <= 10);
  const { templates, chinese } = loadTemplates();

  // Articles must differ as much as two real articles on one subject do: most longer words,
  // every number and half the Chinese characters are redrawn for each article.
  const hanPool = [...new Set(chinese.join('').match(/\p{Script=Han}/gu) ?? [])];
  const redraw = (line: string): string =>
    line
      .replace(/\b[A-Za-z]{4,}\b/g, (w) => {
        if (random() < 0.15) return w;
        const n = pick(words);
        return /^[A-Z]/.test(w) ? n[0]!.toUpperCase() + n.slice(1) : n;
      })
      .replace(/\p{Script=Han}/gu, (c) => (random() < 0.5 ? pick(hanPool) : c))
      .replace(/\b\d+(?:[.,]\d+)?\b/g, () => String(Math.floor(random() * 900) + 10));
  const redrawUrl = (url: string): string => `${url.replace(/\/$/, '')}/${pick(words)}-${Math.floor(random() * 1e6)}`;

  /** A fresh article of about TARGET_BYTES from a template. */
  const article = (): Template => {
    const t = pick(templates);
    const sections: Template['sections'] = [];
    let bytes = 0;
    for (const s of t.sections) {
      if (bytes > TARGET_BYTES) break;
      const lines = s.lines.map(redraw);
      bytes += lines.reduce((a, l) => a + l.length + 1, s.heading.length + 1);
      sections.push({ heading: s.heading ? redraw(s.heading) : '', lines });
    }
    return { title: redraw(t.title), sections, references: t.references.slice(0, 12).map(redrawUrl) };
  };

  const render = (a: Template, options: { chineseShare?: number; upTo?: number; shuffle?: boolean; summaries?: boolean } = {}): string => {
    let sections = a.sections.slice();
    if (options.shuffle) sections = sections.map((s) => [random(), s] as const).sort((x, y) => x[0] - y[0]).map(([, s]) => s);
    const out: string[] = [a.title, ''];
    let total = sections.reduce((n, s) => n + s.lines.length, 0);
    const keep = Math.ceil(total * (options.upTo ?? 1));
    total = 0;
    for (const s of sections) {
      if (total >= keep) break;
      if (s.heading) out.push(s.heading, '');
      for (const l of s.lines) {
        if (total++ >= keep) break;
        // A translated line keeps the citation markers and numbers of the English one.
        const translated = options.chineseShare && random() < options.chineseShare && !/^[-|]/.test(l);
        out.push(translated ? `${redraw(pick(chinese)).replace(/\(\s*[\d ,]+\)\.?$/u, '')}${(l.match(/\(\s*\d+(?:\s*,\s*\d+)*\s*\)/g) ?? []).join(' ')}` : l);
        if (options.summaries && random() < 0.1) out.push('', 'Summary:', '');
      }
      out.push('');
    }
    if (a.references.length > 0 && (options.upTo ?? 1) === 1) out.push('References:', '', ...a.references, '');
    return out.join('\n');
  };

  const drafts: Draft[] = [];
  let id = 0;
  while (drafts.length < n) {
    const a = article();
    const name = `a${String(id++).padStart(5, '0')}`;
    const family = random() < 0.4 ? 1 : 2 + Math.floor(random() * 4);
    drafts.push({ path: `${name}-v1.txt`, text: render(a) });
    const kinds = ['translated', 'truncated', 'shuffled', 'dose', 'citation', 'summaries'] as const;
    for (let v = 2; v <= family && drafts.length < n; v++) {
      const kind = pick(kinds);
      let text: string;
      if (kind === 'translated') text = render(a, { chineseShare: 0.3 + random() * 0.4 });
      else if (kind === 'truncated') text = render(a, { upTo: 0.4 + random() * 0.4 });
      else if (kind === 'shuffled') text = render(a, { shuffle: true });
      else if (kind === 'summaries') text = render(a, { summaries: true, chineseShare: 0.2 });
      else if (kind === 'dose') text = render(a).replace(/(\d+)(\s?mg)/, (_m, d: string, u: string) => `${Number(d) * 2}${u}`);
      else text = render(a).replace(/\( (\d+) \)/, (_m, d: string) => `( ${Number(d) + 1} )`);
      drafts.push({ path: `${name}-v${v}-${kind}.txt`, text });
    }
  }
  return drafts;
}
