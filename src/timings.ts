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

export function renderTimings(result: Pick<AuditResult, 'timings' | 'cache' | 'memory'>, totalMs: number): string {
  const stages = (Object.keys(LABELS) as Array<keyof AuditResult['timings']>).map((k) => `${LABELS[k]} ${seconds(result.timings[k])}`).join(', ');
  let line = `draftaudit: ${seconds(totalMs)} in all; ${stages}`;
  if (result.memory) {
    const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
    const ends = (Object.keys(result.memory) as Array<keyof typeof result.memory>).map((k) => {
      const m = result.memory![k]!;
      return `${LABELS[k]} ${mb(m.rss)} (heap ${mb(m.heap)})`;
    });
    const peak = Math.max(0, ...Object.values(result.memory).map((m) => m.peakRss));
    if (ends.length > 0) line += `; memory at the end of each stage: ${ends.join(', ')}; peak ${mb(peak)}`;
  }
  if (result.cache) {
    const { hits, misses, unstored = 0 } = result.cache;
    const total = hits + misses;
    const rate = total === 0 ? 0 : (100 * hits) / total;
    line += `; cache: ${hits} of ${total} draft${total === 1 ? '' : 's'} from the cache (${rate.toFixed(1)}% hit rate), ${misses} analysed`;
    if (unstored > 0) line += `, ${unstored} of them not stored (the cache folder could not be written)`;
  }
  return `${line}\n`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
