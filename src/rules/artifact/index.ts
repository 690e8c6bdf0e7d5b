import type { Rule } from '../../types.js';
import { cmsLeftover } from './cms-leftover.js';
import { htmlTag } from './html-tag.js';

export const artifactRules: Rule[] = [cmsLeftover, htmlTag];
