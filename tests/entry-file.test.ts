import { endianness } from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintBytes, fingerprintOf, joinEntry, splitEntry, type EntryParts } from '../src/engine/entry-file.js';
import type { Fingerprint } from '../src/corpus/fingerprint.js';

const u32 = (...xs: number[]): Uint32Array => Uint32Array.from(xs);
const fingerprint: Fingerprint = {
  features: u32(4, 9, 0xfffffffe),
  counts: u32(1, 2, 0, 0),
  wordSignature: u32(7, 7, 7),
  hanSignature: null,
  anchorSignature: u32(),
  windowSignatures: u32(1, 2, 3, 4, 5, 6),
};

const back = (parts: EntryParts): EntryParts => {
  const split = splitEntry(joinEntry(parts))!;
  return { json: split.json, ...(split.text !== undefined ? { text: split.text } : {}), ...(split.citations ? { citations: split.citations() } : {}), ...(split.fingerprint ? { fingerprint: Uint8Array.from(split.fingerprint) } : {}) };
};

describe('a cache entry: a header line of lengths, the JSON, and the text, citations and fingerprint beside it', () => {
  it.each<[string, EntryParts]>([
    ['every part, Chinese text among them', { json: '{"findings":[]}', text: '维生素D 每天 600 IU。\nLine two.', citations: '{"markers":[]}', fingerprint: fingerprintBytes(fingerprint) }],
    ['no draft: the JSON alone', { json: '{"findings":[],"skipped":{"reason":"empty"}}' }],
    ['an empty text and empty citations', { json: '{}', text: '', citations: '' }],
  ])('gives back what it was given: %s', (_, parts) => {
    expect(back(parts)).toEqual(parts);
  });

  it('gives back any JSON and text, in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.option(fc.string({ unit: 'grapheme' }), { nil: undefined }), (json, text) => {
        const parts: EntryParts = { json, ...(text === undefined ? {} : { text }) };
        expect(back(parts)).toEqual(parts);
      }),
    );
  });

  it('gives back a fingerprint, its null and empty arrays as they were', () => {
    expect(fingerprintOf(fingerprintBytes(fingerprint))).toEqual(fingerprint);
  });

  const good = joinEntry({ json: '{"findings":[]}', text: 'Magnesium.', citations: '{}', fingerprint: fingerprintBytes(fingerprint) });
  const header = good.toString('latin1', 0, good.indexOf(10));
  const withHeader = (line: string): Buffer => Buffer.concat([Buffer.from(`${line}\n`, 'latin1'), good.subarray(good.indexOf(10) + 1)]);
  const other = endianness() === 'LE' ? 'BE' : 'LE';
  it.each<[string, Uint8Array]>([
    ['no header line (the JSON of an older entry)', Buffer.from('{"findings":[]}')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated entry', good.subarray(0, good.length - 5)],
    ['bytes past its parts', Buffer.concat([good, Buffer.from(' ')])],
    ['the other byte order', withHeader(header.replace(/ (LE|BE) /, ` ${other} `))],
    ['another magic word', withHeader(header.replace('draftaudit-entry', 'draftaudit-entrx'))],
    ['a length that is no number', withHeader(header.replace(/ \d+$/, ' 1e3'))],
    ['a JSON part that is not there', withHeader(header.replace(/^(\S+ \S+) \d+/, '$1 -1'))],
    ['a header too long to be one', Buffer.from(`draftaudit-entry ${endianness()} ${'0'.repeat(120)} -1 -1 -1\n`)],
  ])('is no entry: %s', (_, bytes) => {
    expect(splitEntry(bytes)).toBeUndefined();
  });

  it.each<[string, Uint8Array]>([
    ['bytes that are not whole numbers', fingerprintBytes(fingerprint).subarray(0, 27)],
    ['lengths past its numbers', (() => {
      const bytes = Uint8Array.from(fingerprintBytes(fingerprint));
      new DataView(bytes.buffer).setUint32(0, 1000, endianness() === 'LE');
      return bytes;
    })()],
    ['numbers past its lengths', Uint8Array.from([...fingerprintBytes(fingerprint), 0, 0, 0, 0])],
    ['no features', (() => {
      const bytes = Uint8Array.from(fingerprintBytes({ ...fingerprint, features: u32() }));
      new DataView(bytes.buffer).setUint32(0, 0xffffffff, endianness() === 'LE');
      return bytes;
    })()],
    ['too short for its lengths', new Uint8Array(8)],
  ])('is no fingerprint: %s', (_, bytes) => {
    expect(fingerprintOf(bytes)).toBeUndefined();
  });
});
