/** Test helpers: build Documents from the sample drafts or from inline text. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDocument } from '../src/document.js';
import { resolveConfig } from '../src/config.js';
import type { Document, Format, ResolvedConfig } from '../src/types.js';

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
