/**
 * Research-claim cues: wording by which a sentence reports research ("studies show",
 * "a 2016 study found", "researchers found", "clinical trial", "the CARDIA study",
 * "研究表明"). Used by cite/uncited-claim to find claims that need a source.
 *
 * A cue is a claim only when the sentence states a finding: questions, negated cues
 * ("no studies have shown", "few studies") and sentences about the article itself
 * ("let's take a look at the clinical trials") are not.
 */
import { withoutPinyin } from '../lang/pinyin.js';
import type { Block } from '../types.js';
import { JOURNAL_CITATION } from '../parse/blocks.js';

export interface ClaimCue {
  /** The cue as written in the sentence. */
  text: string;
  start: number;
  end: number;
}

// With the -ing forms: "over 500 studies confirming its safety", "trials showing gains".
const FINDING_VERB =
  'show(?:s|ed|n|ing)?|suggest(?:s|ed|ing)?|found|finds?|finding|indicat(?:e[sd]?|ing)|demonstrat(?:e[sd]?|ing)|confirm(?:s|ed|ing)?|reveal(?:s|ed|ing)?|report(?:s|ed)|prov(?:e[sdn]?|ing)|hint(?:s|ed)?|conclude[sd]?|linked|linking|tracked|examined|observed';
const RESEARCH_NOUN = 'stud(?:y|ies)|research|trials?|surveys?|evidence|experiments?|(?:meta-)?analys[ie]s|(?:systematic|cochrane|literature|scientific|umbrella)\\s+reviews?|data';

/** A clinical trial named as such; "these clinical trials" points back at a claim already made. */
const CLINICAL_TRIAL = /(?<!\b(?:these|those|such|the|aforementioned|above)\s+)\bclinical\s+trials?\b/iu;

const CUES: RegExp[] = [
  // "studies show", "Studies in mice have shown", "a 2016 study found", "Some evidence hints".
  new RegExp(`\\b(?:${RESEARCH_NOUN})\\b(?:[\\s,–—-]+[\\w’'-]+){0,5}?[\\s,–—-]+(?:${FINDING_VERB})\\b`, 'iu'),
  // "researchers found", "Some researchers propose", "In this clinical trial, researchers took".
  /\b(?:researchers|scientists|investigators)\s+(?:have\s+|had\s+)?(?:found|find|show(?:ed|n)?|discovered|observed|reported|noted|concluded|propose[sd]?|suggest(?:ed)?|gave|took|measured|tracked|examined|followed|recruited|studied|linked)\b/iu,
  // "In one study, …", "In a 2016 study", "In this clinical trial".
  /\bin\s+(?:one|a|an|this|that|another|the\s+same|a\s+recent|a\s+new|a\s+large|a\s+small|a\s+\d{4})\s+(?:[\w-]+\s+){0,2}?(?:study|trial|survey|experiment|meta-analysis|analysis)\b/iu,
  CLINICAL_TRIAL,
  // "the CARDIA study", "the Nurses' Health Study", "the PREDIMED trial".
  /\b[Tt]he\s+(?:(?:[A-Z][\w’'-]*|[A-Z]{2,}[\w-]*)\s+){0,3}(?:[A-Z]{2,}[\w-]*|[A-Z][\w’'-]*)\s+(?:[Ss]tudy|[Tt]rial|[Cc]ohort)\b/u,
  // "according to the research", "according to a 2019 Cochrane review".
  /\baccording\s+to\s+(?:the\s+|a\s+|an\s+|recent\s+|new\s+)?(?:\d{4}\s+)?(?:[\w-]+\s+)?(?:research|stud(?:y|ies)|researchers|scientists|trials?|(?:systematic\s+)?reviews?|meta-analys[ie]s|surveys?|survey\s+data|data|statistics)\b/iu,
  /\b(?:there\s+is|there['’]s)\s+(?:some\s+|growing\s+|good\s+|strong\s+|increasing\s+)?evidence\s+that\b/iu,
  /\b(?:findings|results)\s+(?:have|has)\s+been\s+(?:replicated|confirmed|reproduced)\b/iu,
  /\b(?:has|have)\s+(?:also\s+|both\s+)?been\s+(?:shown|proven|demonstrated|found)\s+to\b/iu,
  // An appeal to expert consensus: "Experts agree that …", "scientists now say", "there is a consensus".
  /\b(?:experts|scientists)\s+(?:now\s+|generally\s+|widely\s+)?(?:agree|say|believe|concur)\b|\bthere\s+is\s+(?:a\s+|broad\s+|scientific\s+|a\s+scientific\s+)?consensus\b/iu,
  // Chinese: "研究表明", "新兴研究也表明", "一项研究", "临床试验", "研究人员发现". (Not a trial as a
  // place, a centre or a stage, "临床试验场", "临床试验中心", "临床试验阶段", nor taking part in one.)
  /研究(?!所|院)[^，,。；]{0,2}?(?:表明|显示|顯示|發現|发现|证实|證實|证明|證明|指出)|一项研究|一項研究|(?<!参加|參加|参与|參與)(?:临床试验|臨床試驗)(?![场場]|中心|机构|機構|基地|阶段|階段|登记|登記|注册|註冊)|研究人员发现|研究人員發現|调查显示|調查顯示/u,
  // "科学家们发现", "醫學專家們發現", "学者指出": scientists or experts as the only source.
  /(?:科学家|科學家|专家|專家|学者|學者)(?:们|們)?[^，,。；]{0,2}?(?:发现|發現|证实|證實|表明|指出)/u,
  // "已被广泛证明可以…", "已被證實": the Chinese "has been shown to".
  /已(?:经|經)?被(?:广泛|廣泛|反复|反覆|多次)?(?:证明|證明|证实|證實)/u,
  // "一些报告中显示", "数据表明": reports or data as the only source.
  /(?:报告|報告|数据|數據)[^，,。；]{0,2}?(?:显示|顯示|表明)/u,
  // "越来越多的证据表明", "得到诸多科学证据证实", "已经被很多研究证明": evidence, or studies as the agent.
  /(?:证据|證據)[^，,。；]{0,2}?(?:表明|显示|顯示|证明|證明|证实|證實|支持)|被(?:[^，,。；]{0,4}?)(?:研究|试验|試驗)[^，,。；]{0,6}?(?:证明|證明|证实|證實)/u,
];

/**
 * A word every cue above contains, so a text without one holds no cue: "stud" (study,
 * studies, Study), "research" (researchers), "trial", "survey", "evidence", "experiment",
 * "analys" (analysis, meta-analyses), "review", "data", "scientist", "expert", "consensus", "investigator", "cohort", "been"
 * ("findings have been replicated", "has been shown to"), and the Chinese cues' words.
 * One pass of it is much cheaper than the cue list, and most sentences fail it. The flags
 * are the cues' `iu`, so it folds case exactly as they do ("ſtudy" reads as "study").
 * Keep it in step with CUES.
 */
const CUE_WORD =
  /stud|research|trial|survey|evidence|experiment|analys|review|data|statistic|scientist|expert|consensus|investigator|cohort|been|研究|临床试验|臨床試驗|调查显示|調查顯示|科学家|科學家|专家|專家|学者|學者|证明|證明|证实|證實|报告|報告|数据|數據|证据|證據|试验|試驗/iu;

/**
 * For each cue of CUES (same order), words one of which every match of it contains, in
 * lower case: a sentence whose lower-cased text holds none of them cannot match the cue,
 * which then is not run. Lower-casing is a sound test here because, of all characters,
 * only "ſ" (folding to "s") and the Kelvin sign (to "k") fold to ASCII letters under the
 * cues' `iu` flags; toLowerCase turns the Kelvin sign into "k", and a sentence holding "ſ"
 * runs every cue. Keep it in step with CUES.
 */
const CUE_GATES: string[][] = [
  ['stud', 'research', 'trial', 'survey', 'evidence', 'experiment', 'analys', 'review', 'data'],
  ['researchers', 'scientists', 'investigators'],
  ['study', 'trial', 'survey', 'experiment', 'analysis'],
  ['clinical'],
  ['study', 'trial', 'cohort'],
  ['according'],
  ['evidence'],
  ['replicated', 'confirmed', 'reproduced'],
  ['been'],
  ['experts', 'scientists', 'consensus'],
  ['研究', '临床试验', '臨床試驗', '调查显示', '調查顯示'],
  ['科学家', '科學家', '专家', '專家', '学者', '學者'],
  ['证明', '證明', '证实', '證實'],
  ['报告', '報告', '数据', '數據'],
  ['证据', '證據', '研究', '试验', '試驗'],
];

/** Words that make a cue a negation, a hedge about missing research, or a condition ("unless research has shown …"). */
// ("… are not yet convinced that enough evidence exists to prove …": a lack, the negation further
// off; "no form of treatment has been shown to …": three words between.)
const NEGATED =
  /\b(?:no|few|little|not|none|lack\s+of|without|until|unless|if|whether|future|need(?:\s+for)?)\s+(?:\w+\s+){0,3}$|\b(?:not|n['’]t)\s+(?:\w+\s+){0,4}(?:enough|sufficient|adequate)\s+$/iu;
/** The Chinese of it: "尚无研究证实", "没有科学家发现", "缺乏临床试验"; a lack may stand further off ("仍缺乏可靠的大规模临床证据"). */
const NEGATED_ZH = /(?:尚未|并无|並無|未有|(?:无|無)(?!论|論))[^，,。；]{0,3}$|(?:没有|沒有|尚无|尚無|缺乏)[^，,。；]{0,12}$/u;
/** A Chinese call for research: "仍需更多研究证实", "有待进一步研究证明", "还需要进行更大规模的临床试验". */
const HEDGED_ZH = /(?:需要|需|有待|尚待|更多|进一步|進一步)[^，,。；]{0,3}$|(?:需要|需|有待|尚待)(?:进行|進行|开展|開展)[^，,。；]{0,24}$/u;
/** Words inside a cue that turn it into a call for research rather than a finding. */
const HEDGED = /\b(?:needed|required|necessary|yet\s+to|should|will|would|could)\b/iu;
/** A clinical trial the reader may join, or people took part in, not one that found something. */
const TRIAL_TO_JOIN =
  /\b(?:join(?:s|ed|ing)?|enrol(?:l)?(?:s|ing|ed)?\s+in|(?:tak(?:e|es|ing)|took)\s+part\s+in|participat(?:e|es|ed|ing)\s+in|sign(?:ing)?\s+up\s+for|whether\s+any|find\s+a|search\s+for)\b[^.]{0,40}clinical\s+trials?|clinical\s+trials?\s+(?:are|is)\s+(?:recruiting|enrolling|looking\s+for|open)/iu;

/**
 * A rule about how trials should be run, not a finding of one: "Clinical trials of doses
 * above the limit should not be discouraged …", "… may be appropriate within clinical trials".
 */
const NORMATIVE = /\b(?:should|must|ought\s+to|may\s+be\s+(?:appropriate|acceptable|justified|warranted|considered))\b/iu;
/**
 * Advice on what to buy or pick whose object is "proven" ("在购买时，应选择已经被证明有效的产品",
 * "choose a product that has been shown to …"): a criterion for the reader, not a finding.
 */
const CHOICE_BEFORE =
  /(?:选择|選擇|选购|選購|挑选|挑選|购买|購買|选用|選用)[^，,。；]{0,6}$|\b(?:choose|pick|select|look\s+for|buy|purchase|opt\s+for)\s+(?:[\w-]+\s+){0,4}(?:that|which)\s+$/iu;
/** "the data", "these data": data the text has already brought in, pointed back at. */
const DATA_POINTED_BACK = /\b(?:the|these|those)\s+$/iu;

/** Sentences about the article rather than about the research. */
const META = new RegExp(
  [
    "\\b(?:let['’]s|we['’]ll|we\\s+will|we\\s+won['’]?t|take\\s+a\\s+look|look\\s+at\\s+(?:some|the)|read(?:ing)?\\s+(?:these|the)\\s+studies)\\b",
    // "Here is what the studies do and do not show."
    "\\bhere(?:['’]s|\\s+is|\\s+are)\\s+(?:what|how)\\b",
    // "This review will examine the limitations of those data and suggest …": the text about itself.
    "\\b(?:this|our)\\s+(?:review|article|paper|post|guide|piece)\\s+(?:will|would|aims|examines|discusses|looks|explores|covers|summari[sz]es|describes)\\b",
    // "In this guide I will look at what medical research reveals …": the writer announcing the article.
    "\\bin\\s+(?:this|the\\s+following)\\s+(?:review|article|paper|post|guide|piece|section)\\s*,?\\s+(?:i|we)\\s+(?:will|['’]ll|want\\s+to|am\\s+going\\s+to|are\\s+going\\s+to)\\b",
    // "… help support our research so we can help you find the best products": the site's own work.
    "\\b(?:our|my)\\s+(?:own\\s+)?(?:research|testing|tests|team)\\b",
    // "The results of our meta-analysis demonstrate …": the authors' own work, reported in their paper.
    "\\bour\\s+(?:own\\s+)?(?:study|trial|(?:meta-)?analysis|systematic\\s+review|review|findings|results|data)\\b",
    // "We do the research so you can find trusted products": the site's own work, told as a verb.
    "\\b(?:we|i)\\s+(?:do|did|have\\s+done|'ve\\s+done|’ve\\s+done)\\s+(?:all\\s+)?(?:the\\s+)?research\\b",
    // "We reviewed the data and found …": the site's own check, not a study to cite.
    "\\bwe\\s+(?:have\\s+)?(?:reviewed|tested|analy[sz]ed|examined)\\b",
    // "The rationale for this study was …", "The present trial aimed …", "We hypothesized …": a paper about its own study.
    "\\b(?:aims?|objectives?|purposes?|rationale|goals?)\\s+(?:of|for)\\s+(?:this|the\\s+(?:present|current)|our)\\s+(?:study|trial|research|work|analysis)\\b",
    "\\b(?:this|the\\s+(?:present|current)|our)\\s+(?:study|trial)\\s+(?:aims?|aimed|seeks|sought|was\\s+designed|is\\s+designed)\\b",
    "\\bwe\\s+(?:hypothesi[sz]ed|aimed|sought|designed|conducted|recruited|enrolled|included|searched|screened|pooled|selected|identified)\\b",
    // "In this nonrandomized crossover study of 6 healthy adults, …": a paper's summary of its own
    // study, named by its design and its sample (a journal's key points).
    "^\\s*in\\s+this\\s+(?:[\\w-]+\\s+){1,5}?(?:study|trial|analysis|meta-analysis|review|evaluation)\\s+(?:of|including|involving|among)\\s+(?:(?:more\\s+than|nearly|approximately|about|over)\\s+)?\\d",
    // "Your data shows …": the reader's own figures.
    "\\b(?:your|my)\\s+(?:own\\s+)?(?:data|results|test\\s+results|lab\\s+results)\\b",
  ].join('|'),
  'iu',
);

/**
 * Whether `text` may hold a research-claim cue. False means no sentence of it can have
 * one, so a paragraph without a cue word needs no sentence split.
 */
export function mayHoldCue(text: string): boolean {
  return CUE_WORD.test(text);
}

/** A question in quotes inside a sentence: a reader's question is not a claim ('She asked, "Do studies show …?"'). */
const QUOTED_QUESTION = /["“„«「『‘'][^"“”«»「」『』‘’]*[?？]\s*["”»」』’']/gu;

/** The first research-claim cue of `sentence`, or undefined when it reports no research. */
export function researchCue(written: string): ClaimCue | undefined {
  if (!CUE_WORD.test(written)) return undefined;
  // Quoted questions are blanked out, keeping the indices of the rest.
  const sentence = written.replace(QUOTED_QUESTION, (q) => ' '.repeat(q.length));
  const t = sentence.trim();
  if (/[?？]$/u.test(t)) return undefined;
  if (META.test(t)) return undefined;
  const lower = sentence.toLowerCase();
  const gated = !lower.includes('ſ');
  let best: ClaimCue | undefined;
  for (let k = 0; k < CUES.length; k++) {
    if (gated && !containsAny(lower, CUE_GATES[k]!)) continue;
    const m = CUES[k]!.exec(sentence);
    if (!m) continue;
    // (Read past a broken conversion's pinyin: "沒(méi)有一項研究表明" is "沒有一項研究表明".)
    const raw = sentence.slice(Math.max(0, m.index - 40), m.index);
    const before = withoutPinyin(raw)?.text ?? raw;
    if (NEGATED.test(before) || NEGATED_ZH.test(before) || HEDGED_ZH.test(before)) continue;
    // "More research is needed to confirm", "Studies have yet to show": a call for research.
    if (HEDGED.test(m[0])) continue;
    // "before joining a clinical trial", "trials are recruiting": a trial to take part in.
    if (CUES[k] === CLINICAL_TRIAL && (TRIAL_TO_JOIN.test(sentence) || NORMATIVE.test(sentence))) continue;
    // "[if] the data reveal that …": the data of the text's own case, not a study to cite.
    if (/^data\b/iu.test(m[0]) && DATA_POINTED_BACK.test(before)) continue;
    // "应选择已经被证明有效的产品", "choose a brand that has been shown to …": what to buy, not a finding.
    if (CHOICE_BEFORE.test(before)) continue;
    if (!best || m.index < best.start) best = { text: m[0], start: m.index, end: m.index + m[0].length };
  }
  return best;
}

function containsAny(text: string, words: string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/** A paragraph's last sentence ended: a lede, not a breadcrumb or a source line. */
export const SENTENCE_END = /[.!?。！？]["'”’)）]*\s*$/u;

/** A paragraph that opens by pointing back at what the previous one described. */
const OPENS_WITH_BACK_REFERENCE =
  /^(?:(?:this|these|that|those|they|their|it|its)\b|the\s+(?:participants|researchers|group|study|trial|results|findings|(?:meta-)?analysis|review)\b|该|這|这|此|他们|他們|它)/iu;
/** A sentence about a study the previous paragraph described ("this study", "the researchers"). */
const REFERS_BACK =
  /\b(?:this|that|the\s+same|the\s+above|the\s+aforementioned)\s+(?:[\w-]+\s+)?(?:study|trial|experiment|research)\b|\bthe\s+(?:study|trial)(?:['’]s)?\s+(?:results|findings)\b|\b(?:these|the)\s+researchers\b|\baccording\s+to\s+the\s+(?:new\s+)?(?:analysis|meta-analysis|review|report|paper)\b|\bfor\s+the\s+(?:study|trial|analysis|research|survey)\b|这项研究|這項研究|该研究|該研究|此研究|其中一项研究|其中一項研究|研究小组|研究小組|研究团队|研究團隊/iu;

/**
 * A sentence whose subject is a study already spoken of ("This study showed …", "That trial
 * also found …", "该研究…"), or that opens in one named as such ("In that study, …", "In
 * this previous study, …"). "In this study, researchers gave …" is not one: a page introduces
 * a study so, pointing at a link the copy may have lost.
 */
const OPENS_ON_STUDY_BEFORE =
  /^\s*(?:(?:this|that|the\s+same|the\s+above|the\s+aforementioned)\s+(?:[\w-]+\s+)?(?:study|trial|experiment|research)\b|in\s+(?:that|the\s+same|the\s+above|the\s+aforementioned|this\s+(?:previous|earlier|same|former|latter|original|follow-up))\s+(?:[\w-]+\s+)?(?:study|trial|experiment|research)\b|(?:这项研究|這項研究|该研究|該研究|此研究))/iu;

/** Whether `sentence` opens on a study spoken of before it, as its subject. */
export function opensOnStudyBefore(sentence: string): boolean {
  return OPENS_ON_STUDY_BEFORE.test(sentence);
}

/** Whether `text` (a paragraph) opens by referring back to the one before it. */
export function opensWithBackReference(text: string): boolean {
  return OPENS_WITH_BACK_REFERENCE.test(text.trimStart());
}

/** Whether `sentence` speaks of a study described earlier. */
export function refersBack(sentence: string): boolean {
  return REFERS_BACK.test(sentence);
}

/**
 * A sentence that goes on about the study just described ("The researchers found …",
 * "The study participants reported …", "They also observed …", "该研究…"): one claim
 * with the sentence before it, not a second one.
 */
const FOLLOW_UP =
  /^\s*(?:(?:the|these|those|this|that)\s+(?:study\s+|trial\s+)?(?:researchers|investigators|scientists|authors|participants|volunteers|subjects|study|trial|results|findings|team|group)\b|(?:they|it)\s+(?:also\s+)?(?:found|observed|reported|noted|saw|showed|concluded|measured)\b|(?:该研究|這項研究|这项研究|研究人员|研究人員|他们|他們))/iu;

/**
 * A sentence that brings in a study of its own ("In a 1998 study, …", "Another trial …",
 * "A 2017 review …"): a source named elsewhere in its paragraph is another study's, not its.
 */
const NEW_STUDY =
  /^\s*(?:in\s+)?(?:a|an|another|one|a\s+later|an\s+earlier|a\s+second)\s+(?:\d{4}\s+)?(?:(?:small|large|recent|later|earlier|older|newer|randomi[sz]ed|controlled|clinical|pilot|observational|swedish|british|american|chinese|japanese|us|uk)\s+)*(?:study|trial|review|meta-analysis|analysis|experiment|survey|cohort)\b/iu;

/** Whether `sentence` opens with a study of its own rather than the one its paragraph named. */
export function introducesStudy(sentence: string): boolean {
  return NEW_STUDY.test(sentence);
}

/** Whether `sentence` continues about the study the sentence before it described. */
export function followsUp(sentence: string): boolean {
  return FOLLOW_UP.test(sentence);
}

/** Headings of a section that sums up the article ("Key Takeaways", "The Bottom Line", "要点"). */
const SUMMARY_HEADING =
  /^\s*(?:the\s+)?(?:key\s+takeaways?|takeaways?|summary|in\s+summary|bottom\s+line|key\s+(?:points|concepts|messages|facts)|main\s+points|at\s+a\s+glance|in\s+short|in\s+brief|in\s+a\s+nutshell|tl;?\s?dr|highlights|要点|要點|总结|總結|小结|小結|重点|重點)\b/iu;

/** Whether a heading opens a summary of the article (its claims restate the cited body). */
export function isSummaryHeading(text: string): boolean {
  return SUMMARY_HEADING.test(text);
}

// A journal article's abstract: its heading alone ("Abstract", "摘要", "【摘要】"), or a
// paragraph opened by the label ("Abstract: …", "摘要：…").
const ABSTRACT_HEADING = /^\s*[【\[]?\s*(?:abstract|摘\s*要|内容摘要|內容摘要)\s*[】\]]?\s*[:：]?\s*$/iu;
const ABSTRACT_LABEL = /^\s*[【\[]?\s*(?:abstract|摘\s*要)\s*(?:[】\]]\s*[:：]?|[:：])/iu;

/**
 * Whether a heading opens an article's abstract, or a paragraph is one: an abstract sums up
 * the paper that follows and cites nothing by the conventions of journals, so its claims
 * are not uncited.
 */
export function isAbstractHeading(text: string): boolean {
  return ABSTRACT_HEADING.test(text);
}

/**
 * A source named by its number in the text's own list, with no brackets: "the study 1 suggests",
 * "as the trials 2, 3 found". Not a figure of the study itself: "a study 12 weeks long", "a
 * trial 40 adults joined".
 */
const NUMBERED_SOURCE =
  /\b(?:stud(?:y|ies)|trials?|(?:systematic\s+|literature\s+)?reviews?|(?:meta-)?analys[ie]s|guidelines?)\s+\d{1,3}(?:\s*[,–-]\s*\d{1,3})*(?=\s*(?:[.;:,)]|$)|\s+(?:also\s+)?(?:suggest(?:s|ed)?|show(?:s|ed)?|f(?:ou|i)nds?|found|note[sd]?|report(?:s|ed)|conclude[sd]?|indicate[sd]?|demonstrate[sd]?|recommend(?:s|ed)?|state[sd]?)\b)/iu;

/** Whether a sentence cites its source by the number of a list entry, unbracketed ("the study 1 suggests"). */
export function citesByNumber(sentence: string): boolean {
  return NUMBERED_SOURCE.test(sentence);
}

/**
 * A sentence that ends on a bare number after a word: "… stayed stable over their shelf life 4."
 * A page whose superscript citations lost their markup reads so. Not after a word that takes
 * a number ("stage 4", "type 2", "omega 3", "aged 4", "more than 4", "on day 4").
 */
const TRAILING_NUMBER = /(?<![\p{L}\p{N}])(\p{Ll}{3,})\s(\d{1,3})[.!]?["'”’)]*\s*$/u;
const TAKES_NUMBER = new Set(
  'aged age ages stage stages type types grade grades level levels phase phases step steps day days week weeks month months year years page pages table tables figure figures chapter chapters number version class size group groups arm arms visit visits dose doses omega vitamin than and the for from with about around over under above below least most nearly roughly approximately only just top rank score scale ratio count total sum'.split(' '),
);

/**
 * Whether a sentence ends on the bare number of an entry of the draft's numbered list (`numbers`):
 * a superscript citation flattened to a plain digit after its last word. Only a number the list
 * holds counts, so a draft without a list, or a figure past its end, is not read as cited.
 */
export function endsOnEntryNumber(sentence: string, numbers: ReadonlySet<number>): boolean {
  const m = TRAILING_NUMBER.exec(sentence);
  return m !== null && !TAKES_NUMBER.has(m[1]!) && numbers.has(Number(m[2]));
}

/** The sections of a structured abstract ("Objectives", "Methods", "Results", "Conclusions", 结论). */
const SECTION_WORD =
  'background|objectives?|aims?|purpose|design|settings?|participants|patients|subjects|interventions?|measurements?|main\\s+outcome\\s+measures?|outcomes?|materials|methods?|results?|findings|interpretation|conclusions?|overview';
// One section or two joined ("Background and Aim", "Materials and Methods").
const ABSTRACT_SECTION = new RegExp(`^\\s*(?:(?:${SECTION_WORD})(?:\\s+(?:and|&)\\s+(?:${SECTION_WORD}))?|目的|方法|结果|結果|结论|結論|背景)\\s*[:：]?\\s*$`, 'iu');
/** A structured abstract's section label inside a paragraph: "… prospects. Methods: Using public libraries …". */
// (Or glued to its first word where a page lost the break: "BackgroundFemale pattern …", ".ObjectiveSome studies …", "Methods429 women …".)
const INLINE_SECTION =
  /(?:^|\s|(?<=[.。]))(Background|Objectives?|Aims?|Purpose|Design|Methods?|Results?|Findings|Conclusions?|BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|DESIGN|METHODS?|RESULTS?|FINDINGS|CONCLUSIONS?)(?:\s*:\s+(?=\p{Lu})|(?=\p{Lu}\p{Ll}|\d))/gu;

/** Whether a heading is a section of a structured abstract, which goes on with the abstract it stands in. */
export function isAbstractSection(text: string): boolean {
  return ABSTRACT_SECTION.test(text);
}

/** A heading that opens the paper's body or its apparatus after the abstract: "Introduction", "1. Introduction", "Keywords", "References", 引言. */
const AFTER_ABSTRACT = /^\s*(?:\d+\.?\s*)?(?:introduction|main\s+text|key\s*words|references|引言|前言|关键词|關鍵詞|参考文献|參考文獻)\b/iu;

/** Whether a heading ends an abstract whatever stands before it. */
export function endsAbstract(text: string): boolean {
  return AFTER_ABSTRACT.test(text);
}

/**
 * Whether a paragraph is (part of) an abstract: opened by its label, or holding two sections
 * of a structured one ("… Methods: … Results: …") where a page lost the abstract's breaks.
 */
export function isAbstractParagraph(text: string): boolean {
  if (ABSTRACT_LABEL.test(text)) return true;
  let first: string | undefined;
  for (const m of text.matchAll(INLINE_SECTION)) {
    const label = m[1]!.toLowerCase().replace(/s$/u, '');
    if (first === undefined) first = label;
    else if (label !== first) return true;
  }
  return false;
}

/** How far above a paragraph its source's citation may stand, and how long the lines between (a disclosure, a note) may be. */
const CITED_ABOVE = 3;
const SHORT_LINE = 200;

/**
 * Whether the paragraph at `index` sums up a paper cited right above it: a page that quotes an
 * abstract under its reference, or an article's own abstract under its journal line, with at
 * most a few short lines between (an author's note, a disclosure). Its claims are that
 * paper's, and the citation is there.
 */
/** A line that names a source in brackets with its year and introduces a quotation of it: "… Bones and Joints (Environmental Health Perspectives, 1994):". */
const QUOTED_SOURCE_LABEL = /\([^()]{3,80}[,\s](?:19|20)\d{2}\)\s*[:：]\s*$/u;

export function underItsCitation(blocks: readonly Block[], index: number): boolean {
  for (let j = index - 1; j >= 0 && j >= index - CITED_ABOVE; j--) {
    const b = blocks[j]!;
    if (b.text.length > SHORT_LINE) return false;
    // (A plain-text draft's short journal line may read as a heading.)
    if (JOURNAL_CITATION.test(b.text) || QUOTED_SOURCE_LABEL.test(b.text)) return true;
    if (b.kind === 'heading') return false;
  }
  return false;
}
