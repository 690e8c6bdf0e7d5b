/**
 * The words dose extraction reads around a figure, in English and Chinese: periods,
 * populations, the cues that tell a limit from a recommendation or a study report, where
 * the intake comes from (food or supplements), and referrals to a doctor.
 */
import { withoutPinyin } from '../lang/pinyin.js';

/**
 * How often a figure is taken; `dose` is one intake ("at a time", 每次), not a daily total;
 * `course` the total over a whole span ("over the whole pregnancy", 整个孕期), no rate at all.
 */
/**
 * How often a figure is taken. `interval`: one dose at intervals of weeks or months ("every
 * six months", 每半年): no daily rate, held neither to a daily limit nor to the plausible range.
 */
export type DosePeriod = 'day' | 'night' | 'week' | 'month' | 'year' | 'dose' | 'course' | 'interval';
export type Population = 'women' | 'men' | 'adults' | 'older adults' | 'children';
/**
 * What a figure is, read from its clause and sentence (see `roles.ts` for which rule judges
 * which role):
 * - `advice`: an amount the article tells readers to take ("we recommend", "aim for",
 *   "perhaps 400 mg/d", 建议, 每天服用);
 * - `report`: an amount a study, trial or case gave or found ("participants received",
 *   受试者, "toxicity in people taking 40,000 IU");
 * - `regimen`: an amount given under medical supervision (loading doses, prescriptions,
 *   医生指导下);
 * - `limit`: an upper limit the article states ("the UL is", "should not exceed", 不超过),
 *   or a threshold of harm ("intakes above 2,000 mg may interfere with …", 超过…可能导致);
 * - `content`: what a body, a food or a product holds ("oysters provide 32 mg per serving",
 *   "one capsule contains", 每片含);
 * - `laboratory`: a concentration in blood or serum ("ferritin below 15 µg/L", 15微克/升);
 * - `intake`: an intake from the diet or from all sources, recommended or observed (RDA,
 *   "from all sources", 膳食摄入);
 * - `amount`: a figure nothing qualifies (a table cell, a bare figure without a period).
 */
export type DoseRole = 'advice' | 'report' | 'regimen' | 'limit' | 'harm' | 'content' | 'laboratory' | 'intake' | 'amount';
/** Where the amount is taken from, as far as the sentence says. */
export type IntakeSource = 'diet' | 'supplement' | 'all' | 'unspecified';

export interface Cue<T> {
  re: RegExp;
  value: T;
  strong: boolean;
}

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
  strong: boolean;
}

/** The lookbehind that opens a whole-word cue: no letter or digit right before it. */
const WORD_START = String.raw`(?<![\p{L}\p{N}])`;

/**
 * How `scan` searches a cue: `body` is the cue itself, or for a whole-word cue the cue
 * without its opening lookbehind, with `start` the lookbehind alone, sticky (`lastIndex = i;
 * test(s)` tells whether it holds at i). Both are private to `scan`, so a cue's own
 * `lastIndex` is never touched.
 */
interface Search {
  body: RegExp;
  start?: RegExp;
}

const searches = new WeakMap<RegExp, Search>();

function searchOf(re: RegExp): Search {
  let search = searches.get(re);
  if (!search) {
    if (!re.global) throw new TypeError(`a cue must be a global RegExp: ${re}`);
    searches.set(re, (search = { body: new RegExp(re.source, re.flags) }));
  }
  return search;
}

/**
 * A whole-word cue `(?<![\p{L}\p{N}])(?:source)tail`. V8 tries a pattern that opens with a
 * lookbehind at every position of the text, but skips quickly through the text to where a
 * pattern that opens with its words could start; so `scan` searches for the body and checks
 * the lookbehind (same pattern, same flags) only where the body matches. The lookbehind
 * depends on the position alone and stands in front of the whole `(?:source)` group, so the
 * two steps find exactly the matches of the whole cue.
 */
function wordCue(source: string, tail: string, flags: string): RegExp {
  const re = new RegExp(`${WORD_START}(?:${source})${tail}`, `g${flags}`);
  searches.set(re, { body: new RegExp(`(?:${source})${tail}`, `g${flags}`), start: new RegExp(WORD_START, `y${flags}`) });
  return re;
}

/** English words: case-insensitive, standing as whole words (not inside "day-to-day"). */
const en = (source: string): RegExp => wordCue(source, String.raw`(?![\p{L}\p{N}-])`, 'iu');
/** Case-sensitive abbreviations (UL, RDA) as whole words. */
const abbr = (source: string): RegExp => wordCue(source, String.raw`(?![\p{L}\p{N}])`, 'u');
/** Chinese words: no word boundaries to look for. */
const zh = (source: string): RegExp => new RegExp(source, 'gu');

const cue = <T>(re: RegExp, value: T, strong = true): Cue<T> => ({ re, value, strong });

/** One dose every few days, weeks or months, in Chinese: "每半年", "每3个月", "每隔两周", "每4天". */
const INTERVAL_ZH = '每(?:隔)?(?:[2-9两三四五六八]|十二)(?:个)?月|每半年|每(?:隔)?[2-9两三四](?:个)?(?:周|星期)|每(?:隔)?[2-7两三四五六七]天';

/** A gain a dose leads to: "a reduction in LDL", "an improvement in", "lower blood pressure", "better sleep". */
const BENEFIT = String.raw`\s+(?:an?\s+)?(?:(?:significant|modest|small|marked|substantial|meaningful|clear)\s+)?(?:reductions?|decreases?|drops?|falls?|improvements?|improved|better|lower(?:ed)?|relief|benefits?|gains?|rises?\s+in\s+HDL|increases?\s+in\s+HDL)\b`;

export const PERIODS: Cue<DosePeriod>[] = [
  cue(en(String.raw`(?:per|a|each|every)\s+day|daily|once\s+a\s+day|per\s+diem|(?:each|every)\s+morning|with\s+breakfast`), 'day'),
  cue(new RegExp(String.raw`/\s*(?:day|d)(?![\p{L}])`, 'giu'), 'day'),
  cue(zh('每天|每日|每一天|一日|/天|/日|每早'), 'day'),
  cue(en(String.raw`(?:per|a|each|every)\s+night|nightly|at\s+night|at\s+bedtime|before\s+(?:going\s+to\s+)?(?:bed|bedtime|sleep|sleeping)`), 'night'),
  cue(zh('每晚|每夜|睡前|睡觉前|临睡前'), 'night'),
  cue(en(String.raw`(?:per|a|each|every)\s+week|weekly|once\s+a\s+week`), 'week'),
  cue(new RegExp(String.raw`/\s*(?:week|wk)(?![\p{L}])`, 'giu'), 'week'),
  cue(zh('每周|每星期|每礼拜|/周'), 'week'),
  cue(en(String.raw`(?:per|a|each|every)\s+month|monthly`), 'month'),
  cue(zh('每月|每个月'), 'month'),
  cue(en(String.raw`(?:per|a|each|every)\s+year|yearly|annually|per\s+annum`), 'year'),
  cue(zh('每年|每一年'), 'year'),
  // "60 mg three times a day", "每日3次": the figure is one of several intakes of the day, not the day's total.
  cue(en(String.raw`(?:twice|(?:two|three|four|2|3|4)\s+times)\s+(?:a|per|each|every)\s+day|(?:two|three|four|2|3|4)\s+times\s+daily|twice\s+daily`), 'dose'),
  cue(zh('(?:每日|每天|一日|1日|日)\\s*[2-4二三四两]\\s*次'), 'dose'),
  cue(en(String.raw`at\s+(?:a|one|any\s+one)\s+time|per\s+dose|each\s+dose|in\s+(?:a\s+)?single\s+dose|at\s+once|in\s+one\s+go|per\s+serving`), 'dose'),
  // (Not the 一次 of a dose at long intervals: "每半年服用一次".)
  cue(zh(`每次|(?<![天日周晚])(?<!(?:${INTERVAL_ZH})[^，。,；]{0,4})一次(?!性)|单次`), 'dose'),
  // One dose at intervals of days, weeks or months: "every six months", "every 4–6 weeks", "每半年", "每4天".
  cue(
    en(
      String.raw`every\s+(?:other|second)\s+(?:day|week|month)|every\s+(?:two|three|four|five|six|seven|eight|twelve|few|several|\d{1,2})(?:\s*(?:-|–|to)\s*(?:\d{1,2}|three|four|six|eight|twelve))?\s+(?:days|weeks|months)|at\s+intervals\s+of\s+(?:\d{1,2}|two|three|four|six|twelve)(?:\s*(?:-|–|to)\s*\d{1,2})?\s+(?:weeks|months)`,
    ),
    'interval',
  ),
  cue(zh(INTERVAL_ZH), 'interval'),
  // A total over a whole span: "about 1,000 mg over the whole pregnancy", "整个孕期约需铁1000毫克".
  // ("In total" and 共需 are not among them: "600 mg in total each day" is a day's total.)
  cue(en(String.raw`(?:over|during|across|throughout)\s+(?:the\s+|a\s+)?(?:whole|entire|full)\s+(?:pregnancy|course(?:\s+of\s+treatment)?|treatment)|(?:per|for\s+the\s+whole)\s+(?:pregnancy|course)`), 'course'),
  cue(zh('整个(?:孕期|妊娠期?|疗程|治疗期)|全孕期|孕期(?:总共|共计|累计|总计)|(?:一个|每个|整个)疗程'), 'course'),
];

export const POPULATIONS: Cue<Population>[] = [
  cue(
    en(
      String.raw`older\s+(?:adults|people|persons|individuals|men|women)|elderly(?:\s+(?:adults|people|persons|patients|men|women))?|the\s+elderly|seniors|adults\s+(?:over|aged|older\s+than)\s+(?:50|51|60|65|70|71)\+?`,
    ),
    'older adults',
  ),
  cue(zh(String.raw`老年人|老年|老人|长者|(?<!\d)(?:5|6|7|8)\d\s*岁(?:及)?以上`), 'older adults'),
  cue(en(String.raw`children|child|kids|infants|toddlers|adolescents|teens|teenagers|babies|baby|newborns?|(?<!\d)\d+\s*(?:-|–|to)\s*\d+\s*months|(?:under|below)\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,2}\b|(?:under|below)\s+\d{1,2}\s+years|ages?\s+(?:[1-9]|1[0-3])\s*(?:-|–|to)\s*(?:[1-9]|1[0-3])\b|(?<!\d)(?:[1-9]|1[0-3])\s*(?:-|–|to)\s*(?:[1-9]|1[0-3])[-\s]years?[-\s]olds?`), 'children'),
  // (An age in months, 0–12个月, and 患儿, a child patient, are children too.)
  // (An age opens where its digits do, `(?<!\d)`: tried inside a long run of digits, `\d+`
  // would run to its end and back at every digit, and the leftmost match opens there anyway.)
  cue(zh(String.raw`儿童|孩子|小孩|青少年|婴儿|婴幼儿|幼儿|新生儿|宝宝|患儿|(?<!\d)\d+\s*[-–~～至到]\s*\d+\s*(?:个)?月(?:龄)?|(?<!\d)\d+\s*岁以下|(?<!\d)(?:[1-9]|1[0-3])\s*[-–~～至到]\s*(?:[1-9]|1[0-3])\s*岁`), 'children'),
  cue(en(String.raw`adult\s+women|women|woman|females?`), 'women'),
  cue(zh('成人女性|成年女性|女性|妇女|女人'), 'women'),
  cue(en(String.raw`adult\s+men|men|man|males?`), 'men'),
  cue(zh('成人男性|成年男性|男性|男人'), 'men'),
  cue(en('adults?|grown-ups'), 'adults'),
  cue(zh('成年人|成人'), 'adults'),
];

/**
 * The age band of a children's figure, read from its sentence: babies ("preterm infants",
 * "birthweight <2 kg", "6 to 12 months of age", 新生儿) or older children ("Children ≥12 years
 * and Adolescents", 青少年). Limits and advice for the two are different things (a neonate's
 * maximum of 15 mg of iron says nothing of a teenager's dose); a sentence naming both, or
 * neither, has no band.
 */
export type ChildBand = 'infants' | 'older children';
const INFANT_BAND =
  /\b(?:infants?|babies|baby|newborns?|neonates?|neonatal|preterm|premature|birth\s*weight|\d+\s*(?:-|–|to)\s*\d+\s*months|(?:weeks|months)\s+of\s+(?:age|life))\b|婴儿|嬰兒|新生儿|新生兒|早产|早產|月龄|月齡|(?<!\d)\d+\s*(?:个|個)?月(?:大|以下|以内|以內)/iu;
const OLDER_CHILD_BAND = /\b(?:adolescents?|teens?|teenagers?)\b|(?:≥|>|over\s+|aged\s+)\s*1[0-8]\s*(?:years|yrs|y)\b|\b1[0-8]\s*(?:-|–|to)\s*1[0-9]\s*years|青少年|(?<!\d)1[0-8]\s*岁(?:以上|及以上)/iu;

/** The age band `sentence` gives a children's figure, when it names one band only. */
export function childBand(sentence: string): ChildBand | undefined {
  const infants = INFANT_BAND.test(sentence);
  const older = OLDER_CHILD_BAND.test(sentence);
  return infants === older ? undefined : infants ? 'infants' : 'older children';
}

/**
 * A titration schedule: a dose raised step by step ("increase the dose by 250 mg", "dose
 * increases", "titrate", 初始用小剂量，数日后增加) is drug therapy under a prescriber, not a
 * supplement routine; a section that holds one is read as a regimen (see `extractDoses`).
 */
const TITRATION_EN = String.raw`titrat(?:e|ed|es|ing)\s+(?:the\s+|your\s+|each\s+)?(?:dose|dosage)s?|dose\s+titration|(?:increase|raise|step\s+up)\s+(?:the\s+|your\s+|each\s+)?(?:dose|dosage)s?(?:\s+(?:by|gradually|slowly))?|dose\s+(?:increases|increments|escalation)|start\s+low\s+and\s+go\s+slow`;
const TITRATION_ZH = '(?:逐渐|逐步|缓慢|数日后|几天后|[0-9一二两三]+周后)(?:增加|加量|增量|递增)|初始(?:用)?小剂量|从小剂量开始|小剂量开始';
export const TITRATION: RegExp = new RegExp(`(?<![\\p{L}\\p{N}])(?:${TITRATION_EN})(?![\\p{L}\\p{N}-])|${TITRATION_ZH}`, 'iu');

/**
 * Role cues. A strong cue names the role outright ("participants received", "upper limit",
 * 建议); a weak one only leans (take, study, dose, about). `roles.ts` weighs them, clause
 * first. Of overlapping cues `scan` keeps the longest ("should not exceed" over "should").
 */
/** Chinese words of comparison: bare, an amount reached; negated, a limit (see ROLES). */
const COMPARATIVES = '超过|大于|高于|多于';

/** Words naming harm among the report cues ("toxicity", "overdose"). */
const HARM_WORDS = String.raw`(?:toxicity|toxic|overdoses?|poisoning)`;
/**
 * A worry about harm is no report of it: "folks worry about toxicity when they see 10,000 IU".
 * (A lookbehind after the words: one that opened the alternative would be tried at every position.)
 */
const UNWORRIED = String.raw`(?<!(?:worr(?:y|ies|ied|ying)|concerns?|concerned|fears?|afraid|anxious|nervous|panic)\s+(?:about|of|over)\s+(?:(?:the\s+)?(?:possible|potential|any)\s+)?${HARM_WORDS})`;

export const ROLES: Cue<DoseRole>[] = [
  // Limits the article states.
  cue(
    en(
      String.raw`upper\s+(?:intake\s+)?(?:limit|level)s?|tolerable\s+upper|(?:maximum|max)\s+(?:safe\s+|daily\s+|recommended\s+)?(?:dose|dosage|intake|amount|limit)|safe\s+(?:upper\s+)?limit|(?:do|does|should|must|shall)\s+(?:not|never)\s+(?:exceed|go\s+(?:above|over|beyond)|take\s+more\s+than)|(?:don['’]t|never|not\s+to)\s+(?:exceed|go\s+(?:above|over|beyond)|take\s+more\s+than)|(?:no|not)\s+more\s+than|limit\s+(?:your\s+)?(?:intake|supplements?|dose|yourself)\s+to|(?:keep|stay)\s+(?:[\p{L}-]+\s+){0,2}?(?:below|under)|capped\s+at|ceiling|(?:is|are)\s+(?:generally\s+|usually\s+)?(?:considered|regarded\s+as|deemed|thought\s+to\s+be)\s+safe`,
    ),
    'limit',
  ),
  // What a reader may end up taking without meaning to: "you could be getting as much as 180 mg".
  // A prohibition of an amount is no advice to take it: "don't take 50 mg a day unless your doctor says so".
  cue(en(String.raw`(?:do\s+not|don['’]t|never|should\s+not|shouldn['’]t|must\s+not)\s+(?:take|use|supplement(?:\s+with)?)`), 'limit'),
  cue(en(String.raw`(?:could|may|might|can)\s+(?:easily\s+)?(?:be\s+(?:getting|taking|consuming|ingesting)|end\s+up\s+(?:taking|getting|consuming|with))`), 'amount'),
  // (What a dose "can lead to" or "result in" is a harm unless it is a gain: "can lead to a
  // reduction in LDL", "may result in better sleep".)
  // Harm thresholds: "intakes above 2,000 mg may interfere with …", "600 mg can cause diarrhoea"; harm
  // named after its cause ("numbness can result from taking 300 mg") or as a risk the dose raises
  // ("taking 120 mg a day doubles the risk of …", "twice the risk"), or a marker of harm moved
  // the wrong way ("can significantly increase homocysteine", "can lower copper levels"). Not "an increased risk of",
  // which names a group at risk ("take 1,000 IU if you have an increased risk of deficiency").
  cue(
    en(
      String.raw`(?:intakes?|doses?|amounts?|levels?|exposures?)\s+(?:of\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+)?\(?\s*(?:above|over|exceeding|in\s+excess\s+of|(?:of\s+)?more\s+than|(?:greater|higher|larger)\s+than)|exposures?\s+(?:up\s+to|of)|(?:toxicity|toxic\s+effects|adverse\s+effects|side\s+effects|(?:signs?|symptoms?)\s+of\s+(?:overload|toxicity|excess|overdose|poisoning))\s+(?:(?:is|are)\s+)?(?:typically\s+|usually\s+|generally\s+|only\s+|mostly\s+)?(?:associated\s+with|seen\s+(?:with|at)|occurs?\s+(?:with|at|above)|appears?\s+(?:with|at|above))|adverse\s+effects?\s+(?:of|at|from)|(?:may|can|could|might|will|often|tends?\s+to)\s+(?:[a-z]+ly\s+)?(?:cause|interfere|(?:lead\s+to|result\s+in)(?!${BENEFIT})|trigger|increase\s+the\s+risk|be\s+harmful|be\s+toxic|be\s+dangerous|be\s+fatal|upset|harm|damage|irritate|bring\s+on|impair|inhibit|suppress|worsen|deplete|disrupt|affect|compromise|(?:raise|increase|elevate)\s+(?:blood\s+|plasma\s+|serum\s+|your\s+)?(?:homocysteine|liver\s+enzymes?|uric\s+acid)|(?:lower|reduce|deplete|decrease)\s+(?:blood\s+|plasma\s+|serum\s+|your\s+)?(?:copper|HDL))|(?:affects|impairs|inhibits|suppresses|depletes|interferes\s+with|induces)|(?:can|may|could|might|will)\s+(?:result|arise|stem)\s+from|(?:raises?|increases?|doubles?|triples?|heightens?)\s+(?:the\s+|your\s+|one['’]s\s+)?(?:risk|odds|chances?|likelihood)|(?:twice|double|triple|three\s+times)\s+the\s+(?:risk|odds|chances?|likelihood|tendency|rate)|(?:is|are|was|were)\s+(?:considered|regarded\s+as|known\s+to\s+be|thought\s+to\s+be)\s+(?:potentially\s+)?(?:harmful|toxic|dangerous|unsafe|hazardous)`,
    ),
    'harm',
  ),
  // A question whether an amount is too much or safe ("Is 50 mg of copper too much?", "50毫克的锌会中毒吗？")
  // asks about its harm; it advises nothing.
  cue(en(String.raw`too\s+much(?=\s*[?？])|(?:an?\s+)?(?:overdose|toxic|dangerous|unsafe|safe)(?=\s*[?？])`), 'harm'),
  cue(zh('(?:过量|过多|太多|中毒|安全|危险)(?:了)?吗(?=\\s*[?？])'), 'harm'),
  // The dose at which a harm shows: "该反应的剂量低于每天500毫克" (the reaction's dose), "中毒剂量".
  cue(zh('(?:不良反应|副作用|反应|中毒|损伤|损害)的?剂量'), 'harm'),
  // The excess named with its threshold in brackets: "维生素D过量(>4000 IU/日)，促使血钙上升".
  cue(zh('过量(?:摄入|摄取|服用|补充)?\\s*[（(]'), 'harm'),
  cue(zh('(?:可能|会|易|容易)(?:会)?(?:干扰|导致|引起|引发|造成|增加|诱发|影响|损害|抑制)|可(?:产生|造成|导致|引起|引发)|(?:出现|产生|引起|导致|带来)[^，。,；]{0,6}(?:副作用|不良反应)|致畸|中毒|致死|毒性'), 'harm'),
  // A bare comparison ("超过200毫克时，吸收率降到一半", "这份菜单已摄取多于17毫克") states an
  // amount reached: a threshold of harm when a harm follows it ("超过2000毫克可能干扰…", see
  // `roleOf`), a limit only when negated (不要超过, below).
  cue(zh(COMPARATIVES), 'amount'),
  // A figure the article talks about, not one it advises: "explains what 10,000 IU means",
  // "whether 50 mg is too much". (Weak, and not after "about": "talk to your doctor about whether
  // 4,000 IU is right" puts the figure to the doctor, see below.)
  cue(en(String.raw`(?<!about\s+)(?:what|whether)(?=\s+[0-9])`), 'amount', false),
  // A change of a need, a store or a level, not an amount taken: "the need is increased by about
  // 700 mg", "需要量增加约800毫克". What a body needs or holds over a time is its content: no
  // rule judges it (a pregnancy's 700–800 mg is no day's dose for the plausible range either),
  // and a version that changes it still differs. (A dose raised step by step is a titration:
  // see TITRATION.)
  cue(en(String.raw`(?:is|are|was|were|be|been)\s+(?:increased|raised|reduced|decreased|lowered)\s+by|(?:rises?|rose|grows?|grew|falls?|fell|drops?|dropped)\s+by`), 'content'),
  cue(zh('(?:需要量|需求量|储备量?|水平|含量)(?:会|将|可)?(?:增加|增多|升高|减少|下降|降低)了?'), 'content'),
  // A food's composition per 100 g ("海带(干)每100克含36毫克碘"): what the food holds.
  cue(zh('每\\s*100\\s*(?:克|g|毫升|ml)'), 'content'),
  cue(abbr('ULs?|TUIL'), 'limit'),
  cue(zh(`上限|最高摄入量|最大(?:摄入|摄取|服用|用|剂)?量|安全(?:水平|上限|剂量)|(?:是|为)安全的|可耐受最高(?:摄入量)?|安全上层|(?:不|切勿|勿|避免|切忌|别|严禁|禁止|以免)(?:要|应|应该|宜|可|能|得)?(?:${COMPARATIVES})|最多|最高`), 'limit'),
  // Reports of studies, trials, cases and harm.
  cue(
    en(
      String.raw`(?:were|was)\s+given|(?:were|was)\s+randomi[sz]ed|randomi[sz]ed|participants?\s+(?:were\s+given|received|took|consumed|taking)|(?:researchers|investigators|scientists|the\s+authors)\s+(?:gave|administered|used|provided|tested)|assigned\s+to\s+(?:receive|take|get)|(?:researchers|investigators|scientists|the\s+authors)\s+(?:have\s+|had\s+)?(?:found|showed|observed|reported|noted|concluded)\s+that|(?:trials?|stud(?:y|ies)|experiments?|(?:meta-)?analys[ie]s)\s+(?:that\s+|which\s+)?(?:gave|used|administered|provided|tested|compared)|stud(?:y|ies)\s.{0,80}?\sgave|received|gave|administered|(?:oral\s+|intravenous\s+)?administration\s+of|placebo|subjects|${HARM_WORDS}${UNWORRIED}|case\s+reports?|surveys?\s+(?:show|showed|shows|found|finds|suggests?)|(?:stud(?:y|ies)|trials?|research|reviews?|surveys?|(?:meta-)?analys[ie]s|experiments?)\s+(?:[a-z]+ly\s+)?(?:found|showed|reported|observed|concluded|demonstrated|estimated)|in\s+(?:a|one|another|the|this|that|their|other|some|several|many|these|those|two|three|four|five)\s+(?:\d{4}\s+)?(?:(?:small|large|recent|randomi[sz]ed|controlled|clinical|pilot|observational)\s+)*(?:stud(?:y|ies)|trials?|meta-analys[ie]s|analys[ie]s|systematic\s+reviews?|reviews?|experiments?|cohorts?)|(?:have|has|had)\s+been\s+(?:used|given|tested|studied|administered|reported|observed|documented|described|noted|linked|associated|taken|consumed|ingested|received)|had\s+been\s+(?:taking|using|consuming|ingesting|swallowing)|NOAEL|LOAEL|no[-\s]observed[-\s]adverse[-\s]effects?\s+level|(?:were|was)\s+(?:used|tested|studied|administered|reported|observed|documented|noted)`,
    ),
    'report',
  ),
  // What an intake did not do is a finding of the studies behind a limit, not advice: "intakes of 800 µg
  // did not cause adverse effects", "showed no adverse effects", "with no signs of toxicity".
  cue(
    en(
      String.raw`(?:do|does|did)\s+not\s+(?:cause|produce|lead\s+to|result\s+in)|none\s+of\s+the\s+(?:studies|trials|participants|patients|subjects|cases)\s+(?:had|showed|reported|found|developed)|(?:show|shows|showed|shown|found|produced?|with)\s+no\s+(?:(?:signs?|symptoms?)\s+(?:(?:or|and)\s+symptoms?\s+)?of\s+)?(?:adverse|side|toxic|harmful|ill)\s+effects?|without\s+(?:any\s+)?(?:adverse|toxic|harmful)\s+effects?|without\s+(?:causing|producing|showing)\s+(?:any\s+)?(?:apparent\s+|obvious\s+|noticeable\s+|visible\s+)?(?:harm|problems?|toxicity|adverse\s+effects?|side\s+effects?|ill\s+effects?)|no\s+(?:signs?|symptoms?)\s+(?:(?:or|and)\s+symptoms?\s+)?of\s+(?:toxicity|harm|overdose)`,
    ),
    'report',
  ),
  // What studies saw at an intake is their finding: "reported evidence of nerve damage at intakes
  // below 200 mg" (one cue over the intake's own word, so that the finding decides).
  cue(en(String.raw`evidence\s+of\s+(?:[\p{L}-]+\s+){0,5}?(?:at|with|from|in)\s+(?:daily\s+)?(?:intakes?|doses?|amounts?|levels?)`), 'report'),
  // The doses the trials used, told as such: "The daily dosage of magnesium supplements used ranged
  // from 240 mg to 960 mg", "the doses tested were …".
  cue(en(String.raw`(?:doses?|dosages?|amounts?)\s+(?:of\s+(?:[\p{L}-]+\s+){1,4}?)?(?:used|given|tested|studied|administered)\s+(?:in\s+(?:the\s+|these\s+|those\s+)?(?:trials?|studies|research)\s+)?(?:ranged|varied|were|was)\b`), 'report'),
  // A practice told in the passive or as unproven, not advised: "up to 10 g is sometimes taken
  // for unproven benefits". (Weak: it decides only its own clause. "Many people take 500 mg"
  // stays advice: it presents the amount as normal.)
  cue(
    en(
      String.raw`(?:is|are)\s+(?:sometimes|often|occasionally|commonly|widely|also)\s+(?:taken|used|consumed)\s+(?:for|to|by|as|in)|(?:unproven|unproved)\s+(?:health\s+)?(?:benefits?|claims?|uses?)`,
    ),
    'report',
    false,
  ),
  cue(zh('NOAEL|LOAEL|未观察到有害作用剂量|据此推算|推算出|研究中|研究人员|研究者|试验者|(?:研究|调查)(?:发现|显示|表明|证实|报告)|受试者|参与者|给予|(?:试验|研究)中?(?:使用|采用|给予)|(?:试验|实验)中|安慰剂|随机分[配组]|接受了|中毒|毒性|纳入|中位数|(?:有|亦有|也有)[^。；]{0,30}的?(?:报道|病例)'), 'report'),
  cue(en(String.raw`stud(?:y|ies)|trials?|research|researchers|participants|patients|took|found|showed|reported|observed|cohort`), 'report', false),
  // A product's own error, told as a case: "a manufacturing error, with a daily dose of 24,300 μg".
  cue(en(String.raw`manufacturing\s+errors?|mislabell?(?:ed|ing)|(?:labell?ed|sold)\s+as\s+(?:having|containing)`), 'report'),
  // The doses a pooled analysis spans: "the doses ranged from 10 to 40 mmol/day (median: 370 mg per day)".
  cue(en(String.raw`doses?\s+(?:of\s+[\p{L}-]+\s+)?(?:ranged|varied)\s+from|\bmedian\b`), 'report'),
  cue(zh('研究|试验|实验|发现|显示|报告|证据'), 'report', false),
  // A lack of evidence for a dose speaks of research, and advises nothing, whatever follows
  // ("尚无足够证据证明高剂量维生素C(>20g)可以治愈癌症", "there is no good evidence that 2 g a day helps").
  cue(zh('(?:尚无|没有|并无|缺乏|无)(?:足够|充分|充足|确切|可靠)?的?(?:科学)?证据'), 'report'),
  cue(en(String.raw`no\s+(?:good\s+|strong\s+|sufficient\s+|reliable\s+|convincing\s+|clear\s+)?evidence|not\s+enough\s+evidence|insufficient\s+evidence|lack\s+of\s+(?:good\s+)?evidence`), 'report'),
  // Regimens under medical supervision.
  cue(
    en(
      String.raw`loading\s+doses?|(?:under|with)\s+(?:close\s+|strict\s+|careful\s+)?(?:medical|a\s+doctor['’]s|your\s+doctor['’]s|a\s+physician['’]s|clinical)\s+(?:supervision|guidance|care|monitoring|direction)|under\s+(?:the\s+)?(?:close\s+|strict\s+|careful\s+|direct\s+)?(?:supervision|guidance|care|monitoring|direction)\s+of\s+(?:a|an|your|the)\s+(?:qualified\s+|licensed\s+)?(?:doctor|physician|clinician|(?:health\s*care|health-care|health|medical)\s+(?:professional|provider|practitioner)|specialist|pharmacist|dietitian)|medically\s+supervised|(?:doctors?|physicians?|clinicians?)\s+(?:may\s+|might\s+|often\s+|sometimes\s+|will\s+|can\s+|usually\s+|commonly\s+)?(?:prescribe|administer)|(?:your|a|the)\s+(?:doctor|physician|clinician|healthcare\s+provider|GP|midwife|obstetrician|specialist)\s+(?:may|might|can|could|will|would)\s+(?:recommend|suggest|advise|prescribe|give)|(?:you\s+)?(?:may|might|will|would|could)\s+be\s+(?:advised|told|asked|prescribed|given|offered)(?:\s+to\s+take)?|you['’](?:ll|d)\s+be\s+(?:advised|told|asked|prescribed|given|offered)(?:\s+to\s+take)?|(?:needs?|requires?)\s+a\s+prescription|(?:only\s+)?(?:available\s+)?(?:on|by)\s+prescription|prescri(?:bed|bes|be|ption)|therapeutic\s+doses?|(?:high-dose|repletion|replacement|stoss)\s+(?:therapy|treatment|regimen|doses?)|(?:to\s+)?(?:treat|correct)(?:ing)?\s+(?:a\s+|an\s+|the\s+|your\s+)?(?:[\p{L}-]+\s+){0,2}(?:deficiency|anaemia|anemia)|(?:deficiency|deficiencies|anaemia|anemia)[,:]?\s+(?:correction|repletion|treatment)|(?:been\s+|are\s+|is\s+|when\s+|once\s+|if\s+)diagnosed\s+with|(?:if|when|once|where)\s+(?:[\p{L}-]+\s+){0,3}(?:deficiency|anaemia|anemia)\s+(?:is|was|has\s+been)\s+(?:detected|diagnosed|confirmed|found|shown)|(?:people|adults|patients|children|women|men|those|anyone|individuals)\s+with\s+(?:a\s+|an\s+)?(?:diagnosed\s+|confirmed\s+|proven\s+)?(?:[\p{L}-]+\s+){0,2}(?:deficiency|anaemia|anemia)|(?:a|your)\s+diagnosis\s+of|treatment\s+(?:of|for)\s+(?:a\s+)?(?:[\p{L}-]+\s+){0,2}(?:deficiency|anaemia|anemia)`,
    ),
    'regimen',
  ),
  // A dose scoped to a diagnosed or high-risk group is a therapeutic dose (upper limits are set
  // for healthy people): a label that names a deficiency or a defect before its colon ("For
  // Diagnosed Anaemia:", "For low stores due to zinc deficiency:"), a group at risk ("adults at
  // risk of iron deficiency", "high-risk pregnancies", "a greater chance of having a pregnancy
  // affected by …"; not "an increased risk of colds"), one defined by its history ("women
  // who have had a pregnancy affected by …", "a history of", 曾经怀过…的孕妇, 高危), by a
  // condition that raises its need ("women with epilepsy", "people with coeliac disease") or
  // by a body mass index of obesity ("a BMI of 30 or more"; not "a BMI of 20 to 25").
  cue(
    en(
      String.raw`for\s+(?!(?:prevent|avoid)[\p{L}]*\s)(?:[\p{L}-]+\s+){0,8}?(?:deficiency|deficiencies|anaemia|anemia|defects?)(?:\s*\([^)]{0,40}\))?\s*[:：]|at\s+(?:high\s+|higher\s+|increased\s+|greater\s+|particular\s+)?risk\s+(?:of|for)|(?:higher|increased|greater|raised)\s+(?:chance|risk|likelihood|odds)\s+of\s+(?:having|developing|getting)(?![\p{L}])|high[-\s]risk|(?:a|any|their|your|her|his)\s+(?:personal\s+|family\s+|previous\s+|past\s+)?history\s+of|(?:women|mothers|people|adults|patients|those|anyone|individuals|men)\s+who\s+(?:have\s+|has\s+)?(?:previously\s+)?(?:had|been\s+diagnosed)|(?:women|mothers|people|adults|patients|children|those|anyone|individuals|men)\s+(?:with|who\s+have|who\s+has|living\s+with)\s+(?:type\s+[12]\s+)?(?:diabetes|epilepsy|sickle[-\s]cell|coeliac|celiac|(?:chronic\s+)?kidney\s+disease|liver\s+disease|crohn['’]?s|malabsorption|obesity)|(?:BMI|body\s+mass\s+index)\s+(?:is\s+|of\s+)?(?:(?:over|above|greater\s+than|more\s+than|at\s+least)\s+)?(?:[≥≧]\s*|>=?\s*)?(?:2[7-9]|[34]\d)(?![\d.])`,
    ),
    'regimen',
  ),
  // (A history in Chinese: 既往有…, 曾经怀过…; 病史, 妊娠史, 孕产史, 生育史, but not 无不良孕产史,
  // which names the women without one.)
  cue(zh('(?:曾|曾经|既往)(?:有过?|患过|怀过|生过|生育过|分娩过|发生过|出现过)|(?<!无(?:不良)?)(?:病|妊娠|孕产|生育|分娩)史|高危|(?:贫血|缺乏症?|缺铁)(?:治疗)?[:：]'), 'regimen'),
  // A one-off bolus ("a single dose of 100,000 IU in the seventh month", stoss therapy) is a
  // clinical regimen, not a daily intake to hold against a daily upper limit.
  cue(en(String.raw`(?:a|one|the)\s+(?:single|unique|one-off|one-time|once-only)\s+(?:(?:large|oral|high|intramuscular)\s+)?(?:bolus\s+)?dose|(?:single|one-off)\s+bolus|bolus\s+dose|stoss(?:\s+therapy)?`), 'regimen'),
  cue(zh('一次性(?:口服|给予|服用|注射)|单次(?:口服|给予|大剂量|剂量)|冲击'), 'regimen'),
  cue(en(TITRATION_EN), 'regimen'),
  cue(zh(TITRATION_ZH), 'regimen'),
  cue(zh('(?:在)?(?:医生|医师)(?:的)?(?:指导|监控|监测|监督|监护)下|由(?:医生|医师)(?:特别)?(?:指导|指示|监控|监测|监督|监护)|(?:医生|医师)(?:的)?特别指示|(?:依|按|遵)(?:照)?(?:医生|医师)(?:的)?指示|(?:医生|医师)(?:可能|也许)会?(?:建议|推荐|开具|处方)|(?:医生|医师)会(?:建议|推荐|开具|处方)|医生[^，。,；;]{0,6}开|医生(?:建议|让|要求|给)我|遵医嘱|医嘱|处方|医疗监督下?|(?:贫血|缺乏症?|缺铁)的治疗|治疗(?:缺铁|贫血|缺乏)|负荷剂量|冲击(?:剂量|疗法)|治疗缺乏|治疗期间|治疗剂量|治疗量|诊断(?:明确|为)|确诊|(?:贫血|缺乏症?)患者|缺铁者|贫血者|临床治疗|纠正[^，。,；]{0,8}(?:缺乏|贫血)'), 'regimen'),
  // "Ask your GP about the 5 mg dose", "talk to your doctor about whether 50 mcg is right":
  // a dose put to a clinician is not advice to take it. Weak, so that it decides only its own
  // clause ("take 10 mcg daily; ask your doctor about more" stays advice).
  cue(
    en(String.raw`(?:ask|talk\s+to|speak\s+(?:to|with)|check\s+with|consult)\s+(?:your|a|the)\s+(?:doctor|GP|physician|midwife|pharmacist|healthcare\s+(?:provider|professional)|specialist|obstetrician|dietitian|care\s+team)\s+(?:about|whether|if)`),
    'regimen',
    false,
  ),
  cue(en('injections?|infusions?'), 'regimen', false),
  cue(zh('注射'), 'regimen', false),
  // Into a vein: the upper limits and plausible ranges are for what is swallowed, and a drip is
  // given in a clinic ("If done through an IV, 25 g and above is a high dose", 静脉注射维生素C).
  cue(en(String.raw`\bIVs?\b|intravenous(?:ly)?`), 'regimen'),
  cue(zh('静脉|输液|点滴'), 'regimen'),
  // Iodine against radioactive iodine after a nuclear accident (100 mg, 130 mg of potassium
  // iodide): an emergency measure the authorities hand out, not a daily intake.
  cue(
    en(String.raw`nuclear\s+(?:accidents?|emergenc(?:y|ies)|incidents?|disasters?|power\s+(?:plants?|stations?)|fallout)|radiation\s+(?:emergenc(?:y|ies)|exposure|accidents?)|radioactive\s+(?:iodine|fallout|releases?)`),
    'regimen',
  ),
  cue(zh('核(?:事故|辐射|电站|电厂|泄漏|灾|安|爆炸|污染)|辐射(?:事故|应急|暴露)|碘片'), 'regimen'),
  // What a body, a food or a product holds, and the span of strengths products come in ("zinc
  // tablets range from 10 mg to 50 mg": the market, not advice; "doses range from" stays advice).
  cue(
    en(
      String.raw`contains?|contained|containing|provides?|provided|providing|supplies|supplied|delivers?|delivered|(?:the|its|this|that|their)\s+(?:original\s+|new\s+|daily\s+)?(?:formula|formulation|blend|mix)\s+(?:has|had|holds?|held)|(?:per|a|each|one)\s+(?:serving|portion|cup|ounce|oz|slice|tablespoon|handful)|(?:body|bodies)\s+(?:holds?|contains?|stores?|has)|in\s+(?:the|your|an\s+adult['’]s?)\s+body|(?<!\b(?:from|as|in)\s)(?:each|one|a|per|every)\s+(?:capsule|tablet|pill|softgel|gummy|scoop)|labels?|rich\s+in|(?:is|are)\s+(?:found|present)\s+in|(?:drinks?|beverages?|sodas?|cans?|bottles?|cups?|mugs?|shots?|brews?|bars?|brands?|products?|supplements?|tablets?|capsules?|pills?|softgels?|gummies|servings?)\s+(?:may\s+|can\s+|could\s+|might\s+|often\s+|typically\s+|usually\s+|generally\s+|sometimes\s+)?(?:have|has|hold|holds|pack|packs|carry|carries)(?![\p{L}])(?!\s+(?:been|to)(?![\p{L}]))|(?:supplements?|products?|tablets?|capsules?|pills?|softgels?|gummies|brands?|formulations?|preparations?|multivitamins?)\s+(?:(?:on\s+the\s+market|(?:sold|available)(?:\s+(?:online|over\s+the\s+counter|in\s+(?:shops|stores|pharmacies)))?)\s+)?(?:vary|varies|varied|range|ranges|ranged|come|comes)\s+(?:widely\s+|greatly\s+|considerably\s+)?(?:in\s+(?:their\s+)?(?:dosages?|doses?|strengths?|potency|potencies|sizes?)\s+)?(?:from|between)`,
    ),
    'content',
  ),
  // A part of a product taken ("crush about ¼ of a 300 mg tablet", "half a 500 mg capsule"):
  // the figure is the whole product's strength, not the dose.
  cue(en(String.raw`(?:[¼½⅓⅔¾]|\d\s*/\s*\d|half|(?:a|one)\s+(?:quarter|third|half)|part|a\s+piece|a\s+portion)\s+(?:of\s+)?(?:a|an|one|the|each)(?=\s+\d)`), 'content'),
  // What some products on the market hold: "some brands go as high as 15 mg".
  cue(en(String.raw`(?:some|many|most|certain|other|a\s+few)\s+(?:brands|products|supplements|formulas|labels|pills|gummies|tablets|capsules)\s+(?:go|run|reach|come\s+in|pack|list|sell|are\s+sold)`), 'content'),
  // The strengths products are sold in ("sold in two strengths, 400 mcg and 5 mg", "0.4mg/片和5mg/片两种规格"):
  // the market, not what anyone is told to take.
  cue(en(String.raw`(?:come|comes|available|sold|supplied|made)\s+in\s+(?:(?:two|three|four|several|different|various|many|a\s+few|a\s+range\s+of)\s+)?strengths|(?:tablet|capsule|pill|product)\s+strengths`), 'content'),
  cue(zh('含有|含量|含(?![^，。,；]{0,5}(?:补充剂|胶囊|片))(?=[^\\s，。,；0-9０-９]{0,5}?约?\\s*[0-9０-９])|(?:已|便|就|共)有(?=约?\\s*[0-9０-９])|每(?:份|片|粒|颗|袋|升|毫升)|人体(?:内)?|体内|富含|规格|贮存|储存|储备|贮备|蓄积'), 'content'),
  // What the body loses: "each blood donation removes about 200 mg of iron", "每捐250cc血能排出200-250mg鐵質".
  cue(en(String.raw`(?:removes?|loses?|lost|drains?|excretes?|excreted)\s+(?:about\s+|around\s+|roughly\s+|some\s+|up\s+to\s+)?(?=\d)|blood\s+(?:loss|donation)`), 'content'),
  cue(zh('流失|排出|失去|丢失|损失|失血|献血|捐血'), 'content'),
  // Concentrations in blood: the unit (µg/L, mg/dL) settles most; these words lean.
  cue(en(String.raw`serum|plasma|ferritin|blood\s+(?:levels?|concentrations?|tests?)|levels?\s+in\s+(?:the\s+)?blood`), 'laboratory', false),
  cue(zh('血清|血浆|铁蛋白|血液?(?:中|浓度|水平)'), 'laboratory', false),
  // Intakes from the diet or from all sources.
  cue(
    en(
      String.raw`(?:from|through|across)\s+all\s+sources|(?:from|in|through)\s+(?:food|foods|diet|the\s+diet|your\s+diet|whole\s+foods|meals)(?:\s+(?:and|plus)\s+supplements)?|total\s+(?:daily\s+)?intake|combined\s+intake|dietary\s+(?:intake|allowance|reference\s+intake)s?|recommended\s+(?:daily\s+|dietary\s+)?(?:intake|allowance|amount)s?|adequate\s+intake|(?:average|typical|usual|median|mean)\s+(?:daily\s+)?intake|on\s+average|suggests?\s+(?:a\s+)?(?:daily\s+)?(?:dietary\s+)?intake`,
    ),
    'intake',
  ),
  // What a body needs a day, told as a fact ("The daily needs of an adult in magnesium are 300-400 mg").
  cue(en(String.raw`(?:daily|day['’]s)\s+(?:needs?|requirements?)\b`), 'intake'),
  cue(abbr('RDAs?|DRIs?|RNIs?'), 'intake'),
  cue(zh('膳食摄入量?|推荐摄入量|适宜摄入量|平均摄入量?|平均每[天日]|从食物中?|通过饮食|所有来源|饮食中|食物中|总摄入量|摄入量为'), 'intake'),
  cue(en(String.raw`intakes?`), 'intake', false),
  // Advice to the reader.
  cue(
    en(
      String.raw`(?:we|i|experts?|doctors?|many\s+experts|most\s+experts|guidelines?|clinicians?|nutritionists?|dietitians?)\s+(?:(?:strongly|highly|usually|generally|often|typically|would)\s+)?(?:recommend|suggest|advise)(?:s|ed)?|(?:is|are)\s+(?:usually\s+|generally\s+|often\s+)?(?:recommended|advised|suggested)|recommend(?:s|ed)?\s+(?:taking|that\s+you\s+take|a\s+daily|a\s+dose|doses?)|recommended\s+(?:daily\s+)?(?:dose|dosage)s?|aim\s+(?:for|to\s+get|to\s+take)|typical(?:ly)?\s.{0,60}?dos(?:e|es|age|ing)|(?:usual|standard|effective|optimal|ideal|common|suggested|starting|maintenance)\s+(?:daily\s+)?dos(?:e|es|age)|should\s+(?:take|get|consume|aim|use|try|supplement)|(?:can|could|may)\s+(?:safely\s+)?(?:take|use|try)|consider(?:\s+taking)?|try(?:\s+taking)?|start\s+with|supplement(?:ing)?\s+with|you\s+(?:need|want)|(?:for|to)\s+everyone|everyone\s+should|most\s+(?:adults|people)\s+(?:need|should|can)|go\s+for|stick\s+(?:to|with)|opt\s+for|(?:is|are)\s+enough|best\s+(?:dose|choice|amount)|starting\s+(?:point|dose)|(?:sensible|reasonable|safe)\s+(?:dose|amount|start)`,
    ),
    'advice',
  ),
  // "据美国NIH的建议，…为安全水平": a recommendation attributed to an authority only leans; what the
  // sentence says of the figure (a safe level, an upper limit) decides.
  cue(zh('据[^，。,；;]{0,24}?的?建议'), 'advice', false),
  cue(zh('建议|推荐(?!摄入量)|应该?(?:服用|摄入|补充)|可以(?:服用|补充|吃)|最好|不妨|(?:常用|典型|通常|有效|推荐)剂量'), 'advice'),
  cue(
    en(String.raw`take|takes|taking|need|needs|dose|doses|dosage|dosing|use|get|consume|should|perhaps|about|around|roughly|approximately|some\s+people|many\s+people`),
    'advice',
    false,
  ),
  cue(zh('服用|补充|剂量|需要|摄入|约|大约|左右|吃'), 'advice', false),
];

/**
 * Where an intake comes from. Strong cues settle it ("from all sources", RDA, "supplemental");
 * weak ones lean (diet, pills).
 */
export const INTAKE: Cue<IntakeSource>[] = [
  cue(
    en(
      String.raw`(?:from|across|through)\s+all\s+sources|(?:from|in)\s+(?:food|foods|diet|the\s+diet|your\s+diet)\s+(?:and|plus)\s+supplements|(?:food|diet)\s+(?:and|plus)\s+supplements|total\s+(?:daily\s+)?intake|combined\s+intake`,
    ),
    'all',
  ),
  cue(zh('所有来源|(?:食物|膳食|饮食)(?:和|与|及)补充剂|总摄入量'), 'all'),
  cue(
    en(
      String.raw`recommended\s+dietary\s+allowance|dietary\s+(?:intake|allowance|reference\s+intake)|adequate\s+intake|(?:from|through|in)\s+(?:food|foods|diet|the\s+diet|your\s+diet|whole\s+foods|meals)`,
    ),
    'diet',
  ),
  cue(abbr('RDAs?'), 'diet'),
  // (A recommended intake, 推荐摄入量 or 建议摄取量, counts food as the RDA does.)
  cue(zh('膳食摄入|(?:推荐|建议)的?(?:每日)?(?:摄入|摄取)量|从食物|通过饮食|饮食中|食物中'), 'diet'),
  cue(
    en(String.raw`(?:from|in|via|through|as)\s+(?:a\s+)?(?:dietary\s+)?supplements?|supplemental|supplementation|supplementing`),
    'supplement',
  ),
  cue(zh('补充剂'), 'supplement'),
  cue(en(String.raw`diet|diets|dietary(?!\s+supplement)|food|foods|eat|eating|ate|meals?`), 'diet', false),
  cue(zh('膳食|饮食|食物|食品'), 'diet', false),
  cue(en(String.raw`supplements?|pills?|tablets?|capsules?|softgels?|doses?|dosage|take|takes|taking`), 'supplement', false),
  cue(zh('补充|片剂|胶囊|剂量|服用'), 'supplement', false),
];

export const REFERRALS: Cue<true>[] = [
  cue(
    en(
      String.raw`doctors?|physicians?|(?:health\s*care|health-care)\s+(?:providers?|professionals?|practitioners?|team)|health\s+professionals?|medical\s+(?:supervision|advice|professionals?)|pharmacists?|dietitians?`,
    ),
    true,
  ),
  cue(zh('医生|医师|医疗监督|医嘱|药剂师'), true),
];

/** Every cue found in `text[from, to)`, leftmost first; of overlapping cues the longest stays. */
export function scan<T>(text: string, cues: readonly Cue<T>[], from = 0, to = text.length): Hit<T>[] {
  const raw = text.slice(from, to);
  // Cues are read through pinyin a broken conversion glued after characters ("應(yīng)在醫(yī)生指導(dǎo)下"):
  // matched on the text without it, their places mapped back to the draft's.
  const read = withoutPinyin(raw);
  const slice = read?.text ?? raw;
  const place = (i: number): number => from + (read ? read.places[i]! : i);
  const hits: Hit<T>[] = [];
  for (const c of cues) {
    const { body, start } = searchOf(c.re);
    body.lastIndex = 0;
    for (let m = body.exec(slice); m; m = body.exec(slice)) {
      const at = m.index;
      if (start) {
        start.lastIndex = at;
        if (!start.test(slice)) {
          // As a global search does after a miss: on at the next code point.
          body.lastIndex = at + codePointLength(slice, at);
          continue;
        }
      }
      if (m[0].length === 0) {
        body.lastIndex = at + codePointLength(slice, at);
        continue;
      }
      hits.push({ start: place(at), end: place(at + m[0].length - 1) + 1, value: c.value, strong: c.strong });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit<T>[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

function codePointLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/**
 * Where the intake of `text[from, to)` comes from: a strong cue settles it (all sources
 * before supplements before the diet), else a supplement word before a diet word.
 */
export function intakeOf(text: string, from: number, to: number): IntakeSource {
  const hits = scan(text, INTAKE, from, to);
  for (const source of ['all', 'supplement', 'diet'] as const) if (hits.some((h) => h.strong && h.value === source)) return source;
  if (hits.some((h) => h.value === 'supplement')) return 'supplement';
  if (hits.some((h) => h.value === 'diet')) return 'diet';
  return 'unspecified';
}

/** Foods by name, English (a food of two words is written with its space, read as any white space). */
const FOODS_EN = [
  'salmon', 'tuna', 'sardines?', 'mackerel', 'fish', 'cod liver oil', 'eggs?', 'egg yolks?', 'milk', 'yogh?urt', 'cheese',
  'spinach', 'kale', 'broccoli', 'almonds?', 'cashews?', 'brazil nuts?', 'walnuts?', 'peanuts?', 'nuts?', 'seeds', 'pumpkin seeds', 'tofu', 'beans', 'lentils', 'chickpeas',
  'beef', 'pork', 'chicken', 'liver', 'oysters?', 'shellfish', 'rice', 'oats', 'oatmeal', 'bread', 'cereal', 'bananas?', 'avocados?',
  'chocolate', 'potatoes?', 'mushrooms', 'oranges?', 'kiwis?', 'kiwifruits?', 'strawberries', 'blueberries', 'cherries', 'grapes',
  'apples?', 'lemons?', 'tomato(?:es)?', 'papayas?', 'mango(?:es)?', 'guavas?', 'carrots?', 'sweet potato(?:es)?',
  'peppers?', 'water', 'juice', 'food', 'meat', 'servings?', 'portions?', 'kelp', 'seaweed', 'nori', 'kombu', 'wakame',
  // (Fortified staples: "0.15 mg of folic acid to each 100 g flour".)
  'flour', 'pasta', 'noodles',
]
  .map((food) => food.replaceAll(' ', String.raw`\s+`))
  .join('|');
/** The same in Chinese, simplified, then the foods traditional Chinese writes otherwise. */
const FOODS_ZH =
  '海带|紫菜|海藻|裙带菜|三文鱼|鲑鱼|金枪鱼|沙丁鱼|鱼肉|鱼|鸡蛋|蛋黄|牛奶|酸奶|奶酪|菠菜|西兰花|杏仁|坚果|南瓜子|南瓜籽|葵花籽|葵花子|亚麻籽|奇亚籽|芝麻|黑芝麻|花生|核桃|腰果|黄豆|黑豆|红豆|绿豆|燕麦片|糙米|全麦|种子|豆腐|豆类|牛肉|猪肉|鸡肉|肝脏|猪肝|牡蛎|生蚝|贝类|米饭|大米|燕麦|面包|香蕉|牛油果|巧克力|土豆|蘑菇|香菇|橙子|猕猴桃|青椒|食物|蔬菜|水果|肉|草莓|蓝莓|樱桃|葡萄|苹果|橘子|柑橘|柠檬|番茄|西红柿|木瓜|芒果|番石榴|胡萝卜|红薯|' +
  '海帶|裙帶菜|鮭魚|金槍魚|沙丁魚|魚肉|魚|雞蛋|蛋黃|西蘭花|堅果|亞麻籽|黃豆|紅豆|綠豆|燕麥片|豬肉|雞肉|肝臟|豬肝|貝類|燕麥|麵包|馬鈴薯|獼猴桃|藍莓|櫻桃|蘋果|檸檬|西紅柿|胡蘿蔔|紅薯';

/**
 * Foods, read only right after a figure: "100 g of salmon", "100克三文鱼" measure the food,
 * not a nutrient named elsewhere in the sentence.
 */
export const FOOD_AFTER: RegExp = new RegExp(
  // (A food's weight may come with its count between: "18 g (about 12 nuts) of Brazil nuts";
  // a food composition is given per 100 g: "1,917 µg per 100 g of nuts".)
  String.raw`^(?:\s*(?:per|(?:in|to|for)\s+(?:every|each)|/)\s*100\s*(?:g|grams?|ml|millilit(?:re|er)s?)(?![\p{L}])|\s*(?:\([^()]{1,40}\)\s*)?(?:of\s+)?(?:(?:cooked|raw|dried|fresh|canned|tinned|whole|plain|dark|fortified|wild|farmed|boiled|roasted)\s+)*(?:` +
    FOODS_EN +
    String.raw`)(?![\p{L}])|[的]?(?:` +
    FOODS_ZH +
    '))',
  'iu',
);

/**
 * A food named right before a weight, as a table or a list gives a portion: "海带100g=114μg碘",
 * "黑巧克力(>70%, 28克)", "Dark chocolate (28 g)". Read for grams only.
 */
export const FOOD_BEFORE: RegExp = new RegExp(String.raw`(?:(?<![\p{L}])(?:${FOODS_EN})|${FOODS_ZH})\s*(?:[(（][^()（）]{0,12}?|[,，:：]\s*)?$`, 'iu');

/**
 * Clause ranges inside a sentence: a clause ends at ; ； — ， and 。, at a comma before a
 * conjunction (", and", ", but", ", while" …), and at a comma beside Chinese text (machine
 * translations often write "," for "，"). A comma alone does not end one ("magnesium, 300 mg").
 */
export function clauses(text: string, sentence: { start: number; end: number }): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const slice = text.slice(sentence.start, sentence.end);
  let start = 0;
  for (const m of slice.matchAll(CLAUSE_END)) {
    const end = m.index + m[0].length;
    if (slice.slice(start, end).trim()) out.push({ start: sentence.start + start, end: sentence.start + end });
    start = end;
  }
  if (slice.slice(start).trim()) out.push({ start: sentence.start + start, end: sentence.end });
  return out;
}

const CONJUNCTION = String.raw`and|but|or|while|whereas|though|although|yet|so|which|because|since|unless|except|however|whilst`;
// (A dash's spaces are matched from the first of them only, see TRAIL_STEP in clean/title.ts,
// and a comma after Chinese looks behind from the comma: a look behind first would scan a
// long run of spaces back from each of its spaces.)
const CLAUSE_END = new RegExp(
  String.raw`[;；，。]|(?<!\s)\s*(?:—|--)\s*|,(?=\s*(?:${CONJUNCTION})(?![\p{L}\p{N}]))|,(?<=\p{Script=Han}\s*,)|,(?=\s*\p{Script=Han})`,
  'giu',
);

/**
 * Substances the knowledge base does not (yet) hold, so that a figure written beside one
 * ("100 mcg chromium", "20 g of protein", "300毫克鱼油") is not put on a nutrient named
 * elsewhere in the sentence. Words, not figures: the knowledge base holds the figures, and a
 * name it learns takes precedence over this list (see `substanceMentions`). A Latin name must
 * stand as a whole word; the caller checks the character before it (a pattern that opens
 * with a lookbehind is tried at every position of the text and is slow).
 */
export const OTHER_SUBSTANCES: RegExp = new RegExp(
  [
    'chromium', 'sodium', 'vitamin\\s+(?:B1|B2|B5)', 'thiamine?', 'riboflavin', 'pantothenic\\s+acid', 'omega[-\\s]?3s?', 'fish\\s+oil',
    'EPA', 'DHA', 'protein', 'fibre',
    'fiber', 'creatine', 'L-theanine', 'theanine', 'glycine', 'GABA', 'tryptophan', 'L-tryptophan', '5-HTP', 'ashwagandha',
    'valerian(?:\\s+root)?', 'CoQ10', 'coenzyme\\s+Q10', 'curcumin', 'turmeric', 'collagen', 'cholesterol', 'lutein',
    'probiotics?', 'glucosamine', 'aspirin', 'ibuprofen', 'paracetamol', 'acetaminophen', 'statins?', 'chondroitin', 'inositol', 'taurine', 'lysine', 'arginine', 'carbohydrates?', 'alcohol',
    // Medicines whose doses stand beside a nutrient's in articles on their interactions.
    'metformin', 'warfarin', 'levothyroxine', 'omeprazole', 'methotrexate', 'phenytoin', 'citalopram', 'escitalopram', 'sertraline', 'fluoxetine', 'paroxetine',
  ].join('|') +
    // Chinese names: single characters that also stand inside common words are left out (糖 in
    // 糖尿病 "diabetes", 盐 in 镁盐, 纤维 in 纤维肌痛), and 磷 is not 磷酸 (phosphate, a salt).
    '|铬|钠|食盐|碘盐|糖分|牛磺酸|磷(?!酸)|维生素(?:B1|B2|B5)|泛酸|鱼油|欧米伽-?3|蛋白质|膳食纤维|肌酸|茶氨酸|甘氨酸|色氨酸|[辅輔]酶\\s*Q10|姜黄素|胶原蛋白|胆固醇|叶黄素|益生菌|酒精|阿司匹林|布洛芬|对乙酰氨基酚|二甲双胍|二甲雙胍|华法林|華法林|左甲状腺素|奥美拉唑|甲氨蝶呤|西酞普兰|舍曲林|氟西汀|帕罗西汀',
  'giu',
);

/**
 * A salt of a mineral named whole ("146 mg zinc citrate", "500 mg of magnesium taurate"): a
 * figure beside it weighs the salt, of which the mineral is only a share. The knowledge base
 * gives the share of the salts it holds (magnesium oxide, zinc gluconate, ferrous sulfate, …;
 * their names are its aliases and take precedence); of any other the share is unknown, and
 * the figure is not the mineral's. (Written the way a label names the element's source,
 * "30 mg zinc (as zinc citrate)", the salt only says what the element is in: see
 * `substanceMentions`.)
 */
export const SALTS: RegExp = new RegExp(
  String.raw`(?:zinc|magnesium|calcium|iron|ferrous|ferric|copper|cupric|chromium|manganese|potassium|selenium|choline)\s+(?:(?:amino\s+acid\s+)?chelate|bitartrate|(?:bis)?glycinate|citrate(?:\s+malate)?|gluconate|sulfate|sulphate|oxide|picolinate|carbonate|fumarate|chloride|acetate|orotate|aspartate|malate|(?:l-)?threonate|lactate|taurate|ascorbate|succinate|phosphate|hydroxide|(?:mono)?methionine|stearate|(?:poly)?nicotinate|yeast)(?:\s+(?:mono|di|tri)?hydrate)?(?![\p{L}])`,
  'giu',
);
