/**
 * Configuration: one zod schema, checked once at start-up. A bad key, value or rule id
 * stops the run with a message naming the key and what is allowed.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { ResolvedConfig } from './types.js';
import { ruleIds } from './rules/index.js';
import { KnowledgeBaseError, loadKnowledgeBase } from './dose/kb.js';

export const CONFIG_FILE = 'draftaudit.config.json';

export class ConfigError extends Error {}

const severity = z.enum(['off', 'info', 'warning', 'error']);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  language: z
    .string()
    .regex(/^[a-z]{3}$/, 'an ISO 639-3 code such as "eng" or "cmn"')
    .optional(),
  rules: z.record(z.string(), severity).optional(),
  allowedTerms: z.array(z.string().min(1)).optional(),
  similarityThreshold: z.number().gt(0).max(1).optional(),
  failOn: z.enum(['error', 'warning', 'info', 'never']).optional(),
  include: z.array(z.string().min(1)).optional(),
  exclude: z.array(z.string().min(1)).optional(),
  maxFileSize: z.number().int().positive().optional(),
  cmsLeftovers: z.array(z.string().min(1)).optional(),
  nutrients: z.record(z.string(), z.unknown()).optional(),
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
  noInlineConfig: false,
  strict: false,
}) as ResolvedConfig;

export function resolveConfig(partial: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const merged: ResolvedConfig = { ...DEFAULTS, ...stripUndefined(partial) };
  return deepFreeze(merged);
}

/** Validates parsed JSON; `where` names the file in messages. */
export function validateConfig(value: unknown, where: string): ConfigFile {
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.map(String).join('.') || '(top level)';
    let allowed = '';
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(configSchema.shape).filter((k) => k !== '$schema');
      throw new ConfigError(`${where}: unknown key "${issue.keys.join('", "')}"; allowed keys: ${known.join(', ')}`);
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
  const known = new Set(ruleIds());
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`${where}: rules: unknown rule id "${id}"; valid rule ids: ${[...known].join(', ')}`);
  }
  return parsed.data;
}

export async function loadConfigFile(file: string, required: boolean): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(`${file}: cannot read config (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  return validateConfig(json, file);
}

export function configToResolved(file: ConfigFile, overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const { $schema: _schema, ...rest } = file;
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
