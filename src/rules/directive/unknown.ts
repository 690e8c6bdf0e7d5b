/**
 * directive/unknown — a comment that looks like a directive but is not one
 * (`draftaudit-disabel`, `draftaudit-disable-lines`, `draftaudit disable`), or a rule id in a
 * directive that no rule has. Neither silences anything: a misspelt directive is never read
 * as `disable`, and an unknown id never as "every rule".
 */
import type { RuleFinding } from '../../types.js';
import { DIRECTIVE_FAMILY, DIRECTIVE_KINDS, directiveName, type DirectiveRule } from '../../suppress.js';
import { closestName } from '../../suggest.js';

export const unknown: DirectiveRule = {
  id: 'directive/unknown',
  scope: 'stage',
  meta: {
    description: 'Unknown directive word or rule id',
    defaultSeverity: 'error',
    docs: 'A `<!-- draftaudit-… -->` comment whose word is not `disable`, `enable`, `disable-line` or `disable-next-line`, or that names a rule id no rule has (or a rule of the `directive` family, which no directive can silence). It silences nothing; the message suggests the closest directive or rule id.',
    fix: 'Correct the comment to one of `draftaudit-disable`, `draftaudit-enable`, `draftaudit-disable-line` or `draftaudit-disable-next-line` with existing rule ids, or delete it.',
    example: '<!-- draftaudit-disable-lines cite/placeholder -->',
  },
  check(run) {
    const out: RuleFinding[] = [];
    for (const d of run.directives) {
      const name = directiveName(d);
      if (!d.kind) {
        const near = closestName(d.word, DIRECTIVE_KINDS);
        const hint = near ? `; did you mean "draftaudit-${near}"?` : `; directives are ${DIRECTIVE_KINDS.map((k) => `draftaudit-${k}`).join(', ')}`;
        out.push({ span: d.span, message: `Unknown directive "${name}": it silences nothing${hint}`, data: { directive: d.word, ...(near ? { suggestion: `draftaudit-${near}` } : {}) } });
        continue;
      }
      for (const id of d.ids) {
        if (id.problem === 'directive') {
          out.push({ span: id.span, message: `"${id.id}" cannot be silenced by a directive (set its severity in the config)`, data: { ruleId: id.id } });
        } else if (id.problem === 'unknown') {
          const near = closestName(id.id, run.ruleIds.filter((r) => !r.startsWith(DIRECTIVE_FAMILY)));
          out.push({
            span: id.span,
            message: `Unknown rule id "${id.id}" in ${name}: it silences nothing${near ? `; did you mean "${near}"?` : ''}`,
            data: { ruleId: id.id, ...(near ? { suggestion: near } : {}) },
          });
        }
      }
    }
    return out;
  },
};
