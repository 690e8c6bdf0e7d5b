/** Text tables of an evaluation report (what `npm run eval` prints). */
import type { EvalReport, Figures } from './score.js';

function ratio(x: number | null): string {
  return x === null ? '—' : x.toFixed(2);
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const HEAD = ['findings', 'true', 'false', 'precision', 'labels', 'found', 'recall', 'infos'];

function cells(f: Figures): string[] {
  return [f.findings, f.true, f.false, ratio(f.precision), f.labels, f.found, ratio(f.recall), f.infos].map(String);
}

export function formatReport(report: EvalReport, clusters: ReadonlyArray<{ canonical: string; members: readonly string[] }> = []): string {
  const parts: string[] = [];
  parts.push('Per rule (precision on warnings and errors; an info rule on its infos)');
  parts.push(table(['rule', ...HEAD], report.rules.map((r) => [r.ruleId, ...cells(r)])));
  parts.push('');
  parts.push('Per family');
  parts.push(table(['family', ...HEAD], report.families.map((f) => [f.family, ...cells(f)])));
  parts.push('');
  parts.push('Clean articles (warnings and errors)');
  parts.push(
    table(
      ['article', 'warnings', 'errors', 'by rule'],
      report.clean.map((c) => [
        c.file,
        String(c.warnings),
        String(c.errors),
        Object.entries(c.byRule)
          .sort()
          .map(([id, n]) => `${id} ${n}`)
          .join(', ') || '—',
      ]),
    ),
  );
  parts.push('');
  if (clusters.length > 0) {
    parts.push('Versions grouped by the engine (canonical ← members)');
    for (const c of clusters) parts.push(`  ${c.canonical} ← ${c.members.join(', ')}`);
    parts.push('');
  }
  parts.push(`False findings (${report.falseFindings.length})`);
  for (const f of report.falseFindings) parts.push(`  ${f.file}:${f.line}${f.endLine !== f.line ? `-${f.endLine}` : ''} ${f.ruleId} [${f.severity}] ${oneLine(f.message)}`);
  parts.push('');
  parts.push(`Missed labels (${report.missed.length})`);
  for (const m of report.missed) parts.push(`  ${m.file}:${m.line} ${m.ruleId} ${oneLine(m.note)}`);
  return parts.join('\n') + '\n';
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
