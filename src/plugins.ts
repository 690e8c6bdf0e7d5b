/**
 * Plugins: rules added beside the built-in ones, in the same shape as a built-in rule module
 * (`{ id, meta, scope, check }`). A plugin is a rule object, or a module (named in config
 * `plugins` or passed by name) whose default export is a rule, an array of rules, or
 * `{ rules: [...] }`. Every rule is checked once here, so a broken plugin stops the run with
 * one line naming it instead of failing inside the engine.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { ClusterRule, DocumentRule } from './types.js';
import { ConfigError } from './config.js';
import { ruleIds } from './rules/index.js';
import { recordPluginModule } from './plugin-modules.js';

export type PluginRule = DocumentRule | ClusterRule;

const ruleShape = z.object({
  id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'a "family/name" id in lower case'),
  scope: z.enum(['document', 'cluster']),
  meta: z.object({
    description: z.string().min(1),
    defaultSeverity: z.enum(['error', 'warning', 'info']),
    docs: z.string().min(1),
    example: z.string(),
  }),
  check: z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'a function'),
});

/** Checks plugin rules: shape, ids unique and not a built-in id. */
export function checkPluginRules(candidates: readonly unknown[], where: string): PluginRule[] {
  const builtIn = new Set(ruleIds());
  const seen = new Set<string>();
  return candidates.map((candidate, i) => {
    const parsed = ruleShape.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigError(`${where}: rule ${i + 1}: ${issue.path.map(String).join('.') || '(rule)'}: ${issue.message}`);
    }
    const id = parsed.data.id;
    if (builtIn.has(id)) throw new ConfigError(`${where}: rule "${id}" has the id of a built-in rule`);
    if (seen.has(id)) throw new ConfigError(`${where}: rule "${id}" is defined twice`);
    seen.add(id);
    return candidate as PluginRule;
  });
}

/** The rules a plugin module exports (default export: a rule, an array of rules, or `{ rules }`). */
function rulesOfModule(mod: Record<string, unknown>): unknown[] {
  const main = mod.default ?? mod;
  if (Array.isArray(main)) return main;
  if (main && typeof main === 'object' && Array.isArray((main as { rules?: unknown }).rules)) return (main as { rules: unknown[] }).rules;
  return [main];
}

/**
 * Loads plugin modules by name: a path (`./rules/my-plugin.js`) is taken from `cwd`, a package
 * name is resolved as Node resolves it from `cwd`.
 */
export async function loadPlugins(names: readonly string[], cwd: string): Promise<PluginRule[]> {
  const loaded: unknown[] = [];
  for (const name of names) {
    let url: string;
    let file: string;
    try {
      file = name.startsWith('.') || path.isAbsolute(name) ? path.resolve(cwd, name) : createRequire(path.join(cwd, 'noop.js')).resolve(name);
      url = pathToFileURL(file).href;
    } catch {
      throw new ConfigError(`plugin "${name}" not found from ${cwd}`);
    }
    let mod: Record<string, unknown>;
    try {
      mod = (await import(url)) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`plugin "${name}" could not be loaded: ${(error as Error).message.split('\n')[0]}`);
    }
    const found = checkPluginRules(rulesOfModule(mod), `plugin "${name}"`);
    for (const rule of found) recordPluginModule(rule, file);
    loaded.push(...found);
  }
  return checkPluginRules(loaded, 'plugins');
}
