/**
 * The Markdown of cleaned trees. Serialising is most of the clean stage's time, and it needs
 * nothing but the tree, so a large batch shares it with the pool's worker threads: trees
 * queue up as they are cleaned, the workers take them from the front, and this thread writes
 * the newest itself whenever the queue is longer than the workers keep up with — and all that
 * is left once every cluster is cleaned. The text is the same whichever thread writes it.
 *
 * When the run writes the HTML report, the thread that writes an article's Markdown renders
 * it for the report as well (`render`, given by the engine: the report reads the Markdown
 * again with remark, which costs more than writing it, and the workers are idle by then).
 */
import type { Root } from 'mdast';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { yieldToWorkers, type Pool } from '../engine/pool.js';
import { lineStartsOf } from '../position.js';
import type { ArticleHtml, OutputBlock } from '../types.js';
import type { Skeleton } from './skeleton.js';
import { toMarkdown, writeArticle } from './stringify.js';

export { toMarkdown, writeArticle };

/** Trees waiting for a thread, past which this thread writes the newest itself. */
const MAX_QUEUED = 16;
/** Trees sent ahead to each worker, so it does not wait while this thread cleans. */
const SENT_AHEAD = 4;

/** An article's Markdown, and its rendering for the report when one was asked for. */
export interface Written {
  markdown: string;
  html?: ArticleHtml;
}

/** Renders an article's Markdown for the HTML report, from its skeleton when it has one (the report's `renderArticle`). */
export type RenderArticle = (markdown: string, skeleton?: Skeleton) => ArticleHtml;

interface Queued {
  tree: Root;
  resolve: (written: Written) => void;
  reject: (error: Error) => void;
}

export class MarkdownWriter {
  readonly #pool: Pool | undefined;
  readonly #render: RenderArticle | undefined;
  readonly #queue: Queued[] = [];
  readonly #busy: number[];

  /** With `render`, each article is rendered for the report too (the workers with the same function: see markdown-worker.ts). */
  constructor(pool?: Pool, render?: RenderArticle) {
    this.#pool = pool;
    this.#render = render;
    this.#busy = (pool?.workers ?? []).map(() => 0);
  }

  /** The Markdown of `tree` (and its rendering), now or once a thread has written it. */
  write(tree: Root): Promise<Written> {
    if (this.#busy.length === 0) return Promise.resolve(this.#here(tree));
    const written = new Promise<Written>((resolve, reject) => this.#queue.push({ tree, resolve, reject }));
    // A failure is met where the caller awaits it; until then it is not an unhandled rejection.
    written.catch(() => {});
    this.#feed();
    while (this.#queue.length > MAX_QUEUED) this.#writeHere(this.#queue.pop()!);
    return written;
  }

  /**
   * Writes here the trees no worker has taken yet (once the last tree is given), the newest
   * first, letting the workers' replies in between two: a worker that answers is given the
   * oldest left, so the threads end together rather than this one writing the rest alone.
   */
  async flush(): Promise<void> {
    while (this.#queue.length > 0) {
      this.#writeHere(this.#queue.pop()!);
      await yieldToWorkers(this.#pool);
    }
  }

  #writeHere(item: Queued): void {
    item.resolve(kept(this.#here(item.tree)));
  }

  #here(tree: Root): Written {
    if (!this.#render) return { markdown: toMarkdown(tree) };
    const { markdown, skeleton } = writeArticle(tree);
    return { markdown, html: this.#render(markdown, skeleton) };
  }

  #feed(): void {
    const workers = this.#pool?.workers ?? [];
    for (let w = 0; w < workers.length; w++) {
      while (this.#busy[w]! < SENT_AHEAD && this.#queue.length > 0) {
        const item = this.#queue.shift()!;
        this.#busy[w]!++;
        workers[w]!.run<Written>({ kind: 'markdown', tree: item.tree, ...(this.#render ? { render: true } : {}) }).then(
          (written) => {
            this.#busy[w]!--;
            item.resolve(kept(written));
            this.#feed();
          },
          (error: Error) => item.reject(error),
        );
      }
    }
  }
}

/**
 * `written` as the clean stage keeps it until the report is written: its blocks' text shared
 * with its Markdown (sharingText) and its HTML deflated (deflatedHtml).
 */
function kept(written: Written): Written {
  if (!written.html) return written;
  sharingText(written);
  written.html = deflatedHtml(written.html);
  return written;
}

/**
 * `article` holding its HTML deflated, inflated each time it is read (by the report once, and
 * once more when the cache keeps the rendering). A large batch keeps every article's rendering
 * from the clean stage to the report: at 10,000 drafts the heap in use when the reports start
 * went from 535 to 484 MB, for about 13 MB of deflated bytes outside it. Deflating at the
 * fastest level costs about 7 ms a megabyte of HTML (216 MB of report HTML in 1.6 s).
 */
export function deflatedHtml(article: ArticleHtml): ArticleHtml {
  // Copied out of zlib's output buffer, which is 16 kB at least: kept, the buffer would be.
  const deflated = new Uint8Array(deflateRawSync(Buffer.from(article.html, 'utf8'), { level: 1 }));
  const out = {} as ArticleHtml;
  // Own and enumerable, in the rendering's order of keys: read, copied and compared as the plain string was.
  Object.defineProperty(out, 'html', { enumerable: true, get: () => inflateRawSync(deflated).toString('utf8') });
  out.titled = article.titled;
  out.blocks = article.blocks;
  return out;
}

/** How far past its node's start a block's text may begin (a list item's marker, a heading's `#`s). */
const LEAD = 12;

/**
 * `written`, the text of each of its rendered blocks a slice of its Markdown wherever the
 * Markdown holds it as it reads, near where its node starts (most headings, one-line
 * paragraphs and list items). V8 keeps a slice as a view of the whole string, so the report's
 * blocks of thousands of articles, kept until the report is written, do not hold their text a
 * second time beside the Markdown (at 10,000 drafts, about a tenth of the heap at its peak).
 * The values are the same strings.
 */
export function sharingText(written: Written): Written {
  const { markdown, html } = written;
  if (!html) return written;
  const starts = lineStartsOf(markdown);
  for (const block of html.blocks) {
    const at = blockTextAt(markdown, starts, block);
    if (at !== -1) block.text = markdown.slice(at, at + block.text.length);
  }
  return written;
}

/** Where `block`'s text stands in `markdown` as it reads, at most LEAD characters past its node's start (`starts`: the Markdown's line starts); -1 when not there. */
export function blockTextAt(markdown: string, starts: readonly number[], block: Pick<OutputBlock, 'text' | 'line' | 'column'>): number {
  const from = (starts[block.line - 1] ?? markdown.length) + block.column - 1;
  for (let at = from; at <= from + LEAD && at < markdown.length; at++) if (markdown.startsWith(block.text, at)) return at;
  return -1;
}
