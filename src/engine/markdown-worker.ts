/**
 * A worker thread of the clean stage (see pool.ts and clean/markdown.ts): writes the Markdown
 * of the cleaned trees it is sent, and with `render`, renders it for the HTML report as well.
 * It loads the serialiser and nothing of the analysis, so its heap stays small; the renderer
 * is loaded with the first tree to render (a run that writes no report never loads it).
 */
import type { Written } from '../clean/markdown.js';
// (From stringify.js, not markdown.js, which imports the pool and with it the analysis.)
import { toMarkdown, writeArticle } from '../clean/stringify.js';
import { serveTasks, type AfterTask } from './serve.js';

let renderer: Promise<typeof import('../report/html/markdown.js')> | undefined;

/** Serves the pool's tasks (the thread's starter, start.ts, calls this once the module is loaded). */
export function serve(afterTask?: AfterTask): void {
  serveTasks(async (task): Promise<Written> => {
    if (task.kind !== 'markdown') throw new Error(`a Markdown worker cannot do ${task.kind}`);
    if (!task.render) return { markdown: toMarkdown(task.tree) };
    const { markdown, skeleton } = writeArticle(task.tree);
    const { renderArticle } = await (renderer ??= import('../report/html/markdown.js'));
    return { markdown, html: renderArticle(markdown, skeleton) };
  }, afterTask);
}
