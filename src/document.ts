/**
 * Builds the Document every rule reads from what the loader read.
 */
import type { Root } from 'mdast';
import type { Document, ResolvedConfig, Source } from './types.js';
import { parse, parseTree } from './parse/index.js';
import { profileLanguage } from './lang/profile.js';

export function createDocument(source: Source, config: Pick<ResolvedConfig, 'language' | 'languages' | 'allowedTerms'>): Document {
  const { tree, blocks, lineStarts } = parse(source.text, source.format);
  return { ...source, tree, blocks, lineStarts, language: profileLanguage(blocks, forcedLanguage(config), { allowedTerms: config.allowedTerms }) };
}

/**
 * The language every draft is read in, when the config names one publication language
 * (`language`, or `languages` with one entry); with several, each draft's own is detected
 * (a complete translation is an edition, not foreign text).
 */
export function forcedLanguage(config: Pick<ResolvedConfig, 'language' | 'languages'>): string | undefined {
  if (config.languages && config.languages.length > 1) return undefined;
  return config.languages?.[0] ?? config.language;
}

/** The document read with `language` as its primary one (a mixed draft that belongs to that language's edition). */
export function withPrimaryLanguage(doc: Document, language: string, config: Pick<ResolvedConfig, 'allowedTerms'>): Document {
  const copy = { ...doc, language: profileLanguage(doc.blocks, language, { allowedTerms: config.allowedTerms }) };
  // A tree read through `lazyTree` is no own enumerable property: the copy reads its own.
  return Object.prototype.hasOwnProperty.call(copy, 'tree') ? copy : lazyTree(copy);
}

const trees = new WeakMap<Document, Root>();

/**
 * Replaces a Document's tree by one parsed again from its text when read, so thousands of
 * drafts do not keep their trees in memory (and a Document crosses to a worker cheaply).
 * Parsing is deterministic, so the tree read back is the tree the rules saw.
 */
export function lazyTree(doc: Document): Document {
  Object.defineProperty(doc, 'tree', {
    configurable: true,
    enumerable: false,
    get(this: Document): Root {
      let tree = trees.get(this);
      if (!tree) {
        tree = parseTree(this.text, this.format, this.lineStarts);
        trees.set(this, tree);
      }
      return tree;
    },
  });
  return doc;
}

/** Lets go of a tree read through `lazyTree`; the next read parses again. */
export function releaseTree(doc: Document): void {
  trees.delete(doc);
}

/** Every per-Document memory: parsed trees and what `perDocument` computes. */
const derived: Array<WeakMap<Document, unknown>> = [trees];

/**
 * Lets go of everything derived from a Document, its tree included (see `perDocument`):
 * once the stages that read it are done, a large batch need not keep it. A later read
 * computes it again.
 */
export function releaseDerived(doc: Document): void {
  for (const values of derived) values.delete(doc);
}

/**
 * What `compute` derives from a Document, computed once per Document object and shared by
 * every rule and stage that asks; `prime` records a value computed elsewhere (a worker).
 */
export function perDocument<T>(compute: (doc: Document) => T): {
  get(doc: Document): T;
  prime(doc: Document, value: T): void;
  primeLazily(doc: Document, read: () => T | undefined): void;
} {
  const values = new WeakMap<Document, T>();
  // Values kept elsewhere (the cache), read the first time they are asked for: undefined
  // from `read` (a kept value that does not check) computes the value instead.
  const unread = new WeakMap<Document, () => T | undefined>();
  derived.push(values, unread);
  return {
    get(doc) {
      let value = values.get(doc);
      if (value === undefined) {
        const read = unread.get(doc);
        unread.delete(doc);
        value = read?.() ?? compute(doc);
        values.set(doc, value);
      }
      return value;
    },
    prime(doc, value) {
      unread.delete(doc);
      values.set(doc, value);
    },
    primeLazily(doc, read) {
      values.delete(doc);
      unread.set(doc, read);
    },
  };
}
