/**
 * Writes data/english-words.bin, the English word list in the compact form src/lang/word-list.ts
 * reads, from the `word-list` package (`npm run words`). Run it after updating that package;
 * tests/word-list.test.ts fails until then. The file is committed: generated data, kept apart
 * from the code that reads it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wordListPath from 'word-list';
import { WORD_LIST_FILE, WordList } from '../src/lang/word-list.js';

const words = readFileSync(wordListPath, 'utf8').split('\n').filter((w) => w !== '');
const next = WordList.pack(words);
let previous: Buffer | undefined;
try {
  previous = readFileSync(WORD_LIST_FILE);
} catch {
  // first run: no file yet
}
const file = fileURLToPath(WORD_LIST_FILE);
if (previous && previous.equals(next)) process.stdout.write(`${file} is up to date\n`);
else {
  writeFileSync(file, next);
  process.stdout.write(`${file} written (${words.length} words, ${(next.length / 1e6).toFixed(2)} MB)\n`);
}
