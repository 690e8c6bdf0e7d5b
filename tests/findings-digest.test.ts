/**
 * The hashes that key a rerun's kept cleaning and report pieces by a draft's findings: the
 * cleaning's hash sees everything the analysis found and not the cleaner's `fixed` flag; the
 * reports' hash sees both; each finding's JSON is the one JSON.stringify gives.
 */
import { describe, expect, it } from 'vitest';
import { findingsDigest, findingsTextDigest } from '../src/engine/findings-digest.js';
import { KeyBuilder } from '../src/engine/pieces.js';
import type { Finding } from '../src/types.js';

const point = (line: number, column: number, offset: number) => ({ line, column, offset });

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'dose/above-upper-limit',
    severity: 'error',
    path: 'input/zinc.md',
    span: { start: point(4, 9, 120), end: point(4, 15, 126) },
    message: 'Zinc 60 mg a day is above the adult upper limit of 40 mg',
    excerpt: 'take 60 mg of zinc daily',
    data: { substance: 'zinc', amount: 60, unit: 'mg' },
    ...over,
  };
}

/** Fresh objects each time: the hashes are remembered by the findings they were taken of. */
const list = (...overs: Array<Partial<Finding>>): Finding[] => overs.map((o) => finding(o));

describe('findings digests', () => {
  it('hash each finding as JSON.stringify writes it, the flag left out of the text hash', () => {
    const expected = new KeyBuilder().add(JSON.stringify(finding())).digest();
    expect(findingsTextDigest(list({}))).toBe(expected);
    expect(findingsTextDigest(list({ fixed: true }))).toBe(expected);
    expect(findingsTextDigest(list({ fixed: false }))).toBe(expected);
  });

  it.each<[string, Array<Partial<Finding>>, Array<Partial<Finding>>, boolean, boolean]>([
    //  case                          a                         b                                            same text  same report
    ['the same findings', [{}, { message: 'x' }], [{}, { message: 'x' }], true, true],
    ['another message', [{}], [{ message: 'Zinc 50 mg a day is above the adult upper limit of 40 mg' }], false, false],
    ['another column', [{}], [{ span: { start: point(4, 10, 121), end: point(4, 15, 126) } }], false, false],
    ['other data', [{}], [{ data: { substance: 'zinc', amount: 50, unit: 'mg' } }], false, false],
    ['another severity', [{}], [{ severity: 'warning' }], false, false],
    ['one finding fewer', [{}, {}], [{}], false, false],
    ['the same findings in another order', [{}, { message: 'x' }], [{ message: 'x' }, {}], false, false],
    ['one of them fixed', [{ fixed: false }, { fixed: false }], [{ fixed: false }, { fixed: true }], true, false],
    ['fixed against not marked', [{ fixed: false }], [{}], true, false],
  ])('%s', (_, a, b, sameText, sameReport) => {
    expect(findingsTextDigest(list(...a)) === findingsTextDigest(list(...b))).toBe(sameText);
    expect(findingsDigest(list(...a)) === findingsDigest(list(...b))).toBe(sameReport);
  });

  it('no findings hash alike', () => {
    expect(findingsTextDigest([])).toBe(findingsDigest([]));
  });

  it('a list is remembered by its ends and length: the text hash taken before the flag is set serves after it', () => {
    const findings = list({}, { message: 'x' }, { excerpt: 'y' });
    const before = findingsTextDigest(findings);
    for (const f of findings) f.fixed = true;
    expect(findingsTextDigest(findings)).toBe(before);
    // The reports' hash, taken once the flags are set, sees them.
    const fresh = list({ fixed: false }, { message: 'x', fixed: false }, { excerpt: 'y', fixed: false });
    expect(findingsDigest(findings)).not.toBe(findingsDigest(fresh));
    // Another list of the same findings with the same ends is taken for the same one.
    expect(findingsTextDigest([findings[0]!, findings[1]!, findings[2]!])).toBe(before);
  });
});
