/**
 * Checks of the report's kept groups of folded detail (see Deferred in fragments.ts): HTML
 * deflated and written in base64, read back from the cache folder. The same checks run in
 * this thread when a group is used and, on a rerun, ahead of time in the piece checker's
 * thread (engine/vouch.ts), so that the HTML report does not inflate every kept group again.
 */
import { inflateRawSync } from 'node:zlib';
import { KeyBuilder } from '../../engine/pieces.js';
import { safeHtmlBytes } from './kept.js';

/**
 * The bytes `text` holds deflated in base64, or undefined when it is not base64 as Buffer
 * writes it (decoded and encoded again, it must give itself back: Buffer's decoder skips what
 * is not base64) or not deflated data.
 */
export function inflatedBase64(text: string): Buffer | undefined {
  const deflated = Buffer.from(text, 'base64');
  if (deflated.toString('base64') !== text) return undefined;
  try {
    return inflateRawSync(deflated);
  } catch {
    return undefined;
  }
}

/** How a group of parts opens: the place of its first part. */
const OPENING = /^<div data-for="(z[0-9]+)">/;

/**
 * The id of the first part of a kept group of parts (`z12` for a group opening with
 * `<div data-for="z12">`), when `text` is safe HTML deflated in base64 that opens with a
 * part; else undefined. A group is used only where its first part is the one expected.
 */
export function keptGroupOpening(text: string): string | undefined {
  const html = inflatedBase64(text);
  if (!html || !safeHtmlBytes(html)) return undefined;
  return OPENING.exec(html.toString('latin1', 0, 32))?.[1];
}

/** The key of a group kept by its HTML. */
export function htmlKey(html: string): string {
  return new KeyBuilder().add(html).digest();
}
