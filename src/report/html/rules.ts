/**
 * What each rule with findings catches and how an editor fixes what it finds, from the rule's
 * own metadata (`description`, `docs`, `example`, `fix`, `fixable`). Folded; a rule id
 * anywhere in the page links here, and the script opens the explanation it points to.
 */
import type { Element } from 'hast';
import { ruleById } from '../../rules/index.js';
import { el, type Child } from '../html-tables.js';
import type { Ctx } from './context.js';

export function rulesSection(ctx: Ctx): Element {
  const counts = new Map<string, number>();
  for (const f of ctx.result.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return el('section', { id: 'rules' }, [
    el('h2', {}, 'Rules'),
    el('p', { className: ['muted'] }, 'What each rule with findings catches, and how to fix what it finds. Open a rule, or follow a rule id anywhere in the report.'),
    ...(ctx.rules.length === 0 ? [el('p', { className: ['muted'] }, 'No findings.')] : ctx.rules.map((id) => ruleDoc(ctx, id, counts.get(id) ?? 0))),
  ]);
}

function ruleDoc(ctx: Ctx, id: string, n: number): Element {
  const rule = ruleById(id);
  const findings = `${n} finding${n === 1 ? '' : 's'}`;
  if (!rule) {
    return el('details', { className: ['rule-doc'], id: ctx.ruleAnchor(id), dataRule: id }, [
      el('summary', {}, [el('code', {}, id), ` (${findings})`]),
      el('p', { className: ['muted'] }, 'Not one of draftaudit’s rules (a plugin’s): its explanation is in the plugin’s documentation.'),
    ]);
  }
  const { meta } = rule;
  return el('details', { className: ['rule-doc'], id: ctx.ruleAnchor(id), dataRule: id }, [
    el('summary', {}, [el('code', {}, id), ` — ${meta.description} (${findings}, ${meta.defaultSeverity} by default)`]),
    el('p', {}, withCode(meta.docs)),
    el('p', {}, [el('strong', {}, 'Example: '), el('code', {}, meta.example)]),
    el('p', {}, [el('strong', {}, 'How to fix: '), ...withCode(meta.fix ?? 'Correct the passage in the draft; the finding’s message says what is wrong.')]),
    el('p', {}, [el('strong', {}, 'What the cleaning does: '), ...withCode(meta.fixable ?? 'Nothing: the cleaned article keeps the passage until an editor changes the draft.')]),
  ]);
}

/** Text whose `backquoted` parts are code, as the rule docs write them. */
function withCode(text: string): Child[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? el('code', {}, part) : part));
}
