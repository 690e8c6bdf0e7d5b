/**
 * An example draftaudit plugin: one document rule, `house/no-exclamation`, that reports an
 * exclamation mark in a heading. A plugin's default export is a rule, an array of rules, or
 * `{ rules: [...] }`; each rule has the shape of the built-in ones: `{ id, scope, meta, check }`.
 *
 * Use it from draftaudit.config.json: { "plugins": ["./examples/plugin/index.js"] }
 */
import { blockSpan } from 'draftaudit';

/** @type {import('draftaudit').DocumentRule} */
const noExclamation = {
  id: 'house/no-exclamation',
  scope: 'document',
  meta: {
    description: 'Exclamation mark in a heading',
    defaultSeverity: 'warning',
    docs: 'House style: headings state, they do not exclaim.',
    example: '## Magnesium helps you sleep!',
  },
  check(doc) {
    const findings = [];
    for (const block of doc.blocks) {
      if (block.kind !== 'heading') continue;
      for (const m of block.text.matchAll(/!/g)) {
        // A range inside a block is computed from the block's offsets, as the built-in rules do.
        findings.push({ span: blockSpan(doc.lineStarts, block, m.index, m.index + 1), message: 'Exclamation mark in a heading' });
      }
    }
    return findings;
  },
};

export default { rules: [noExclamation] };
