import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../src/progress.js';

function stream(isTTY: boolean): { isTTY: boolean; columns: number; out: string; write(s: string): void } {
  return { isTTY, columns: 80, out: '', write(s) { this.out += s; } };
}

describe('progress bar', () => {
  it('draws done/total, rate and time left', () => {
    expect(progressLine(250, 1000, 5, 80)).toBe('[##########------------------------------] 250/1000 drafts  50/s  ETA 15s');
    expect(progressLine(1000, 1000, 100, 80)).toMatch(/^\[#{40}\] 1000\/1000 drafts {2}10\/s {2}ETA 0s$/);
    expect(progressLine(10, 10000, 1, 80)).toMatch(/ETA 16m39s$/);
  });

  it('draws on a terminal at most ten times a second and clears itself', () => {
    let t = 0;
    const s = stream(true);
    const bar = progressBar(s, true, () => t);
    for (let done = 1; done <= 100; done++) {
      t += 10;
      bar.update(done, 100);
    }
    bar.done();
    const draws = s.out.split('\r\x1b[2K').filter(Boolean);
    expect(draws.length).toBe(11);
    expect(draws.at(-1)).toContain('100/100 drafts');
    expect(s.out.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes nothing when the stream is not a terminal or the bar is off', () => {
    for (const [tty, on] of [[false, true], [true, false]] as const) {
      const s = stream(tty);
      const bar = progressBar(s, on);
      bar.update(1, 2);
      bar.done();
      expect(s.out).toBe('');
    }
  });
});
