/**
 * artifact/invisible-char: zero-width spaces and joiners, word joiners, soft hyphens, stray
 * byte-order marks and bidirectional controls in a draft. Rules read blocks without them
 * (a dose written "6\u200b00 mg" is read as 600 mg), but the draft still holds them: they
 * break search and copy-paste, hide text from editors, and bidi overrides can make a
 * passage read in another order than it is stored. The cleaner drops them (a joiner inside
 * an emoji sequence stays).
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { spanOf } from '../../position.js';
import { hasInvisible, invisibleName, invisibleOffsets, isBidiControl } from '../../safety/invisible.js';

/** Findings past which one more says how many runs were left unreported. */
const MAX_FINDINGS = 100;

export const invisibleChar: DocumentRule = {
  id: 'artifact/invisible-char',
  scope: 'document',
  meta: {
    description: 'Invisible characters: zero-width spaces, soft hyphens, bidi controls',
    defaultSeverity: 'warning',
    docs: 'A zero-width space, non-joiner or joiner (outside an emoji sequence), word joiner, soft hyphen, byte-order mark inside the text, or a bidirectional control (left-to-right or right-to-left mark, embedding, override or isolate). Readers do not see them, but they split numbers and names for search and for programs, and bidi controls can reorder what is shown. The checks read the text without them. Each run of them is one finding; `data.characters` names them.',
    example: 'take 6\u200b00 mg (a zero-width space inside the number)',
    fix: 'Delete the invisible characters (most editors show them with "show invisibles" or a search for \\u200B); retype a number or name they split, and check that text around a bidi control reads in the right order.',
    fixable: 'The cleaned article drops them everywhere, link addresses included; a zero-width joiner inside an emoji sequence is kept.',
  },
  check(doc) {
    if (!hasInvisible(doc.text)) return [];
    const offsets = invisibleOffsets(doc.text);
    const runs: Array<{ start: number; end: number }> = [];
    for (const o of offsets) {
      const last = runs[runs.length - 1];
      if (last && last.end === o) last.end = o + 1;
      else runs.push({ start: o, end: o + 1 });
    }
    const out: RuleFinding[] = [];
    for (const run of runs.slice(0, MAX_FINDINGS)) {
      const codes = [...doc.text.slice(run.start, run.end)].map((c) => c.codePointAt(0)!);
      const names = [...new Set(codes.map(invisibleName))];
      const bidi = codes.some(isBidiControl);
      out.push({
        span: spanOf(doc.lineStarts, run.start, run.end),
        message: `Invisible character${codes.length > 1 ? 's' : ''}: ${names.join(', ')}${bidi ? ' (may reorder the text shown)' : ''}`,
        excerpt: doc.text.slice(Math.max(0, run.start - 20), run.start).replace(/\s+/g, ' ') + '⟦' + names.join(', ') + '⟧' + doc.text.slice(run.end, run.end + 20).replace(/\s+/g, ' '),
        data: { characters: codes.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`) },
      });
    }
    if (runs.length > MAX_FINDINGS) out[out.length - 1]!.message += ` (and ${runs.length - MAX_FINDINGS} more runs in this draft, not listed)`;
    return out;
  },
};
