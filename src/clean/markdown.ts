/**
 * The Markdown of cleaned trees. Serialising is most of the clean stage's time, and it needs
 * nothing but the tree, so a large batch shares it with the pool's worker threads: trees
 * queue up as they are cleaned, the workers take them from the front, and this thread writes
 * the newest itself whenever the queue is longer than the workers keep up with — and all that
 * is left once every cluster is cleaned. The text is the same whichever thread writes it.
 */
import type { Root } from 'mdast';
import type { Pool } from '../engine/pool.js';
import { toMarkdown } from './stringify.js';

export { toMarkdown };

/** Trees waiting for a thread, past which this thread writes the newest itself. */
const MAX_QUEUED = 16;
/** Trees sent ahead to each worker, so it does not wait while this thread cleans. */
const SENT_AHEAD = 4;

interface Queued {
  tree: Root;
  resolve: (markdown: string) => void;
  reject: (error: Error) => void;
}

export class MarkdownWriter {
  readonly #pool: Pool | undefined;
  readonly #queue: Queued[] = [];
  readonly #busy: number[];

  constructor(pool?: Pool) {
    this.#pool = pool;
    this.#busy = (pool?.workers ?? []).map(() => 0);
  }

  /** The Markdown of `tree`, now or once a thread has written it. */
  write(tree: Root): Promise<string> {
    if (this.#busy.length === 0) return Promise.resolve(toMarkdown(tree));
    const written = new Promise<string>((resolve, reject) => this.#queue.push({ tree, resolve, reject }));
    // A failure is met where the caller awaits it; until then it is not an unhandled rejection.
    written.catch(() => {});
    this.#feed();
    while (this.#queue.length > MAX_QUEUED) this.#writeHere(this.#queue.pop()!);
    return written;
  }

  /** Writes here every tree no worker has taken yet (once the last tree is given). */
  flush(): void {
    while (this.#queue.length > 0) this.#writeHere(this.#queue.pop()!);
  }

  #writeHere(item: Queued): void {
    item.resolve(toMarkdown(item.tree));
  }

  #feed(): void {
    const workers = this.#pool?.workers ?? [];
    for (let w = 0; w < workers.length; w++) {
      while (this.#busy[w]! < SENT_AHEAD && this.#queue.length > 0) {
        const item = this.#queue.shift()!;
        this.#busy[w]!++;
        workers[w]!.run<string>({ kind: 'markdown', tree: item.tree }).then(
          (markdown) => {
            this.#busy[w]!--;
            item.resolve(markdown);
            this.#feed();
          },
          (error: Error) => item.reject(error),
        );
      }
    }
  }
}
