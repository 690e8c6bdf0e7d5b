/**
 * A journal article's front matter, as a page that shows one carries it above the abstract:
 * the journal's header (volume, issue, pages), the DOI and the citation line, the article's
 * type ("Review"), the authors with their affiliation marks, the affiliations, the
 * correspondence note and e-mail, the received/accepted dates, the academic editor, the
 * licence, the funding and classification labels of a Chinese journal (基金项目, 中图分类号).
 *
 * The zone is read as a whole, the way boilerplate removers read a page's header: it runs from
 * the top of the draft to the abstract (or to the first paragraph of prose), and it is
 * front matter only when two kinds of journal evidence stand in it; a list of names or a
 * line naming a university elsewhere in a draft is prose or a reference, never front matter.
 * The article's own parts stay: its title, the abstract and its headings, the keywords (a
 * journal's keyword line is the article's, not a blog's tag line), the section headings.
 *
 * Linear: one pass to find the zone, one over the zone's lines, each test anchored.
 */
import type { Block } from '../types.js';
import { normaliseLine } from './lexicon.js';
import { portalEvidence, portalPage, type FamilyEvidence } from './portal.js';
import { ScopedTextMemo } from '../text-memo.js';

/** Evidence of the families this module and portal.ts know, one entry per block (or none). */
export function furnitureOf(blocks: readonly Block[]): Array<FamilyEvidence | undefined> {
  const front = frontMatter(blocks);
  return portalPage(blocks.map((b, i) => front[i] ?? (b.kind === 'paragraph' || b.kind === 'listItem' || b.kind === 'heading' ? (lineEvidence.in('').get(b.text, ofLine) ?? undefined) : undefined)));
}

// What a line's shape says wherever it stands, remembered by its text (versions of an
// article repeat most of their lines; see text-memo.ts). `null`: nothing.
const lineEvidence = new ScopedTextMemo<FamilyEvidence | null>(4096);
const ofLine = (text: string): FamilyEvidence | null => anywhere(text.trim()) ?? portalEvidence(text.trim()) ?? null;

// Where the zone ends: the abstract or the first section of the article.
const OPENING = /^(?:abstract|summary|background|introduction|\d\.?\s*introduction|objectives?|aims?|purpose|摘\s*要|引言|前言|目的|背景|概述)$/u;
const OPENING_LABEL = /^(?:abstract|摘\s*要)\s*[:：]?/iu;
// How far down a page the header may reach.
const ZONE_LIMIT = 80;

const MARKS = /^[\d*†‡§¶#]{1,3}(?:\s*,\s*[\d*†‡§¶#]{1,3})*\s*,?\s*(?:and)?$/u;
// A given name or surname: "Sorić", "Kerry-Ann", "NIȚULESCU", an initial "H" or "J.".
// (A surname may hold a second capital: "McLaren", "DeLuca", "O’Brien".)
const NAME_WORD = "(?:\\p{Lu}[\\p{Ll}'’]+(?:\\p{Lu}[\\p{Ll}'’]+)?(?:-\\p{Lu}?[\\p{Ll}'’]+)*|\\p{Lu}{2,}(?:-\\p{Lu}+)*|\\p{Lu}\\.(?:-?\\p{Lu}\\.)?|\\p{Lu}{1,3})";
const LATIN_NAME = new RegExp(`^${NAME_WORD}(?:\\s+(?:(?:van|von|de|da|das|di|do|dos|du|del|la|le)\\s+)?${NAME_WORD}){1,3}$`, 'u');
const HAN_NAME = /^[\p{Script=Han}·]{2,4}$/u;
// Trailing affiliation marks of a name ("Sorić1,*", "李海波1").
// (Or an empty pair of brackets a page left where the mark's icon was: "MAO Enqiang()".)
const NAME_MARKS = /(?:[\s\d*†‡§¶#]|\(\)|（）)+$/u;
/** A name as a journal prints a Chinese author's in Latin letters: the surname in capitals first ("ZHAO Bing", "YU Xianxian"). */
const CAPITAL_SURNAME = /^\p{Lu}{2,}(?:-\p{Lu}{2,})?\s+\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u;

const INSTITUTION =
  /(?:^|[^A-Za-z])(?:Universit(?:y|é|à|ät|ario|aria|ade|eit)|College|School|Department|Dept\.|Faculty|Institute|Institut|Instituto|Hospital|Centre|Center|Laborator(?:y|ies)|Clinic|Division|Ltd\.?|Inc\.?|GmbH|Foundation|Academy|Ministry)(?![A-Za-z])/u;
const INSTITUTIONS = new RegExp(INSTITUTION.source, 'gu');
const CONNECTIVES = new Set(['of', 'and', 'for', 'the', 'de', 'di', 'da', 'du', 'la', 'le', 'van', 'von', 'y', 'e', 'und', 'et', 'at', 'in', 'des', 'del', 'della', 'do', 'dos', 'on']);
const HAN_INSTITUTION =
  /^(?:\d{1,2}\s*[.．、]?\s*)?[\p{Script=Han}（）()·\s]{2,40}(?:大学|大學|学院|學院|医院|醫院|研究所|研究院|研究室|中心|实验室|實驗室|保健所|保健院|管理局|委员会|委員會)[\p{Script=Han}（）()\s,，]{0,60}(?:\d{6})?\s*[;；.。]?$/u;

// (A Chinese journal names its issue by year and number: "2000年第1期", "第12卷第3期".)
const VOLUME = /\b(?:19|20)\d{2}\s*;\s*in press\b|\bvol(?:ume)?\.?\s*\d+|\bissue\s*\(?\d+|\barticle id\b|\b\d+\s+pages\b|(?:19|20)\d{2}\s*[,;]\s*\d+\s*\(\d+\)\s*[:：,]\s*[a-z]?\d+|(?:19|20)\d{2}\s*年\s*第\s*\d{1,3}\s*期|第\s*\d{1,3}\s*卷\s*第\s*\d{1,3}\s*期/iu;
const CITATION_LINE = /\[J\]|\bdoi\s*[:：]\s*10\.|doi\.org\/10\./iu;
const CITE_LABEL = /^(?:citation|cite this article|cite as|how to cite(?: this article)?|引用本文|引用格式|本文引用格式|引文格式)\s*[:：]/iu;
const DOI_LINE = /^(?:doi\s*[:：]?\s*)?(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$|^https?:\/\/(?:dx\.)?doi\.org\/\S+$|^(?:(?:PMCID|PMID|NIHMSID)\s*[:：]\s*[A-Z]*\d+\s*)+$/iu;
const DATES = /^(?:submission )?(?:received|accepted|revised)\b|^(?:收稿日期|修回日期|录用日期|錄用日期|接受日期)/iu;
/** The label of a journal's date alone on its line: "Received:", "Online:", "收稿日期:", "出版日期:". */
const BARE_DATE_LABEL = /^(?:received|accepted|revised|published(?: online)?|online|收稿日期|修回日期|录用日期|錄用日期|接受日期|出版日期|发布日期|發布日期|网络出版日期|網絡出版日期)\s*[:：]$/iu;
/** A line of the article's publication ("Published Online: Jul 12th 2024 …", "First published: …", "Published online by Cambridge University Press: 8 April 2014"). */
const PUBLISHED = /^(?:first |epub )?published(?: online| ahead of print)?(?: by [^:：]{2,80})?\s*[:：]\s*\S/iu;
/** The authors under their label ("Authors: Ana Lima, Wen Li"). */
const AUTHORS_LABEL = /^[Aa]uthors?\s*[:：]\s*\p{Lu}/u;
const EDITOR = /^(?:academic editor|handling editor|section editor|edited by)\s*[:：]/iu;
const CORRESPONDENCE = /^\*?\s*(?:author to whom correspondence|correspond(?:ence|ing authors?)\b|通讯作者|通信作者|通訊作者)|^(?:tel|fax|phone)\.?\s*[:：]\s*\+?[\d(]/iu;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/u;
const LICENCE = /^(?:copyright\s*)?©|^copyright\b|\bopen[- ]access article\b|\bcreative commons\b|\blicensee\b|\bcc[- ]by\b/iu;
const LABEL = /^(?:基金项目|基金項目|资助项目|資助項目|中图分类号|中圖分類號|文献标识码|文獻標識碼|文章编号|文章編號|funding|grant support)\s*[:：]/iu;
const TYPE =
  /^(?:review|review article|original article|research article|original research|original paper|open access|editorial|commentary|perspective|mini[- ]review|systematic review|case report|brief report|short communication|综述|綜述|论著|論著|述评|述評|专家共识|專家共識|研究论文|研究論文|临床研究|臨床研究)$/u;
const SPONSOR = /^[\p{Script=Han}]{2,20}(?:主办|主辦)[。.]?$/u;
const NEIGHBOUR_NAV = /^(?:next|previous|prev) (?:article|paper) in\b/u;
const KEYWORDS = /^(?:key\s?words?|index terms|关键词|關鍵詞|关键字|關鍵字)\s*[:：]/iu;
/** A structured abstract in one paragraph: its aim, then its methods and results under their labels. */
const STRUCTURED_ABSTRACT = /^\s*(?:目的|背景|objectives?|background|aims?)(?![a-z])[\s\S]{10,}?(?:方法|methods?)(?![a-z])[\s\S]{10,}?(?:结果|結果|results?)(?![a-z])/iu;

type Signal = 'doi' | 'dates' | 'affiliation' | 'correspondence' | 'editor' | 'licence' | 'citation' | 'volume' | 'label' | 'authors' | 'marks' | 'keywords';

/** Front-matter evidence of the blocks at the top of a journal page (sparse). */
function frontMatter(blocks: readonly Block[]): Array<FamilyEvidence | undefined> {
  const out: Array<FamilyEvidence | undefined> = new Array(blocks.length);
  const limit = Math.min(blocks.length, ZONE_LIMIT);
  let end = limit;
  let opening = false;
  for (let i = 0; i < limit; i++) {
    const text = blocks[i]!.text.trim();
    if (blocks[i]!.kind === 'reference') {
      end = i;
      break;
    }
    // (A bare "Background:" is also a reading setting of a journal site: only "Abstract:" opens with a colon.)
    const n = text.length <= 60 ? normaliseLine(text) : text.slice(0, 12).toLowerCase();
    if (OPENING_LABEL.test(n) || (text.length <= 60 && OPENING.test(n) && !/[:：]$/u.test(text))) {
      end = i;
      opening = true;
      break;
    }
    if (prose(text)) {
      end = i;
      break;
    }
  }
  const signals = new Map<Signal, number>();
  const found: Array<{ signal: Signal | undefined; evidence: FamilyEvidence | undefined }> = [];
  for (let i = 0; i < end; i++) {
    const r = zoneLine(blocks[i]!);
    found.push(r);
    if (r.signal) signals.set(r.signal, (signals.get(r.signal) ?? 0) + 1);
  }
  const strength = signals.size + ((signals.get('affiliation') ?? 0) >= 2 ? 1 : 0) - (signals.has('marks') && (signals.get('marks') ?? 0) < 2 ? 1 : 0);
  const journal = strength >= 2;
  if (journal) {
    for (let i = 0; i < end; i++) {
      const b = blocks[i]!;
      const text = b.text.trim();
      let e = found[i]!.evidence;
      if (!e) {
        const n = normaliseLine(text);
        const markBeside = (j: number): boolean => j >= 0 && j < end && MARKS.test(blocks[j]!.text.trim());
        if (n === 'by') e = { weight: 3, kind: 'frontmatter', why: 'byline label' };
        else if (TYPE.test(n)) e = { weight: 3, kind: 'frontmatter', why: 'article type' };
        else if ((LATIN_NAME.test(text) || HAN_NAME.test(text)) && (markBeside(i - 1) || markBeside(i + 1))) e = { weight: 3, kind: 'frontmatter', why: 'author name' };
        else if (i > 0 && NEIGHBOUR_NAV.test(normaliseLine(blocks[i - 1]!.text))) e = { weight: 3, kind: 'nav', why: 'linked article title' };
        else if (i > 0 && (LABEL.test(blocks[i - 1]!.text.trim()) || CORRESPONDENCE.test(blocks[i - 1]!.text.trim())) && /[:：]\s*$/u.test(blocks[i - 1]!.text)) e = { weight: 2, kind: 'frontmatter', why: 'value of a front-matter label' };
        else if (SPONSOR.test(text)) e = { weight: 3, kind: 'frontmatter', why: 'sponsor' };
      }
      if (e) out[i] = e;
    }
  }
  // A journal's keyword line is the article's own (so is a blog's tag line only in a blog), and
  // so is one right under a structured abstract ("目的 … 方法 … 结果 … 结论 …", "Objective … Methods …").
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!.text.trim();
    if (t.length > 400 || !KEYWORDS.test(t)) continue;
    if (journal || opening || (i > 0 && STRUCTURED_ABSTRACT.test(blocks[i - 1]!.text))) out[i] = { weight: 0, kind: 'frontmatter', why: 'keywords of the article', keep: true };
  }
  return out;
}

/** A journal signal of one line of the zone, and its evidence if the line is debris on its own. */
function zoneLine(block: Block): { signal: Signal | undefined; evidence: FamilyEvidence | undefined } {
  const text = block.text.trim();
  const fm = (why: string, weight = 3): FamilyEvidence => ({ weight, kind: 'frontmatter', why });
  if (text === '' || text.length > 700) return { signal: undefined, evidence: undefined };
  if (MARKS.test(text)) return { signal: 'marks', evidence: fm('affiliation marks') };
  if (DOI_LINE.test(text)) return { signal: 'doi', evidence: fm('DOI line') };
  // (A date's label alone, its value on the next line, "收稿日期:" / "2023-07-28", goes with the value.)
  if (BARE_DATE_LABEL.test(text)) return { signal: 'dates', evidence: fm('date label') };
  if (DATES.test(text)) return { signal: 'dates', evidence: undefined }; // the lexicon weighs it
  if (PUBLISHED.test(text) && text.length <= 200) return { signal: 'dates', evidence: fm('publication line') };
  if (AUTHORS_LABEL.test(text) && text.length <= 300 && !sentences(text)) return { signal: 'authors', evidence: fm('author line') };
  if (EDITOR.test(text)) return { signal: 'editor', evidence: undefined };
  if (CORRESPONDENCE.test(text)) return { signal: 'correspondence', evidence: words(text) <= 30 && !sentences(text) ? fm('correspondence') : undefined };
  if (LABEL.test(text)) return { signal: 'label', evidence: fm('front-matter label') };
  // (A keyword line is one kind of journal evidence among others: alone, a blog's or a portal's
  // "关键词：…" is a tag line.)
  if (text.length <= 400 && KEYWORDS.test(text)) return { signal: 'keywords', evidence: undefined };
  if (CITE_LABEL.test(text) || (CITATION_LINE.test(text) && !sentences(text))) return { signal: 'citation', evidence: fm('citation line') };
  if (LICENCE.test(text)) return { signal: 'licence', evidence: fm('licence') };
  if (EMAIL.test(text) && words(text) <= 12) return { signal: 'correspondence', evidence: fm('e-mail line') };
  if (VOLUME.test(text) && !sentences(text) && words(text) <= 30) return { signal: 'volume', evidence: fm('journal header') };
  if (affiliation(text)) return { signal: 'affiliation', evidence: fm('affiliation') };
  if (authorList(text)) return { signal: 'authors', evidence: fm('author list') };
  return { signal: undefined, evidence: undefined };
}

/** Evidence that holds wherever the line stands: a licence, a citation label, a lone e-mail line. */
function anywhere(text: string): FamilyEvidence | undefined {
  if (text === '' || text.length > 700) return undefined;
  if (CITE_LABEL.test(text)) return { weight: 3, kind: 'frontmatter', why: 'citation line' };
  if (LABEL.test(text) && text.length <= 120) return { weight: 3, kind: 'frontmatter', why: 'front-matter label' };
  if ((text.includes('©') || /open[- ]access|creative commons|licensee/iu.test(text)) && LICENCE.test(text) && words(text) <= 80) return { weight: 3, kind: 'frontmatter', why: 'licence' };
  if (text.includes('@') && EMAIL.test(text) && words(text) <= 8 && /^(?:e-?mail|电子邮[箱件]|電子郵件|邮箱|郵箱)\s*[:：]/iu.test(text)) return { weight: 3, kind: 'frontmatter', why: 'e-mail line' };
  return undefined;
}

/** A paper's contact line: its correspondence label, a name, an e-mail address ("Corresponding author,Zhao Naiqian,E-mail: zhao@example.cn"). */
export function contactLine(text: string): boolean {
  return CORRESPONDENCE.test(text) && EMAIL.test(text) && words(text) <= 30 && !sentences(text);
}

/** Four words of four letters or more, and nearly all of them capitalised. */
function titleCased(text: string): boolean {
  const long = text.match(/\p{L}[\p{L}'’-]{3,}/gu) ?? [];
  const capitals = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return long.length >= 4 && capitals >= 0.8 * long.length;
}

/** An affiliation: an institution, then places, in title case; or a Chinese unit with its postcode or mark. */
export function affiliation(text: string): boolean {
  if (INSTITUTION.test(text) && text.includes(',') && !sentences(text)) {
    const ws = text.split(/[\s,;]+/u).filter((w) => /^\p{L}/u.test(w));
    const lower = ws.filter((w) => /^\p{Ll}/u.test(w) && !CONNECTIVES.has(w)).length;
    return ws.length >= 3 && lower <= 1;
  }
  return /\p{Script=Han}/u.test(text) && (/\d{6}\s*[;；.。]?$/u.test(text) || /^\d{1,2}\s*[.．、]/u.test(text)) && HAN_INSTITUTION.test(text);
}

/** Two or more names joined by commas or "and", each maybe with its marks ("Li Haibo, Zhao Xiaoyuan", "李海波1 , 赵小元2"). */
function authorList(text: string): boolean {
  return authorNames(text) !== undefined;
}

/**
 * The names of an author list (see `authorList`): how many there are, how many carry
 * affiliation marks ("Ana Souza1, José da Silva2 and …") and how many put the surname first in
 * capitals ("ZHAO Bing"); undefined when the text is no such list.
 */
export function authorNames(text: string): { names: number; marked: number; capitalSurnames: number } | undefined {
  if (!/[,，、;]/u.test(text) || text.length > 600) return undefined;
  let names = 0;
  let marked = 0;
  let capitalSurnames = 0;
  for (const raw of text.replace(/[.。]$/u, '').split(/\s*(?:[,，、;]|\band\b|&)\s*/u)) {
    const name = raw.replace(NAME_MARKS, '').trim();
    if (name === '') continue;
    if (!LATIN_NAME.test(name) && !HAN_NAME.test(name)) return undefined;
    names++;
    if (name !== raw.trim()) marked++;
    if (CAPITAL_SURNAME.test(name)) capitalSurnames++;
  }
  return names >= 2 ? { names, marked, capitalSurnames } : undefined;
}

/** Whether a text holds a sentence of prose (a full stop after a lower-case word, a Chinese full stop). */
function sentences(text: string): boolean {
  return /[a-z]{2}[.!?](?:\s|$)/u.test(text) || /[。！？]./u.test(text);
}

function words(text: string): number {
  let n = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)) if (m[0]) n++;
  return n;
}

/** The first paragraph of the article's prose ends the header. */
function prose(text: string): boolean {
  if (LICENCE.test(text) || CITATION_LINE.test(text)) return false;
  // (Nor does a list of affiliations, however it ends: "1. Department of …; 2. Department of …;
  // *Both authors contributed equally to this paper.")
  if (text.includes(';') && (text.match(INSTITUTIONS)?.length ?? 0) >= 2) return false;
  const latin = text.match(/[A-Za-z]+/gu)?.length ?? 0;
  // (A long title in title case is the article's title, above its front matter or within it:
  // "Metformin Use and Vitamin B12 Deficiency … What Are the Risk Factors? A Mini-systematic Review".)
  if (latin >= 20 && sentences(text)) return !titleCased(text);
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 40 && /[。，,]/u.test(text) && /[。！？]/u.test(text);
}
