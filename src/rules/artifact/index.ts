import type { Rule } from '../../types.js';
import { cmsLeftover } from './cms-leftover.js';
import { htmlTag } from './html-tag.js';
import { invisibleChar } from './invisible-char.js';
import { mojibake } from './mojibake.js';
import { scrambledText } from './scrambled-text.js';
import { unsafeHtml } from './unsafe-html.js';

export const artifactRules: Rule[] = [cmsLeftover, htmlTag, invisibleChar, mojibake, scrambledText, unsafeHtml];
