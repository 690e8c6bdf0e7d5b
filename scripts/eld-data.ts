/**
 * Writes data/eld-extrasmall.json, eld's extra-small model as JSON (see src/lang/eld-model.ts),
 * from the `eld` package (`npm run eld-data`). Run it after updating that package;
 * tests/eld-model.test.ts fails until then. The file is committed, like the word list.
 */
import { pathToFileURL } from 'node:url';
import { ELD_DATA_FILE, eldFile } from '../src/lang/eld-model.js';
import { writeData } from './data-file.js';

const { ngramsData } = (await import(pathToFileURL(eldFile('../ngrams/extrasmall.js')).href)) as { ngramsData: { ngrams: object } };
writeData(ELD_DATA_FILE, Buffer.from(`${JSON.stringify(ngramsData)}\n`), `${Object.keys(ngramsData.ngrams).length} n-grams`);
