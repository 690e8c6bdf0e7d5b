/**
 * draftaudit as a library: `audit(inputs, options)` and the types of what it returns and of
 * the rules a plugin adds.
 */
export { audit, type AuditInput, type AuditApiOptions } from './api.js';
export type { AuditResult, DocumentEntry, ClusterEntry, BlockEntry } from './audit.js';
export type { ConfigFile } from './config.js';
export type { PluginRule } from './plugins.js';
export type {
  Block,
  Change,
  ClusterRule,
  ClusterView,
  Document,
  DocumentRule,
  Finding,
  Point,
  RuleContext,
  RuleFinding,
  RuleMeta,
  Severity,
  Span,
} from './types.js';
export { blockSpan } from './position.js';
