/**
 * The hand-written labels of an evaluation corpus (`tests/eval/labels.json`), checked with
 * one zod schema: which drafts are clean, and for the others each defect an editor would
 * flag, by rule id and 1-based line of the original file.
 */
import { z } from 'zod';

const defect = z.strictObject({
  ruleId: z.string().regex(/^[a-z]+\/[a-z-]+$/, 'a rule id such as "lang/foreign-block"'),
  line: z.number().int().positive(),
  note: z.string().min(1),
  /** A defect a rule may report or not: it counts neither for recall nor against precision. */
  optional: z.boolean().optional(),
  /** Values the finding's `data` must hold as well, e.g. `{ "lang": "vie" }` for a foreign block. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const article = z
  .strictObject({
    clean: z.boolean(),
    description: z.string().min(1),
    defects: z.array(defect).default([]),
  })
  .refine((a) => !a.clean || a.defects.every((d) => d.optional), {
    message: 'a clean article lists no defects (optional ones aside)',
  })
  .refine((a) => a.clean || a.defects.some((d) => !d.optional), {
    message: 'an article that is not clean lists at least one defect',
  });

export const labelsSchema = z.strictObject({
  $comment: z.string().optional(),
  articles: z.record(z.string().min(1), article),
});

export type Labels = z.infer<typeof labelsSchema>;
export type ArticleLabels = Labels['articles'][string];
export type DefectLabel = ArticleLabels['defects'][number];

export class LabelsError extends Error {}

/**
 * Parses and checks labels. `knownRules` (when given) are the rule ids a label may name;
 * `files` (when given) are the corpus's drafts, and every draft must be labelled and
 * every label must name a draft.
 */
export function parseLabels(value: unknown, where: string, knownRules?: readonly string[], files?: readonly string[]): Labels {
  const parsed = labelsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LabelsError(`${where}: ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
  }
  const labels = parsed.data;
  if (knownRules) {
    const known = new Set(knownRules);
    for (const [file, a] of Object.entries(labels.articles)) {
      for (const d of a.defects) {
        if (!known.has(d.ruleId)) throw new LabelsError(`${where}: ${file} line ${d.line}: unknown rule id "${d.ruleId}"`);
      }
    }
  }
  if (files) {
    const present = new Set(files);
    const missing = files.filter((f) => !(f in labels.articles));
    if (missing.length > 0) throw new LabelsError(`${where}: drafts without labels: ${missing.join(', ')}`);
    const stray = Object.keys(labels.articles).filter((f) => !present.has(f));
    if (stray.length > 0) throw new LabelsError(`${where}: labels for drafts not in the corpus: ${stray.join(', ')}`);
  }
  return labels;
}
