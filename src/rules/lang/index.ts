import type { Rule } from '../../types.js';
import { foreignBlock } from './foreign-block.js';
import { mixedSentence } from './mixed-sentence.js';
import { mtArtifact } from './mt-artifact.js';

export const langRules: Rule[] = [foreignBlock, mixedSentence, mtArtifact];
