/**
 * Shared data shapes of the pipeline: load → parse → Document → rules → corpus → clean → report.
 * Everything here is plain data; behaviour lives in the modules that produce it.
 */
import type { Root } from 'mdast';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';
export type FailOn = Severity | 'never';
export type Format = 'txt' | 'md' | 'html';

/** A place in the original file: 1-based line and column (UTF-16 code units), 0-based offset. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** A range in the original file; `end` is exclusive, as in unist. */
export interface Span {
  start: Point;
  end: Point;
}

export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell' | 'reference';

/**
 * A piece of the block's text that stands in the original file at `offset`.
 * Text index `at + k` maps to source offset `offset + k` for k < `length`.
 */
export interface TextSegment {
  at: number;
  offset: number;
  length: number;
}

/** The unit most rules read: one heading, paragraph, list item, table cell or reference entry. */
export interface Block {
  index: number;
  kind: BlockKind;
  /** Plain text of the block as a reader sees it (markup removed). */
  text: string;
  position: Span;
  /** How the text maps back into the source; see `src/document.ts` `blockSpan`. */
  segments: TextSegment[];
  /** Heading depth (1–6) for headings. */
  depth?: number;
}

/** A block of a cleaned article: its text and where it starts in the Markdown file. */
export interface OutputBlock {
  kind: BlockKind;
  text: string;
  line: number;
  column: number;
}

/**
 * A cleaned article as the HTML report shows it (src/report/html/markdown.ts): the HTML of
 * its content, whether that holds a title (h1), and its blocks.
 */
export interface ArticleHtml {
  html: string;
  titled: boolean;
  blocks: OutputBlock[];
}

/** What the loader read: decoded text plus facts about the bytes. */
export interface Source {
  /** Path relative to the working directory, `/` separators. */
  path: string;
  format: Format;
  /** Encoding label as the decoder took it (`utf-8`, `utf-16le`, `gb18030`, …). */
  encoding: string;
  bytes: number;
  /** Decoded text without BOM. Line breaks are kept as in the file. */
  text: string;
  /** True when the encoding was guessed by the detector (not BOM, not valid UTF-8). */
  encodingDetected: boolean;
  /** sha-256 of the raw bytes, hex. */
  hash: string;
}

/** Language facts about one document (ISO 639-3 codes as franc gives; `und` when unknown). */
export interface LanguageProfile {
  primary: string;
  /** Share of the document's letters per language, rounded to 3 decimals, keys sorted. */
  shares: Record<string, number>;
  /** Language of each block, by block index. */
  blocks: string[];
}

export interface Document extends Source {
  tree: Root;
  blocks: Block[];
  /** Offsets at which each line starts (index 0 = line 1). */
  lineStarts: number[];
  language: LanguageProfile;
}

/** What a rule reports; the engine adds rule id, severity and path. */
export interface RuleFinding {
  span: Span;
  message: string;
  /**
   * Severity of this finding when it differs from the rule's default (a softer case of the
   * rule). A severity set in config for the rule still wins.
   */
  severity?: Severity;
  /** Text shown in reports; defaults to the source text under `span`. */
  excerpt?: string;
  data?: Record<string, unknown>;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  path: string;
  span: Span;
  message: string;
  excerpt: string;
  data?: Record<string, unknown>;
  /** Set by the engine after cleaning: the cleaned article no longer carries the problem. */
  fixed?: boolean;
}

export interface RuleMeta {
  description: string;
  defaultSeverity: Severity;
  /** One or two sentences for the README rules table and SARIF help text. */
  docs: string;
  /** A short example of text the rule reports. */
  example: string;
  /** When the cleaner fixes this rule's findings (one sentence); absent when it never does. */
  fixable?: string;
  /** How an editor fixes what the rule finds (one to three sentences; the HTML report shows it). */
  fix?: string;
}

export interface DocumentRule {
  id: string;
  meta: RuleMeta;
  scope: 'document';
  check(doc: Document, ctx: RuleContext): RuleFinding[];
  /**
   * A second look with the whole batch in view, for evidence no single draft holds (a line
   * repeated across unrelated drafts). Run once after the versions are grouped; what it finds
   * of each draft may be kept across runs through `batch.keep`. A finding here replaces the
   * rule's own finding on the same span.
   */
  checkBatch?(batch: BatchView, ctx: RuleContext): Array<RuleFinding & { path: string }>;
}

/** What a batch look sees: every audited draft and the cluster (article) each belongs to. */
export interface BatchView {
  documents: readonly Document[];
  clusterOf(path: string): string;
  /**
   * What `make` gives for `doc`, kept by an earlier run under the same `key` when the engine
   * keeps pieces (`--cache`), else `make()`. `key` must hold everything `make` reads besides
   * the draft's text, path and primary language (which the engine adds); `check` says whether
   * a kept value has the shape `make` gives (anything else is made again).
   */
  keep?<T>(doc: Document, key: string, check: (value: unknown) => value is T, make: () => T): T;
}

export interface ClusterRule {
  id: string;
  meta: RuleMeta;
  scope: 'cluster';
  /** Findings on non-canonical members; `path` names the member reported on. */
  check(cluster: ClusterView, ctx: RuleContext): Array<RuleFinding & { path: string }>;
}

/** A rule whose findings come from another stage (loader, engine), listed so config and docs know it. */
export interface StageRule {
  id: string;
  meta: RuleMeta;
  scope: 'stage';
}

export type Rule = DocumentRule | ClusterRule | StageRule;

export interface RuleContext {
  readonly config: ResolvedConfig;
}

/** One block of a member paired with its counterpart in the canonical (either may be absent). */
export interface AlignedPair {
  /** Block index in the member, or null when the canonical block has no counterpart. */
  member: number | null;
  /** Block index in the canonical, or null when the member block has no counterpart. */
  canonical: number | null;
  /** 0..1 confidence of the pairing (1 for identical text). */
  score: number;
}

export interface MemberAlignment {
  path: string;
  similarity: number;
  pairs: AlignedPair[];
}

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete' | 'replace';
  /** Canonical block index (for equal, delete, replace). */
  canonical?: number;
  /** Member block index (for equal, insert, replace). */
  member?: number;
  /** Word-level diff of the two texts, when both blocks are in the same language. */
  words?: Array<{ op: 'equal' | 'insert' | 'delete'; text: string }>;
}

/**
 * One publication language of an article: its canonical version, the drafts that are
 * versions of it (canonical included, sorted) and their alignments to that canonical.
 */
export interface Edition {
  /** ISO 639-3 code. */
  language: string;
  canonical: string;
  members: string[];
  /** Each member but the canonical aligned to the edition's canonical. */
  alignments: MemberAlignment[];
}

export interface Cluster {
  id: string;
  /** The canonical of the primary edition (the source language). */
  canonical: string;
  /** Every member but the canonical, sorted by path. */
  members: Array<{ path: string; similarity: number }>;
  alignments: MemberAlignment[];
  diffs: Array<{ path: string; parts: DiffPart[] }>;
  /**
   * One edition per publication language the cluster holds, the primary (source-language)
   * edition first; absent for a singleton, whose one edition is the draft itself.
   */
  editions?: Edition[];
  /** Edition language of each draft whose primary language (by letter count) is another: a mixed draft goes with its frame. */
  reassigned?: Record<string, string>;
}

/** What cluster rules see: the cluster plus its documents by path. */
export interface ClusterView {
  cluster: Cluster;
  canonical: Document;
  members: Document[];
  alignment(path: string): MemberAlignment | undefined;
}

export interface Change {
  output: string;
  kind: 'restored' | 'inserted' | 'removed' | 'repaired' | 'untranslated';
  ruleId: string;
  from: { path: string; line: number };
  source?: { path: string; line: number };
  text?: string;
  /** The findings this change fixes (none for a block inserted from a sibling or a passage marked untranslated). */
  findings?: FindingRef[];
}

/** A finding named by its rule, file and start (a change's `findings`). */
export interface FindingRef {
  ruleId: string;
  path: string;
  line: number;
  column: number;
}

export interface ResolvedConfig {
  /** Primary language forced by config (ISO 639-3), or undefined to detect. */
  language?: string;
  /**
   * Publication languages (ISO 639-3): an article gets one edition in each it is written in.
   * Undefined: the languages some draft of the batch is wholly written in (or `language`).
   */
  languages?: string[];
  rules: Record<string, SeverityOrOff>;
  allowedTerms: string[];
  similarityThreshold: number;
  failOn: FailOn;
  include: string[];
  exclude: string[];
  maxFileSize: number;
  /** Seconds one draft may take to be checked before it is stopped (`internal/timeout`, status `timed-out`); 30 when absent. */
  timeBudget?: number;
  cmsLeftovers: string[];
  nutrients: Record<string, unknown>;
  /** Whose dose limits apply: `auto` (the draft's language: Chinese → China's DRIs, else the US), `us`, `cn`, `eu`. */
  limits: 'auto' | 'us' | 'cn' | 'eu';
  /** Ignore every in-draft directive (`--no-inline-config`). */
  noInlineConfig: boolean;
  /** Fixed findings count toward the exit code too (`--strict`). */
  strict: boolean;
}
