import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runDocumentRules } from '../src/audit.js';
import { cleanCorpus } from '../src/clean/index.js';
import { resolveConfig } from '../src/config.js';
import { buildCorpus } from '../src/corpus/index.js';
import { rules } from '../src/rules/index.js';
import type { Document, DocumentRule, Format } from '../src/types.js';
import { docFromText } from './helpers.js';

const config = resolveConfig();
const documentRules = rules.filter((r): r is DocumentRule => r.scope === 'document');

/** Pieces the drafts are made of, to reach the parsers' and rules' interesting paths. */
const PIECES = [
  '镁', '镁镁', '常常', '分钟eral', 'GABA', 'REM', '( 1 , 2 , 3 )', '[4]', '(source)', '\n', '\n\n', '\r\n', '\r', '\t',
  '|', '| a | b |\n|---|---|\n| 1 | 2 |\n', '- ', '  • ', '1. ', '# ', '## ', '<br>', '<script>x</script>', '<p>', '</p>',
  'References:\n', 'https://www.healthline.comhttps://ods.od.nih.gov/x', 'https://', 'andeating', 'considerlifestyle',
  '200–400 mg daily', '每天350毫克', 'upper limit', 'Studies show', 'Title: ', 'What Is Magnesium?', '**', '_', '`', '>',
  '<!-- draftaudit-disable -->', '<!-- draftaudit-enable lang/foreign-block -->', 'Это предложение на русском языке.',
  'Esta frase está escrita en español para la prueba.', 'マグネシウム', '\u0000', '\ud800', '\udc00', '\ufeff', '\u200b',
];

const draft = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

function assertPositionsInside(doc: Document): void {
  const lines = doc.text.split(/\r\n|\r|\n/);
  const findings = runDocumentRules(doc, documentRules, { config });
  for (const f of findings) {
    expect(f.ruleId).not.toBe('internal/rule-crash');
    for (const p of [f.span.start, f.span.end]) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lines.length);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
    }
    expect(f.span.end.offset).toBeGreaterThanOrEqual(f.span.start.offset);
  }
}

describe('arbitrary text never breaks the pipeline', () => {
  it.each<Format>(['txt', 'md', 'html'])('as .%s: parsing and every rule run, and every position is inside the file', (format) => {
    fc.assert(
      fc.property(draft, (text) => {
        assertPositionsInside(docFromText(text, format));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('cleaning is idempotent: the cleaned article cleans to itself', async () => {
    // The loader refuses drafts with NUL characters, so the cleaner never sees one.
    await fc.assert(
      fc.asyncProperty(draft.filter((t) => !t.includes('\u0000')), async (text) => {
        const clean = async (t: string, format: Format): Promise<string> => {
          const doc = docFromText(t, format, `a.${format}`);
          const findings = runDocumentRules(doc, documentRules, { config });
          const { outputs } = await cleanCorpus(buildCorpus([doc], config), new Map([[doc.path, doc]]), findings);
          return outputs[0]!.content.replace(/^---\n[^]*?\n---\n/, '');
        };
        const once = await clean(text, 'txt');
        expect(await clean(once, 'md')).toBe(once);
      }),
      { numRuns: 200, seed: 20261123 },
    );
  });
});
