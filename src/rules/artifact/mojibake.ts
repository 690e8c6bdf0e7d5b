/**
 * artifact/mojibake: text that was UTF-8, misread by some tool as Windows-1252 (or the Thai
 * Windows-874, or the Chinese GBK) and saved again — "itâ€™s" for "it’s", "cafÃ©" for "café",
 * "โ€”" for "—", "銆€" for an ideographic space. Each
 * run is one finding, with the text it stood for as a sure repair: the bytes behind the
 * damaged characters decode as UTF-8 only when they were UTF-8 (see src/safety/mojibake.ts).
 */
import type { DocumentRule, RuleFinding } from '../../types.js';
import { spanOf } from '../../position.js';
import { findMojibake } from '../../safety/mojibake.js';

/** Findings past which one more says how many runs were left unreported. */
const MAX_FINDINGS = 100;

export const mojibake: DocumentRule = {
  id: 'artifact/mojibake',
  scope: 'document',
  meta: {
    description: 'Mojibake: UTF-8 text misread as another encoding and saved again',
    defaultSeverity: 'warning',
    docs: 'Characters such as "â€™", "Ã©", "Â·" or the Thai "โ€”" where the text once had ’, é, · or —: some tool on the way read UTF-8 as Windows-1252 (or Windows-874) and saved the result. A run counts only when its bytes decode as UTF-8 again, which ordinary words of other languages never do. Read as GBK, UTF-8 leaves "銆€" for an ideographic space and "锘?" for a byte-order mark at the start of a line; no Chinese text holds either. `data.expected` holds the original text, `data.encoding` the code page it was misread as.',
    example: 'Magnesium isnâ€™t a sleeping pill.',
    fix: 'Replace each damaged run with the character it stands for (the finding says which), then look for the tool that misread the file (an export or a copy through a legacy editor).',
    fixable: 'The cleaned article puts back the original characters; a run that lost a byte ("â€�") is reported only.',
  },
  check(doc) {
    const found = findMojibake(doc.text);
    const out: RuleFinding[] = found.slice(0, MAX_FINDINGS).map((m) => ({
      span: spanOf(doc.lineStarts, m.start, m.end),
      message: m.confidence === 'high' ? `Mojibake “${m.actual}” stands for ${m.expected === '' ? 'a byte-order mark, to be removed' : `“${m.expected}”`} (UTF-8 read as ${m.encoding})` : `Mojibake “${m.actual}”: a character lost a byte, most likely “${m.expected}” (UTF-8 read as ${m.encoding})`,
      data: { actual: m.actual, expected: m.expected, encoding: m.encoding, confidence: m.confidence, reason: m.confidence === 'high' ? 'its bytes decode as UTF-8' : 'a byte was lost: the likeliest character' },
    }));
    if (found.length > MAX_FINDINGS) out[out.length - 1]!.message += ` (and ${found.length - MAX_FINDINGS} more in this draft, not listed)`;
    return out;
  },
};
