/**
 * The vocabulary of site debris, as data: which words and line shapes the publishing
 * system, the shop and the portal leave around an article, in English and Chinese, and which
 * short lines are an article's own structure. The classifier (`classify.ts`) weighs them;
 * nothing here decides alone.
 *
 * Patterns match a line that has been trimmed of surrounding punctuation and white space and
 * lower-cased (`normaliseLine`). A `whole` pattern must cover the line; an `opening`
 * pattern only has to open it (a label and what follows: "Tags: sleep, magnesium").
 */
import { readable } from '../lang/simplified.js';

export type DebrisKind =
  | 'shop'
  | 'editorial'
  | 'author'
  | 'comments'
  | 'meta'
  | 'share'
  | 'ad'
  | 'related'
  | 'newsletter'
  | 'cookie'
  | 'portal'
  | 'nav'
  | 'code'
  | 'layout'
  | 'account'
  // Families of furniture around an article (issue 15): a Q&A or consultation portal's fields,
  // a document-sharing site's viewer, a journal's front matter, a disclaimer.
  | 'qa'
  | 'document'
  | 'frontmatter'
  | 'disclaimer';

export interface Pattern {
  kind: DebrisKind;
  re: RegExp;
  /** Evidence it adds (see the weights in classify.ts). */
  weight: number;
  /** True when the pattern may match a line longer than a label (a form notice, a disclaimer). */
  long?: boolean;
}

// Site and shop names that only appear in shop, share and follow prompts.
const SHOPS = 'amazon|walmart|iherb|target|ebay|costco|vitacost|the official (?:site|website|store)';
const NETWORKS = 'facebook|fb|google\\+|google plus|vk|twitter|x|pinterest|linkedin|reddit|whatsapp|telegram|flipboard|tumblr|instagram|youtube|tiktok|email|e-mail|print|copy link|messenger|weibo|wechat|微博|微信|qq空间|qq';

/**
 * Lines that are debris on their own when they make up the line. Weight 3 is enough to
 * report with high confidence; weight 2 is reported as unsure unless something else agrees.
 */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** A date as sites print it (lower-cased): 2023-05-02, 2023年5月2日, 4/12/2021, may-02-2023, may 2, 2023, 2 may 2023. */
export const DATE = `(?:\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|${MONTH}[- ]\\d{1,2}(?:st|nd|rd|th)?,?[- ]\\d{4}|\\d{1,2} ${MONTH},? \\d{4})`;
const TIME = '(?:[ t]+\\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[ap]\\.?m\\.?)?)';
const STAMP_LABEL = '(?:(?:last )?(?:updated|update|published|modified|posted|reviewed|created|date)(?: on)?|发布于|發布於|发表于|發表於|更新于|更新於|发布时间|發布時間|发布日期|發布日期|更新时间|更新時間|发表时间|發表時間|日期|时间|時間)';
/** A date with the label a site puts before it, and maybe its time. */
const STAMP = `${STAMP_LABEL}\\s*[:：]?\\s*${DATE}${TIME}?`;
/** A view count ("浏览2356次", "阅读 1.2万", "views: 1,204"). */
const VIEWS = '(?:浏览|瀏覽|阅读|閱讀|views?)\\s*[:：]?\\s*[\\d,.]+[万萬k]?\\s*次?';
const SEP = '\\s*[|·•・,;]?\\s*';

/** The site speaking of its own text: "this information", "the content provided on this site". */
const INFO_SUBJECT =
  '(?:this|the|our|all|any|such|these)\\s+(?:(?:information|content|article|site|website|web site|page|post|blog|material|materials|answer|answers|text|video|publication|guide|statements?|recommendations?|resources?)\\s*){1,3}(?:(?:provided|presented|published|contained|shared|found)\\s+(?:here|herein|on|in|by|through)\\b[^.]{0,40})?';

export const WHOLE_PATTERNS: readonly Pattern[] = [
  // Shop and affiliate calls to action.
  { kind: 'shop', weight: 3, re: /^(?:shop|buy|order|get yours?|grab (?:it|yours|one)) (?:it |them |yours? )?(?:now|today|here|online)$/ },
  { kind: 'shop', weight: 3, re: new RegExp(`^(?:buy|shop|order|get it|view|see it|available|find it|check it out) (?:now )?(?:on|at|from) (?:${SHOPS})\\b.*$`) },
  { kind: 'shop', weight: 3, re: /^(?:click here )?(?:to )?(?:check|see|view|compare|get|find) (?:the )?(?:(?:latest|current|today'?s|best|lowest|live|new) )*(?:prices?|deals?|discounts?|offers?|availability)\b.*$/ },
  { kind: 'shop', weight: 3, re: /^click (?:here|this link|the (?:link|button)(?: below)?)\b.*$/ },
  { kind: 'shop', weight: 3, re: /^(?:read|see|check out) (?:our|the) (?:full|complete|in-depth|detailed|honest) review\b.*$/ },
  // A product-picks box: "Check out our unbiased recommendation of the best products on the market".
  { kind: 'shop', weight: 3, long: true, re: /^(?:check out|see|read|discover|explore) our (?:unbiased|honest|independent|expert|top|editors['’]?) (?:recommendations?|picks|reviews?|rankings?|guide) (?:of|for) the (?:best|top)\b/ },
  // A shop's own picks: "Check out our most popular zinc products!".
  { kind: 'shop', weight: 3, re: /^(?:check out|shop|browse|see|explore|discover) our (?:most popular|best[- ]selling|top[- ]rated|favou?rite|featured|latest|new)\b.{0,40}\b(?:products|supplements|picks|deals|brands|formulas)$/ },
  { kind: 'shop', weight: 2, re: /^(?:use|apply) (?:code|coupon|promo code)\b.*$/ },
  // A discount offer: "20% off", "Get $15 off your first order", "Save up to 20% off today".
  { kind: 'shop', weight: 3, re: /^(?:(?:get|save|take|enjoy|grab|receive) )?(?:an? )?(?:extra )?(?:up to )?(?:[$£€]\d{1,3}|\d{1,2}%) off\b.{0,80}$/ },
  { kind: 'shop', weight: 3, re: /^(?:as an amazon associate|this (?:post|article|page) (?:contains|may contain) affiliate links)\b.*$/, long: true },
  { kind: 'shop', weight: 4, long: true, re: /\bwe (?:may|might|will|could) (?:earn|receive|get|make) (?:a |an )?(?:small |affiliate )?(?:commission|fee|share of (?:sales|revenue))|\bwe independently (?:research|review|test|select|choose)\b|\b(?:if|when) you (?:buy|purchase|shop) (?:something |anything |products? )?(?:through|via|from) (?:our|the|these) (?:product )?links\b|\baffiliate (?:disclosure|links?|commission)\b|^adverti(?:ser|sing) disclosure\b|\bwe (?:may|might|could) be (?:compensated|paid)\b|^learn (?:why|how) (?:you can trust us|we (?:test|review|rate|choose)\b)|\b[a-z][\w.-]* (?:may|might|could) (?:earn|receive|collect|get) (?:a |an )?(?:small )?(?:commission|share of (?:sales|revenue)|compensation)\b[^.]{0,60}\b(?:links?|purchases?|orders?|retailers?)\b|\b(?:independently|all) (?:chosen|selected|picked) by (?:our )?editors\b/ },
  { kind: 'shop', weight: 3, re: /^(?:call now|call now button|order online|book (?:now|online|an appointment)|get a quote|request a quote|free consultation)$/ },
  { kind: 'shop', weight: 2, re: /^(?:best (?:price|deal|value)|on sale|free shipping|in stock|out of stock|add to (?:cart|basket)|sale)$/ },
  // A shop banner: an offer and its button on one short line ("Free shipping on all orders: Shop now").
  { kind: 'shop', weight: 3, re: /^(?:free (?:shipping|delivery|returns)|\d{1,2}% off|save \d{1,2}%|limited[- ]time offer)\b.{0,60}\b(?:shop now|buy now|order now|shop the sale|get yours|claim (?:yours|offer))$/ },
  // Editorial boilerplate and feedback widgets.
  { kind: 'editorial', weight: 3, re: /^(?:learn|read|find out) (?:more )?about (?:our|how we)\b.{0,60}$/ },
  { kind: 'editorial', weight: 3, re: /^our (?:editorial|review|sourcing) (?:process|policy|guidelines|standards)$/ },
  { kind: 'editorial', weight: 3, re: /^(?:was|is|did) (?:this|the) (?:article|page|post|information|answer|content) (?:helpful|useful|help(?: you)?)\b.*$/ },
  { kind: 'editorial', weight: 3, re: /^(?:thanks?|thank you) for (?:your )?(?:feedback|rating|voting)\b.*$/ },
  // The thank-you of a print or visit widget ("Thanks for printing this recipe").
  { kind: 'editorial', weight: 3, re: /^(?:thanks?|thank you) for (?:printing|visiting|stopping by|watching)\b.{0,60}$/ },
  { kind: 'editorial', weight: 3, re: /^(?:yes|no|helpful|not helpful)(?:[\s/|·]+(?:yes|no|helpful|not helpful))+$/ },
  { kind: 'editorial', weight: 3, re: /^(?:was|is) (?:this|that) (?:helpful|useful)$/ },
  { kind: 'editorial', weight: 3, re: /^(?:did|do|was|were) (?:you find )?(?:this|the|our) (?:article|guide|post|page|information|content|recipe|tip|list) (?:helpful|useful)\b.{0,80}$/ },
  { kind: 'editorial', weight: 3, re: /^(?:fact[- ]?checked|evidence[- ]based|expert[- ]reviewed|medically reviewed|peer reviewed)$/ },
  // "Medically reviewed by …" alone: a credit line of the site. Reported, kept unless more agrees (see classify.ts).
  { kind: 'editorial', weight: 2, re: /^(?:medically|fact|expert|clinically|nutritionally) (?:reviewed|checked|verified)(?: by)?\b.{0,80}$/ },
  // Author boxes.
  { kind: 'author', weight: 3, re: /^(?:about (?:the|this) (?:author|writer|reviewer|expert)s?|meet the (?:author|expert)s?|author bio|(?:more|articles|posts) (?:from|by) (?:this|the) author)$/ },
  { kind: 'author', weight: 2, re: /^(?:written|reported|edited|authored) by\b.{0,80}$/ },
  // A placeholder author ("Admin", "Anonymous", the Indonesian "Anonim").
  { kind: 'author', weight: 3, re: /^(?:by |posted by |written by )?(?:admin|administrator|site admin|anonymous|anonim|anónimo|anonyme|guest author|staff writer)$/ },
  // The link of an author box ("View Jane Doe's profile", "See all posts by Jane Doe").
  { kind: 'author', weight: 3, re: /^(?:view|see|visit) (?:[\w.-]+ ){0,3}[\w.-]+(?:'s|’s) (?:profile|bio|author page)$|^(?:view|see) (?:full )?(?:profile|bio)$|^(?:see|view) (?:all )?(?:posts|articles|stories) by\b.{0,40}$/ },
  // The label of an author box, with nothing after it on its line ("Researched and written by:").
  { kind: 'author', weight: 3, re: /^(?:(?:researched|reviewed|written|edited|fact[- ]checked)(?: and (?:researched|reviewed|written|edited|fact[- ]checked))?|authored|article) by$/ },
  // An author box: the label or the byline, then a line of biography.
  { kind: 'author', weight: 3, long: true, re: /^(?:about the author|about the writer|author bio|作者介[绍紹]|作者[简簡]介|[关關]於作者|关于作者)\s*[:：-]\s*\S|^(?:written|reviewed|edited|reported) by [^.]{2,60}\.\s+[^.]{0,60}\b(?:is|was) an? [^.]{0,60}\b(?:writer|journalist|editor|nutritionist|dietitian|blogger|author|contributor|coach|researcher|reporter)\b/ },
  // Comment forms.
  { kind: 'comments', weight: 4, long: true, re: /your email address will not be published|required fields are marked|save my name,? email,? and website|notify me of (?:follow-up comments|new posts)|you must be logged in to post a comment/ },
  { kind: 'comments', weight: 3, re: /^(?:leave|post|add|write|submit|view|show|load) (?:a |your |all |more )?(?:comments?|reply|replies|responses?)$/ },
  { kind: 'comments', weight: 3, re: /^(?:cancel reply|reply|log in to reply|join the (?:discussion|conversation)|comments? (?:are )?closed|no comments(?: yet)?|be the first to comment)$/ },
  { kind: 'comments', weight: 3, long: true, re: /\blet us know in the comments\b|\b(?:leave|drop|share|post) (?:a|your) (?:comment|thoughts|questions?) (?:below|in the comments)\b/ },
  { kind: 'comments', weight: 3, re: /^\d+ (?:comments?|responses?|replies|thoughts? on .{1,80})$/ },
  // The rules of a Chinese comment box ("发表评论请不要超过250字；请自觉遵守互联网相关政策法规").
  { kind: 'comments', weight: 4, long: true, re: /发表评论.{0,30}(?:不要超过|不能超过|不得超过|\d+\s*字)|遵守互联网相关政策法规|文明上网|理性发言|(?:评论内容|网友评论)\s*[:：]/ },
  { kind: 'comments', weight: 3, re: /^be the first to (?:rate|review|comment|reply|leave)\b.{0,80}$/ },
  // A comment prompt of a Chinese page ("欢迎在评论区分享"), also inside a paragraph.
  { kind: 'comments', weight: 3, long: true, re: /欢迎(?:大家)?(?:在)?评论区|(?:在)?评论区(?:留言|分享|告诉|聊聊|说说)|欢迎(?:大家)?留言/ },
  { kind: 'comments', weight: 3, re: /^(?:comments?|responses?|replies|discussion)\s*[(（[]\d+[)）\]]?$/ }, // the closing bracket is outer punctuation, trimmed
  { kind: 'comments', weight: 3, long: true, re: /\bwe (?:moderate|review|approve|check) (?:all |every |each )?comments?\b|\bcomments? (?:are|is|will be) (?:moderated|reviewed before)|^(?:add|share|post|leave) your (?:comment|thoughts|reply)\b(?: below)?/ },
  { kind: 'comments', weight: 3, re: /^(?:(?:name|e-?mail|website|comment|url)\s*(?:\*\s*)?){2,}$/ },
  // Blog meta lines.
  { kind: 'meta', weight: 3, re: /^posted (?:on|by|in|at)\b.{0,80}$/ },
  { kind: 'meta', weight: 3, re: /^(?:filed|posted|listed) under\b.{0,120}$/ },
  { kind: 'meta', weight: 3, re: /^(?:tags?|tagged(?: with)?|categories|category|topics|keywords|标签|標籤|分类|分類|关键词|關鍵詞|关键字|關鍵字)(?:建议|建議)?\s*[:：]\s*\S.{0,160}$/ },
  { kind: 'meta', weight: 2, re: /^(?:last )?(?:updated|published|modified|reviewed)(?: on)?\s*[:：]?\s*(?:\w+ \d{1,2},? \d{4}|\d{1,2} \w+,? \d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/ },
  { kind: 'meta', weight: 2, re: /^\d+ min(?:ute)?s? read$/ },
  // "Read Time: 19 mins", "Reading time: 4 minutes", "阅读时间：5分钟": the post's reading time.
  { kind: 'meta', weight: 3, re: /^(?:(?:estimated )?read(?:ing)? time|time to read|阅读时间|閱讀時間|阅读时长|閱讀時長)\s*[:：]?\s*(?:about |~)?\d{1,3}\s*(?:min(?:ute)?s?|分钟|分鐘)(?: read)?$/ },
  // A byline with its date ("Written by Brand on May 12, 2014"): blog meta, not a credit alone.
  { kind: 'meta', weight: 3, re: /^(?:written|posted|published|updated) by .{1,40}? on (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}[,.]? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/ },
  // A lone date line ("Thursday, December 22, 2016", "on September 24, 2025"): page meta, unsure alone.
  { kind: 'meta', weight: 3, re: /^(?:on |posted |published )?(?:mon|tues|wednes|thurs|fri|satur|sun)day,? (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}[,.]? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4})$/ },
  { kind: 'meta', weight: 2, re: /^(?:on |posted |published )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}[,.]? \d{4}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4})$/ },
  { kind: 'meta', weight: 3, re: /^(?:editor|author|reviewer|writer)s?\s*:\s*.{2,60}?(?:updated|published|posted)\s*:?\s*.{0,40}$/ },
  // A byline label with its name ("Author: jdoe", "作者：李明"); the role may be qualified by a
  // word or two ("Medical Editor: …", "Nutrition and Fitness Reviewer: …").
  { kind: 'author', weight: 3, re: /^(?:author|byline|posted by|(?:[a-z]+ (?:and [a-z]+ )?)?(?:editor|reviewer|writer)|作者|撰文|编辑|編輯|责任编辑|責任編輯)\s*[:：]\s*\S.{0,50}$/ },
  // Stamps: publication and update dates with their labels, times, and a view count, in one
  // line or several ("Published on: 2023-05-02 10:11:12 Updated on: May-02-2023",
  // "Posted: 4/12/2021 Last update: 5/01/2021", "发布于2023-03-11・浏览1820次").
  // A lone labelled date is unsure (as the date lines above); with its time, a second stamp or
  // a view count it is the page's meta line.
  { kind: 'meta', weight: 3, re: new RegExp(`^(?:${STAMP}(?:${SEP}${STAMP}){1,2}(?:${SEP}${VIEWS})?|${STAMP}${SEP}${VIEWS}|${STAMP_LABEL}\\s*[:：]?\\s*${DATE}${TIME}(?:${SEP}${VIEWS})?)$`) },
  { kind: 'meta', weight: 2, re: new RegExp(`^${STAMP}$`) },
  { kind: 'meta', weight: 3, re: new RegExp(`^${VIEWS}$`) },
  // A comment counter ("评论(0)", "文档评论(3)"); the closing bracket is trimmed as punctuation.
  { kind: 'comments', weight: 3, re: /^(?:文档|文檔)?(?:评论|評論|留言)\s*[(（]\s*\d+$/ },
  // A site's account and search controls left as lines.
  { kind: 'nav', weight: 3, re: /^(?:登入|登录|登錄|注册|註冊|登录\s*\/\s*注册|登入\s*\/\s*註冊|搜尋|搜索|首页|首頁|返回顶部|返回頂部|sign in|log in|login|sign up|register|search|menu)$/ },
  // Journal-site chrome: reading settings and article navigation.
  { kind: 'nav', weight: 3, re: /^(?:next|previous|prev) (?:article|paper|chapter) in (?:journal|(?:this |special )?issue|section|topic|collection)$/ },
  { kind: 'nav', weight: 3, re: /^(?:font (?:type|size|family)|line spacing|column width|text size|reading mode|display settings)\b.{0,60}$/ },
  // The tabs of a health encyclopedia's topic page.
  { kind: 'nav', weight: 3, re: /^(?:topic overview|health tools)$/ },
  // A link's label for screen readers left on its line ("Rights & Permissions [Opens in a new window]").
  { kind: 'nav', weight: 3, re: /^.{1,60}\s[[(]opens? in (?:a )?new (?:window|tab)[\])]?$/ },
  { kind: 'nav', weight: 3, re: /^(?:back to (?:search results|top|home|articles?|blog|results)|return to (?:top|home|search results))$/ },
  { kind: 'nav', weight: 3, re: /^(?:link to (?:article|post|source|this page)|go to (?:article|page|top))\b.{0,20}$/ },
  // A health portal's links to readers' accounts: "Reader Stories", "Patient Comments", "Share Your Story".
  { kind: 'related', weight: 3, re: /^(?:reader|patient|readers['’]|patients['’]) (?:stories|comments|experiences)$|^share your (?:story|experience)$/ },
  // A list widget's tab and its empty state ("Commented", "Sorry, there are no recent results for popular commented articles.").
  { kind: 'related', weight: 2, re: /^(?:most )?(?:commented|emailed|shared|viewed)$/ },
  { kind: 'related', weight: 3, re: /^sorry,? (?:there (?:are|were) )?no (?:recent |new )?(?:results|articles|posts|stories|comments) (?:for|in|to)\b.{0,80}$/ },
  // An archive's banner over an author manuscript: "NIHPA Author Manuscripts logoLink to NIHPA
  // Author Manuscripts", "Author manuscript; available in PMC: 2014 Sep 19".
  { kind: 'frontmatter', weight: 3, re: /^(?:[a-z]+ )?author manuscripts? ?logo ?link to .{0,60}$|^author manuscript(?:; available in pmc\b.{0,30})?$/ },
  // A journal archive's links around a paper: "Author information Copyright and License information Disclaimer", "Go to:".
  { kind: 'nav', weight: 3, re: /^(?:(?:author information|article notes|copyright and license information|pmc disclaimer|disclaimer)\s*){2,}$|^go to:?$/ },
  // A jump menu of the page's sections ("Skip ahead: How we chose | The best … | FAQ").
  { kind: 'nav', weight: 3, long: true, re: /^(?:skip ahead|jump to|skip to)\b.{0,300}\|.{0,300}$/ },
  // Sign-in and paywall prompts.
  { kind: 'account', weight: 3, re: /^(?:you (?:need|must|have) to|please) (?:log ?in|sign ?in|register|sign up|subscribe|create an account)\b.{0,80}$/ },
  { kind: 'account', weight: 3, re: /^(?:log ?in|sign ?in)(?: (?:or|\/) (?:register|sign up|create an account))?(?: to (?:comment|reply|continue|read|save|bookmark)\b.{0,40})?$|^(?:create an account|register now|member login)$/ },
  // Picture credits and stray picture names.
  { kind: 'layout', weight: 3, re: /^(?:getty images|istock|shutterstock|adobe stock)\b.{0,60}$|^photo by .{2,60} on (?:unsplash|pexels)$/ },
  // An image's file name left where the image stood: "yogurt-bowl-berries.jpg".
  { kind: 'layout', weight: 3, re: /^[\w.-]{1,80}\.(?:jpe?g|png|gif|webp|svg|avif|bmp)$/ },
  // A labelled credit ("Photo Credit: …/iStock/Getty Images"), after a caption's last sentence
  // too (see inline.ts `creditTail`).
  { kind: 'layout', weight: 3, re: /^(?:photo|image|picture)(?: credit| courtesy| source)s?\s*:?\s*.{2,80}$/ },
  // A credit by its wording: "Photo by …", "Photo-Illustration: Courtesy of …", "Image via …".
  { kind: 'layout', weight: 3, re: /^(?:(?:photo|image|picture|illustration|photo[- ]illustration|photograph)s?\s*:?\s*(?:by|courtesy(?: of)?|via|credit)\b.{2,80}|(?:courtesy of|image courtesy|images? via) .{2,60})$/ },
  // "Photo: …" may be a caption of the article as well as a credit: unsure alone.
  { kind: 'layout', weight: 2, re: /^(?:photo|image|picture|illustration)\s*(?::|by)\s*.{2,80}$/ },
  // An image search's caption copied with the picture ("Image result for strawberries").
  { kind: 'layout', weight: 3, re: /^(?:image|images|picture) results? for\b.{2,80}$/ },
  // A caption with its picture's credit in brackets at the end ("A glass of milk. (Image: name/agency)").
  { kind: 'layout', weight: 3, re: /^.{0,120}\((?:image|photo|picture|photograph)s?(?: credit)?\s*:\s*[^()]{2,80}\)?$/ },
  // Link bait pasted into a paragraph: "Complement your reading with …".
  { kind: 'related', weight: 4, long: true, re: /complement your reading|(?:explore|check out|visit|see) this (?:helpful|useful|related|external|recommended) (?:resource|content|link|page|article)|enhance your (?:learning|reading) experience|carefully (?:selected|chosen|curated) (?:external )?(?:content|resources?|links?|reading)/ },
  // Share and print widgets.
  { kind: 'share', weight: 3, re: new RegExp(`^(?:share|send|post|pin|save|email|print)(?: this| it)?(?: (?:article|post|page|story|recipe))?(?: (?:on|to|via|with) (?:${NETWORKS}))?$`) },
  { kind: 'share', weight: 3, re: new RegExp(`^(?:${NETWORKS}|tweet|pin it|share|like|follow)(?:[\\s,|·•/]+(?:${NETWORKS}|tweet|pin it|share|like|follow))*$`) },
  { kind: 'share', weight: 3, re: /^print friendly\b.*$|^(?:print|download) (?:as )?pdf\b.*$|pdf & email$|^printed from\b.{0,80}$/ },
  { kind: 'share', weight: 3, re: new RegExp(`^follow us(?: on (?:${NETWORKS})(?:,? (?:and )?(?:${NETWORKS}))*)?$`) },
  // The site following itself by name: "Follow WellPath Daily on YouTube, Instagram and Facebook".
  { kind: 'share', weight: 3, re: new RegExp(`^follow [a-z0-9][a-z0-9 .&'’-]{1,40} on (?:${NETWORKS})(?:,? (?:and )?(?:${NETWORKS}))*$`) },
  { kind: 'share', weight: 3, long: true, re: /^(?:please,? )?(?:click (?:here )?(?:to )?)?subscribe to (?:our|my|the) (?:youtube |video )?channel\b.{0,120}$/ },
  // Ad slots.
  // A spam line of keywords: eight short Han names or more joined by bars ("某县| 某市| 某旗| …"),
  // after a label at most.
  { kind: 'nav', weight: 4, long: true, re: /^(?:[^|｜]{0,24}[:：] ?)?(?:[\u4e00-\u9fff]{1,8} ?[|｜] ?){8,}/ },
  // A parked domain's sale banner ("The domain example.com is available for acquisition").
  { kind: 'ad', weight: 4, long: true, re: /\bdomain(?: name)?\b.{0,60}\b(?:is|may be) (?:currently |now )?(?:for sale|available for (?:acquisition|purchase|sale))\b/ },
  { kind: 'ad', weight: 3, re: /^(?:advertis[ei]?ments?|advertising|advert|ad|ads|sponsored(?: (?:content|post|links?|stories))?|paid (?:content|post|partnership)|promoted(?: content)?|ads by google|story continues below(?: this)? (?:ad|advertisement)|continue reading below|article continues below)$/ },
  // An ad slot's label with the prompt to read on ("Advertisement - Continue Reading Below"), or
  // the label twice ("广告 广告", one slot's label printed by two layers of the page).
  { kind: 'ad', weight: 3, re: /^(?:advertis[ei]?ments?|advertising|ads?|sponsored)\s*[-–—:|·]\s*(?:continue reading(?: below)?|(?:story|article) continues below)$|^(?:advertisement|ad|广告)(?:\s+(?:advertisement|ad|广告))+$/ },
  // Related content.
  { kind: 'related', weight: 3, re: /^(?:related|related (?:posts?|articles?|stories|reading|content|links|topics)|you (?:may|might|will) also (?:like|enjoy|be interested in)|recommended(?: for you| reading| articles| posts)?|(?:most )?popular (?:posts?|articles?|now|stories)|trending(?: now| articles| stories)?|more (?:(?:useful|helpful|interesting|popular|related|recent|great) )?(?:stories|articles|posts|reads)(?: (?:on|about) (?:a |the |this )?(?:similar|related|same) (?:topics?|subjects?)| like this)?|more (?:to read|to explore|like this)|continue (?:learning|reading) about\b.{2,60}|don'?t miss(?: this)?|read (?:this )?next|up next|keep reading)$/ },
  { kind: 'related', weight: 3, long: true, re: /^(?:read more|read also|also read|see also|learn more|related|related article|more|more on this|recommended|must read|trending(?: now| today)?|popular(?: now| today)?|most read|don'?t miss|you may also like|up next)\s*[:：»›>-]\s*\S.{0,140}$/ },
  // The same label as scraped sites in other languages write it (Vietnamese, Indonesian, Spanish, Portuguese, French, German).
  { kind: 'related', weight: 3, re: /^(?:xem thêm|đọc thêm|tham khảo thêm|baca juga|lihat juga|baca selengkapnya|lee también|leer más|leia também|veja também|lire aussi|à lire aussi|weiterlesen|lesen sie auch|閱讀更多|延伸閱讀|相關文章|看更多|看更多文章|延伸阅读|相关文章|更多阅读|推荐阅读|推薦閱讀)\s*[:：»›>-]?\s*.{0,140}$/ },
  // A teaser's headline with its link label: "3 simple steps to sleep better. Read now".
  { kind: 'related', weight: 3, re: /^[^.!?]{5,100}[.!?:]?\s+(?:read now|read more|learn more)\s*(?:»|›|→|>)?$/ },
  { kind: 'related', weight: 3, re: /^(?:read more|read also|also read|continue reading|(?:read|view|see) (?:the )?full (?:article|story|post|text)|view more|see more|show more|load more|more)\s*(?:»|›|→|>|\.\.\.|…)?$/ },
  { kind: 'related', weight: 3, re: /^(?:find|discover|get|see|explore|browse) more (?:recipes|articles|posts|stories|tips|guides|videos)(?: (?:at|on|from|like this)\b.{0,60})?$/ },
  // A pointer to another post of the blog ("Check out the post about probiotics for more details!").
  { kind: 'related', weight: 3, re: /^(?:check out (?:our|the|this|my)|read (?:our|my)) (?:post|article|guide|blog post|piece) (?:about|on)\b.{0,80}$/ },
  { kind: 'related', weight: 2, re: /^previous (?:post|article)\b.{0,120}$|^next (?:post|article)\b.{0,120}$/ },
  // Newsletter prompts.
  { kind: 'newsletter', weight: 3, re: /^(?:sign up|subscribe|join|register|get|opt in)\b.{0,60}\b(?:newsletters?|inbox|updates|mailing list|email list|digest|emails?)\b.{0,60}$/ },
  { kind: 'newsletter', weight: 3, re: /^(?:subscribe|sign up|join now|join us|register now|get started)(?: now| today| for free| here)?$/ },
  { kind: 'newsletter', weight: 3, re: /^(?:enter your email(?: address)?|your email(?: address)?|thanks? (?:you )?for (?:subscribing|signing up)|no spam\b.*|unsubscribe at any time)$/ },
  // What a sign-up box says once it is done ("You have successfully subscribed!").
  { kind: 'newsletter', weight: 3, re: /^(?:you(?: have|['’]ve)? (?:successfully |now )?(?:subscribed|signed up|joined)(?: to (?:our|the) (?:newsletter|list|mailing list))?|you['’]re (?:now )?(?:subscribed|signed up|on the list)(?: to (?:our|the) (?:newsletter|list|mailing list))?|subscription (?:confirmed|successful)|success! you['’]re (?:in|subscribed)|(?:(?:awesome|great|thanks|thank you|success|yay)[!,.]*\s+)?you(?: have|['’]ve) been (?:successfully )?(?:added|subscribed) to (?:our|the) (?:newsletter|list|mailing list|email list))$/ },
  // Cookie banners.
  { kind: 'cookie', weight: 4, long: true, re: /\b(?:we use cookies|this (?:site|website) uses cookies|by (?:using|continuing to use) this (?:site|website)|accept (?:all )?cookies|cookie (?:policy|settings|preferences|consent))\b/ },
  { kind: 'cookie', weight: 2, re: /^(?:accept|accept all|reject all|manage (?:preferences|cookies|settings)|got it|i agree|privacy policy|terms of (?:use|service)|all rights reserved)$/ },
  // Site furniture.
  { kind: 'nav', weight: 3, re: /^(?:skip (?:directly )?to (?:the )?(?:main )?content|back to top|jump to (?:section|recipe)|table of contents|toggle|menu|search|home|close|open menu|close menu|quick (?:navigation|links))$/ },
  { kind: 'nav', weight: 3, re: /^(?:©|\(c\)|copyright)\s*.{0,120}$/ },
  // A syndicated item's copyright after its feed's name: "Health News Copyright (c) 2021 NewsWire Health".
  { kind: 'nav', weight: 3, re: /^[a-z][a-z ]{0,30} copyright\s*(?:©|\(c\))\s*(?:19|20)\d{2}\b.{0,100}$/ },
  // An avatar's alternative text under a byline: "Dana Whitfield's picture", "User Avatar".
  { kind: 'author', weight: 3, re: /^(?:(?:user|author|profile|member) (?:avatar|picture|photo)|[a-z][a-z.' -]{1,40}['’]s (?:picture|photo|avatar|profile picture)|(?:profile picture|avatar|headshot|photo) of [a-z][a-z.' -]{1,40})$/ },
  { kind: 'layout', weight: 3, re: /^(?:content box|sidebar|widget|banner|placeholder|insert (?:image|ad|cta) here|image|photo|video|(?:site |header |footer )?logo|untitled(?: document| page)?)$/ },
  // A widget's title, and the label of a page's own contents box ("In this article"; an
  // article's "Table of contents" and 目录 are its own, see CONTENT_LABELS).
  { kind: 'layout', weight: 3, re: /^(?:(?:video|photo|image|recipe) of the day|in this (?:article|guide|post|section)|on this page|(?:in this (?:article|guide))\s*on this page|featured (?:product|products|article|post|story))$/ },
  // A link to another page told as a line of its own, no sentence: "Read more about safe foods in pregnancy".
  { kind: 'related', weight: 3, re: /^(?:read|learn|find out|discover) more about [^.!?]{3,80}$/ },
  // An editor's note of a picture still to be inserted ("[Insert image: …]", "（建议插入图片：…）").
  { kind: 'layout', weight: 3, long: true, re: /^(?:insert (?:an? )?(?:image|photo|picture|graphic|chart|infographic|video|table)\s*[:：-].{0,160}|(?:建议|此处|这里|在此)?(?:插入|配)(?:图片|配图|图表|视频|表格|插图)\s*[:：].{0,120})$/ },
  { kind: 'layout', weight: 3, re: /^(?:article |post |blog )?(?:featured|hero|header|cover) (?:image|photo|picture)$|^embed (?:this|our|the) (?:widget|calculator|tool|chart)$|^(?:widget|calculator|tool) (?:powered|provided|built) by\b.{0,60}$|^powered by\b.{0,60}$/ },
  // A reader's control of the page: a panel or menu shown and hidden ("Show/Hide sidebar", "Collapse menu").
  { kind: 'layout', weight: 3, re: /^(?:show|hide|view|open|close|expand|collapse|toggle)(?:\s*\/\s*(?:show|hide|view|open|close|expand|collapse))?\s+(?:the\s+)?(?:(?:left|right|side|top|bottom|main)\s+)?(?:panel|pane|sidebar|side bar|menu|navigation|nav|toolbar|outline|chapter list|table of contents|toc)$/ },
  // Chinese portals and apps.
  { kind: 'portal', weight: 3, long: true, re: /打开.{0,6}(?:app|客户端|应用)|(?:下载|安装).{0,4}(?:app|客户端)|app内(?:打开|查看|阅读)|^打开.{2,8}(?:查看|阅读)(?:图片详情|更多|全文|原文|大图)$/ },
  { kind: 'portal', weight: 3, re: /^点击(?:关注|查看|阅读|下载|进入|这里|此处|蓝字|上方|下方|右上角|左下角|收藏|订阅|展开|图片|链接).{0,30}$/ },
  // A follow or subscribe prompt of an account ("关注我们，每天为你推送…").
  { kind: 'portal', weight: 3, re: /^(?:关注|订阅|加关注)(?:我们|本号|作者|小编|公众号)[，,。!！\s]?.{0,40}$/ },
  { kind: 'portal', weight: 3, long: true, re: /(?:每天|每日|每周|持续|定期)(?:为|给)(?:你|您|大家)(?:推送|送上|带来)(?:更多)?(?:实用|精彩|优质|最新)?的?(?:健康)?(?:知识|资讯|内容|文章|干货)/ },
  { kind: 'portal', weight: 3, re: /^(?:举报|反馈|投诉|举报\/反馈|举报 反馈|纠错|我要纠错|我要举报)$/ },
  { kind: 'portal', weight: 3, re: /^(?:(?:点赞|收藏|分享|评论|转发|在看|赞|关注|写评论|回复|打赏|喜欢|赞赏|踩|已关注|\+关注)(?:\s*\d+)?[\s|·/]*)+$/ },
  { kind: 'portal', weight: 3, re: /^(?:分享到|分享至|转发到|分享给)[:：]?.{0,40}$/ },
  { kind: 'portal', weight: 3, long: true, re: /扫码关注|扫描(?:下方)?二维码|长按(?:识别)?(?:图中)?二维码|关注(?:我们的?)?(?:微信)?公众号|识别二维码/ },
  { kind: 'portal', weight: 3, re: /^(?:立即阅读|马上阅读|立即查看|阅读原文|查看原文|查看更多|展开全文|展开阅读全文|全文阅读|阅读全文|加载更多|查看全部|更多精彩|返回顶部|返回首页|返回搜狐.{0,20}|首页|上一页|下一页)$/ },
  { kind: 'related', weight: 3, re: /^(?:相关阅读|相关推荐|相关文章|相关新闻|猜你喜欢|推荐阅读|热门推荐|热门文章|为你推荐|精彩推荐|往期推荐|往期回顾|更多阅读|大家都在看|热点推荐|推荐文章|推荐问答|相关问答|热门问答|推荐视频|相关视频|相关搜索|热门搜索|(?:其他|更多)?(?:文章|好文)?推荐|延伸阅读|你可能也喜欢|您可能也喜欢|你可能感兴趣|您可能感兴趣)$/ },
  { kind: 'portal', weight: 3, re: /^(?:上一篇|下一篇|上篇|下篇)\s*[:：].{0,80}$/ },
  // A news reporter's byline: "記者王小明／綜合報導", "记者 李华 / 台北报道".
  { kind: 'portal', weight: 3, re: /^(?:(?:实习|實習)?(?:记者|記者)|中心|编译|編譯)\s*[^\s/／]{0,12}\s*[/／]\s*[^\s/／]{0,8}(?:报导|报道|報導|報道|编译|編譯)$/ },
  // Credit lines.
  { kind: 'portal', weight: 3, re: /^(?:责任编辑|责编|编辑|校对|审核|审校|主编|监制|本文来源|文章来源|稿件来源|原标题|原文标题|图片来源|图源|作者|文|撰文|出品)\s*[:：|丨/／].{0,40}$/ },
  // (A source that lists things, "来源：鱼、猪、牛", is the article's advice on where a product comes from.)
  { kind: 'portal', weight: 3, re: /^来源\s*[:：|丨/／][^、]{0,40}$/ },
  { kind: 'portal', weight: 4, long: true, re: /^(?:免责声明|版权声明|特别声明|声明)\s*[:：]|版权归原作者所有|版权归作者所有|转载请注明|未经授权(?:，|,)?\s*禁止转载|如有侵权|请联系(?:我们)?删除/ },
  { kind: 'portal', weight: 3, re: /^(?:广告|推广|赞助|赞助内容|广告位)$/ },
  // A site footer: licence numbers, the sponsor and the copyright in one line.
  { kind: 'nav', weight: 4, long: true, re: /icp备|icp证|公网安备|主办\s*[:：].{0,60}版权所有|版权所有\s*(?:©|\(c\)|copyright)/ },
  // A call for contributors or partners of the site ("欢迎投稿与合作").
  { kind: 'portal', weight: 3, long: true, re: /欢迎投稿|投稿邮箱|商务合作|合作请联系|招募.{0,12}(?:信息员|通讯员|志愿者|撰稿人)/ },
  { kind: 'portal', weight: 3, long: true, re: /(?:记得|欢迎|别忘了|请|顺手)(?:点个?赞|点个在看|收藏|转发|关注|分享)|(?:点赞|收藏|转发|分享)(?:、|和|\+|加|并)(?:点赞|收藏|转发|关注|分享|在看)/ },
  // A date and time, then the source or author of a portal page: "2026-01-08 09:32 · 来源：…".
  { kind: 'portal', weight: 3, re: /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[·|丨]?\s*(?:来源|作者|编辑|发布|来自)\s*[:：]?.{0,40}$/ },
  { kind: 'meta', weight: 2, re: /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/ },
  { kind: 'portal', weight: 3, re: /^本文(?:来源|转载|来自|由).{0,40}$/ },
  // ── Families (see portal.ts and frontmatter.ts for the shapes that need more than a phrase).
  // Q&A and consultation portals: the answer header with its count ("精选回答(1)", "回答1", "3个回答").
  { kind: 'qa', weight: 3, re: /^(?:专业回答|專業回答|优质回答|優質回答|高赞回答|高讚回答|精选回答|精選回答|医生回答|醫生回答|最佳答案|最佳回答|推荐答案|推薦答案|满意答案|滿意答案|全部回答|其他回答|其它回答|网友回答|網友回答|专家回答|專家回答|医生回复|醫生回覆)\s*[(（]?\s*\d{0,4}$|^\S{1,8}\s+(?:最佳回答|最佳答案|优质回答|優質回答)$|^回答\s*\d{1,4}$|^(?:共\s*)?\d{1,4}\s*(?:个|個|条|條)(?:回答|答案|回复|回覆)$/ },
  // Its prompts and votes ("找医生", "向医生提问", "有用", "3人觉得有用", "推荐医生 更多").
  { kind: 'qa', weight: 3, re: /^(?:找医生|找醫生|向医生提问|向醫生提問|问医生|問醫生|免费问医生|免費問醫生|快速问医生|在线问诊|在線問診|在线咨询|在線諮詢|立即咨询|立即諮詢|免费咨询|免費諮詢|咨询医生|諮詢醫生|我要提问|我要提問|我要回答|我来回答|我來回答|去提问|去提問|提问|提問|追问|追問|写回答|寫回答|查看全部\s*\d*\s*(?:个|個|条|條)?回答|查看更多回答|更多回答|推荐医生(?:\s*更多)?|推薦醫生(?:\s*更多)?|相关医生|相關醫生|疾病百科|症状百科|症狀百科|药品百科|藥品百科|有用|没用|沒用|有帮助|有幫助|没帮助|沒幫助|\d+\s*人(?:觉得|覺得)有用|已采纳|已採納)$/ },
  // The same in English ("Best answer", "Answered by Dr …", "Ask a doctor", "3 answers").
  { kind: 'qa', weight: 3, re: /^(?:best answer|top answer|accepted answer|\d+ (?:answers?|replies)|answered by\b.{1,60}|asked by\b.{1,60}|ask (?:a|your|the|our) (?:doctor|pharmacist|nurse|expert|dietitian)(?: now| online| for free| a question)?|ask (?:your own|a new|a) question|(?:(?:see|view|show|read) (?:all )?(?:\d+ )?)?more answers|(?:see|view|show|read) (?:all )?(?:\d+ )?answers|related questions|similar questions|talk to a doctor(?: now| online)?|chat with a doctor(?: now| online)?|get (?:an|your) answer(?: now)?)$/ },
  // A notice of the portal about who answers ("我们邀请临床执业医师解答上述提问，您可以进行追问或是评价").
  { kind: 'qa', weight: 3, long: true, re: /邀[请請].{0,8}[医醫][师師].{0,12}(?:解答|回答)|您可以(?:进行|進行)?(?:追问|追問)/ },
  // Document-sharing sites: download, VIP and viewer controls, the related-documents header.
  { kind: 'document', weight: 3, re: /^(?:快捷下载|游客一键下载|会员登录下载|三方登录下载.{0,30}|立即下载|免费下载|下载文档|下载本文档|下载此文档|下载到电脑|下载资源需要.{0,12}|下载积分.{0,12}|加入vip.{0,12}|开通vip.{0,12}|成为vip.{0,12}|vip免费.{0,12}|vip专享.{0,12}|付费下载|在线预览|全屏预览|继续阅读|忘记密码|找回密码|验证码.{0,10}|支付方式.{0,20}|相关文档|相關文檔|相关资料|同类文档|热门文档|最新文档|文档贡献者|上传者.{0,20}|全部分类|所有分类|帮助中心|分类导航|网站导航|换一换|download (?:pdf|the pdf|document|file|this document|now)|full screen|related documents|similar documents|more documents|uploaded by\b.{0,40})$/ },
  // A page field of a document viewer ("第 3 页 共 12 页", "Page 2 of 9", a Word "PAGE" field).
  { kind: 'document', weight: 3, re: /^(?:第\s*\d+\s*页\s*[,，/、]?\s*共\s*\d+\s*页|共\s*\d+\s*页\s*[,，/、]?\s*第\s*\d+\s*页|page\s+\d+\s+(?:of|\/)\s+\d+|page|numpages|page\s*\\\*\s*mergeformat.{0,10}|\d+\s*\/\s*\d+\s*页)$/ },
  // A document-site page title with its page number ("…设计文档 第4页"): unsure alone.
  { kind: 'document', weight: 2, re: /^.{2,60}\s第\s*\d+\s*页$/ },
  // Journal front matter that is unmistakable wherever it stands: received/accepted dates,
  // the academic editor, the correspondence note, the article's chrome labels.
  { kind: 'frontmatter', weight: 3, re: /^(?:submission )?(?:received|accepted|revised)\b\s*[:：]?\s*(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec).{0,160}$|^(?:收稿日期|修回日期|录用日期|錄用日期|接受日期|接收日期|网络出版日期|網絡出版日期|网络首发日期|网络首发时间)\s*[:：]\s*\d.{0,80}$/ },
  { kind: 'frontmatter', weight: 3, re: /^(?:academic editor|handling editor|section editor|guest editors?|edited by)\s*[:：]\s*.{2,160}$/ },
  { kind: 'frontmatter', weight: 3, re: /^(?:author to whom correspondence should be addressed|(?:address )?(?:for )?correspondence(?: to| should be addressed to)?\s*[:：].{0,160}|corresponding authors?\s*[:：].{0,160}|(?:通讯作者|通信作者|通訊作者)\s*[:：]?.{0,80})$/ },
  { kind: 'frontmatter', weight: 3, re: /^(?:article (?:information|info|history|metrics)|author information|author notes|affiliations?|文章信息|文章历史|文章歷史|详细信息|詳細信息|作者信息|作者单位|作者單位|show (?:affiliations|all authors)|view (?:affiliations|article impact)|download (?:full[- ]text )?pdf|view pdf|full[- ]text (?:pdf|html)|(?:table of contents )?author guidelines.{0,40}|submit (?:a |your )?manuscript|journal browser|[a-z]{3,20}-logo|(?:e-?mail|website|orcid|google scholar|pubmed|scilit)(?: (?:e-?mail|website|orcid|google scholar|pubmed|scilit))+)$/ },
  // A counter of a journal or document page ("… | Viewed by 30603", "Downloads: 1,204").
  { kind: 'frontmatter', weight: 3, re: /^.{0,160}\|\s*viewed by [\d,]+$|^(?:viewed by|downloads?|citations?|cited by)\s*[:：]?\s*[\d,]+$/ },
  // Disclaimers: the site speaking of its own content ("This article is for informational
  // purposes only", "不构成医疗建议", "图片来源网络"). Advice to the reader ("Consult your doctor
  // before taking zinc") is the article's own and matches none of these.
  { kind: 'disclaimer', weight: 3, re: /^(?:medical |fda |health |legal |general |editorial )?disclaimers?$/ },
  {
    kind: 'disclaimer',
    weight: 4,
    long: true,
   
    re: new RegExp(
      [
        '^(?:medical |fda |health |legal |general |editorial )?disclaimers?\\s*[:：]',
        `${INFO_SUBJECT}\\s+(?:is|are|was|were|has been|have been)\\s+(?:(?:provided|intended|meant|offered|published|written|shared|presented)\\s+)?(?:(?:solely|only|strictly|purely)\\s+)?for\\s+(?:general\\s+)?(?:informational|information|educational|general information|general knowledge|reference)\\b`,
        `${INFO_SUBJECT}\\s+(?:is|are)\\s+not\\s+(?:intended|meant|designed)\\s+(?:as|to|for)\\b[^.]{0,60}\\b(?:advice|substitute|diagnos|treat|replace)`,
        `${INFO_SUBJECT}\\s+(?:does|do|should|must|can|shall|may)\\s+not\\s+(?:be\\s+)?(?:constitute|considered|construed|taken|used|relied|replace|substitute|provide|offer|serve)\\b[^.]{0,40}\\b(?:advice|substitute|diagnosis|treatment|consultation)`,
        '\\bnot (?:a |intended as a |meant as a |to be used as a )?substitute for (?:professional |qualified )?(?:medical |health )?(?:advice|diagnosis)',
        '\\bfor (?:general )?(?:informational|educational|information) purposes only\\b',
        // "All medical information presented should be discussed with your healthcare professional. See additional Terms of Use at …"
        '\\b(?:all )?(?:medical |health )?information (?:presented|provided|contained)\\b[^.]{0,40}\\bshould be discussed with (?:your|a) (?:health ?care|medical|health) (?:professional|provider)|^see (?:additional |our |the )?terms (?:of use|and conditions)\\b',
        '\\bshould not be (?:considered|construed|taken|used|treated|relied upon) as (?:a substitute for )?(?:medical|professional|health) advice\\b',
        '\\bdoes not (?:constitute|provide|offer|replace|create)\\b[^.]{0,20}\\b(?:medical|professional|health) advice\\b|\\bno (?:doctor|physician)[- ]patient relationship\\b',
        '\\b(?:nothing|no content|no information) (?:on|in) this (?:site|website|page|article|blog)\\b[^.]{0,40}\\b(?:advice|substitute|intended)',
        '\\bthese statements have not been evaluated by the (?:food and drug administration|fda)\\b|\\b(?:this|the) products? (?:is|are) not intended to diagnose,? treat,? cure,? or prevent any disease',
        '\\bthis (?:content|article|post|story|page|series) (?:is|was) (?:sponsored|paid for|produced in partnership|created in partnership|brought to you)\\b',
        '\\b(?:this|the) (?:article|post|page|guide) (?:also )?(?:contains|includes|links to)\\b[^.]{0,80}\\b(?:buy|purchase|order|shop)\\b',
        '\\b(?:select|highlight) (?:it|the text|the error)\\b[^.]{0,30}\\bctrl\\s*\\+\\s*enter\\b|\\b(?:strict|rigorous) sourcing guidelines\\b',
        // A site of many contributors on its own pages ("This content reflects information from various individuals…").
        '^(?:important\\s*[:：]\\s*)?(?:this|the) (?:content|information|answer) (?:reflects|represents|contains) (?:information|views|opinions|the views|the opinions) (?:from|of) (?:various|different|many|multiple) (?:individuals|people|sources|contributors|authors|experts)\\b',
      ].join('|'),
    ),
  },
  {
    kind: 'disclaimer',
    weight: 4,
    long: true,
   
    re: /(?:本文|本篇|本站|本网|本網|本平台|以上|上述|文章|文中|该文|內容|内容|本回答|回答|资料|資料|信息|資訊|资讯)(?:内容|內容|信息|資訊|资讯|观点|觀點|建议|建議|所述)?(?:均|都)?(?:仅|僅|只)(?:供|作)(?:参考|參考|科普|学习|學習|交流)|不(?:构成|構成|作为|作為|能作为|能作為|可作为|可作為)(?:任何)?(?:诊断|診斷|治疗|治療|医疗|醫療|用药|用藥|就医|就醫|诊疗|診療)?(?:及|和|或|、)?(?:诊断|診斷|治疗|治療|医疗|醫療)?的?(?:建议|建議|意见|意見|依据|依據)|(?:本文|以上|上述|内容|內容|信息|回答|文章)[^。，,]{0,10}不能(?:代替|替代|取代)(?:医生|醫生|医师|醫師|专业|專業|执业|執業)|(?:图片|圖片|配图|配圖|图源|圖源)(?:均)?(?:来源|來源|来自|來自|源于|源於|取自)(?:于|於)?(?:网络|網絡|網路|互联网|互聯網)|如有侵權|侵[权權](?:请|請)?(?:联系|聯繫|聯絡)|(?:联系|聯繫|聯絡)(?:我们|我們|小编|小編|本站)?(?:删除|刪除)|(?:内容|內容)都?(?:经过|經過)(?:医学|醫學)(?:审查|審查|审核|審核)|(?:我们|我們)有(?:严格|嚴格)的.{0,6}(?:指南|准则|準則|政策)|(?:如果|若)(?:您|你)(?:认为|認為)(?:我们|我們)的(?:任何)?(?:内容|內容)|不代表本(?:网|網|站|平台|刊|报|報)(?:的)?(?:立场|立場|观点|觀點)|(?:本文|本篇)[^。，,]{0,8}(?:独立撰写|獨立撰寫)|(?:仅|僅|只)提供(?:资讯|資訊|信息|资料|資料)[^。]{0,4}(?:不能|不可|无法|無法)(?:取代|代替|替代)|不(?:应|應|能|可)(?:将|將)?其?(?:作为|作為|视为|視為)(?:特定|个人|個人)?的?(?:医疗|醫療)(?:建议|建議)|按\s*ctrl\s*\+\s*enter|^(?:fda|医疗|醫療|健康)?\s*(?:免责声明|免責聲明)\s*[:：]|未经.{0,24}(?:fda|食品药品监督管理局|食品藥物管理局).{0,6}(?:评估|評估)|(?:无意|無意)用于(?:诊断|診斷)|未经(?:书面|書面)?(?:授权|授權|许可|許可)[,，]?\s*(?:请勿|請勿|禁止|不得|严禁|嚴禁)(?:转载|轉載|复制|複製)/,
  },
  // A report or flag link of a Q&A page ("Report this answer", "Report abuse").
  { kind: 'qa', weight: 3, re: /^(?:report abuse|report this (?:answer|question|comment|reply|post)|flag (?:this )?(?:answer|question|as inappropriate))$/ },
  // Votes on an answer ("12 people found this helpful", "Helpful (3)", "赞同 12", "有用(3)").
  { kind: 'qa', weight: 3, re: /^(?:\d+ (?:people|users|members|readers) found this (?:answer |post |reply )?(?:helpful|useful)|(?:helpful|not helpful|upvote|downvote)\s*[(（]?\s*\d+|\d+ (?:upvotes?|downvotes?|votes?|thanks)|(?:有用|没用|沒用|有帮助|有幫助|赞同|贊同|反对|反對|感谢|感謝)\s*[(（]?\s*\d+)$/ },
  // The open-access badge of a journal page.
  { kind: 'frontmatter', weight: 3, re: /^(?:open access|free full text|free access)$/ },
  { kind: 'frontmatter', weight: 3, re: /^(?:rights (?:&|and) permissions|reprints (?:&|and) permissions|request permissions|get rights and content)$/ },
  // A shop's result count ("Showing the single result", "Showing all 12 results").
  { kind: 'shop', weight: 3, re: /^showing (?:the single result|all \d+ results|\d+[-–]\d+ of \d+ results)$/ },
  // A site's menu named as such ("OUP user menu", "Main menu").
  { kind: 'nav', weight: 3, re: /^(?:[a-z0-9]+ )?(?:user|main|site|account|journal|primary|mobile) menu$/ },
  // A review stamp in Chinese ("最近審查：03.07.2025").
  { kind: 'meta', weight: 3, re: /^(?:最近审查|最近審查|最后审查|最後審查|审查日期|審查日期|审核日期|審核日期|最近审核|最近審核)\s*[:：]\s*\d.{0,20}$/ },
];

/** Shapes of a line that no article sentence has, each with the kind of debris it shows. */
export const SHAPES: ReadonlyArray<{ kind: DebrisKind; weight: number; re: RegExp; why: string; hint?: string }> = [
  // A line that is the same words twice, glued ("Dana MorrisDana Morris"): a name card's two labels.
  { kind: 'layout', weight: 3, why: 'doubled line', re: /^(\S.{3,59})\1$/u },
  // A picture's file name left as text: "Best_Overall_Zinc_Supplement".
  { kind: 'layout', weight: 3, why: 'file name', hint: '_', re: /^[A-Za-z0-9]+(?:[_][A-Za-z0-9]+){2,}(?:\.(?:jpe?g|png|webp|gif|svg))?$/ },
  // One short token repeated: the "Aa Aa Aa" of a font-size switch.
  { kind: 'layout', weight: 3, why: 'repeated token', re: /^(\S{1,4})(?:\s+\1){2,}$/u },
  // A title wrapped in rules of dashes or slashes: "----// Title //----".
  { kind: 'layout', weight: 2, why: 'decoration', re: /^[-=_*~/\\·.•—]{3,}.+[-=_*~/\\·.•—]{3,}$/u },
  // A picture credit "Brand / Photographer Name": unsure alone.
  { kind: 'layout', weight: 2, why: 'credit', hint: ' / ', re: /^[A-Z][\w.&'’]*(?: [A-Z][\w.&'’-]*){0,3} \/ [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}$/ },
  // Chinese keyword spam: four or more short phrases joined by bars.
  { kind: 'nav', weight: 3, why: 'keyword list', hint: '|', re: /^(?=.*\p{Script=Han})(?:[\p{Script=Han}A-Za-z0-9]{2,12}\s*[|｜]\s*){3,}[\p{Script=Han}A-Za-z0-9]{2,12}$/u },
];

/** An editor's placeholder label left at the start of a paragraph ("加粗文本:", "Bold text:"). */
/**
 * Labels that open a notice even when a scraper glued it to the end of the article's last
 * words ("…以食补为主评论内容：发表评论…"): the notice is cut from the label on.
 */
export const GLUED_LABEL = /(?:评论内容|网友评论|发表评论|免责声明|版权声明|责任编辑)\s*[:：]/u;

/** A scraper's date field left at the start of a paragraph (" date 2021-02-27 Vitamin C is …"). */
export const LEADING_META = /^\s*date:? \d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)/;

export const LEADING_PLACEHOLDER = /^\s*(?:加粗文本|斜体文本|引用文本|插入链接|正文文本|bold text|italic text|heading text|insert text here|body text)\s*[:：]\s*/iu;

/** Words of a call to action: a short line opened by one and naming a widget is debris. */
export const CTA_VERBS = new Set([
  'shop', 'buy', 'order', 'get', 'grab', 'check', 'see', 'view', 'compare', 'click', 'tap', 'read', 'learn',
  'discover', 'explore', 'subscribe', 'sign', 'join', 'follow', 'share', 'tweet', 'pin', 'print', 'download',
  'leave', 'post', 'submit', 'watch', 'listen', 'save', 'like', 'visit', 'claim', 'try', 'start', 'unlock',
]);

/**
 * Nouns of shop and widget furniture, never of health content. Other nouns count only after
 * "our"/"my" ("Read our full review", "Visit our store"): "Visit the NIH website" is a pointer.
 */
export const WIDGET_NOUNS = new Set([
  'price', 'prices', 'pricing', 'deal', 'deals', 'discount', 'discounts', 'coupon', 'coupons', 'offer', 'offers',
  'amazon', 'newsletter', 'newsletters', 'inbox', 'comment', 'comments', 'facebook', 'twitter', 'pinterest',
  'instagram', 'youtube', 'pdf', 'app', 'cookies', 'cart', 'basket', 'sale', 'subscription', 'membership', 'here',
]);

/**
 * Short lines that are an article's own structure, never debris however short and
 * unpunctuated (compared after `normaliseLine`).
 */
export const CONTENT_LABELS = new Set([
  'key takeaways', 'key takeaway', 'takeaway', 'takeaways', 'summary', 'in summary', 'in short', 'overview',
  'introduction', 'background', 'references', 'sources', 'citations', 'bibliography', 'works cited', 'notes',
  'footnotes', 'faq', 'faqs', 'frequently asked questions', 'bottom line', 'the bottom line', 'conclusion',
  'conclusions', 'symptoms', 'causes', 'diagnosis', 'treatment', 'treatments', 'prevention', 'risks',
  'risk factors', 'side effects', 'dosage', 'dose', 'how it works', 'benefits', 'methods', 'results',
  'discussion', 'limitations', 'what the research says', 'when to see a doctor', 'food sources', 'sources of',
  'ingredients', 'directions', 'nutrition facts', 'table of contents', 'contents', 'glossary', 'definitions',
  'safety', 'warnings', 'precautions', 'interactions', 'recommendations', 'tips', 'outlook', 'highlights', 'abstract',
  'keywords', 'key words', 'key points',
  // A question-and-answer column's own labels, alone on their lines.
  'q', 'a', 'question', 'answer', '问', '答', '問',
  // A feature's lead-in and close: 导语 over the lede, 结语 at the end.
  '导语', '導語', '结语', '結語',
  '参考文献', '参考资料', '小结', '总结', '结论', '结语', '注意事项', '摘要', '概述', '引言', '前言', '症状', '病因',
  '治疗', '预防', '诊断', '常见问题', '要点', '重点', '背景', '方法', '结果', '讨论', '建议', '食物来源', '副作用',
  '剂量', '用法用量', '禁忌', '相互作用', '风险', '何时就医', '小贴士', '温馨提示', '目录', '小結', '總結', '結論', '關鍵詞', '关键词',
  // (A reference page's sections: "定义" heads a Mayo Clinic page's translation.)
  'definition', 'complications', '定义', '定義', '简介', '簡介', '介绍', '介紹', '原因', '并发症', '併發症', '症狀', '診斷', '治療', '預防', '注意事項', '參考文獻', '參考資料',
]);

/** English function words (a short list in the manner of jusText's stoplists). */
export const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves may might must also than per'
  ).split(' '),
);

/**
 * Normalised form of a line for matching: lower case, outer punctuation and symbols gone,
 * spaces single, traditional Chinese characters read as simplified (the lexicon's Chinese
 * labels are written in simplified characters; a Taiwan or Hong Kong page's "相關閱讀" is the
 * same label).
 */
export function normaliseLine(s: string): string {
  // Trimmed by hand, one character at a time from each end: a pattern anchored at the end
  // would be tried at every position of a long paragraph.
  let a = 0;
  let b = s.length;
  // (An emoji is a surrogate pair, often with a variation selector: "📌", "▶️".)
  for (;;) {
    if (a < b && isEdge(s, a)) a++;
    else if (a + 1 < b && isHighSurrogate(s, a) && isEdge(s, a, 2)) a += 2;
    else break;
  }
  for (;;) {
    if (b > a && isEdge(s, b - 1)) b--;
    else if (b - 1 > a && isHighSurrogate(s, b - 2) && isEdge(s, b - 2, 2)) b -= 2;
    else break;
  }
  let out = a === 0 && b === s.length ? s : s.slice(a, b);
  if (SPACES.test(out)) out = out.replace(/\s+/g, ' ');
  return readable(out.toLowerCase());
}

const SPACES = /\s\s|[\t\n\r\u00a0\u3000]/;
const EDGE = /[\s\p{P}\p{S}]/u;

/** White space, punctuation or a symbol (a variation selector too), but the copyright sign that opens a footer line. */
function isEdge(s: string, i: number, length = 1): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
  if (c === 0xa9) return false;
  if (c === 0xfe0f || c === 0x200d) return true;
  return EDGE.test(s.slice(i, i + length));
}

function isHighSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * The name of a page template's field alone on its line, its value on the next ("Title",
 * "Date:", "Author"): the template's, in whatever script the article is written. (Alone it
 * is no sure debris: an article's table may head a column "Source"; see debris/edges.ts.)
 */
export const FIELD_LABEL = /^(?:title|subtitle|headline|date|author|source|tags?|category|categories|received|accepted|revised|published|online)\s*[:：]?$/i;

/**
 * Whether a short line is one of the site's own labels the lexicon knows surely ("Skip
 * directly to content", "Share this", "阅读原文"): the page's furniture, in no language an
 * article is written in.
 */
export function isSiteLabel(text: string): boolean {
  if (text.length > 80) return false;
  const line = normaliseLine(text);
  return WHOLE_PATTERNS.some((p) => !p.long && p.weight >= 3 && p.re.test(line));
}
