/**
 * artifact/cms-leftover, line by line: each line stands in the middle of a short article of
 * prose (so neither the top nor the bottom of the page helps it), and the rule must report
 * it — or not — on its own evidence. Debris lines and look-alike lines of real articles side
 * by side; none of these sentences is copied from a site.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { cmsLeftover } from '../src/rules/artifact/cms-leftover.js';
import { docFromText } from './helpers.js';
import { WHOLE_PATTERNS } from '../src/debris/lexicon.js';

const config = resolveConfig();

const EN_BEFORE = [
  'Magnesium takes part in hundreds of enzyme reactions, from making energy to relaxing muscles after they contract.',
  'Most adults can meet their needs from food, although older people absorb less of it from the gut.',
  'Low intake over many years has been linked with higher blood pressure in several large cohort studies.',
  'Green vegetables, beans, nuts and whole grains are the richest everyday sources of the mineral.',
];
const EN_AFTER = [
  'Supplements are useful when a doctor finds a deficiency, but high doses can upset the stomach.',
  'Kidney disease changes how the body clears magnesium, so people with it should ask before taking any.',
  'A balanced plate with legumes and leafy greens covers the daily need for most people.',
  'If cramps or tiredness persist, a blood test is a simple first step toward finding the cause.',
];
const ZH_BEFORE = ['镁参与体内数百种酶反应，从产生能量到肌肉放松都离不开它。', '大多数成年人可以从日常饮食中获得足够的镁，但老年人吸收能力较弱。', '长期摄入不足与血压升高有关，这一点在多项大型研究中都有体现。', '绿叶蔬菜、豆类、坚果和全谷物都是镁的良好来源。'];
const ZH_AFTER = ['如果医生发现缺乏，可以考虑补充剂，但剂量过高可能引起腹泻。', '肾功能不全的人排出镁的能力下降，服用前应先咨询医生。', '每餐搭配豆类和深色蔬菜，基本可以满足每日需要。', '如果抽筋或乏力持续存在，可以先做一次血液检查。'];

function findingsFor(line: string, format: 'txt' | 'md' = 'txt') {
  const zh = /\p{Script=Han}/u.test(line);
  const text = [...(zh ? ZH_BEFORE : EN_BEFORE), line, ...(zh ? ZH_AFTER : EN_AFTER)].join('\n\n') + '\n';
  return cmsLeftover.check(docFromText(text, format), { config });
}

/** Debris: reported on line 9 (the middle), sure enough to be removed. */
const DEBRIS: string[] = [
  // A guide's contents box label (twice, glued), a shop's product card label, a link to
  // another page told as a line of its own (real pages' shapes, our words).
  'In this guide',
  'In this guideOn this page',
  'Featured Product',
  'Read more about iron-rich foods for toddlers',
  // A discount offer, a bare feedback question, an image's file name left as a line (real
  // pages' shapes, our words).
  'Get $10 off your first vitamin box',
  'Save 15% off your first order today',
  'Was this helpful?',
  'leafy-greens-on-a-board-1024x683.jpg',
  // An ad slot's label with its prompt to read on, and a label printed twice.
  'Advertisement - Continue Reading Below',
  '广告 广告',
  // Social follow and subscribe prompts, an avatar's alt text, a syndicated copyright line.
  'Follow WellPath Daily on YouTube, Instagram and Facebook.',
  'Please click to subscribe to our YouTube channel to hear about new nutrition tips.',
  "Dana Whitfield's picture",
  'User Avatar',
  'Answered 16y ago',
  'Health News Copyright (c) 2021 NewsWire Health. All rights reserved.',
  // Bylines, stamps, counters and account controls as sites print them (our own wording).
  'Author: mkowalski',
  '作者：李明',
  'Published on: 2023-05-02 10:11:12   Updated On: May-02-2023 10:15:00',
  'Posted: 4/12/2021  Last update: 5/01/2021',
  '发布于2023-03-11・浏览1820次',
  '发布时间：2022年8月5日 14:20',
  '阅读 1.2万',
  '文档评论(0)',
  '登入',
  '搜索',
  'Sign in',
  // Patterns a held-out check found missed (our own wording).
  'Free delivery on orders over $40: Shop now',
  'Reviewed and written by:',
  'Post Featured Image',
  'Embed this calculator',
  'Calculator powered by HealthTools',
  "render() { return this.items.map((x) => x.label); }, toggle() { this.open = !this.open; }",
  'Popular now: Seven Breakfasts That Keep You Full',
  'Learn More: Why Deep Sleep Matters for Your Heart',
  'Read more: Why a Short Walk After Dinner Steadies Blood Sugar More Than You Might Expect',
  'Video of the Day',
  'In This Article',
  '[Insert image: a bowl of oats topped with pumpkin seeds]',
  '（建议插入图片：富含镁的食物拼图）',
  '（图／翻摄自网络）',
  'Photo Credit: Maria Lopez/iStock/Getty Images',
  "Don't miss: The Truth About Detox Teas",
  // A related-reading label the page left without its link, an image search's caption, a
  // flattened table's borders (real pages' patterns).
  'READ ALSO:',
  'Image result for strawberries',
  'Check out our most popular zinc products!',
  'Quick Navigation',
  '|',
  '|  |',
  '×',
  'More useful articles on a similar topic 👇',
  'Comments (12)',
  'Discussion (3)',
  'Share your thoughts below. Every comment is checked by our team and we moderate all comments before publishing.',
  '关注我们，获取更多育儿和营养小贴士',
  '订阅本号，每周为你带来最新的健康资讯',
  // shop and affiliate
  'SHOP NOW',
  'Click here to check price on Amazon',
  'Buy on Amazon',
  'Check latest price',
  'Grab yours here',
  "See today's best deals on magnesium glycinate",
  'Compare prices at Walmart',
  'Get 20% off your first bottle',
  'Available at iHerb and Vitacost',
  'Tap here to claim the discount',
  'Read our honest review of this brand',
  'Check out our unbiased recommendation of the best products on the market, chosen by our rigorous method.',
  // editorial and feedback widgets
  'Learn more about our editorial process',
  'Was this page helpful?',
  'Thanks for your feedback!',
  'Fact checked',
  'Helpful Not helpful',
  // author box
  'About the Author',
  // comment forms
  'Your email address will not be published. Required fields are marked *',
  'Leave a Comment',
  'Post Comment',
  'Name * Email * Website',
  '12 Comments',
  'Join the discussion',
  // blog meta
  'Posted on March 4, 2023 by Dana Whitfield',
  'Posted by on',
  'Tags: sleep, magnesium, supplements',
  'Filed under Nutrition, Minerals',
  'Categories: Wellness',
  // a Chinese portal's links to other articles under their column's name
  '[养生保健][图文]每天喝鱼汤的孩子为何还缺钙 | |',
  '[用药常识]止咳糖浆要对症用 | |',
  '看更多：比吃鱼油还有效！十万人研究证实的降血脂吃法',
  '[优生优育][组图]网红补钙产品靠谱吗',
  'Read Time: 19 mins',
  'Author information Copyright and License information Disclaimer',
  'Go to:',
  'NIHPA Author Manuscripts logoLink to NIHPA Author Manuscripts',
  '. Author manuscript; available in PMC: 2014 Sep 19.',
  'Reader Stories',
  'Patient Comments',
  '阅读时间：5分钟',
  // share and print
  'Share this:',
  'Print Friendly, PDF & Email',
  'Tweet',
  'Google+  FB Share',
  'Pin it',
  'Print',
  'Facebook Twitter Pinterest Email',
  'Follow us on Instagram',
  // ads
  'Advertisement',
  '(adsbygoogle = window.adsbygoogle || []).push({});',
  'Story continues below advertisement',
  'Continue reading below',
  // related content
  'Related posts',
  'You might also enjoy',
  'Read more: 7 signs your iron is running low',
  'Recommended for you',
  'READ THIS NEXT',
  // newsletter and cookies
  'Sign up for our free wellness newsletter',
  'Get the latest health news delivered to your inbox',
  'Subscribe',
  'You have successfully subscribed!',
  'Great! You’ve been added to our mailing list!',
  "You're now subscribed to our newsletter.",
  'This website uses cookies to give you a better experience. Accept',
  // menus, code, footers
  'Home › Health › Vitamins',
  '{{ author_bio }}',
  '[related_posts limit="3"]',
  'Skip to content',
  '© 2024 WellnessHub Media. All rights reserved.',
  // Chinese portal and app prompts
  '打开APP查看更多精彩图片',
  '点击关注获取更多资讯',
  '举报/反馈',
  '打开APP阅读全文',
  '打开今日头条查看图片详情',
  'Printed from:',
  '/',
  'Sorry, there are no recent results for popular commented articles.',
  'profile picture of Dana Whitfield',
  'By JANE MORROW | March 3, 2019 | 9:40 AM EDT',
  'The information on this site is for informational purposes only. All medical information presented should be discussed with your healthcare professional. See additional Terms of Use at For more information, call 1.800.CALL.HOSP.',
  '责任编辑：李明',
  '免责声明：本文仅代表作者个人观点，与本站立场无关。',
  '本文来源：健康时报',
  '版权归原作者所有，如有侵权请联系删除',
  '点赞 收藏 分享',
  '分享到：',
  '扫码关注我们',
  '长按识别二维码，关注公众号',
  '阅读原文',
  '相关阅读',
  '猜你喜欢',
  '广告',
  '上一篇：夏季如何科学补水',
  '下载客户端，阅读更多健康资讯',
  '展开全文',
  '转载请注明出处',
  '编辑：王芳 | 审核：赵强',
  // patterns of the lead's real-page notes, reworded
  'Next Article in Special Issue',
  'Font Size:',
  'Topic Overview',
  'Advertisment',
  'Five easy swaps to cut sugar from your breakfast. Read now',
  '文/陳醫師口述、健康新聞編輯部整理',
  '記者林小華／綜合報導',
  '专业回答',
  '王医生 最佳回答',
  '立即阅读',
  '记者 张伟 / 北京报道',
  'Aa Aa Aa',
  'Line Spacing:',
  'Back To Search Results',
  'Thursday, December 22, 2016',
  'Best_Budget_Magnesium_Pick',
  'Call Now Button',
  'Link to article >>',
  'Photo courtesy: Green Valley Farms',
  '减肥|瘦身|健康饮食|养生知识|减脂',
  '声明：本文为健康科普内容，仅供参考，不能代替医生诊断。',
  '文丨编辑 张华',
  // shapes and wordings of a second sample of unseen pages (our own wording)
  'Be the first to review this smoothie recipe!',
  'Thanks for printing this guide',
  'Discover more recipes at our kitchen blog',
  'Check out our post about iron-rich breakfasts',
  'View the full article',
  'Please log in to save this article',
  'Sign in or register to comment',
  'Image courtesy of Sunrise Orchards',
  'Photo-Illustration: Courtesy of the brands',
  'Written by GreenLeaf Nutrition on April 3, 2019',
  'View Maya Lin’s profile',
  'Reviewer and dietitian · 3 years ago',
  'Jump to: Dosage | Side effects | Food sources | FAQ',
  'Our picks: Best overall | Best budget | Best for sleep | Best gummy | Best liquid',
  'Brands may collect a share of sales from the links on this page.',
  '主办：健康生活报社 版权所有© 2015-2024 京ICP备12345678号',
  '欢迎投稿，商务合作请联系编辑部',
  '发布时间：',
  '@健康小课堂',
  '林晓雯 消化内科 主治医师',
  '营养小站 2024-11-02 08:15:33',
  '2024-11-02 08:15 健康频道',
  '来源：市第一人民医院 | 发布时间：2024-05-10 | 作者：周敏',
  '推荐问答',
  '📌 关键词：维生素D、骨骼健康、晒太阳',
  '网友评论：请文明上网，理性发言',
  'Anonim',
  'Posted by admin',
  // Tag chips glued to an update stamp.
  '健康饮食 营养知识 更新于2024年3月',
  'Sleep Stress Updated March 4, 2025',
  // A forum's menu whose links lost their spaces, and labels in capitals glued the same way.
  'ForumHomeSearchNew topicsMembersSign inHelp',
  'HomeArticlesRecipesAbout usContact',
  'TABLEOFCONTENTS',
  'BACKTOTOP',
  'READMORE',
];

/** Lines of real articles that look like debris: never reported. */
const CONTENT: string[] = [
  // A question-and-answer column's labels, alone on their lines.
  'Q',
  'A',
  '问',
  '导语',
  // The same words in the article's sentences.
  'Read more about iron-rich foods in the section below, where we list portions for toddlers.',
  'In this guide we explain how much iron toddlers need and where to find it.',
  // A sentence about savings, a question the article asks, a file format named in prose.
  'You can save 20% off the shelf price by buying the larger tub, though it may expire before you finish it.',
  'Was this diet helpful for the people who tried it?',
  // A note under a bracketed label, a sentence of the article; a forum thread's title under its board's name.
  '[注意]服用锌补充剂前，请先咨询医生或药师。',
  '[孕期护理] 准妈妈孕吐不要乱吃维生素B6',
  'Ask the lab to send the results as a PDF or a JPG image you can keep.',
  'Follow the dose on the label rather than what you hear on YouTube.',
  "The patient's photo of the rash helped the doctor spot the deficiency.",
  'In this article, we look at how magnesium affects sleep and which foods supply it.',
  'Insert the test strip into the meter only after washing your hands.',
  'Read our guide to the best times of day to take iron, then ask your pharmacist about the rest.',
  'Learn more about how the body stores vitamin D in the sections below.',
  'By Dana Whitfield, RD',
  'More studies on a similar topic are needed before anyone changes their dose.',
  'Read also the leaflet that comes with the tablets.',
  'Image results for the same search differ from day to day, so save the link.',
  'Check out our guide to zinc in food before you buy any products.',
  'Most adults absorb enough from food. Read more slowly if the figures confuse you, and ask your pharmacist to learn more.',
  '文中提到的劑量只適用於成年人，兒童請先諮詢醫師。',
  '●來源：豬皮、牛骨或魚鱗萃取的膠原蛋白都有，吃素的人可以選植物性配方',
  // The source of a reprinted paper, written out as its reference: the article's attribution.
  '本文来源：李明华.老年人补钙与跌倒风险 [J].中华老年医学杂志,2019,38(4):421-425.作者单位：某某大学附属医院老年科',
  'Search the label for the USP or NSF mark before you buy a supplement.',
  'Author and date of a study matter less than its size and design.',
  '发布于期刊上的研究显示，镁有助于改善睡眠质量。',
  'Updated guidance from 2023 lowers the advised dose for older adults.',
  'Free radicals damage cells, which is why antioxidants in vegetables matter for ageing skin.',
  'The featured study followed 2,000 adults for ten years and found lower blood pressure in those who ate more beans.',
  'Written by a team of dietitians, the guideline recommends whole foods before supplements.',
  'Popular belief holds that vitamin C prevents colds, but trials show only a small effect on how long they last.',
  'Comments from readers often ask whether magnesium should be taken with food; it can be, and that eases the stomach.',
  '关注自身的睡眠规律，比依赖补充剂更重要。',
  'Key Takeaways',
  'Summary',
  'References',
  'Sources',
  'FAQ',
  'Bottom line',
  'The bottom line',
  'Frequently asked questions',
  'Conclusion',
  'Magnesium glycinate',
  'Spinach and other leafy greens',
  'Muscle cramps',
  'Fatigue and weakness',
  'Nutrient | Amount per serving | Daily value',
  'Figure 2. Serum magnesium by age group',
  'Table 1: Recommended daily intake',
  'How much magnesium do you need?',
  'Read food labels carefully',
  'Check your vitamin D levels',
  'Share meals with family',
  'Subscribe to a vegetable box for fresh greens',
  'Print out a food diary',
  'Related conditions',
  'Sponsored by the National Institutes of Health',
  'Comments from the review panel were mixed.',
  'Tags on supplement bottles can be misleading.',
  'Home remedies',
  'Search for a registered dietitian near you.',
  'Posted guidelines from the WHO recommend 400 µg a day.',
  'Updated guidance on iron supplements',
  'Q: Can I take magnesium at night?',
  'Step 1: Talk to your doctor',
  'Iron-rich foods: spinach, lentils, red meat',
  'ADVERSE EFFECTS',
  'Learn the warning signs of a stroke',
  'Buy fortified cereals when you can',
  'Get enough sleep',
  'Email your doctor before changing doses',
  'Join a support group',
  'Follow the label directions',
  'Target heart rate during exercise',
  'This article was medically reviewed by Dr. Anna Lee, MD, a board-certified internist.',
  'A 2019 review in Nutrients found a similar effect [3].',
  'Vitamin D › calcium absorption',
  'Dr. Sarah Kim, RD',
  'Printable meal plan for the week',
  '小结',
  '定义',
  '介绍',
  '参考文献',
  '注意事项',
  '常见问题',
  '富含镁的食物',
  '来源广泛的膳食纤维',
  '编辑推荐的三种补充剂',
  '分享一下我的经验：每天散步三十分钟。',
  '关注血压变化',
  '温馨提示：本品不能代替药物。',
  '点击次数并不代表文章质量。',
  // look-alikes of the new shapes
  'Her ferritin was low 2 years ago, and it is normal now.',
  'Doctors may receive compensation from drug makers, a conflict journals ask them to declare.',
  'See the guide on dosage below',
  'Read the article on zinc and colds',
  'Vitamin D | Calcium | Magnesium',
  '12.5',
  '北京协和医院 内分泌科',
  '2024-11-02 服用第一剂',
  'Sign up for a cooking class near you',
  '欢迎来到维生素的世界：先了解它们是什么。',
  'Anonymous surveys underestimate supplement use',
  // Dates and chips in the article's own lines.
  '研究发布于2021年3月，共纳入三百名受试者。',
  'The trial results were published March 4, 2025.',
  '第一章 概述',
  '孕期 哺乳期 老年人',
  'Timeline: 2019 to 2023',
  // Words in capitals, and brand names holding a capital or two inside, are the article's.
  'MAGNESIUM',
  'INGREDIENTS',
  'SIDEEFFECTS',
  'Apps such as MyFitnessPal and CronoMeter can log the magnesium in a day of meals.',
  'NutriTrack PlusPro',
];

/** Unsure: reported as an info, kept in the cleaned article. */
const UNSURE: string[] = [
  'Last updated: March 3, 2024',
  'Medically reviewed by Dr. Anna Lee, MD',
  'Written by Jordan Blake',
  'Updated on June 3, 2024',
  'Healthway / Maria Chen',
  'Photo: a bowl of cooked lentils',
  '健康生活网',
  '市第二人民医院 三甲',
  '作者',
  '最后更新日期：2024年05月06日',

  'Last update: 10/15/2019',
  // Words of the word list glued in capitals, one of them small: maybe a label, maybe a heading of the article.
  'HOWTOTAKEMAGNESIUM',
];

/** Debris inside a line of real text: only that part is reported (and removed). */
const PARTIAL: Array<[string, string]> = [
  // A product card's directions glued to the shop's button: only the button's word goes.
  ['Amazon Dosage: 2 capsules with dinner', 'Amazon'],
  ['Zinc supports immune cells. Complement your reading with these carefully chosen external articles. Zinc also helps wounds heal.', 'Complement your reading with these carefully chosen external articles.'],
  ['加粗文本：多吃深色蔬菜有助于补充镁。', '加粗文本：'],
  ['The body keeps most of its magnesium in bone. – CONTENT BOX.', '– CONTENT BOX.'],
  ['We test products on our own. If you buy through our links, we may earn a small commission.', 'If you buy through our links, we may earn a small commission.'],
  [
    'A 2019 trial gave older adults magnesium or a placebo for eight weeks and measured how long they took to fall asleep. The group on magnesium fell asleep about seventeen minutes sooner on average. Explore this helpful resource to deepen your understanding! The effect on total sleep time was small and not significant.',
    'Explore this helpful resource to deepen your understanding!',
  ],
  ['多喝牛奶也能补钙网友评论：请文明上网，理性发言，评论不得超过200字。', '网友评论：请文明上网，理性发言，评论不得超过200字。'],
  ['date 2022-05-14 Zinc helps wounds heal and supports taste and smell.', 'date 2022-05-14'],
  ['鱼油随餐吃，吸收更好。你平时是怎么吃的？欢迎在评论区留言告诉我们。', '欢迎在评论区留言告诉我们。'],
  ['Retailer links pay us. StyleHouse may receive a commission on orders placed through its retail links. Vitamin C fades dark spots.', 'StyleHouse may receive a commission on orders placed through its retail links.'],
  ['Oysters are the richest food source of zinc. If you buy something through our links, we may earn a commission.', 'If you buy something through our links, we may earn a commission.'],
  ['Check out our unbiased recommendation of the best iron supplements on the market. Iron is best absorbed on an empty stomach, with a glass of orange juice.', 'Check out our unbiased recommendation of the best iron supplements on the market.'],
  // A picture's caption, then its credit glued after the caption's last sentence.
  ['A glass of orange juice next to sliced kiwi fruit. Photo Credit: Maria Lopez/iStock/Getty Images', 'Photo Credit: Maria Lopez/iStock/Getty Images'],
  ['孕妇补充维生素D要注意剂量。（示意图／Pixabay）', '（示意图／Pixabay）'],
  // A disclaimer whose label opens with an acronym: the acronym goes with it; the advice after it stays.
  ['FDA 免责声明：这些说法未经美国食品药品监督管理局评估，本网站的产品不用于诊断或治疗任何疾病。开始服用补充剂之前，请先咨询医生。', 'FDA 免责声明：这些说法未经美国食品药品监督管理局评估，本网站的产品不用于诊断或治疗任何疾病。'],
  // A portal's date and view count glued after a title: the fields, not the title.
  ['镁补充剂怎么选：三种常见剂型的吸收率对比发布日期:2024-03-18 浏览次数:', '发布日期:2024-03-18 浏览次数:'],
];

describe('artifact/cms-leftover: debris lines', () => {
  it('has at least 50 debris lines and 50 look-alikes', () => {
    expect(DEBRIS.length).toBeGreaterThanOrEqual(50);
    expect(CONTENT.length).toBeGreaterThanOrEqual(50);
  });

  // A medium-length line is tried against every long-form pattern; the test that lets prose
  // skip them is derived from the patterns (gate.ts), so a pattern cannot go untried. These
  // lines hold none of the words a hand-kept list used to require, and were missed then.
  it.each([
    'Share your reply and let the other readers know how the evening routine worked out for you.',
    '如果您认为我们的内容有任何不准确的地方，欢迎随时与编辑部取得联系，我们会尽快核实处理。',
  ])('reports %j, a notice whose pattern a prose filter once skipped', (line) => {
    expect(findingsFor(line).map((f) => f.span.start.line)).toEqual([9]);
  });

  it.each(DEBRIS)('reports %j whole, sure, for removal', (line) => {
    const found = findingsFor(line);
    expect(found.map((f) => [f.span.start.line, f.data?.confidence, f.data?.expected, f.data?.whole])).toEqual([[9, 'high', '', true]]);
    expect(found[0]!.severity).toBeUndefined();
  });

  it.each(CONTENT)('leaves %j alone', (line) => {
    expect(findingsFor(line).map((f) => f.message)).toEqual([]);
  });

  it.each(PARTIAL)('reports only the debris in %j', (line, debris) => {
    const found = findingsFor(line);
    const text = found.map((f) => line.slice(f.span.start.column - 1, f.span.end.column - 1).trim());
    expect(found.map((f) => [f.span.start.line, f.data?.confidence, f.data?.whole])).toEqual([[9, 'high', false]]);
    expect(text).toEqual([debris]);
    // The message says where in the paragraph the debris stands.
    const place = line.startsWith(debris) ? 'at the start of' : line.trimEnd().endsWith(debris) ? 'at the end of' : 'inside';
    expect(found[0]!.message).toContain(`) ${place} a paragraph: "`);
  });

  it.each(UNSURE)('reports %j as unsure (an info, never removed)', (line) => {
    const found = findingsFor(line);
    expect(found.map((f) => [f.span.start.line, f.data?.confidence, f.severity])).toEqual([[9, 'low', 'info']]);
  });
});

// A Taiwan or Hong Kong page: the lexicon's Chinese labels are written in simplified
// characters, and the same labels in traditional ones are the same debris (our own wording).
const TW_BEFORE = ['鎂參與體內數百種酶反應，從產生能量到肌肉放鬆都離不開它。', '大多數成年人可以從日常飲食中獲得足夠的鎂，但老年人吸收能力較弱。', '長期攝取不足與血壓升高有關，這一點在多項大型研究中都有體現。', '綠葉蔬菜、豆類、堅果和全穀物都是鎂的良好來源。'];
const TW_AFTER = ['如果醫師發現缺乏，可以考慮補充劑，但劑量過高可能引起腹瀉。', '腎功能不全的人排出鎂的能力下降，服用前應先諮詢醫師。', '每餐搭配豆類和深色蔬菜，基本可以滿足每日需要。', '如果抽筋或乏力持續存在，可以先做一次血液檢查。'];

function traditionalFindingsFor(line: string) {
  return cmsLeftover.check(docFromText([...TW_BEFORE, line, ...TW_AFTER].join('\n\n') + '\n', 'txt'), { config });
}

describe('artifact/cms-leftover: a page in traditional characters', () => {
  it.each([
    '相關閱讀',
    '猜你喜歡',
    '熱門推薦',
    '相關視頻',
    '責任編輯：陳美玲',
    '點讚 收藏 分享',
    '上一篇：秋冬如何補充維生素D',
    '版權歸原作者所有，如有侵權請聯繫刪除',
    '轉載請註明出處',
    '掃碼關注我們',
    '閱讀原文',
    '展開全文',
    '廣告',
    '作者介紹：營養師林小雨，擁有國家營養師執照與十年臨床經驗，常受邀上電視談飲食與體重管理。',
    '本文由第三方獨立撰寫，未經贊助。文中觀點僅代表作者，並不代表本網立場。它僅提供資訊，不能取代專業的醫療建議。',
  ])('reports %j whole, sure, for removal', (line) => {
    const found = traditionalFindingsFor(line);
    expect(found.map((f) => [f.span.start.line, f.data?.confidence, f.data?.whole])).toEqual([[9, 'high', true]]);
  });

  it('reports only the credit after a caption in traditional characters', () => {
    const line = '曬太陽有助於身體合成維生素D。（示意圖／Pixabay）';
    const found = traditionalFindingsFor(line);
    expect(found.map((f) => [f.span.start.line, line.slice(f.span.start.column - 1, f.span.end.column - 1), f.data?.confidence])).toEqual([[9, '（示意圖／Pixabay）', 'high']]);
  });

  it.each([
    '相關研究顯示，每天補充鎂可以改善部分成年人的睡眠品質。',
    '圖為研究團隊（左起）在實驗室中討論數據。',
    '研究（圖一）顯示，補充組的血中濃度較高。',
    '廣告中常見的「排毒」說法並沒有可靠的證據支持。',
    '閱讀營養標示時，應留意每份的鎂含量與建議攝取量。',
    '維生素D與鎂',
    '營養補充品不能取代均衡的飲食，這一點營養師都會一再提醒。',
    '作者在文中引用的研究只提供了六個月的資料，長期效果仍不清楚。',
  ])('leaves %j alone', (line) => {
    expect(traditionalFindingsFor(line).map((f) => f.message)).toEqual([]);
  });
});
