/**
 * Property runs are reproducible: every fast-check property draws from one fixed seed, so a
 * run of `npm test` (and CI's) gives the same cases each time, and a failure it shows is
 * there again on the next run. `FC_SEED=random` draws new cases (to look for failures the
 * fixed seed does not reach); `FC_SEED=<number>` replays the seed a failure printed.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261203;
const wanted = process.env.FC_SEED;
if (wanted !== 'random') {
  const seed = wanted === undefined || wanted === '' ? FIXED_SEED : Number(wanted);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(wanted)}`);
  fc.configureGlobal({ seed });
}
