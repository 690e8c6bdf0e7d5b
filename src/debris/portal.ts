/**
 * Furniture of Q&A and consultation portals and of document-sharing sites, recognised by the
 * shape of a line rather than by a phrase: a field label with its value ("病情描述：…",
 * "擅长：…"), a doctor's card made of a name, a title, a hospital, a department and the
 * hospital's grade in any order ("文旭主任医师", "江苏省人民医院 三级甲等 血液内科"), a counter
 * with its date ("0次浏览 2026-02-07", "131人看过"), a font-size switch ("A-100%A+"), a file
 * name standing for a title ("…复习资料.docx"), a viewer's resource sheet ("资源大小:2.31MB
 * 全文页数:36页"), the site's blurb about shared documents, a Chinese breadcrumb or menu item.
 *
 * Like jusText's classes of blocks, each shape only says what a line looks like; the
 * classifier weighs it with the rest (classify.ts). Every test is anchored, guarded by a
 * character the shape must hold, and linear in the line.
 */
import type { DebrisKind } from './lexicon.js';
import { readsAsEntry } from '../parse/blocks.js';

export interface FamilyEvidence {
  weight: number;
  kind: DebrisKind;
  why: string;
  /** The line is the article's own (a journal's keyword line): never debris. */
  keep?: boolean;
}

// A field of the question or of the doctor, the whole line being the field and its value.
const QA_FIELD =
  /^(?:病情描述(?:及疑问)?|问题描述|問題描述|健康咨询描述|咨询描述|諮詢描述|补充描述|補充描述|曾经的治疗情况和效果|曾經的治療情況和效果|想得到怎样的帮助|想得到怎樣的幫助|擅长|擅長|擅长领域|擅長領域|医生擅长|醫生擅長|执业医院|執業醫院|就诊医院|提问时间|提問時間|回答时间|回答時間|提问者|提問者|回答者|采纳率|採納率)\s*[:：]/u;
// The answer's own labels, reported only when nothing follows them (the answer does).
const ANSWER_LABEL = /^(?:病情分析|指导意见|指導意見|医生建议|醫生建議|医生回复|醫生回覆|问题分析|問題分析)\s*[:：]?$/u;
// A portal's source label in traditional characters ("來源：博禾知道"; the simplified one is in the lexicon).
const SOURCE = /^(?:來源|資料來源|文章來源|本文來源|責任編輯|責編|編輯|圖片來源)\s*[:：|丨]\s*\S.{0,40}$|^(?:本文来源|文章来源|原文来源|原文出处|本文來源|文章來源|原文來源|原文出處|本文转载自|本文轉載自)\s*[:：]\s*\S.{0,300}$/u;
// A meta label whose value is missing ("标签：").
const BARE_META = /^(?:标签|標籤|分类|分類)\s*[:：]$/u;
// A site's welcome line ("欢迎来到…！| 帮助中心").
// ("欢迎来到维生素的世界：…" opens an article: the site's line greets with a bang or carries its links.)
const WELCOME = /^欢迎(?:来到|光临|光臨|访问|訪問)[^。：:，,]{1,20}[!！]|^欢迎(?:来到|光临|光臨|访问|訪問).{0,40}(?:帮助中心|幫助中心|登录|登錄|注册|註冊)/u;
// The name of a portal's team of experts ("某某健康专家团").
const TEAM = /^[\p{Script=Han}A-Za-z0-9]{0,12}(?:专家团|專家團|专家团队|專家團隊|医生团队|醫生團隊|医学团队|醫學團隊|编辑团队|編輯團隊)$/u;
// An editorial badge of a portal ("精创内容 三审三校", "医学审核").
const BADGE = /^(?:[\p{Script=Han}]{2,6}\s+)?(?:三审三校|三審三校|医学审核|醫學審核|专业审核|專業審核|医生审核|醫生審核|权威审核|權威審核|医学编辑|醫學編輯|医学顾问|醫學顧問)$/u;
// A VIP offer of a document site ("1亿VIP精品文档", "VIP专享文档").
const VIP = /^(?:\d+\s*[万亿萬億]?\s*)?vip\s*(?:精品|专享|專享|会员|會員|免费|免費)?\s*(?:文档|文檔|资料|資料|下载|下載)?$/iu;

// Parts of a doctor's card, one per token of the line.
const TITLE = /^[\p{Script=Han}·]{0,4}(?:副?主任|主治|住院|主管|执业|執業)?(?:医师|醫師|药师|藥師|护师|護師|技师|技師|营养师|營養師)$|^(?:副?教授|主任|副主任)$/u;
const HOSPITAL = /^[\p{Script=Han}()（）]{2,30}(?:医院|醫院|医疗中心|醫療中心|卫生院|衛生院|保健院|诊所|診所|门诊部|門診部|卫生服务中心|衛生服務中心|医学中心|醫學中心)$/u;
// ("百科", "学科", "本科" are no departments.)
const DEPARTMENT = /^[\p{Script=Han}]{0,7}[^百学學本\s](?:科|科室)$/u;
const GRADE = /^(?:三甲|二甲|三级甲等|三級甲等|二级甲等|二級甲等|三级|三級|二级|二級|一级|一級)$/u;
const NAME = /^[\p{Script=Han}·]{2,4}$/u;

/** A doctor's card: the parts of one (a title, a hospital, a department, a grade), nothing else. */
function doctorCard(text: string): FamilyEvidence | undefined {
  if (text.length > 60 || /[。！？!?,，：:]/u.test(text)) return undefined;
  const tokens = text.split(/\s+/u);
  let title = 0;
  let place = 0;
  let names = 0;
  for (const t of tokens) {
    if (TITLE.test(t)) title++;
    else if (HOSPITAL.test(t) || GRADE.test(t)) place++;
    else if (DEPARTMENT.test(t)) place++;
    else if (NAME.test(t)) names++;
    else return undefined;
  }
  // A name counts only beside a title ("杨宁 副主任医师"); a lone department is a heading's shape.
  if (title === 0 && names > 0) return undefined;
  if (title > 0) return { weight: 3, kind: 'qa', why: 'doctor card' };
  // A hospital, department or grade without a doctor's title: a card only on a Q&A page
  // (see `portalPage`); elsewhere a line naming a hospital may be the article's.
  return { weight: tokens.length >= 2 || GRADE.test(text) ? 3 : 2, kind: 'qa', why: 'hospital card' };
}

// Counters and stamps of a portal line: "0次浏览", "11人閱讀", "131人看过", a date, a time.
const COUNTER_TOKEN =
  /^(?:\d[\d,.]*[万萬kK]?\s*(?:人|次)(?:阅读|閱讀|看过|看過|浏览|瀏覽|觉得有用|覺得有用|关注|關注|赞同|贊同|回答|收藏|点赞|點讚|播放)?|(?:阅读|閱讀|浏览|瀏覽)\s*[:：]?\s*\d[\d,.]*[万萬]?\s*次?|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?)$/u;

/** A line made of counters and stamps only, with one counter at least ("0次浏览 2026-02-07"). */
function counterLine(text: string): FamilyEvidence | undefined {
  if (text.length > 60 || !/[人次]/u.test(text)) return undefined;
  const tokens = text.split(/\s+|(?<=[览覽读讀过過])(?=\d)/u);
  if (!tokens.every((t) => COUNTER_TOKEN.test(t))) return undefined;
  if (!tokens.some((t) => /[人次]/u.test(t))) return undefined;
  // A bare count ("0次") is unsure alone: a run of counters around it decides.
  return /^\d+\s*[人次]$/u.test(text) ? { weight: 2, kind: 'qa', why: 'counter' } : { weight: 3, kind: 'qa', why: 'counter' };
}

// A font-size switch ("A-100%A+", "字号：大 中 小").
const FONT_SWITCH = /A-\s*\d{2,3}%\s*A\+|^(?:字号|字號|字体|字體)\s*[:：]?\s*(?:[大中小]\s*){2,3}$/u;
// A file name standing alone, the document's own name on a sharing site.
const FILE_NAME = /^[^\s。！？]{1,80}\.(?:docx?|pdf|pptx?|xlsx?|wps|caj|txt)$/iu;
const FILE_NAME_SPACED = /^(?:[\p{L}\p{N}_()（）-]+\s){1,7}[\p{L}\p{N}_()（）-]+\.(?:docx?|pdf|pptx?|xlsx?)$/iu;
// A viewer's resource sheet: a labelled size, page count, format or price.
const RESOURCE =
  /(?:资源ID|资源大小|全文页数|资源格式|下载积分|文档页数|文档格式|文檔格式|文件大小|文件格式|上传时间|上傳時間|上传者|浏览次数|下载次数|下載次數|所需积分|所需金币|文档价格)\s*[:：]/u;
// The site's blurb about the document ("…由会员分享，可在线阅读，更多相关…请在…上搜索").
const BLURB =
  /由(?:会员|會員|用户|用戶|网友|網友)(?:分享|上传|上傳)|可在线阅读|请在.{1,12}上搜索|\d+页珍藏版|预览文档经过压缩|下载后.{0,20}(?:浏览器|无水印|原文更清晰)|方便查询和重复下载|本站(?:不支持|资源下载)|下载(?:资源|本文档)?需要\s*\d+\s*(?:金币|积分|下载券)/u;
// A price of a document in the site's points or coins ("本文档需要 5 下载券", "售价：20积分").
const PRICE = /(?:需要|售价|售價|价格|價格|所需|花费|花費)\s*[:：]?\s*\d+\s*(?:金币|金幣|积分|積分|下载券|下載券|下载币|下載幣|财富值|財富值)$/u;
// A Chinese breadcrumb ("首页> 药品> 维生素", "首页 三一办公 > 资源分类") or a menu item ("办公文档>").
const BREADCRUMB = /^(?:首页|首頁)(?:\s*[>›»/]|\s+\S)/u;
const MENU_ITEM = /^[^\s。，,.!?！？]{2,12}\s*[>›»]$/u;
// A category path of three parts or more joined by slashes, each a Chinese name, alone or in
// brackets ("【药品查询/维生素类/锌】"): a breadcrumb ("mg/kg/day" has no Han).
const CATEGORY_PATH = /^[【[（(]?\p{Script=Han}[\p{Script=Han}\w]{0,11}(?:\/\p{Script=Han}[\p{Script=Han}\w]{0,11}){2,}[】\]）)]?$/u;

/** Evidence the shape of a (trimmed) line gives of portal or document-site furniture. */
export function portalEvidence(text: string): FamilyEvidence | undefined {
  if (text === '' || text.length > 400) return undefined;
  const colon = text.includes(':') || text.includes('：');
  if (colon && QA_FIELD.test(text)) return { weight: 3, kind: 'qa', why: 'question or doctor field' };
  // (A source written out as a bibliographic entry, "本文来源：某某.标题 [J].期刊,2015,7(10):8-14",
  // is the article's attribution, not the portal's label.)
  if (colon && SOURCE.test(text) && !readsAsEntry(text)) return { weight: 3, kind: 'portal', why: 'source label' };
  if (ANSWER_LABEL.test(text)) return { weight: 3, kind: 'qa', why: 'answer label' };
  if (colon && BARE_META.test(text)) return { weight: 3, kind: 'meta', why: 'label without value' };
  if (text.startsWith('欢迎') && text.length <= 120 && WELCOME.test(text)) return { weight: 3, kind: 'nav', why: 'welcome line' };
  if (text.length <= 30 && (TEAM.test(text) || BADGE.test(text.replace(/^[,，、\s]+/u, '')))) return { weight: 3, kind: 'qa', why: 'team or badge' };
  if (text.length <= 24 && /vip/iu.test(text) && VIP.test(text)) return { weight: 3, kind: 'document', why: 'VIP offer' };
  if (text.includes('A+') || text.includes('字')) {
    if (FONT_SWITCH.test(text) && text.length <= 60) return { weight: 3, kind: 'layout', why: 'font-size switch' };
  }
  if (colon && RESOURCE.test(text)) return { weight: 3, kind: 'document', why: 'resource sheet' };
  if (BLURB.test(text)) return { weight: 3, kind: 'document', why: 'document-site notice' };
  if (text.length <= 40 && PRICE.test(text)) return { weight: 3, kind: 'document', why: 'price in points' };
  if (text.includes('.') && (FILE_NAME.test(text) || FILE_NAME_SPACED.test(text))) return { weight: 3, kind: 'document', why: 'file name' };
  if ((text.startsWith('首页') || text.startsWith('首頁')) && text.length <= 60 && BREADCRUMB.test(text)) return { weight: 3, kind: 'nav', why: 'breadcrumb' };
  if (MENU_ITEM.test(text)) return { weight: 3, kind: 'nav', why: 'menu item' };
  if (text.includes('/') && text.length <= 60 && CATEGORY_PATH.test(text)) return { weight: 3, kind: 'nav', why: 'category path' };
  return counterLine(text) ?? doctorCard(text);
}

/**
 * Keeps the hospital cards of a page only when the page is a Q&A or consultation page: one
 * line at least is the portal's own (a doctor's card with a title, an answer header, a
 * question field, a counter), so its hospital and department lines are the doctor's card too.
 */
export function portalPage(evidence: Array<FamilyEvidence | undefined>): Array<FamilyEvidence | undefined> {
  const qa = evidence.some((e) => e !== undefined && e.kind === 'qa' && e.weight >= 3 && e.why !== 'hospital card');
  return qa ? evidence : evidence.map((e) => (e?.why === 'hospital card' ? undefined : e));
}
