/**
 * The rule registry: every rule the engine knows, in id order. Each family keeps its own
 * list in `src/rules/<family>/index.ts`.
 */
import type { Rule } from '../types.js';
import { cmp } from '../order.js';
import { inputRules } from './input/index.js';
import { langRules } from './lang/index.js';
import { dupRules } from './dup/index.js';
import { citeRules } from './cite/index.js';
import { doseRules } from './dose/index.js';
import { artifactRules } from './artifact/index.js';
import { directiveRules } from './directive/index.js';

export const rules: readonly Rule[] = Object.freeze(
  [...inputRules, ...langRules, ...dupRules, ...citeRules, ...doseRules, ...artifactRules, ...directiveRules].sort((a, b) => cmp(a.id, b.id)),
);

export function ruleIds(): string[] {
  return rules.map((r) => r.id);
}

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
