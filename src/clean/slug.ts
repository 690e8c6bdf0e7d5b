/** Output file names: a slug of the article title, made unique in a stable order. */

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
