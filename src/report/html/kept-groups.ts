/**
 * The HTML report's kept groups of folded parts (see Deferred in fragments.ts): a group is
 * kept as its HTML deflated, in base64, and used only once inflated and found to be safe HTML
 * that opens with the part the group is to start with. Checking a large batch's groups means
 * inflating and scanning some 200 MB of HTML (about a second at 10,000 drafts); a rerun has
 * that done by the clean stage's thread while this one groups the versions (`readKeptGroups`,
 * run there; see audit.ts), and takes the groups it checked from `PieceCache.primed`.
 */
import { inflateRawSync } from 'node:zlib';
import { readPieces, type PrimedPiece } from '../../engine/pieces.js';
import { safeHtmlBytes } from './kept.js';

/** The piece kind of a group kept by the digests of its parts. */
export const GROUP_KIND = 'zgroup-parts';

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

const OPENING = /^<div data-for="(z[0-9]+)">/;

/**
 * The id of the part a kept group (`text`, deflated HTML in base64) opens with, when it is
 * safe HTML (see safeHtmlBytes) that opens with a part; else undefined, and the group is not
 * to be used.
 */
export function groupOpening(text: string): string | undefined {
  const html = inflatedBase64(text);
  if (!html) return undefined;
  const id = OPENING.exec(html.toString('latin1', 0, 40))?.[1];
  return id !== undefined && safeHtmlBytes(html) ? id : undefined;
}

/** Every kept group in the cache folder that is safe to use, each noted with the part it opens with (run in a worker). */
export function readKeptGroups(folder: string): PrimedPiece[] {
  return readPieces(folder, GROUP_KIND, (value) => (typeof value === 'string' ? groupOpening(value) : undefined));
}
