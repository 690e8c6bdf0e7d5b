/**
 * Writing what a run made: the cleaned articles into the output folder and the three reports
 * into the reports folder. The CLI and the library entry both write through here, so both
 * keep the output folder's rules (other articles' outputs kept, stale ones of this run's
 * articles pruned) and collect a large batch's garbage as the reports go out.
 */
import path from 'node:path';
import type { AuditResult } from './audit.js';
import { collectIfGrown, collectingAsNeeded } from './gc.js';
import { reporters } from './report/index.js';
import type { Gate } from './report/gate.js';
import { writeAtomic, writeFolder } from './write.js';

/** Writes the cleaned articles; `prune` also removes outputs of articles this run did not audit. */
export function writeArticles(outputDir: string, result: Pick<AuditResult, 'outputs' | 'documents'>, prune = false): void {
  writeFolder(outputDir, result.outputs, { inRun: new Set(result.documents.map((d) => d.path)), prune });
}

/** Writes audit.json, audit.html and audit.sarif. */
export function writeReports(result: AuditResult, reportsDir: string, cwd: string, gate?: Gate): void {
  for (const reporter of Object.values(reporters)) {
    // A large batch's garbage is collected as its reports are written (see gc.ts).
    writeAtomic(path.join(reportsDir, reporter.file), collectingAsNeeded(reporter.chunks(result, { reportsDir, cwd, ...(gate ? { gate } : {}) })));
    collectIfGrown();
  }
}
