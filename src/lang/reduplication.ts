/**
 * Doubled Han characters that are normal Chinese (AA reduplication), so a doubled character
 * is a machine-translation artifact only when it is not one of these.
 *
 * Basis: the reduplication patterns every Mandarin grammar describes (e.g. Li & Thompson,
 * "Mandarin Chinese: A Functional Reference Grammar", ch. 3; Yip & Rimmington, "Chinese: A
 * Comprehensive Grammar", on reduplicated adjectives, verbs, measure words and kinship terms),
 * filled with the common members of each pattern:
 * - adverbs and time words (常常, 刚刚, 渐渐, 天天);
 * - kinship terms and nursery nouns (妈妈, 宝宝, 星星);
 * - tentative verbs, "do a little" (看看, 试试);
 * - the AA halves of AABB adjectives (干干净净 → 干干, 净净) and the BB tails of ABB
 *   adjectives (绿油油 → 油油);
 * - "every" nouns and measure words (人人, 个个, 件件);
 * - onomatopoeia and interjections (哈哈, 谢谢);
 * - bound forms of four-character idioms (津津有味, 息息相关, 源源不断).
 */
const PAIRS = [
  // adverbs, time and degree words
  '常常 刚刚 渐渐 慢慢 往往 仅仅 偏偏 稍稍 悄悄 默默 纷纷 连连 频频 屡屡 处处 时时 天天 年年 月月 日日 夜夜 每每 统统 通通 早早 好好 快快 久久 多多 微微 轻轻 静静 紧紧 深深 远远 高高 大大 小小 白白 明明 真真 足足 整整 满满 重重 匆匆 急急 缓缓 暗暗 隐隐 淡淡 浓浓 冷冷 热热 长长 短短 细细 粗粗 略略 渐渐 恰恰 刚刚 单单 仅仅 双双 万万 千千 稳稳 牢牢 实实 好好 常常',
  // kinship terms and nursery nouns
  '爸爸 妈妈 爷爷 奶奶 哥哥 姐姐 弟弟 妹妹 叔叔 伯伯 舅舅 姑姑 婶婶 姥姥 公公 婆婆 宝宝 娃娃 星星 猩猩 蝈蝈 蛐蛐 太太 乖乖 嫂嫂 妞妞 娘娘 囡囡 毛毛 豆豆 点点',
  // tentative verbs
  '看看 想想 试试 说说 听听 走走 等等 谈谈 问问 尝尝 找找 坐坐 玩玩 聊聊 读读 写写 学学 练练 动动 摸摸 揉揉 敲敲 逛逛 歇歇 转转 查查 比比 算算 洗洗 擦擦 泡泡 按按 捏捏 拍拍 跳跳 笑笑 哭哭 睡睡 躺躺 抱抱 亲亲 瞧瞧 瞅瞅 猜猜 数数 量量',
  // AABB halves
  '干干 净净 清清 楚楚 高高 兴兴 舒舒 服服 安安 平平 松松 认认 仔仔 细细 简简 单单 健健 康康 快快 乐乐 开开 心心 明明 白白 的的 确确 多多 少少 大大 小小 来来 往往 进进 出出 上上 下下 前前 后后 老老 实实 漂漂 亮亮 痛痛 舒舒 马马 虎虎 随随 便便 整整 齐齐 三三 两两 零零 星星 断断 续续 反反 复复 吞吞 吐吐 许许 多多 形形 色色 匆匆 忙忙 轰轰 烈烈 恩恩 爱爱',
  // ABB tails
  '油油 彤彤 晶晶 乎乎 冰冰 绵绵 喷喷 蜜蜜 糟糟 荡荡 吞吞 洋洋 眯眯 甸甸 漉漉 零零 秃秃 茸茸 花花 澄澄 呵呵 冲冲 淋淋 飕飕 糊糊 兮兮 扑扑 滚滚 蒙蒙 巴巴 邦邦 堂堂 辣辣 溜溜 麻麻 腾腾 灿灿 沉沉 茫茫 悠悠 哄哄 嘻嘻 咧咧 嗖嗖 丝丝 闪闪 汪汪 生生 森森 翼翼',
  // "every" nouns and measure words
  '人人 家家 户户 个个 事事 样样 种种 层层 步步 一一 条条 件件 次次 回回 句句 声声 阵阵 片片 块块 滴滴 张张 本本 位位 代代 世世 岁岁 朝朝 暮暮 口口 家家 字字 句句 时时 刻刻 分分 秒秒',
  // onomatopoeia and interjections
  '哈哈 嘻嘻 呵呵 嘿嘿 嘀嘀 叮叮 咚咚 哗哗 嗡嗡 呜呜 喃喃 谢谢 啦啦 嘟嘟 咕咕 咯咯 喳喳 唧唧 噼噼 啪啪 轰轰 隆隆 嘘嘘 呼呼 哼哼 喔喔 汪汪 喵喵 嗯嗯 哦哦 噢噢',
  // bound forms of idioms
  '芸芸 彬彬 津津 井井 栩栩 侃侃 姗姗 滔滔 历历 奄奄 恋恋 念念 振振 兢兢 业业 战战 勤勤 恳恳 郁郁 葱葱 浩浩 熙熙 攘攘 沸沸 扬扬 涓涓 潺潺 皑皑 袅袅 冉冉 熊熊 炯炯 翩翩 亭亭 依依 切切 谆谆 孜孜 源源 蒸蒸 欣欣 息息 头头 面面 区区 草草 寥寥 碌碌 鼎鼎 赫赫 堂堂 正正 惶惶 耿耿 忿忿 愤愤 落落 斤斤 岌岌 汲汲 喋喋 娓娓 谔谔 咄咄 铮铮 凛凛 济济 莘莘 累累 彤彤 蒙蒙 蔼蔼 楚楚 瑟瑟 殷殷 泱泱 琅琅 朗朗 款款 翘翘 呱呱 循循 孑孑 绰绰 栩栩 昭昭 惺惺 了了',
].join(' ');

/** Doubled characters that are normal reduplication, as two-character strings. */
export const REDUPLICATIONS: ReadonlySet<string> = new Set(PAIRS.split(/\s+/).filter(Boolean));
