/**
 * Words the article gives to others rather than says itself.
 *
 * Accounts an article quotes: someone's own words about what they took, in quotation marks,
 * with the speaker named beside them ('"I'm taking 400 mg every night," he told me',
 * 'She said: "I took 50,000 IU a week for a year."', '“我每天吃400毫克，”他告诉我。'). What a
 * patient or a friend says they take is an anecdote the article reports, often to warn
 * against it, not an amount it advises; its figures are reports (see roles.ts).
 *
 * A quotation counts only when its words are the speaker's first person and hold no advice
 * of their own ("'I recommend 400 mg,' says Dr Lee" is an expert's advice, and stays so). An
 * article's own first person outside quotation marks ("I take 2,000 IU every morning") is
 * not a quoted account: it stays the author's word.
 */

/** Quotations in a sentence: straight or curly double quotes, Chinese corner brackets. */
const QUOTATION = /"([^"]{3,400})"|“([^“”]{3,400})”|「([^「」]{2,400})」/gu;

/** The speaker's own first person inside the quotation. */
const FIRST_PERSON = /(?<![\p{L}'’])(?:I|I['’](?:m|ve|d)|my|me|we|we['’](?:re|ve))(?![\p{L}'’])|我/iu;

/** Advice in the quotation itself: then the quoted words advise, whoever speaks them. */
const ADVISES = /\b(?:recommend|suggest|advise|should|you|your)\b|建议|推荐|应该|你|您/iu;

const SPEAKER_EN = String.raw`(?:he|she|they|(?:my|our|his|her|their|the|a|one)\s+\p{Ll}+|[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?)`;
const SAYS_EN = String.raw`(?:told|tells|said|says|explained|explains|admitted|admits|recalled|recalls|confessed|confesses|wrote|writes|added|adds|insisted|insists|mentioned|mentions|reported|reports)`;
const SAYS_ZH = '(?:告诉我|告诉我们|告訴我|告訴我們|说|说道|說|說道|表示|回忆|回忆道|回憶|承认|承認|坦言|写道|寫道|更指|指|透露)';
/** A lay person by what they are to the story: a patient, a friend, "A小姐" (a case report's). */
const LAY_ZH = '(?:患者|病人|病患|朋友|读者|讀者|(?:[A-Z]|[\\p{Script=Han}]{1,3})(?:先生|女士|小姐|太太|阿姨|大爷|大爺))';
const SPEAKER_ZH = `(?:他|她|他们|她们|他們|她們|${LAY_ZH})`;

/** The speaker named right after the quotation: ', he told me', ' she said', '，他告诉我'. */
const SPEAKER_AFTER = new RegExp(String.raw`^\s*[,，]?\s*(?:${SPEAKER_EN}\s+${SAYS_EN}(?![\p{L}])|${SAYS_EN}\s+${SPEAKER_EN}(?![\p{L}])|${SPEAKER_ZH}${SAYS_ZH})`, 'u');
/** …or right before it: 'He told me: ', 'She said, ', '他说：'. */
const SPEAKER_BEFORE = new RegExp(String.raw`(?:${SPEAKER_EN}\s+${SAYS_EN}(?:\s+(?:me|us))?|${SPEAKER_ZH}${SAYS_ZH})\s*[:：,，]?\s*$`, 'u');
/**
 * A lay speaker earlier in the sentence, whose words go on to the quotation ("A小姐表示每日都有
 * 服用維他命B群，更指「…一天大約80至100毫克」"): Chinese drops the "I" such an account would hold.
 */
const LAY_SPEAKER_ZH = new RegExp(String.raw`${LAY_ZH}${SAYS_ZH}[^。！？]{0,60}${SAYS_ZH}?\s*[:：,，]?\s*$`, 'u');

/** Ranges of `text[from, to)` that are quoted first-person accounts with their speaker named. */
export function quotedAccounts(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const sentence = text.slice(from, to);
  if (!/["“「]/u.test(sentence)) return [];
  const out: Array<{ start: number; end: number }> = [];
  for (const m of sentence.matchAll(QUOTATION)) {
    const words = m[1] ?? m[2] ?? m[3] ?? '';
    if (ADVISES.test(words)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const before = sentence.slice(0, start);
    const account = FIRST_PERSON.test(words) ? SPEAKER_AFTER.test(sentence.slice(end)) || SPEAKER_BEFORE.test(before) : m[3] !== undefined && LAY_SPEAKER_ZH.test(before);
    if (account) out.push({ start: from + start, end: from + end });
  }
  return out;
}

/**
 * A view the sentence gives to unnamed others ("the dose recommended by many sources is no
 * more than 200 mcg", "some websites say", "有些资料称"): one view the article reports, not its
 * own word to hold its advice to (see dose/contradiction).
 */
const OTHERS_SAY = /\b(?:by|according to|from|in)\s+(?:many|some|other|several|most|various)\s+(?:sources|sites|websites|articles|blogs|people)\b|\b(?:many|some|other|several|most|various)\s+(?:sources|sites|websites|articles|blogs)\s+(?:say|state|claim|suggest|recommend|advise)\b|(?:有些|一些|很多|许多|不少)(?:资料|文章|网站|来源)(?:说|称|认为|建议)/iu;

/** Whether `sentence` gives what it says to unnamed others (see OTHERS_SAY). */
export function othersView(sentence: string): boolean {
  return OTHERS_SAY.test(sentence);
}
