import type { Rule } from '../../types.js';
import { duplicateReference } from './duplicate-reference.js';
import { malformedUrl } from './malformed-url.js';
import { noReferenceList } from './no-reference-list.js';
import { outOfRange } from './out-of-range.js';
import { placeholder } from './placeholder.js';
import { uncitedClaim } from './uncited-claim.js';
import { variantMismatch } from './variant-mismatch.js';

export const citeRules: Rule[] = [
  duplicateReference,
  malformedUrl,
  noReferenceList,
  outOfRange,
  placeholder,
  uncitedClaim,
  variantMismatch,
];
