import type { Rule } from '../../types.js';
import { htmlTag } from './html-tag.js';

export const artifactRules: Rule[] = [htmlTag];
