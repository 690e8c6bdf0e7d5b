/**
 * A worker thread of the clean stage (see pool.ts and clean/markdown.ts): writes the Markdown
 * of the cleaned trees it is sent. It loads the serialiser and nothing of the analysis, so
 * its heap stays small.
 */
import { parentPort } from 'node:worker_threads';
import { toMarkdown } from '../clean/markdown.js';
import type { Task } from './pool.js';

parentPort!.on('message', ({ id, task }: { id: number; task: Task }) => {
  try {
    if (task.kind !== 'markdown') throw new Error(`a Markdown worker cannot do ${task.kind}`);
    parentPort!.postMessage({ id, result: toMarkdown(task.tree) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
