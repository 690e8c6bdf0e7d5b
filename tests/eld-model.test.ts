import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { eld } from 'eld/extrasmall';
import { describe, expect, it } from 'vitest';
import { ELD_DATA_FILE, eldFile, eldModel } from '../src/lang/eld-model.js';
import { identifyLatin } from '../src/lang/identify.js';

describe("eld's extra-small model, loaded from data/eld-extrasmall.json", () => {
  it("is the package's table as it stands (run `npm run eld-data` after updating eld)", async () => {
    const { ngramsData } = (await import(pathToFileURL(eldFile('../ngrams/extrasmall.js')).href)) as { ngramsData: unknown };
    expect(readFileSync(ELD_DATA_FILE, 'utf8')).toBe(`${JSON.stringify(ngramsData)}\n`);
  });

  // Lines of our own: health-article prose, labels and the short lines eld is asked about.
  const LINES = [
    'Magnesium helps some adults fall asleep sooner.',
    'Le magnésium aide certains adultes à mieux dormir.',
    'El magnesio ayuda a algunos adultos a dormir mejor.',
    'Magnesium hilft manchen Erwachsenen beim Einschlafen.',
    'Il magnesio aiuta alcuni adulti a dormire meglio.',
    'O magnésio ajuda alguns adultos a dormir melhor.',
    'Magnesium membantu sebagian orang dewasa tidur lebih nyenyak.',
    'Magie giúp một số người lớn ngủ ngon hơn.',
    'Magnez pomaga niektórym dorosłym szybciej zasnąć.',
    'Magnesium helpt sommige volwassenen beter te slapen.',
    'Conclusion',
    'Kale, Swiss chard',
    'Bijwerkingen en dosering',
    'Efectos secundarios',
    'Магний помогает уснуть',
    '',
  ];

  it.each(LINES)('answers %j as the package does, scores and all', (line) => {
    const ours = eldModel().detect(line);
    const theirs = eld.detect(line);
    expect(ours.language).toBe(theirs.language);
    expect(ours.getScores()).toEqual(theirs.getScores());
    expect(ours.isReliable()).toBe(theirs.isReliable());
  });

  it('is what the language stage asks', () => {
    expect(identifyLatin('Le magnésium aide certains adultes à mieux dormir.')?.lang).toBe('fra');
    expect(identifyLatin('Magie giúp một số người lớn ngủ ngon hơn.')?.lang).toBe('vie');
  });

  it('is built once', () => {
    expect(eldModel()).toBe(eldModel());
  });
});
