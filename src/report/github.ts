/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): with GITHUB_ACTIONS=true
 * the CLI prints one per finding that counts, so findings show on the pull request's diff.
 * Baselined findings and findings on drafts not changed since `--changed-since` are left out:
 * they are not the pull request's doing; so are findings fixed in the cleaned article, unless
 * `--strict` counts them (then their title says "fixed").
 */
import path from 'node:path';
import type { AuditResult } from '../audit.js';
import type { Severity } from '../types.js';
import { stateOf, type Gate } from './gate.js';
import { printable } from './printable.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export interface GithubOptions {
  gate?: Gate;
  /** Working directory the finding paths are relative to. */
  cwd: string;
  /** Repository root annotations are relative to (GITHUB_WORKSPACE); defaults to `cwd`. */
  root?: string;
}

/** Escapes the message of a workflow command. */
export function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value of a workflow command (also `:` and `,`, which delimit properties). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(result: AuditResult, options: GithubOptions): string {
  const root = options.root ?? options.cwd;
  const lines: string[] = [];
  for (const f of result.findings) {
    if (stateOf(f, options.gate) !== 'counted') continue;
    const abs = path.resolve(options.cwd, f.path);
    const rel = path.relative(root, abs);
    const file = (rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
    const props = [
      `file=${escapeProperty(file)}`,
      `line=${f.span.start.line}`,
      `col=${f.span.start.column}`,
      `endLine=${f.span.end.line}`,
      `endColumn=${f.span.end.column}`,
      `title=${escapeProperty(f.fixed ? `${f.ruleId} (fixed in the cleaned article)` : f.ruleId)}`,
    ];
    const message = f.excerpt && !f.message.includes(f.excerpt) ? `${f.message}\n${f.excerpt}` : f.message;
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(message)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
