/** Output file names: a slug of the article title, made unique in a stable order. */
import type { Document } from '../types.js';

export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'article';
}

/** The title of a document: its first heading, else its first block. */
export function titleOf(doc: Document): string {
  const heading = doc.blocks.find((b) => b.kind === 'heading' && b.depth === 1) ?? doc.blocks.find((b) => b.kind === 'heading');
  return (heading ?? doc.blocks[0])?.text ?? doc.path;
}

/** Assigns each key a unique slug; keys are taken in the given order, later ones get `-2`, `-3` … */
export function uniqueSlugs(entries: Array<{ key: string; title: string }>): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const { key, title } of entries) {
    const base = slugify(title);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    out.set(key, slug);
  }
  return out;
}
