/**
 * Named sources in prose: a claim that says where it comes from ("the VITAL trial",
 * "published in the New England Journal of Medicine", "according to a 2019 Cochrane
 * review", "a meta-analysis in JAMA", "the World Health Organization", "《柳叶刀》") can
 * be looked up by a reader even without a marker, so cite/uncited-claim reports it only
 * as info. "Studies show" names nothing and stays a warning.
 *
 * The journals and organisations below are the ones health articles name most; a journal
 * not listed is still recognised by its shape ("the Journal of …", "… Journal of
 * Medicine", "published in Nutrients", "in the journal Sleep").
 */

export interface NamedSource {
  text: string;
  start: number;
  end: number;
}

/** Journals named bare; common words ("Sleep", "Nutrients", "Science") count only after "published in". */
const JOURNALS = [
  'New England Journal of Medicine',
  'NEJM',
  'JAMA(?:\\s+[A-Z][a-z]+)*',
  'The\\s+Lancet(?:\\s+[A-Z][a-z]+)*',
  'Lancet',
  'BMJ',
  'PLOS\\s+(?:ONE|One|Medicine)',
  'Diabetes\\s+Care',
  'Annals\\s+of\\s+[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*',
  'Cochrane(?:\\s+(?:Library|Database(?:\\s+of\\s+Systematic\\s+Reviews)?))?',
  'Pharmacopsychiatry',
];

const ORGANISATIONS = [
  'World\\s+Health\\s+Organi[sz]ation',
  'WHO',
  'National\\s+Institutes?\\s+of\\s+Health',
  'NIH',
  'Office\\s+of\\s+Dietary\\s+Supplements',
  'Centers\\s+for\\s+Disease\\s+Control(?:\\s+and\\s+Prevention)?',
  'CDC',
  'FDA',
  'Food\\s+and\\s+Drug\\s+Administration',
  'EFSA',
  'European\\s+Food\\s+Safety\\s+Authority',
  'NHS',
  'NICE',
  'Mayo\\s+Clinic',
  'Cleveland\\s+Clinic',
  'Harvard(?:\\s+(?:Medical\\s+School|T\\.\\s?H\\.\\s+Chan\\s+School\\s+of\\s+Public\\s+Health|Health))?',
  'Johns\\s+Hopkins(?:\\s+[A-Z][a-z]+)*',
  'Institute\\s+of\\s+Medicine',
  'National\\s+Academ(?:y|ies)(?:\\s+of\\s+[A-Z][a-z]+(?:\\s+(?:and\\s+)?[A-Z][a-z]+)*)?',
  'American\\s+(?:Heart|Diabetes|Cancer|Academy\\s+of\\s+[A-Z][a-z]+|College\\s+of\\s+[A-Z][a-z]+)(?:\\s+[A-Z][a-z]+)*',
  'University\\s+of\\s+[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*',
  // Government health bodies: "the Ministry of Health", "the Department of Health and Social Care".
  'Ministry\\s+of\\s+(?:Public\\s+)?Health(?:\\s+(?:and\\s+)?[A-Z][a-z]+)*',
  'Department\\s+of\\s+Health(?:\\s+(?:and\\s+)?[A-Z][a-z]+)*',
  'Health\\s+Canada',
  'Public\\s+Health\\s+(?:England|Agency\\s+of\\s+[A-Z][a-z]+)',
  '[A-Z][a-z]+\\s+University',
  // A body named by its kind after its own name: "the National Sleep Foundation", "the Endocrine
  // Society", "the Linus Pauling Institute", "the British Dietetic Association".
  "(?:[A-Z][\\w’'-]+\\s+){1,4}(?:Foundation|Association|Society|Institute|Council|Federation|Academy)",
];

/** Words of a study's design, which name no study: "randomized", "clinical", "double-blind". */
const DESIGN = "(?:randomi[sz]ed|controlled|clinical|placebo-controlled|double-blind(?:ed)?|prospective|observational|intervention|large|long-term)";
const DESIGN_WORD = new RegExp(`^${DESIGN}$`, 'u');

/** Case-sensitive: names are written with capitals, and "who"/"sleep" as words are not names. Global: run with exec loops from lastIndex 0. */
const NAMED = new RegExp(
  [
    // A named study or trial: "the VITAL trial", "the Nurses' Health Study", "the CARDIA study".
    // (Its design may stand between: "a Women's Health Initiative randomized clinical trial".)
    `\\b(?:[A-Z]{2,}[\\w-]*|[A-Z][\\w’'-]*(?:\\s+[A-Z][\\w’'-]*){0,3})\\s+(?:${DESIGN}\\s+){0,3}(?:[Ss]tudy|[Tt]rial|[Cc]ohort|[Ss]urvey)\\b`,
    // A paper named by its journal: "a 2015 study from Integrative Medicine", "a scientific paper from BioMed Research International".
    // (Not a country of two words: "a study from South Korea", "from the United States".)
    `\\b(?:[Ss]tudy|[Pp]aper|[Rr]eview|[Aa]rticle|[Tt]rial)\\s+from\\s+(?:the\\s+)?(?!(?:South|North|New|United|Hong|Saudi|Costa|Sri|Puerto|Czech)\\s)[A-Z][\\w-]*(?:\\s+(?:of\\s+|and\\s+|&\\s+)?[A-Z][\\w-]*)+`,
    // A journal named as the venue: "published in Nutrients", "in the journal Sleep", "in JAMA".
    `\\b(?:published\\s+in|appeared\\s+in|in\\s+the\\s+journal|journal)\\s+(?:the\\s+|a\\s+\\d{4}\\s+(?:issue|edition)\\s+of\\s+)?[A-Z][\\w-]*(?:\\s+(?:of\\s+|and\\s+|&\\s+)?[A-Z][\\w-]*)*`,
    `\\b(?:Journal\\s+of\\s+(?:the\\s+)?[A-Z][\\w-]*(?:\\s+(?:and\\s+)?[A-Z][\\w-]*)*|[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*\\s+Journal(?:\\s+of\\s+[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*)?)`,
    `\\b(?:${JOURNALS.join('|')})\\b`,
    `\\b(?:${ORGANISATIONS.join('|')})\\b`,
    // Research at a named place of research: "research at Purdue suggests", "scientists at Tufts found".
    `\\b(?:[Rr]esearch(?:ers)?|[Ss]cientists|[Tt]eam|[Ss]tudy)\\s+at\\s+(?:the\\s+)?[A-Z][\\w’'-]+(?:\\s+[A-Z][\\w’'-]+){0,3}`,
    // A study given its name: "a study called the European Prospective Investigation into Cancer and Nutrition".
    `\\b(?:[Ss]tudy|[Tt]rial|[Ss]urvey|[Cc]ohort|[Pp]roject)\\s+(?:called|named|known\\s+as)\\s+(?:the\\s+)?[A-Z][\\w’'-]*(?:\\s+(?:(?:into|of|and|on|in|for|the|&)\\s+)*[A-Z][\\w’'-]*)*`,
    // A news outlet the sentence is told through, after a comma: "…, Reuters Health reported."
    `(?<=,\\s)(?:the\\s+)?[A-Z][\\w.&'’-]*(?:\\s+[A-Z][\\w.&'’-]*){0,3}\\s+(?:reported|reports)\\b`,
    // A named body or site the sentence goes by: "As per ResearchGate, …", "according to Healthline".
    `\\b(?:[Aa]s\\s+per|[Aa]ccording\\s+to)\\s+(?!(?:Researchers|Scientists|Experts|Doctors|Studies|Research|Some|Many|Most|Recent|New|One|A|An|The|This|These|Their|Its|Our)\\b)[A-Z][\\w.&'’-]*(?:\\s+[A-Z][\\w.&'’-]*){0,4}`,
    // A pointer to a named author's piece: "see this post by Dr David Williams".
    `\\b(?:[Ss]ee|[Rr]ead)\\s+(?:this|the|a|his|her|their)\\s+(?:post|article|paper|review|page|report|piece)\\s+(?:by|from)\\s+(?:(?:Dr|Prof|Professor)\\.?\\s+)?[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+)*`,
  ].join('|'),
  'gu',
);
/**
 * Chinese: a title in book marks (journals are written so), a named organisation, a study or
 * data set named by its acronym ("CMH零售数据", "NHANES研究"), a well-known survey, or an
 * institution named by its kind ("国家统计局", "北京大学", "国泰医院"; "一家医院", "某医院" and
 * "三甲医院" name none). Of clinics, only the two the English list names: a clinic is more often
 * where a quoted doctor works than a source of research.
 */
const NAMED_ZH = new RegExp(
  [
    '《[^》]{2,40}》',
    // A news dateline names the source it reports through: "【…据Medscape.com…讯】", "据路透社报道".
    '【[^】]{0,40}(?:讯|訊)】|据[^，。,；\\s]{2,30}(?:报道|報道|讯|訊)',
    '世界卫生组织|世界衛生組織|國民健康署|国民健康署|卫福部|衛福部|卫生福利部|衛生福利部|食药署|食藥署|美国国立卫生研究院|美國國立衛生研究院|中国营养学会|中國營養學會|美国食品药品监督管理局|美国疾病控制与预防中心|柯克伦|考科蓝|梅奥诊所|梅奧診所|克利夫兰诊所|克利夫蘭診所|克里夫兰诊所|克里夫蘭診所',
    // The journals Chinese pages name most, written without their book marks: "2019年柳叶刀研究显示".
    '柳叶刀|柳葉刀|新英格兰医学杂志|新英格蘭醫學雜誌|美国医学会杂志|美國醫學會雜誌|英国医学杂志|英國醫學雜誌',
    // A university named by its short name before its research: "哈佛研究证实", "牛津大学的研究团队".
    '(?:哈佛|耶鲁|耶魯|斯坦福|史丹佛|牛津|剑桥|劍橋|约翰霍普金斯|約翰霍普金斯|麻省理工)(?:大学|大學|医学院|醫學院)?(?=(?:\\d{4}年)?的?(?:一项|一項|一份|最新)?(?:研究|团队|團隊|学者|學者|科学家|科學家))',
    '全球疾病负担|全球疾病負擔|中国居民营养与健康(?:状况)?(?:监测|调查)|中國居民營養與健康(?:狀況)?(?:監測|調查)|中国健康与营养调查|中國健康與營養調查|(?:国民|國民)(?:营养|營養)(?:健康)?(?:状况|狀況)?(?:变迁)?(?:调查|調查)',
    '[A-Z]{2,}[A-Za-z0-9-]*(?:零售|临床|臨床|队列|隊列)?(?:数据|數據|研究|调查|調查|试验|試驗)',
    // (The name holds no word of quantity — "一所", "某", "很多" — and "大学生" is a student.)
    '(?<![一某几幾各这這那该該])(?:(?![一某些多几幾各这這那该該])\\p{Script=Han}){2,10}?(?:统计局|統計局|卫生署|衛生署|衞生署|卫生局|衛生局|衞生局|卫生部|衛生部|衞生部|卫生健康委员会|衛生健康委員會|卫健委|衛健委|疾病预防控制中心|疾病預防控制中心|疾控中心|营养学会|營養學會|医学会|醫學會|学会|學會|协会|協會|研究院|研究所|(?:大学|大學)(?!生)|(?<!三甲|大型|综合|綜合|社区|社區)(?:医院|醫院))',
  ].join('|'),
  'u',
);

/** Sentence openers that look like a name to the capital-letter pattern ("The study …", "This trial …"). */
const NOT_A_NAME = /^(?:The|This|That|These|Those|A|An|One|Another|Our|Their|Its|Each|Every|Some|Many|Most|Few|Such|Other|Several|Recent|New|Earlier|Later|Large|Small|Older|Newer|In|Of|For|Both)$/u;

/** The kinds of body ORGANISATIONS names by shape. */
const BODY_KIND = /^(?:Foundation|Association|Society|Institute|Council|Federation|Academy)$/u;

/** Where a study was done, which does not name it: "Swedish", "Japanese", "Canadian", "Dutch", "US", "UK". */
const PLACE_ADJECTIVE = /^(?:[A-Z][a-z]+(?:ish|ese|ian|an|ch|i)|US|U\.S\.|UK|EU|Thai|Greek)$/u;

/** The first source `text` names, or undefined. */
export function namedSource(text: string): NamedSource | undefined {
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(text); m !== null; m = NAMED.exec(text)) {
    const words = m[0].split(/\s+/u);
    // "The study found" / "A Small Trial": a capital that only opens a sentence names nothing.
    if (words.length >= 2 && /^(?:[Ss]tudy|[Tt]rial|[Cc]ohort|[Ss]urvey)$/u.test(words[words.length - 1]!)) {
      const name = words.slice(0, -1).filter((w) => !NOT_A_NAME.test(w) && !DESIGN_WORD.test(w));
      // "A Swedish study", "a US trial": where it was done does not name it.
      if (name.every((w) => PLACE_ADJECTIVE.test(w))) continue;
    }
    if (/^(?:published\s+in|appeared\s+in|in\s+the\s+journal|journal)\s*$/u.test(m[0])) continue;
    // "The Foundation", "This Institute": a body named by its kind alone names none.
    if (BODY_KIND.test(words[words.length - 1]!) && words.slice(0, -1).every((w) => NOT_A_NAME.test(w))) continue;
    return { text: m[0], start: m.index, end: m.index + m[0].length };
  }
  const zh = NAMED_ZH.exec(text);
  return zh ? { text: zh[0], start: zh.index, end: zh.index + zh[0].length } : undefined;
}

/**
 * A person named with a doctor's or a professor's title: "Dr. Shawn Varney", "Professor Li",
 * "王敏教授", a transliterated name with its original in brackets ("马尔凯蒂(Daniella Marchetti)博士").
 */
const NAMED_EXPERT = /\b(?:Dr|Prof|Professor)\.?\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?|[\p{Script=Han}]{2,4}(?:[（(][\p{Script=Latin}\s.'’-]{2,40}[)）])?(?:教授|医生|醫生|主任|博士)/u;

/** The first expert `text` names by title, or undefined: the experts of "experts say" named in their paragraph. */
export function namedExpert(text: string): NamedSource | undefined {
  const m = NAMED_EXPERT.exec(text);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : undefined;
}
