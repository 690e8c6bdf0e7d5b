/**
 * A worker thread of the clean stage (see pool.ts and clean/markdown.ts): writes the Markdown
 * of the cleaned trees it is sent, and with `render`, renders it for the HTML report as well.
 * It loads the serialiser and the renderer and nothing of the analysis, so its heap stays small.
 */
import { toMarkdown, type Written } from '../clean/markdown.js';
import { renderArticle } from '../report/html/markdown.js';
import { serveTasks } from './serve.js';

serveTasks((task): Written => {
  if (task.kind !== 'markdown') throw new Error(`a Markdown worker cannot do ${task.kind}`);
  const markdown = toMarkdown(task.tree);
  return task.render ? { markdown, html: renderArticle(markdown) } : { markdown };
});
