/**
 * Folded detail of the HTML report kept in the cache (`--cache`; see engine/pieces.ts): a
 * rerun serialises again only the drafts whose detail changed. The key holds everything the
 * detail shows or links to: the draft's text, blocks and language shares, each finding as
 * audit.json has it with its place in audit.json, its state and the anchor of its rule,
 * the draft's anchor, the colour classes of its languages and the gate's label.
 */
import { z } from 'zod';
import type { BlockEntry } from '../../audit.js';
import { KeyBuilder } from '../../engine/pieces.js';
import type { Finding } from '../../types.js';
import { stateLabel } from '../gate.js';
import type { Ctx } from './context.js';

/**
 * What the report's serialised parts never hold (text is escaped, the articles sanitised): an
 * element that runs or loads something, an event handler or a script address in a tag. A
 * kept piece that holds one was not made by the report and is not used.
 */
const UNSAFE = /<(?:script|style|iframe|frame|object|embed|img|link|meta|base|form|svg|math)\b|<[^>]*(?:\son[a-z]+\s*=|javascript:)/i;
export const SAFE_HTML = z.string().refine((html) => !UNSAFE.test(html));

/** The HTML of a draft's folded detail: kept by an earlier run, or `make`'s (then kept). */
export function keptDetail(ctx: Ctx, file: string, anchor: string, findings: readonly Finding[], blocks: readonly BlockEntry[], source: string | undefined, make: () => string): string {
  const pieces = ctx.pieces;
  if (!pieces) return make();
  const doc = ctx.docs.get(file);
  const key = new KeyBuilder().add(file, anchor, source === undefined ? '\u0000none' : source, JSON.stringify(blocks), JSON.stringify(doc?.languages ?? null));
  const langs = new Set([...Object.keys(doc?.languages ?? {}), ...blocks.map((b) => b.lang)]);
  for (const lang of [...langs].sort()) key.add(lang, ctx.colours.classOf(lang));
  for (const f of findings) {
    const state = ctx.states.get(f)!;
    key.add(JSON.stringify(f), ctx.index.get(f)!, state, stateLabel(state, ctx.gate), ctx.ruleAnchor(f.ruleId));
  }
  const digest = key.digest();
  const kept = pieces.get('draft-detail', digest, SAFE_HTML);
  if (kept !== undefined) return kept;
  const html = make();
  pieces.set('draft-detail', digest, html);
  return html;
}
