/**
 * The command line: arguments, config, writing outputs and reports, exit code.
 * No analysis here: `audit()` does that. `main` returns the exit code:
 * 0 no open finding at or above --fail-on, 1 open findings at or above it (with --strict,
 * fixed ones count too), 2 usage, config or I/O error, or inputs that hold no draft.
 */
import { existsSync } from 'node:fs';
import { realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { audit, exitCodeFor } from './audit.js';
import { BASELINE_FILE, createBaseline, matchBaseline, readBaseline, type Baseline } from './baseline.js';
import { changedSince, type ChangedFiles } from './changed.js';
import { CONFIG_FILE, ConfigError, configToResolved, findConfigFile, readConfigJson, SCHEMA_URL, validateConfig } from './config.js';
import { loadPlugins } from './plugins.js';
import { sarifChunks } from './report/sarif.js';
import { displayPath, DRAFT_EXTENSIONS, globOf, UsageError } from './load/index.js';
import { formatOf } from './parse/index.js';
import { countedFindings, type Gate } from './report/gate.js';
import { renderGithub } from './report/github.js';
import { textChunks } from './report/text.js';
import { reporters } from './report/index.js';
import type { FailOn } from './types.js';
import { VERSION } from './version.js';
import { batched, pieceText, readManifest, writeAtomic, type Piece } from './write.js';
import { lockFileOf, writeArticles, writeReports } from './outputs.js';
import { acquireLocks, LockedError, removeIfEmpty, type Lock } from './lock.js';
import { checkWritableFolders, describeIoError, folderProblem, IoError } from './preflight.js';
import { jsonReportChunks } from './report/json.js';
import { baselineChunks } from './baseline.js';
import { progressBar, type ProgressStream } from './progress.js';
import { DEFAULT_CACHE_DIR, sweepCache } from './engine/cache.js';
import { renderTimings } from './timings.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  color: boolean;
  /** The terminal's width, when standard output is a terminal (the text report wraps to it; 80 otherwise). */
  columns?: number;
  /** Environment (GITHUB_ACTIONS, GITHUB_WORKSPACE); defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Where the progress bar is drawn (only when it is a terminal); none by default. */
  progress?: ProgressStream;
  /** Reads standard input to its end (for `--stdin`). */
  stdin?: () => Promise<string>;
}

export const USAGE = `Usage: draftaudit [PATH|GLOB...] [options]
       draftaudit init

Audits article drafts (.txt, .md, .html) and writes cleaned Markdown and reports.
\`draftaudit init\` writes a starter ${CONFIG_FILE}.

Options:
  --output DIR          cleaned articles (default: output/)
  --reports DIR         audit.json, audit.html and audit.sarif (default: reports/)
  --config FILE         configuration (default: the nearest ${CONFIG_FILE}, .jsonc
                        or .draftauditrc.json in this folder or one above it)
  --fail-on LEVEL       error | warning | info | never (default: error)
  --format FORMAT       text | json | sarif | github | junit: what to print
                        (default: text; the report files are written as always)
  --check               audit and print only: write no cleaned articles and no reports
  --stdin               audit the draft on standard input (writes nothing)
  --stdin-filename NAME the name it is reported under; its extension gives the
                        format (default: stdin.md)
  --strict              findings fixed in the cleaned articles count toward the exit code too
  --no-inline-config    ignore every <!-- draftaudit-… --> directive in the drafts
  --prune               remove every cleaned article an earlier run wrote and this one did not
                        (by default only those made from drafts this run read)
  --baseline FILE       findings recorded in FILE are reported but do not fail the run
  --write-baseline      record every current finding in the baseline
                        (--baseline FILE, default: ./${BASELINE_FILE})
  --changed-since REF   only findings on drafts changed since the git ref REF
                        (and untracked drafts) decide the exit code
  --cache[=DIR]         keep per-draft results by content hash in DIR (default: ${DEFAULT_CACHE_DIR}/)
  --cache-location DIR  the same, naming the folder
  --no-progress         no progress bar
  --quiet               print only the findings that fail the run, and the summary
  --verbose             also print the time of each stage and the cache's hit rate (to stderr)
  -h, --help            this help
  -v, --version         the version

PATH (a file, a folder or a quoted glob such as 'drafts/**/*.md') defaults to input/. Exit code:
0 no open finding at or above --fail-on, 1 open findings at or above it, 2 usage, config or
I/O error, or a PATH with no draft.
With GITHUB_ACTIONS=true, findings are also printed as GitHub workflow commands (annotations).
`;

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;

export async function main(argv: string[], io: Io): Promise<number> {
  // Locks the run takes on its folders, released however it ends.
  const held: Lock[] = [];
  try {
    return await run(argv, io, held);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof IoError || error instanceof LockedError) {
      io.stderr(`draftaudit: ${oneLine(error.message)}\n`);
    } else if ((error as NodeJS.ErrnoException)?.code) {
      io.stderr(`draftaudit: ${oneLine(describeIoError(error, (f) => displayPath(io.cwd, f)))}\n`);
    } else {
      // A defect of draftaudit, not of the drafts or the folders: said so, details on request.
      io.stderr(`draftaudit: the run stopped on an unexpected error (${oneLine(String((error as Error)?.message ?? error))}); run with DRAFTAUDIT_DEBUG=1 for details and report it\n`);
    }
    if ((io.env ?? process.env).DRAFTAUDIT_DEBUG) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  } finally {
    for (const lock of held) lock.release();
  }
}

async function run(argv: string[], io: Io, held: Lock[]): Promise<number> {
  // `--cache=DIR` names the cache folder; a bare `--cache` uses the default one.
  let cacheDir: string | undefined;
  argv = argv.filter((a) => {
    if (a === '--cache' || a.startsWith('--cache=')) {
      cacheDir = a === '--cache' ? DEFAULT_CACHE_DIR : a.slice('--cache='.length);
      return false;
    }
    return true;
  });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string' },
        reports: { type: 'string' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        format: { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'boolean' },
        'changed-since': { type: 'string' },
        'no-progress': { type: 'boolean' },
        quiet: { type: 'boolean' },
        verbose: { type: 'boolean' },
        strict: { type: 'boolean' },
        'no-inline-config': { type: 'boolean' },
        prune: { type: 'boolean' },
        'cache-location': { type: 'string' },
        check: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (positionals[0] === 'init' && !(await exists(path.resolve(io.cwd, 'init')))) return init(positionals.slice(1), io);
  const failOnFlag = values['fail-on'];
  if (failOnFlag !== undefined && !(FAIL_ON as readonly string[]).includes(failOnFlag)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOnFlag}")`);
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  }

  const configPath = values.config ? path.resolve(io.cwd, values.config) : await findConfigFile(io.cwd);
  const raw = configPath === undefined ? {} : await readConfigJson(configPath, values.config !== undefined);
  // Plugins named in the config are loaded from the config's folder before the config is
  // checked, so it may set their rules' severities.
  const pluginNames = (raw as { plugins?: unknown }).plugins;
  const plugins = Array.isArray(pluginNames) && pluginNames.every((n) => typeof n === 'string')
    ? await loadPlugins(pluginNames as string[], configPath ? path.dirname(configPath) : io.cwd)
    : [];
  const configFile = validateConfig(raw, configPath ?? 'config', plugins.map((r) => r.id));
  const config = configToResolved(configFile, {
    failOn: failOnFlag as FailOn | undefined,
    ...(values.strict ? { strict: true } : {}),
    ...(values['no-inline-config'] ? { noInlineConfig: true } : {}),
  });

  // --check and --stdin audit and print; nothing is written.
  const readOnly = Boolean(values.check || values.stdin);
  if (readOnly && values['write-baseline']) throw new UsageError('--write-baseline writes a file; it cannot go with --check or --stdin');
  let texts: Array<{ path: string; text: string }> = [];
  if (values.stdin) {
    if (!io.stdin) throw new UsageError('--stdin: no standard input to read');
    const name = (values['stdin-filename'] ?? 'stdin.md').split(path.sep).join('/');
    if (!formatOf(name)) throw new UsageError(`--stdin-filename ${name}: not a draft name (${DRAFT_EXTENSIONS})`);
    texts = [{ path: name, text: await io.stdin() }];
  } else if (values['stdin-filename'] !== undefined) {
    throw new UsageError('--stdin-filename goes with --stdin');
  }
  const inputs = values.stdin ? [] : positionals.length > 0 ? positionals : ['input'];
  const outputDir = path.resolve(io.cwd, values.output ?? 'output');
  const reportsDir = path.resolve(io.cwd, values.reports ?? 'reports');
  const writeBaseline = values['write-baseline'] ?? false;
  const baselineShown = values.baseline ?? (writeBaseline ? BASELINE_FILE : undefined);
  const baselineFile = baselineShown === undefined ? undefined : path.resolve(io.cwd, baselineShown);
  if (values['cache-location'] !== undefined) cacheDir = values['cache-location'];
  let cache = cacheDir === undefined ? undefined : path.resolve(io.cwd, cacheDir);
  // (--check and --stdin write no article nor report: their folders may be anywhere; the cache is still written.)
  await refuseInsideInputs(inputs, { ...(readOnly ? {} : { '--output': outputDir, '--reports': reportsDir }), ...(cache ? { '--cache': cache } : {}) }, io.cwd);
  if (writeBaseline && baselineFile) await refuseInsideInputs(inputs, { '--write-baseline': path.dirname(baselineFile) }, io.cwd);

  // Everything that can stop the run is checked before the audit writes anything.
  const ref = values['changed-since'];
  const changed: ChangedFiles | undefined = ref === undefined ? undefined : await changedSince(ref, io.cwd);
  const previous: Baseline | undefined = baselineFile && !writeBaseline ? await readBaseline(baselineFile, baselineShown!) : undefined;
  const shown = (dir: string): string => `${displayPath(io.cwd, dir)}/`;
  // Folders this run makes go again, on the way out, when nothing was written to them (no draft found).
  const madeHere = readOnly ? [] : [outputDir, reportsDir].filter((dir) => !existsSync(dir));
  checkWritableFolders([
    ...(readOnly ? [] : [{ dir: outputDir, flag: '--output', shown: shown(outputDir) }, { dir: reportsDir, flag: '--reports', shown: shown(reportsDir) }]),
    ...(writeBaseline && baselineFile ? [{ dir: path.dirname(baselineFile), flag: '--write-baseline', shown: shown(path.dirname(baselineFile)) }] : []),
  ]);
  // The cache only saves time: a folder that cannot hold it turns it off.
  const cacheProblem = cache === undefined ? undefined : folderProblem(cache);
  if (cache !== undefined && cacheProblem) {
    io.stderr(`draftaudit: warning: cache folder ${shown(cache)} ${cacheProblem}; running without the cache\n`);
    cache = undefined;
  }
  // One run at a time writes to a folder; a second one waits a little, then stops.
  const lockWait = (io.env ?? process.env).DRAFTAUDIT_LOCK_WAIT_MS;
  if (!readOnly) {
    held.push(
      ...(await acquireLocks(
        [outputDir, reportsDir].map((dir) => ({ file: lockFileOf(dir), shown: shown(dir) })),
        { ...(lockWait && Number.isFinite(Number(lockWait)) ? { waitMs: Number(lockWait) } : {}), lockShown: (f) => displayPath(io.cwd, f) },
      )),
    );
    // Released after the locks: a folder is empty only once its lock file is gone.
    for (const dir of madeHere) held.push({ file: dir, release: () => removeIfEmpty(dir) });
  }

  // Threads to analyse and clean in, this one included (default: one per core for a large batch).
  const threads = Number((io.env ?? process.env).DRAFTAUDIT_THREADS);
  const started = performance.now();
  const progress = progressBar(io.progress ?? { write: () => {} }, !values['no-progress'] && !values.quiet);
  const audited = audit(inputs, config, {
    cwd: io.cwd,
    outputDir,
    texts,
    ...(plugins.length > 0 ? { plugins } : {}),
    ...(Number.isInteger(threads) && threads > 0 ? { workers: threads } : {}),
    previousOutputs: readManifest(outputDir),
    ...(readOnly ? {} : { renderArticles: true }),
    onProgress: (done, total) => progress.update(done, total),
    onStage: (label) => progress.stage(label),
    ...(cache ? { cache } : {}),
  });
  const done = await audited;
  const refused = readOnly ? [] : writeArticles(outputDir, done, values.prune ?? false).refused;
  for (const name of refused) {
    io.stderr(`draftaudit: ${displayPath(io.cwd, path.join(outputDir, name))} exists and was not written by draftaudit; its cleaned article was not written (move the file away or choose another --output)\n`);
  }
  // The HTML report shows each cleaned article's text, rendered.
  const result = done;
  progress.stage('writing reports');

  const baseline = writeBaseline ? createBaseline(result.findings) : previous;
  const match = baseline ? matchBaseline(result.findings, baseline) : undefined;
  const gate = gateOf(match && { file: baselineShown!, findings: match.baselined }, changed, config.strict);

  if (!readOnly) writeReports(result, reportsDir, io.cwd, gate);
  // What the cache holds that no later run can use goes (see sweepCache): the pieces of later
  // stages only after a run that wrote its reports, having read every piece a rerun reads.
  const swept = result.cacheFolder ? await sweepCache(result.cacheFolder, new Set(result.documents.map((d) => d.path)), { cwd: io.cwd, pieces: !readOnly }) : 0;
  progress.done();
  if (values.verbose) io.stderr(renderTimings(result, performance.now() - started));
  if (values.verbose && swept > 0) io.stderr(`draftaudit: removed ${swept} cache file${swept === 1 ? '' : 's'} no later run can use\n`);
  if (writeBaseline && baseline && baselineFile) {
    writeAtomic(baselineFile, baselineChunks(baseline));
    if (!values.quiet) io.stderr(`draftaudit: wrote ${baselineShown} (${result.findings.length} finding${result.findings.length === 1 ? '' : 's'})\n`);
  } else if (match && match.unused.length > 0 && !values.quiet) {
    const n = match.unused.reduce((sum, e) => sum + e.count, 0);
    io.stderr(`draftaudit: ${n} finding${n === 1 ? '' : 's'} in ${baselineShown} no longer occur${n === 1 ? 's' : ''}; run with --write-baseline to update it\n`);
  }

  const env = io.env ?? process.env;
  const annotations = env.GITHUB_ACTIONS === 'true' ? renderGithub(result, { gate, cwd: io.cwd, root: env.GITHUB_WORKSPACE || undefined }) : '';
  if (format === 'json' || format === 'sarif' || format === 'junit') {
    // Reports are written in pieces: a large batch's report is never one string.
    if (format === 'junit') writePieces(io.stdout, (await import('./report/junit.js')).junitChunks(result, gate));
    else writePieces(io.stdout, format === 'json' ? jsonReportChunks(result) : sarifChunks(result, { gate }));
    // stdout stays valid JSON or XML; the runner reads workflow commands from stderr as well.
    if (annotations) io.stderr(annotations);
  } else if (format === 'github') {
    io.stdout(renderGithub(result, { gate, cwd: io.cwd, root: env.GITHUB_WORKSPACE || undefined }));
  } else {
    const shownOutput = `${displayPath(io.cwd, outputDir)}/`;
    const shownReports = displayPath(io.cwd, reportsDir);
    const written = readOnly ? undefined : { reports: Object.values(reporters).map((r) => `${shownReports}/${r.file}`), articles: result.outputs.length };
    writePieces(io.stdout, textChunks(result, { quiet: values.quiet ?? false, color: io.color, gate, outputDir: shownOutput, ...(io.columns ? { columns: io.columns } : {}), ...(written ? { written } : {}) }));
    if (annotations) io.stdout(annotations);
  }
  if (refused.length > 0) {
    io.stderr(`draftaudit: ${refused.length} cleaned article${refused.length === 1 ? '' : 's'} not written: a file draftaudit did not write holds ${refused.length === 1 ? 'its name' : 'their names'} (see above)\n`);
    return 2;
  }
  return exitCodeFor({ findings: countedFindings(result.findings, gate) }, config.failOn);
}

/** Pieces gathered into writes of about 64 kB. */
function writePieces(write: (s: string) => void, pieces: Iterable<Piece>): void {
  for (const batch of batched(pieces, 1 << 16)) write(pieceText(batch));
}

/** A message on one line: line breaks and other control characters shown as spaces. */
function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** Which findings count toward the exit code: the open ones (all with --strict), less what a baseline or a git ref leaves out. */
function gateOf(baseline: Gate['baseline'], changed: ChangedFiles | undefined, strict: boolean): Gate {
  const gate: Gate = strict ? { strict } : {};
  if (baseline) gate.baseline = baseline;
  if (changed) gate.changed = { ref: changed.ref, has: (p) => changed.has(p) };
  return gate;
}

/**
 * Output folders must not be, or sit inside, a folder being audited, nor be the folder of a
 * draft named on its own (nothing is ever written among the drafts).
 */
async function refuseInsideInputs(inputs: string[], outputs: Record<string, string>, cwd: string): Promise<void> {
  const folders: Array<{ folder: string; subfolders: boolean }> = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      // A quoted glob: its drafts are under the folder it starts from.
      const glob = globOf(input, cwd);
      if (!glob) throw new UsageError(`no such file or folder: ${input}`);
      folders.push({ folder: await realpathOrSelf(glob.base), subfolders: true });
      continue;
    }
    const real = await realpath(abs);
    folders.push(info.isDirectory() ? { folder: real, subfolders: true } : { folder: path.dirname(real), subfolders: false });
  }
  for (const [flag, dir] of Object.entries(outputs)) {
    const real = await realpathOrSelf(dir);
    for (const { folder, subfolders } of folders) {
      if (real === folder || (subfolders && real.startsWith(folder + path.sep))) {
        throw new UsageError(`${flag} ${path.relative(cwd, dir) || '.'} is inside an input path (${path.relative(cwd, folder) || '.'}); choose a folder outside the drafts`);
      }
    }
  }
}

/** realpath of the longest existing ancestor, with the rest appended (the folder may not exist yet). */
async function realpathOrSelf(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(await realpathOrSelf(parent), path.basename(p));
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** `draftaudit init`: a starter config in the working directory, never over an existing one. */
async function init(args: string[], io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError(`init takes no arguments (got "${args.join(' ')}")`);
  const file = path.join(io.cwd, CONFIG_FILE);
  const starter = {
    $schema: SCHEMA_URL,
    failOn: 'error',
    allowedTerms: [],
    rules: {},
  };
  try {
    await writeFile(file, `${JSON.stringify(starter, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${CONFIG_FILE} already exists; not overwritten`);
    throw error;
  }
  io.stdout(`draftaudit: wrote ${CONFIG_FILE}\n`);
  return 0;
}
