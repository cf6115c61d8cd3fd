package com.jiangxin.lint;

import java.util.HashMap;
import java.util.Map;

/**
 * Simplified and traditional forms of common characters where the pair is one to one (劳/勞,
 * 众/眾). Characters with several traditional forms (发: 發/髮, 后: 後/后, 干, 里, 台…) are left
 * out, so a conversion never guesses.
 */
final class Traditional {
  private static final String PAIRS =
      "劳勞 动動 会會 国國 学學 书書 写寫 说說 读讀 时時 们們 个個 这這 来來 对對 为為 开開 经經 过過 实實 "
      + "从從 进進 种種 现現 门門 问問 间間 东東 车車 马馬 长長 见見 观觀 亲親 认認 识識 让讓 还還 业業 产產 "
      + "广廣 应應 当當 与與 万萬 义義 乐樂 习習 乡鄉 买買 卖賣 农農 华華 单單 卫衛 双雙 变變 号號 吗嗎 园園 "
      + "围圍 图圖 坚堅 报報 场場 声聲 处處 备備 头頭 奋奮 孙孫 宝寶 将將 层層 岁歲 师師 帮幫 归歸 录錄 "
      + "忆憶 怀懷 态態 总總 惯慣 战戰 扫掃 护護 拥擁 择擇 换換 损損 据據 数數 断斷 无無 旧舊 显顯 术術 机機 "
      + "杂雜 权權 条條 极極 构構 标標 样樣 树樹 桥橋 检檢 欢歡 毕畢 气氣 没沒 济濟 满滿 灵靈 点點 炼煉 热熱 "
      + "爱愛 状狀 独獨 献獻 环環 电電 画畫 疗療 盖蓋 礼禮 称稱 积積 穷窮 竞競 笔筆 练練 组組 结結 绝絕 继繼 "
      + "绩績 维維 线線 终終 细細 织織 职職 联聯 脑腦 艺藝 节節 苏蘇 药藥 虽雖 规規 视視 觉覺 计計 讨討 "
      + "训訓 议議 记記 讲講 许許 论論 设設 证證 评評 诚誠 话話 语語 误誤 请請 课課 谁誰 调調 谈談 贡貢 财財 "
      + "责責 质質 贵貴 费費 资資 赛賽 践踐 轻輕 较較 辉輝 边邊 达達 运運 远遠 连連 适適 选選 钢鋼 铁鐵 银銀 "
      + "错錯 锻鍛 闻聞 阳陽 阶階 际際 陆陸 随隨 难難 顺順 领領 题題 风風 飞飛 饭飯 馆館 验驗 鱼魚 鸟鳥 龙龍 "
      + "众眾 兴興 岗崗 凤鳳 钱錢 钳鉗 捞撈 纸紙 苹蘋 创創 铜銅 张張 钧鈞 级級 颗顆 员員 务務 专專 导導 爷爺 "
      + "乔喬 约約 尔爾 圣聖 贤賢 荣榮 梦夢 伟偉 执執 艰艱 钻鑽 锲鍥 诀訣 窍竅 摄攝 绘繪 绣繡 缝縫 纺紡 编編 "
      + "辑輯 乱亂 齐齊 剑劍 鲁魯 铸鑄 锤錘 两兩 类類 轮輪 厂廠 汉漢 鲜鮮 听聽 讯訊 谢謝 贝貝 负負 败敗 贫貧 "
      + "货貨 购購 输輸 辈輩 载載 邮郵 阵陣 陈陳 页頁 顶頂 项項 顾顧 预預 频頻 额額 馈饋 驱驅 "
      + "骑騎 鸡雞 黄黃 ";
  private static final Map<Character, Character> TO_TRADITIONAL = new HashMap<>();
  private static final Map<Character, Character> TO_SIMPLIFIED = new HashMap<>();

  static {
    for (String pair : PAIRS.split(" ")) {
      if (pair.length() == 2) {
        TO_TRADITIONAL.put(pair.charAt(0), pair.charAt(1));
        TO_SIMPLIFIED.put(pair.charAt(1), pair.charAt(0));
      }
    }
  }

  private Traditional() {
  }

  /** The text with every character of the table in its traditional form. */
  static String toTraditional(String text) {
    return map(text, TO_TRADITIONAL);
  }

  /** The text with every character of the table in its simplified form. */
  static String toSimplified(String text) {
    return map(text, TO_SIMPLIFIED);
  }

  private static String map(String text, Map<Character, Character> table) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(table.getOrDefault(c, c));
    }
    return out.toString();
  }
}
