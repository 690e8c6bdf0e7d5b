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

/** Slugs unique among those it gave: a title met again gets `-2`, `-3` … in the order asked. */
export class Slugs {
  readonly #taken = new Set<string>();

  /** `elsewhere` says a slug is taken outside this run (another article's output an earlier run wrote). */
  take(title: string, elsewhere: (slug: string) => boolean = () => false): string {
    const base = slugify(title);
    let slug = base;
    for (let n = 2; this.#taken.has(slug) || elsewhere(slug); n++) slug = `${base}-${n}`;
    this.#taken.add(slug);
    return slug;
  }
}
