/**
 * Builds the Document every rule reads from what the loader read.
 */
import type { Document, ResolvedConfig, Source } from './types.js';
import { parse } from './parse/index.js';
import { profileLanguage } from './lang/profile.js';

export function createDocument(source: Source, config: Pick<ResolvedConfig, 'language' | 'allowedTerms'>): Document {
  const { tree, blocks, lineStarts } = parse(source.text, source.format);
  return { ...source, tree, blocks, lineStarts, language: profileLanguage(blocks, config.language, { allowedTerms: config.allowedTerms }) };
}
