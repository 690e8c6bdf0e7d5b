/**
 * Writes data/english-words.bin, the English word list in the compact form src/lang/word-list.ts
 * reads, from the `word-list` package (`npm run words`). Run it after updating that package;
 * tests/word-list.test.ts fails until then. The file is committed: generated data, kept apart
 * from the code that reads it.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { WORD_LIST_FILE, WordList } from '../src/lang/word-list.js';
import { writeData } from './data-file.js';

const words = readFileSync(wordListPath, 'utf8').split('\n').filter((w) => w !== '');
writeData(WORD_LIST_FILE, WordList.pack(words), `${words.length} words`);
