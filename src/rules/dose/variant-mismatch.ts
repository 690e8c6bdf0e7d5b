/**
 * dose/variant-mismatch — a version of an article gives a dose figure with another value,
 * unit or period than the aligned block of the canonical version (the machine translation
 * that turned "daily" into 每年, "per year").
 *
 * Reads only the block alignment of the corpus stage: within each pair of aligned blocks,
 * figures are matched by equal amount first, then the rest in order when both blocks have
 * the same number of them. An amount written in another unit (0.5 g for 500 mg) is the
 * same amount; a period that one side leaves out is not a difference. Reported on the
 * non-canonical member, at its figure.
 */
import type { ClusterRule, Document, RuleFinding } from '../../types.js';
import type { Dose, KnowledgeBase } from '../../dose/index.js';
import { describePeriod, extractDoses, formatAmount, formatValue, frequencyOf, knowledgeBase } from '../../dose/index.js';
import { groupBy } from '../../collections.js';

type Difference = 'value' | 'unit' | 'period';

export const variantMismatch: ClusterRule = {
  id: 'dose/variant-mismatch',
  scope: 'cluster',
  meta: {
    description: 'Dose differs between versions of one article',
    defaultSeverity: 'error',
    docs: 'A block of a version (a translation, an older draft) gives a dose with another value, unit or period than the block it is aligned with in the canonical version.',
    fix: 'Check the figure against the source and correct the version that is wrong, so that every version gives the same value, unit and period.',
    example: '每年膳食摄入量为310-360毫克 (per year) where the canonical says "a daily dietary intake of 310–360 mg"',
  },
  check(view, ctx) {
    const kb = knowledgeBase(ctx.config);
    const canonical = byBlock(view.canonical, kb);
    const findings: Array<RuleFinding & { path: string }> = [];
    for (const member of view.members) {
      const alignment = view.alignment(member.path);
      if (!alignment) continue;
      const doses = byBlock(member, kb);
      for (const pair of alignment.pairs) {
        if (pair.member === null || pair.canonical === null) continue;
        const mine = doses.get(pair.member);
        const theirs = canonical.get(pair.canonical);
        if (!mine || !theirs) continue;
        for (const [m, c] of match(mine, theirs)) {
          const differs = differences(m, c);
          if (differs.length === 0) continue;
          const line = c.span.start.line;
          findings.push({
            path: member.path,
            span: m.span,
            message:
              `Dose differs from the canonical version (${view.canonical.path}:${line}): ` +
              `${formatAmount(m.value, m.unit)} ${describePeriod(m.period)} here, ${formatAmount(c.value, c.unit)} ${describePeriod(c.period)} there`,
            data: {
              substance: m.substance ?? c.substance ?? null,
              role: m.role,
              differs,
              value: formatValue(m.value),
              unit: m.unit,
              period: m.period ?? null,
              canonicalValue: formatValue(c.value),
              canonicalUnit: c.unit,
              canonicalPeriod: c.period ?? null,
              canonicalPath: view.canonical.path,
              canonicalLine: line,
            },
          });
        }
      }
    }
    return findings;
  },
};

function byBlock(doc: Document, kb: KnowledgeBase): Map<number, Dose[]> {
  return groupBy(extractDoses(doc, kb), (d) => d.block);
}

/** Pairs the figures of two aligned blocks: equal amounts first, then the rest in order if as many remain on both sides. */
function match(mine: Dose[], theirs: Dose[]): Array<[Dose, Dose]> {
  const pairs: Array<[Dose, Dose]> = [];
  const left = [...mine];
  const right = [...theirs];
  for (let i = 0; i < left.length; ) {
    const j = right.findIndex((c) => sameAmount(left[i]!, c));
    if (j >= 0) {
      pairs.push([left[i]!, right[j]!]);
      left.splice(i, 1);
      right.splice(j, 1);
    } else i++;
  }
  if (left.length === right.length) left.forEach((m, i) => pairs.push([m, right[i]!]));
  return pairs.sort((a, b) => a[0].span.start.offset - b[0].span.start.offset);
}

function sameAmount(a: Dose, b: Dose): boolean {
  if (a.value.bound !== b.value.bound) return false;
  if (a.amount && b.amount && a.substance === b.substance) return a.amount.low === b.amount.low && a.amount.high === b.amount.high;
  return a.unit === b.unit && a.value.low === b.value.low && a.value.high === b.value.high;
}

function differences(m: Dose, c: Dose): Difference[] {
  const out: Difference[] = [];
  if (!sameAmount(m, c)) {
    if (m.value.low !== c.value.low || m.value.high !== c.value.high || m.value.bound !== c.value.bound) out.push('value');
    if (m.unit !== c.unit) out.push('unit');
  }
  const mf = frequencyOf(m.period);
  const cf = frequencyOf(c.period);
  if (mf && cf && mf !== cf) out.push('period');
  return out;
}
