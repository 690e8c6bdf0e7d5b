/**
 * The `--verbose` line: where a run's time went, stage by stage, and how much of the batch
 * the cache answered. Printed to stderr, apart from every report.
 */
import type { AuditResult } from './audit.js';

const LABELS: Record<keyof AuditResult['timings'], string> = {
  analyze: 'analysis',
  corpus: 'grouping versions',
  clusterRules: 'comparing versions',
  clean: 'cleaning',
  gc: 'garbage collection',
};

export function renderTimings(result: Pick<AuditResult, 'timings' | 'cache'>, totalMs: number): string {
  const stages = (Object.keys(LABELS) as Array<keyof AuditResult['timings']>).map((k) => `${LABELS[k]} ${seconds(result.timings[k])}`).join(', ');
  let line = `draftaudit: ${seconds(totalMs)} in all; ${stages}`;
  if (result.cache) {
    const { hits, misses } = result.cache;
    const total = hits + misses;
    const rate = total === 0 ? 0 : (100 * hits) / total;
    line += `; cache: ${hits} of ${total} draft${total === 1 ? '' : 's'} from the cache (${rate.toFixed(1)}% hit rate), ${misses} analysed`;
  }
  return `${line}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
