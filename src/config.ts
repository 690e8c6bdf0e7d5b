/**
 * Configuration: one zod schema, checked once at start-up. A bad key, value or rule id
 * stops the run with a message naming the key and what is allowed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { lilconfig } from 'lilconfig';
import type * as JsoncParser from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import { loadNow } from './lazy.js';
import { closestName } from './suggest.js';
import type { ResolvedConfig } from './types.js';
import { ruleIds } from './rules/index.js';
import { KnowledgeBaseError, loadKnowledgeBase } from './dose/kb.js';

export const CONFIG_FILE = 'draftaudit.config.json';

/** File names a config is found under, searching up from the working directory (JSON with comments allowed). */
export const CONFIG_FILES = [CONFIG_FILE, 'draftaudit.config.jsonc', '.draftauditrc.json', '.draftauditrc'];

/** Where `$schema` points in a config written by `draftaudit init` (the schema ships in the package). */
export const SCHEMA_URL = './node_modules/draftaudit/schema/draftaudit.config.schema.json';

export class ConfigError extends Error {}

const severity = z.enum(['off', 'info', 'warning', 'error']);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  language: z
    .string()
    .regex(/^[a-z]{3}$/, 'an ISO 639-3 code such as "eng" or "cmn"')
    .optional(),
  languages: z
    .array(z.string().regex(/^[a-z]{3}$/, 'an ISO 639-3 code such as "eng" or "cmn"'))
    .min(1)
    .refine((l) => new Set(l).size === l.length, 'each language once')
    .optional(),
  rules: z.record(z.string(), severity).optional(),
  allowedTerms: z.array(z.string().min(1)).optional(),
  similarityThreshold: z.number().gt(0).max(1).optional(),
  failOn: z.enum(['error', 'warning', 'info', 'never']).optional(),
  include: z.array(z.string().min(1)).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  maxFileSize: z.number().int().positive().optional(),
  timeBudget: z.number().positive().optional(),
  cmsLeftovers: z.array(z.string().min(1)).optional(),
  nutrients: z.record(z.string(), z.unknown()).optional(),
  /** Whose upper limits dose figures are held against: `auto` (Chinese drafts against China's DRIs, others against the US), `us`, `cn`, `eu`. */
  limits: z.enum(['auto', 'us', 'cn', 'eu']).optional(),
  plugins: z.array(z.string().min(1)).optional(),
  noInlineConfig: z.boolean().optional(),
  strict: z.boolean().optional(),
});

export type ConfigFile = z.infer<typeof configSchema>;

/** Default similarity at or above which two drafts are versions of one article (see src/corpus). */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.5;

export const DEFAULT_CMS_LEFTOVERS = [
  'READ OUR FULL REVIEW',
  'Leave a Reply',
  'CONTENT BOX',
  'Share this article',
  'Subscribe to our newsletter',
  'Click here to subscribe',
  'Share on Facebook',
  'Share on Twitter',
];

export const DEFAULTS: ResolvedConfig = Object.freeze({
  rules: {},
  allowedTerms: [],
  similarityThreshold: DEFAULT_SIMILARITY_THRESHOLD,
  failOn: 'error',
  include: [],
  exclude: [],
  maxFileSize: 5 * 1024 * 1024,
  cmsLeftovers: DEFAULT_CMS_LEFTOVERS,
  nutrients: {},
  limits: 'auto',
  noInlineConfig: false,
  strict: false,
}) as ResolvedConfig;

export function resolveConfig(partial: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const merged: ResolvedConfig = { ...DEFAULTS, ...stripUndefined(partial) };
  return deepFreeze(merged);
}

/**
 * Validates parsed JSON; `where` names the file in messages. `extraRuleIds` are the ids of
 * plugin rules, which the config may set like the built-in ones.
 */
export function validateConfig(value: unknown, where: string, extraRuleIds: readonly string[] = []): ConfigFile {
  // Checked once per run: without zod's compiled fast path, which pays only over many parses (see dose/kb.ts).
  const parsed = configSchema.safeParse(value, { jitless: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.map(String).join('.') || '(top level)';
    let allowed = '';
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(configSchema.shape).filter((k) => k !== '$schema');
      const prefix = issue.path.length > 0 ? `${key}.` : '';
      const hint = didYouMean(issue.keys[0]!, known);
      throw new ConfigError(`${where}: unknown key "${prefix}${issue.keys.join('", "')}"${hint}; allowed keys: ${known.join(', ')}`);
    }
    if (issue.code === 'invalid_value' && 'values' in issue) allowed = `; allowed: ${issue.values.join(', ')}`;
    throw new ConfigError(`${where}: ${key}: ${issue.message}${allowed}`);
  }
  try {
    loadKnowledgeBase(parsed.data.nutrients ?? {});
  } catch (error) {
    if (error instanceof KnowledgeBaseError) throw new ConfigError(`${where}: ${error.message}`);
    throw error;
  }
  const known = new Set([...ruleIds(), ...extraRuleIds]);
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`${where}: rules: unknown rule id "${id}"${didYouMean(id, [...known])}; valid rule ids: ${[...known].join(', ')}`);
  }
  return parsed.data;
}

/** ` (did you mean "x"?)` when a known word is a small edit away from `word`, else ''. */
function didYouMean(word: string, known: readonly string[]): string {
  const best = closestName(word, known);
  return best ? ` (did you mean "${best}"?)` : '';
}

/** Parses JSON with comments and trailing commas; `where` names the file in the message. */
export function parseConfigText(text: string, where: string): unknown {
  // The parser is loaded when there is a config to read (see lazy.ts).
  const { parse: parseJsonc, printParseErrorCode } = loadNow<typeof JsoncParser>('jsonc-parser');
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    throw new ConfigError(`${where}:${line}:${column}: not valid JSON (${printParseErrorCode(e.error)})`);
  }
  return value;
}

/**
 * The config that applies in `cwd`: the first of CONFIG_FILES found in it or a folder above
 * (lilconfig does the search); undefined when there is none.
 */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  const found = await lilconfig('draftaudit', {
    searchPlaces: CONFIG_FILES,
    loaders: { '.json': loadNothing, '.jsonc': loadNothing, noExt: loadNothing },
    // An empty file is a config too (it sets nothing): keep searching only where there is none.
    ignoreEmptySearchPlaces: false,
  }).search(cwd);
  return found ? path.resolve(found.filepath) : undefined;
}

/** The search only finds the file; `loadConfigFile` reads and checks it, with its own messages. */
const loadNothing = (): null => null;

/** The parsed (not yet checked) content of a config file; `{}` when it is optional and missing. */
export async function readConfigJson(file: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`${file}: cannot read config (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return text.trim() === '' ? {} : parseConfigText(text, file);
}

export async function loadConfigFile(file: string, required: boolean): Promise<ConfigFile> {
  return validateConfig(await readConfigJson(file, required), file);
}

export function configToResolved(file: ConfigFile, overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const { $schema: _schema, plugins: _plugins, ...rest } = file;
  return resolveConfig({ ...(rest as Partial<ResolvedConfig>), ...stripUndefined(overrides) });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
