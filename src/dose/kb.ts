/**
 * The dose knowledge base: `data/nutrients.json` merged with the `nutrients` overrides of
 * the config, validated once with zod, then frozen. Figures live in the data file with
 * their source; this module only loads, merges, checks and indexes them.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ResolvedConfig } from '../types.js';
import { cmp } from '../order.js';
import { escapeRegExp } from '../regexp.js';
import { ScopedTextMemo } from '../text-memo.js';

/** Where the shipped knowledge base lives (`data/` beside `src/` and `dist/`). */
export const KNOWLEDGE_BASE_FILE = new URL('../../data/nutrients.json', import.meta.url);

/**
 * How the knowledge base is validated: once per process, so without zod's compiled fast path
 * (it generates a parser for each object shape with `new Function`, which pays after many
 * parses, not one: the first check took about 100 ms with it, 25 ms without). Same checks,
 * same messages.
 */
const ONCE = { jitless: true } as const;

export class KnowledgeBaseError extends Error {
  override name = 'KnowledgeBaseError';
}

const url = z.url({ protocol: /^https?$/ });
const amount = z.number().finite().nonnegative();
const range = z
  .strictObject({ low: amount, high: amount })
  .refine((r) => r.low <= r.high, { message: 'low must not be above high' });

/** Who set a limit: the US (National Academies DRIs, FDA), China (Chinese Nutrition Society DRIs 2023), the EU (EFSA). */
export const JURISDICTIONS = ['us', 'cn', 'eu'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
const jurisdiction = z.enum(JURISDICTIONS);
const aliases = z.strictObject({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)) });
/** Ages in whole years, inclusive: `{ from: 19 }` is 19 y and over, `{ from: 19, to: 50 }` is 19–50 y. */
const ages = z
  .strictObject({ from: z.number().int().nonnegative(), to: z.number().int().positive().optional() })
  .refine((a) => a.to === undefined || a.from <= a.to, { message: 'from must not be above to' });

/**
 * One limit of one jurisdiction. `UL`: a tolerable upper intake level; `guidance`: a guidance
 * value that is not a UL (caffeine, EPA and DHA); `none`: the jurisdiction sets no UL (no
 * `value`), which sends the check to the US figure, named as such.
 */
const limitSchema = z
  .strictObject({
    jurisdiction,
    kind: z.enum(['UL', 'guidance', 'none']),
    value: amount.positive().optional(),
    ages,
    /** `supplemental`: counts supplements (and fortified food, medicines) only, not food. */
    appliesTo: z.enum(['total', 'supplemental']).optional(),
    /** Keys of the entry's `forms` the limit covers; absent: every form. */
    forms: z.array(z.string().min(1)).min(1).optional(),
    /** What the limit covers, in words for messages ("preformed vitamin A (retinol and retinyl esters), not beta-carotene"). */
    covers: z.string().min(1).optional(),
    /** Who set it ("EFSA", "FDA"), for guidance values. */
    authority: z.string().min(1),
    note: z.string().optional(),
    source: url,
  })
  .refine((l) => (l.kind === 'none') === (l.value === undefined), { message: 'a limit of kind "none" has no value, any other has one' })
  .refine((l) => l.kind === 'none' || l.appliesTo !== undefined, { message: 'appliesTo is required with a value' });

/**
 * A form of the nutrient with its own names: a salt whose weight is mostly not the element
 * (`factor`: the share of the nutrient by weight), a form no limit covers (beta-carotene,
 * food folate), or a form with its own IU (natural and synthetic vitamin E).
 */
const formSchema = z.strictObject({
  name: z.string().min(1),
  aliases,
  factor: z.number().positive().max(1).optional(),
  iuPerUnit: z.number().positive().optional(),
  note: z.string().optional(),
  source: url,
});

const entrySchema = z.strictObject({
  /** Name used in messages ("vitamin D"). */
  name: z.string().min(1),
  aliases,
  /** Unit every figure of the entry is in. */
  unit: z.enum(['mg', 'mcg', 'g']),
  /** International units per one `unit` (vitamin D: 40 IU = 1 mcg), for a figure whose form is not named. */
  iu: z.strictObject({ perUnit: z.number().positive(), note: z.string().optional(), source: url }).optional(),
  forms: z.record(z.string().regex(/^[a-z0-9-]+$/), formSchema).optional(),
  /** Adult reference intake (RDA or AI), women and men, across adult age groups. */
  intake: z
    .strictObject({
      jurisdiction,
      kind: z.enum(['RDA', 'AI']),
      ages: z.string().min(1),
      women: range,
      men: range,
      note: z.string().optional(),
      source: url,
    })
    .nullable(),
  /** Upper limits by jurisdiction; none at all where no one sets one (melatonin). */
  limits: z.array(limitSchema),
  /** Range outside which a figure is most likely a slip (of unit or digits), not advice. */
  plausible: z
    .strictObject({ low: amount, high: amount.positive(), note: z.string().min(1), source: url })
    .refine((r) => r.low < r.high, { message: 'low must be below high' }),
});

const fileSchema = z.strictObject({
  description: z.string().optional(),
  nutrients: z.record(z.string().regex(/^[a-z0-9-]+$/, 'a lower-case key such as "vitamin-d"'), z.unknown()),
});

export type NutrientEntry = z.infer<typeof entrySchema>;
export type LimitEntry = z.infer<typeof limitSchema>;
export type FormEntry = z.infer<typeof formSchema>;

export interface KnowledgeBase {
  /** Entries by key, keys sorted. */
  readonly nutrients: Readonly<Record<string, NutrientEntry>>;
  /** Matches any alias in a text (longest alias first); `aliasKey` maps the match to its entry. */
  readonly aliasPattern: RegExp;
  aliasKey(match: string): string | undefined;
  /** The form key an alias names ("magnesium oxide" → "oxide"), or undefined for the nutrient's own names. */
  aliasForm(match: string): string | undefined;
  /** Every alias in `text`, leftmost first (the matches of `aliasPattern`, found faster). */
  /** Aliases named in `text`, in order (the same frozen array for the same text). */
  findAliases(text: string): ReadonlyArray<{ start: number; end: number; key: string }>;
}

let shipped: Record<string, unknown> | undefined;
let base: KnowledgeBase | undefined;
const withOverrides = new WeakMap<object, KnowledgeBase>();

/** The raw entries of `data/nutrients.json` (read once). */
function shippedEntries(): Record<string, unknown> {
  if (!shipped) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(KNOWLEDGE_BASE_FILE, 'utf8'));
    } catch (error) {
      throw new KnowledgeBaseError(`data/nutrients.json: cannot read the dose knowledge base (${(error as Error).message})`);
    }
    const parsed = fileSchema.safeParse(json, ONCE);
    if (!parsed.success) throw new KnowledgeBaseError(`data/nutrients.json: ${describe(parsed.error.issues[0]!)}`);
    shipped = parsed.data.nutrients;
  }
  return shipped;
}

/**
 * The knowledge base with `overrides` (config `nutrients`: key → partial entry) merged over
 * the shipped file. Objects merge key by key, anything else replaces; `null` clears an
 * upper limit or intake. A new key must be a full entry. Throws `KnowledgeBaseError`
 * naming the offending key, e.g. `nutrients.zinc.upperLimit.value: …`.
 */
export function loadKnowledgeBase(overrides: Readonly<Record<string, unknown>> = {}): KnowledgeBase {
  const empty = Object.keys(overrides).length === 0;
  if (empty && base) return base;
  if (!empty) {
    const cached = withOverrides.get(overrides);
    if (cached) return cached;
  }
  const raw: Record<string, unknown> = { ...shippedEntries() };
  for (const [key, patch] of Object.entries(overrides)) {
    if (!/^[a-z0-9-]+$/.test(key)) throw new KnowledgeBaseError(`nutrients.${key}: a nutrient key is lower-case letters, digits and "-" (such as "vitamin-d"); known keys: ${Object.keys(raw).sort().join(', ')}`);
    if (!isPlainObject(patch)) throw new KnowledgeBaseError(`nutrients.${key}: expected an object (a partial entry of data/nutrients.json)`);
    raw[key] = key in raw ? merge(raw[key], patch) : patch;
  }
  const where = (key: string) => (key in overrides ? 'nutrients' : 'data/nutrients.json: nutrients');
  const nutrients: Record<string, NutrientEntry> = {};
  for (const key of Object.keys(raw).sort()) {
    const parsed = entrySchema.safeParse(raw[key], ONCE);
    if (!parsed.success) throw new KnowledgeBaseError(`${where(key)}.${key}${describe(parsed.error.issues[0]!, true)}`);
    const entry = parsed.data;
    entry.limits.forEach((limit, i) => {
      if (limit.value !== undefined && limit.value > entry.plausible.high) {
        throw new KnowledgeBaseError(`${where(key)}.${key}.plausible.high: ${entry.plausible.high} is below the upper limit ${limit.value}`);
      }
      for (const form of limit.forms ?? []) {
        if (!entry.forms?.[form]) throw new KnowledgeBaseError(`${where(key)}.${key}.limits.${i}.forms: "${form}" is not a key of ${key}.forms`);
      }
    });
    nutrients[key] = entry;
  }
  const kb = index(nutrients, where);
  if (empty) base = kb;
  else withOverrides.set(overrides, kb);
  return kb;
}

/** The knowledge base a rule should use under `config`. */
export function knowledgeBase(config: Pick<ResolvedConfig, 'nutrients'>): KnowledgeBase {
  return loadKnowledgeBase(config.nutrients);
}

// The aliases found in a text, one scope per knowledge base (its number): one memo for the
// module, as every other text memo, so a knowledge base built for a config does not leave
// one behind (each memo registers itself for the lifetime of the process; see text-memo.ts).
const aliasesFound = new ScopedTextMemo<ReadonlyArray<{ start: number; end: number; key: string }>>(4096);
let indexed = 0;

function index(nutrients: Record<string, NutrientEntry>, where: (key: string) => string): KnowledgeBase {
  const byAlias = new Map<string, string>();
  const formByAlias = new Map<string, string>();
  const add = (key: string, alias: string, form?: string) => {
    const norm = alias.toLowerCase();
    const other = byAlias.get(norm);
    if (other && (other !== key || formByAlias.get(norm) !== form)) {
      throw new KnowledgeBaseError(`${where(key)}.${key}.${form ? `forms.${form}.` : ''}aliases: "${alias}" is already an alias of ${other}`);
    }
    byAlias.set(norm, key);
    if (form) formByAlias.set(norm, form);
  };
  for (const [key, entry] of Object.entries(nutrients)) {
    for (const alias of [...entry.aliases.en, ...entry.aliases.zh]) add(key, alias);
    for (const [form, f] of Object.entries(entry.forms ?? {})) for (const alias of [...f.aliases.en, ...f.aliases.zh]) add(key, alias, form);
  }
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length || cmp(a, b));
  // A Latin end of an alias must not run on into a Latin word ("iron" in "ironic"); CJK stands anywhere.
  const parts = aliases.map((a) => {
    const head = /^[a-z0-9]/.test(a) ? '(?<![a-z0-9])' : '';
    const tail = /[a-z0-9]$/.test(a) ? '(?![a-z0-9])' : '';
    return `${head}${escapeRegExp(a)}${tail}`;
  });
  // The same alternatives without their opening lookbehinds, which V8 would try at every
  // position of a text; `findAliases` checks the character before a Latin alias itself.
  // Built once per knowledge base; `findAliases` resets it and runs to the end of the text.
  const fast = new RegExp(aliases.map((a) => `${escapeRegExp(a)}${/[a-z0-9]$/.test(a) ? '(?![a-z0-9])' : ''}`).join('|'), 'giu');
  const aliasKey = (match: string) => byAlias.get(match.toLowerCase());
  const scope = String(indexed++);
  return deepFreeze({
    nutrients,
    aliasPattern: new RegExp(parts.join('|'), 'giu'),
    aliasKey,
    aliasForm: (match: string) => formByAlias.get(match.toLowerCase()),
    // (The same array for the same text: versions of an article repeat their blocks, and a
    // draft's topic and its figures' names look at the same blocks; see text-memo.ts.)
    findAliases: (text: string) =>
      aliasesFound.in(scope).get(text, () => {
        const re = fast;
        re.lastIndex = 0;
        const out: Array<{ start: number; end: number; key: string }> = [];
        for (let m = re.exec(text); m; m = re.exec(text)) {
          if (/^[a-z0-9]/i.test(m[0]) && /[a-z0-9]/i.test(text.charAt(m.index - 1))) {
            re.lastIndex = m.index + 1;
            continue;
          }
          const key = aliasKey(m[0]);
          if (key) out.push({ start: m.index, end: m.index + m[0].length, key });
        }
        return deepFreeze(out);
      }),
  });
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) out[k] = k in base ? merge(base[k], v) : v;
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `path: message` of a zod issue; `prefixed` puts a dot before the path (it follows a key). */
function describe(issue: z.core.$ZodIssue, prefixed = false): string {
  const path = issue.path.map(String).join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys.join('", "')}"` : issue.message;
  if (prefixed) return `${path ? `.${path}` : ''}: ${message}`;
  return `${path || '(top level)'}: ${message}`;
}


function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o) && !(o instanceof RegExp)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}
