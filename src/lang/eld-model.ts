/**
 * eld's extra-small model in a form that is cheap to load: `data/eld-extrasmall.json`, the
 * model's n-gram table as JSON, written from the package by `npm run eld-data`
 * (scripts/eld-data.ts) and committed beside the English word list.
 *
 * The package ships the table as one JavaScript object literal of about a megabyte
 * (`eld/extrasmall`): Node compiled and ran that module in about 0.17 s in every thread that
 * asked eld a first question, where parsing the same table as JSON and building eld's
 * detector around it takes about 0.05 s. The detector is eld's own (`createEld` in its
 * languageDetector.js, the function its entry modules build theirs with, given the table
 * their way); tests/eld-model.test.ts checks that the file is the package's table and that
 * both detectors give the same answers, so an update of eld that changes either fails there.
 */
import type { eld as Eld } from 'eld/extrasmall';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ELD_DATA_FILE = new URL('../../data/eld-extrasmall.json', import.meta.url);

/** A file of the eld package, by its path from the module of the extra-small model's entry (in `src/entries/`). */
export function eldFile(relative: string): string {
  return fileURLToPath(new URL(relative, import.meta.resolve('eld/extrasmall')));
}

type Detector = typeof Eld;
interface EldFactory {
  createEld(): { instance: Detector; loadData(data: unknown): string };
}

let detector: Detector | undefined;

/** eld's detector with the extra-small model, built on the first call (most drafts ask eld nothing). */
export function eldModel(): Detector {
  if (detector) return detector;
  const { createEld } = createRequire(import.meta.url)(eldFile('../languageDetector.js')) as EldFactory;
  const { instance, loadData } = createEld();
  if (!loadData(JSON.parse(readFileSync(ELD_DATA_FILE, 'utf8')))) throw new Error(`${fileURLToPath(ELD_DATA_FILE)} holds no eld model`);
  return (detector = instance);
}
