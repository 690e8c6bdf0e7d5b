/** How a change names the findings it fixes: the finding's rule, file and start, as the report gives them. */
import type { Finding, FindingRef } from '../types.js';

export function findingRef(f: Finding): FindingRef {
  return { ruleId: f.ruleId, path: f.path, line: f.span.start.line, column: f.span.start.column };
}
