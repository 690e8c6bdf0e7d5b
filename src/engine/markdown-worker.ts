/**
 * A worker thread of the clean stage (see pool.ts and clean/markdown.ts): writes the Markdown
 * of the cleaned trees it is sent. It loads the serialiser and nothing of the analysis, so
 * its heap stays small.
 */
import { toMarkdown } from '../clean/markdown.js';
import { serveTasks } from './serve.js';

serveTasks((task) => {
  if (task.kind !== 'markdown') throw new Error(`a Markdown worker cannot do ${task.kind}`);
  return toMarkdown(task.tree);
});
