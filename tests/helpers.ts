/** Test helpers: build Documents from the sample drafts or from inline text. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../src/document.js';
import { resolveConfig } from '../src/config.js';
import type { Document, Finding, Format, ResolvedConfig } from '../src/types.js';
import { sentences } from '../src/sentences.js';
import { sourceOffset } from '../src/position.js';
import { parse } from '../src/parse/index.js';
import { joinEntry, splitEntry } from '../src/engine/entry-file.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const INPUT = path.join(ROOT, 'input');

/** The sample whose file name starts with `prefix` ("000" … "004"). */
export function samplePath(prefix: string): string {
  const name = readdirSync(INPUT).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no sample ${prefix} in input/`);
  return `input/${name}`;
}

export function sampleDoc(prefix: string, config: Partial<ResolvedConfig> = {}): Document {
  const rel = samplePath(prefix);
  return docFromText(readFileSync(path.join(ROOT, rel), 'utf8'), 'txt', rel, config);
}

export function docFromText(text: string, format: Format = 'txt', file = `fixture.${format}`, config: Partial<ResolvedConfig> = {}): Document {
  return createDocument(
    {
      path: file,
      format,
      encoding: 'utf-8',
      bytes: Buffer.byteLength(text),
      text,
      encodingDetected: false,
      hash: createHash('sha256').update(text).digest('hex'),
    },
    resolveConfig(config),
  );
}

/** 1-based line of the original text at which `needle` first stands (for writing expectations). */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not in text: ${needle}`);
  return text.slice(0, i).split('\n').length;
}

/** White space made single spaces, ends trimmed (for comparing sentences). */
export const squeeze = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A cleaned article without its YAML front matter. */
export const body = (md: string): string => md.replace(/^---\n[^]*?\n---\n/, '');

/** The readable text of a cleaned article: its blocks' texts, one a line. */
export function readable(markdown: string): string {
  return parse(body(markdown), 'md')
    .blocks.map((b) => squeeze(b.text))
    .join('\n');
}

/**
 * Sentences of a draft that no finding on it touches, whitespace squeezed: what the cleaned
 * article must carry word for word. Written here apart from the cleaner's own test of it, so
 * the tests do not take the cleaner's word for it.
 */
export function untouchedSentences(doc: Pick<Document, 'path' | 'blocks'>, findings: readonly Finding[]): string[] {
  const mine = findings.filter((f) => f.path === doc.path);
  const out: string[] = [];
  for (const block of doc.blocks) {
    for (const r of sentences(block.text)) {
      let touched = false;
      for (let i = r.start; i < r.end && !touched; i++) {
        const at = sourceOffset(block, i);
        touched = mine.some((f) => at >= f.span.start.offset && at < f.span.end.offset);
      }
      if (!touched) out.push(squeeze(block.text.slice(r.start, r.end)));
    }
  }
  return out;
}

/**
 * A draft's cache entry (see src/engine/entry-file.ts) as one object to forge: its JSON, the
 * text back in `doc`, and the citation extraction (JSON text) and fingerprint bytes kept beside
 * the JSON in `beside`. `writeEntry` writes such an object back as an entry.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EntryObject = Record<string, any>;

export function readEntry(file: string): EntryObject {
  const parts = splitEntry(readFileSync(file));
  if (!parts) throw new Error(`${file} is not a cache entry`);
  const value = JSON.parse(parts.json) as EntryObject;
  if (parts.text !== undefined) value.doc.text = parts.text;
  value.beside = { citations: parts.citations?.(), fingerprint: parts.fingerprint && Buffer.from(parts.fingerprint) };
  return value;
}

export function writeEntry(file: string, entry: EntryObject): void {
  const { beside, ...rest } = entry;
  const { text, ...doc } = (rest.doc ?? {}) as EntryObject;
  const json = JSON.stringify(rest.doc ? { ...rest, doc } : rest);
  writeFileSync(file, joinEntry({ json, ...(typeof text === 'string' ? { text } : {}), ...(beside?.citations !== undefined ? { citations: beside.citations } : {}), ...(beside?.fingerprint ? { fingerprint: beside.fingerprint } : {}) }));
}
