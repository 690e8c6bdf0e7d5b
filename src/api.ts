/**
 * The library entry: `audit(inputs, options)` for programs that embed draftaudit (editors,
 * build steps, tests). It runs the same engine as the CLI with the same config schema, and
 * writes nothing unless `options.write` asks for it.
 */
import path from 'node:path';
import { audit as runEngine, type AuditResult } from './audit.js';
import { configToResolved, validateConfig, type ConfigFile } from './config.js';
import { formatOf } from './parse/index.js';
import { checkPluginRules, loadPlugins, type PluginRule } from './plugins.js';
import { writeArticles, writeReports } from './outputs.js';
import { displayPath, DRAFT_EXTENSIONS, UsageError } from './load/index.js';
import { IoError } from './preflight.js';
import { unpaceHeap } from './gc.js';

/** A draft on disk (a file or a folder of drafts), or a draft given as text. */
export type AuditInput = string | { path: string; text: string };

export interface AuditApiOptions {
  /** Working directory: paths are read and reported relative to it (default: `process.cwd()`). */
  cwd?: string;
  /**
   * Configuration, as in `draftaudit.config.json`; any subset of its keys. Checked against the
   * same schema as the file, defaults filled in. No config file is read.
   */
  config?: ConfigFile;
  /** Rules to run beside the built-in ones: rule objects, or module names (as config `plugins`). */
  plugins?: ReadonlyArray<PluginRule | string>;
  /**
   * Folders to write the cleaned articles and the reports to; nothing is written without them.
   * A file in the output folder that draftaudit did not write is not overwritten: the rest is
   * written, then the call rejects with an error naming it.
   */
  write?: { output?: string; reports?: string };
  /** Clock for `generatedAt`. */
  now?: () => Date;
}

export type { AuditResult };

export async function audit(inputs: AuditInput | readonly AuditInput[], options: AuditApiOptions = {}): Promise<AuditResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const list = Array.isArray(inputs) ? (inputs as readonly AuditInput[]) : [inputs as AuditInput];
  const paths: string[] = [];
  const texts: Array<{ path: string; text: string }> = [];
  for (const input of list) {
    if (typeof input === 'string') paths.push(input);
    else texts.push(textInput(input));
  }
  const named = options.plugins ?? [];
  const fromModules = await loadPlugins([...(options.config?.plugins ?? []), ...named.filter((p): p is string => typeof p === 'string')], cwd);
  const plugins = checkPluginRules([...fromModules, ...named.filter((p): p is PluginRule => typeof p !== 'string')], 'plugins');
  const file = validateConfig(options.config ?? {}, 'config', plugins.map((p) => p.id));
  const config = configToResolved(file);
  const outputDir = options.write?.output !== undefined ? path.resolve(cwd, options.write.output) : path.join(cwd, 'output');
  let result: AuditResult;
  let refused: string[] = [];
  try {
    result = await runEngine(paths, config, {
      cwd,
      outputDir,
      texts,
      ...(plugins.length > 0 ? { plugins } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    if (options.write?.output !== undefined) refused = writeArticles(outputDir, result).refused;
    if (options.write?.reports !== undefined) writeReports(result, path.resolve(cwd, options.write.reports), cwd);
  } finally {
    // A large batch paced the heap for its run (see gc.ts); the program that called goes on at V8's pace.
    unpaceHeap();
  }
  if (refused.length > 0) {
    const first = displayPath(cwd, path.join(outputDir, refused[0]!));
    throw new IoError(`${first}${refused.length > 1 ? ` and ${refused.length - 1} more` : ''} exist${refused.length > 1 ? '' : 's'} and ${refused.length > 1 ? 'were' : 'was'} not written by draftaudit; not overwritten`);
  }
  return result;
}

function textInput(input: { path: string; text: string }): { path: string; text: string } {
  if (typeof input.path !== 'string' || typeof input.text !== 'string') throw new UsageError('an input object needs a string `path` and a string `text`');
  const rel = input.path.split(path.sep).join('/');
  if (!formatOf(rel)) throw new UsageError(`not a draft name (${DRAFT_EXTENSIONS}): ${input.path}`);
  return { path: rel, text: input.text };
}
