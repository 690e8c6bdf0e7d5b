/**
 * The command line: arguments, config, writing outputs and reports, exit code.
 * No analysis here: `audit()` does that. `main` returns the exit code:
 * 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, config or I/O error.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { audit, exitCodeFor } from './audit.js';
import { CONFIG_FILE, ConfigError, configToResolved, loadConfigFile } from './config.js';
import { UsageError } from './load/index.js';
import { reporters } from './report/index.js';
import { renderJson } from './report/json.js';
import { renderText } from './report/text.js';
import type { FailOn } from './types.js';
import { VERSION } from './version.js';
import { writeAtomic, writeFolder } from './write.js';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  color: boolean;
}

export const USAGE = `Usage: draftaudit [PATH...] [options]

Audits article drafts (.txt, .md, .html) and writes cleaned Markdown and reports.

Options:
  --output DIR        cleaned articles (default: output/)
  --reports DIR       audit.json and audit.html (default: reports/)
  --config FILE       configuration (default: ./${CONFIG_FILE} when present)
  --fail-on LEVEL     error | warning | info | never (default: error)
  --format FORMAT     text | json: what to print (default: text)
  --no-progress       no progress bar
  --quiet             print errors only
  -h, --help          this help
  -v, --version       the version

PATH defaults to input/. Exit code: 0 clean, 1 findings at or above --fail-on, 2 usage, config or I/O error.
`;

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const FORMATS = ['text', 'json'] as const;

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`draftaudit: ${error.message}\n`);
    } else {
      const e = error as NodeJS.ErrnoException;
      io.stderr(`draftaudit: ${e.code ? `${e.code}: ` : ''}${(e.message ?? String(error)).split('\n')[0]}\n`);
      if (process.env.DRAFTAUDIT_DEBUG) io.stderr(`${e.stack}\n`);
    }
    return 2;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
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
        'no-progress': { type: 'boolean' },
        quiet: { type: 'boolean' },
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
  const failOnFlag = values['fail-on'];
  if (failOnFlag !== undefined && !(FAIL_ON as readonly string[]).includes(failOnFlag)) {
    throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOnFlag}")`);
  }
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  }

  const configPath = values.config ? path.resolve(io.cwd, values.config) : path.join(io.cwd, CONFIG_FILE);
  const configFile = await loadConfigFile(configPath, values.config !== undefined);
  const config = configToResolved(configFile, { failOn: failOnFlag as FailOn | undefined });

  const inputs = positionals.length > 0 ? positionals : ['input'];
  const outputDir = path.resolve(io.cwd, values.output ?? 'output');
  const reportsDir = path.resolve(io.cwd, values.reports ?? 'reports');
  await refuseInsideInputs(inputs, { '--output': outputDir, '--reports': reportsDir }, io.cwd);

  const result = await audit(inputs, config, { cwd: io.cwd, outputDir });

  await writeFolder(outputDir, result.outputs.map((o) => ({ file: o.file, content: o.content })));
  for (const reporter of Object.values(reporters)) {
    await writeAtomic(path.join(reportsDir, reporter.file), reporter.render(result, { reportsDir, cwd: io.cwd }));
  }

  if (format === 'json') io.stdout(renderJson(result));
  else io.stdout(renderText(result, { quiet: values.quiet ?? false, color: io.color }));
  return exitCodeFor(result, config.failOn);
}

/** Output folders must not be, or sit inside, a folder being audited (nothing in input/ is written). */
async function refuseInsideInputs(inputs: string[], outputs: Record<string, string>, cwd: string): Promise<void> {
  const folders: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch {
      throw new UsageError(`no such file or folder: ${input}`);
    }
    const real = await realpath(abs);
    folders.push(info.isDirectory() ? real : path.dirname(real));
  }
  for (const [flag, dir] of Object.entries(outputs)) {
    const real = await realpathOrSelf(dir);
    for (const folder of folders) {
      if (real === folder || real.startsWith(folder + path.sep)) {
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
