import { readFileSync } from 'node:fs';
import { docFromText } from './tests/helpers.js';
import { cmsLeftover } from './src/rules/artifact/cms-leftover.js';
import { resolveConfig } from './src/config.js';
const f = process.argv[2]!;
const doc = docFromText(readFileSync(f, 'utf8'), f.endsWith('.md') ? 'md' : f.endsWith('.html') ? 'html' : 'txt');
console.log(doc.blocks.slice(0, Number(process.argv[3] ?? 8)).map(b=>b.kind+':'+b.text.slice(0,40).replace(/\n/g,'⏎')).join(' | '));
for (const x of cmsLeftover.check(doc, { config: resolveConfig() })) console.log(x.span.start.line, x.message.slice(0, 80), JSON.stringify(x.data));
