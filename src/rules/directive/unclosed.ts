/**
 * directive/unclosed — a `draftaudit-disable` with no `draftaudit-enable` after it that does
 * silence something: everything to the end of the draft is hidden, which is rarely what the
 * writer meant. The message says how many findings it hides. (One that hides nothing is
 * `directive/unused`.)
 */
import type { RuleFinding } from '../../types.js';
import { directiveName, type DirectiveRule } from '../../suppress.js';

export const unclosed: DirectiveRule = {
  id: 'directive/unclosed',
  scope: 'stage',
  meta: {
    description: 'disable with no enable that hides findings',
    defaultSeverity: 'warning',
    docs: 'A `draftaudit-disable` that no `draftaudit-enable` ends, under which findings fall: it hides them to the end of the draft. The message says how many; close it with `<!-- draftaudit-enable -->` where the exception ends.',
    fix: 'Add `<!-- draftaudit-enable -->` where the exception ends, or use `draftaudit-disable-line` for a single line.',
    example: '<!-- draftaudit-disable --> near the top of a draft, never enabled again',
  },
  check(run) {
    const out: RuleFinding[] = [];
    for (const [d, keys] of run.open) {
      const used = run.used.get(d);
      let hidden = 0;
      for (const key of keys) hidden += used?.get(key) ?? 0;
      if (hidden === 0) continue;
      const rules = [...keys].filter((k) => k !== '*');
      const what = rules.length > 0 && !keys.has('*') ? ` of ${rules.join(', ')}` : '';
      out.push({
        span: d.span,
        message: `${directiveName(d)} has no draftaudit-enable: it hides ${hidden} finding${hidden === 1 ? '' : 's'}${what} to the end of the draft`,
        data: { hidden, ...(rules.length > 0 ? { rules } : {}) },
      });
    }
    return out;
  },
};
