/**
 * directive/unused — a directive that silenced nothing: a `disable…` no finding falls under
 * (or a rule id in it that reported nothing there), or an `enable` that ends no `disable`.
 * As ESLint's `--report-unused-disable-directives`: a stale directive would silence the next
 * problem written there without anyone noticing.
 */
import type { RuleFinding } from '../../types.js';
import { directiveName, type Directive, type DirectiveRule } from '../../suppress.js';

function where(d: Directive): string {
  if (d.kind === 'disable-line') return 'on this line';
  if (d.kind === 'disable-next-line') return `on line ${d.lines!.from}`;
  return 'after it';
}

export const unused: DirectiveRule = {
  id: 'directive/unused',
  scope: 'stage',
  meta: {
    description: 'Directive that silenced nothing',
    defaultSeverity: 'warning',
    docs: 'A `draftaudit-disable`, `-disable-line` or `-disable-next-line` under which no finding falls (or a rule id in it that reported nothing there), or a `draftaudit-enable` that ends no `disable`. Remove it, so that it cannot hide a later problem.',
    fix: 'Delete the comment (or the rule id in it that silences nothing), so that it cannot hide a later problem.',
    example: '<!-- draftaudit-disable-next-line cite/placeholder --> above a paragraph with no placeholder',
  },
  check(run) {
    const out: RuleFinding[] = [];
    for (const d of run.directives) {
      if (!d.kind) continue;
      const name = directiveName(d);
      if (d.kind === 'enable') {
        const unmatched = run.unmatchedEnables.get(d);
        if (!unmatched) continue;
        if (unmatched.includes('*')) {
          out.push({ span: d.span, message: `${name} ends no draftaudit-disable`, data: { directive: d.kind } });
          continue;
        }
        for (const key of unmatched) {
          const id = d.ids.find((i) => i.id === key)!;
          out.push({ span: id.span, message: `${name} ${key} ends no draftaudit-disable of ${key}`, data: { directive: d.kind, ruleId: key } });
        }
        continue;
      }
      const used = run.used.get(d);
      if (d.ids.length === 0) {
        if (!used?.get('*')) out.push({ span: d.span, message: `${name} silenced nothing: no finding ${where(d)}`, data: { directive: d.kind } });
        continue;
      }
      for (const id of d.ids) {
        if (id.problem || used?.get(id.id)) continue;
        out.push({ span: id.span, message: `${name} names ${id.id}, which reports nothing ${where(d)}`, data: { directive: d.kind, ruleId: id.id } });
      }
    }
    return out;
  },
};
