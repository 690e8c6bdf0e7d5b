/**
 * The report's groups deflated in a thread beside the one rendering them (deflater.ts): the
 * bytes are those deflated here, whatever order they are taken in, and a thread that does
 * not answer in time is given up for this thread's own deflating, with the same bytes.
 */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflatedBase64, inAThread, inThisThread } from '../src/report/html/deflater.js';

const GROUPS = [
  '',
  '<div data-for="z1"><p>Magnesium 350 mg a day.</p></div>',
  `<div data-for="z2">${'<tr class="finding"><td>12:4</td><td>每日补充镁 350 毫克</td></tr>'.repeat(4000)}</div>`,
  '<div data-for="z3">Ünïcödé &amp; emoji 🧪 — “quotes”</div>',
  `<div data-for="z4">${'x'.repeat(300_000)}</div>`,
];

describe('deflating the report groups', () => {
  it('gives, in a thread, the bytes deflated here, taken in any order', () => {
    const deflater = inAThread();
    try {
      const taken = GROUPS.map((html) => deflater.start(html));
      const order = [3, 0, 4, 2, 1];
      const out = new Map(order.map((k) => [k, taken[k]!()]));
      GROUPS.forEach((html, k) => {
        expect(out.get(k)).toBe(deflatedBase64(html));
        expect(inflateRawSync(Buffer.from(out.get(k)!, 'base64')).toString('utf8')).toBe(html);
        // (Taken again, the same answer: the thread is not asked twice.)
        expect(taken[k]!()).toBe(out.get(k));
      });
    } finally {
      deflater.close();
    }
  });

  it('gives the same bytes in this thread', () => {
    const deflater = inThisThread();
    for (const html of GROUPS) expect(deflater.start(html)()).toBe(deflatedBase64(html));
  });

  it('gives up a thread that does not answer in time, and deflates here with the same bytes', () => {
    // No time at all to wait: the first answer is not there when it is asked for (the thread
    // has not even started), so this thread deflates that group and every later one.
    const deflater = inAThread(0);
    try {
      const first = deflater.start(GROUPS[2]!);
      expect(first()).toBe(deflatedBase64(GROUPS[2]!));
      for (const html of GROUPS) expect(deflater.start(html)()).toBe(deflatedBase64(html));
    } finally {
      deflater.close();
    }
  });

  it('starts again after it is closed', () => {
    const deflater = inAThread();
    try {
      expect(deflater.start(GROUPS[1]!)()).toBe(deflatedBase64(GROUPS[1]!));
      deflater.close();
      expect(deflater.start(GROUPS[3]!)()).toBe(deflatedBase64(GROUPS[3]!));
    } finally {
      deflater.close();
    }
  });
});
