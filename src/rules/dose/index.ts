import type { Rule } from '../../types.js';
import { aboveUpperLimit } from './above-upper-limit.js';
import { contradiction } from './contradiction.js';
import { implausible } from './implausible.js';
import { variantMismatch } from './variant-mismatch.js';

export const doseRules: Rule[] = [aboveUpperLimit, contradiction, implausible, variantMismatch];
