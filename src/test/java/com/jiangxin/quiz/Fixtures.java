package com.jiangxin.quiz;

import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Readings and quiz texts built in code, so the tests do not depend on the real content files. */
final class Fixtures {
  private Fixtures() {
  }

  static Reading pian02() {
    return new Reading("pian-02", 2, "热爱劳动，从我做起", "测试用", List.of(
        new CitedExample("路遥", List.of("路遥", "《平凡的世界》")),
        new CitedExample("方仲永", List.of("方仲永", "泯然众人")),
        new CitedExample("赵普", List.of("赵普", "三年不窥园"))),
        List.of(
            new Paragraph(1, "亲爱的同学们：", false, 8),
            new Paragraph(2, "弘扬工匠精神演讲稿一", true, 10),
            new Paragraph(3, "路遥身患重病，仍深入农村煤窝，与煤矿工人同吃同住，写出了《平凡的世界》。", false, 12),
            new Paragraph(4, "方仲永五岁能诗，后来不再学习，最终泯然众人。", false, 14),
            new Paragraph(5, "赵普三年不窥园，半部论语治天下。", false, 16)),
        "pian-02.md");
  }

  static Reading pian05() {
    return new Reading("pian-05", 5, "工匠精神：热爱与精益求精", "测试用", List.of(
        new CitedExample("哈里森", List.of("哈里森", "航海钟"))),
        List.of(new Paragraph(1, "哈里森用了四十多年制造航海钟。", false, 8)),
        "pian-05.md");
  }

  /** A valid quiz on {@link #pian02()} with one question of every type. */
  static final String PIAN02_QUIZ = String.join("\n",
      "---",
      "reading: pian-02",
      "title: 篇二 · 热爱劳动，从我做起",
      "---",
      "",
      "discuss: 演讲者为什么把两个人物放在一起讲？你同意他的结论吗？",
      "discuss: 你身边有哪些默默劳动的人？",
      "",
      "## luyao-illness",
      "type: single",
      "example: 路遥",
      "points: 2",
      "prompt: 根据演讲稿，路遥身患重病时做了什么？",
      "option A: 回到家乡静养，暂停写作",
      "option B: 深入农村煤窝，与煤矿工人同吃同住",
      "option C: 到大学讲授写作课",
      "answer: B",
      "evidence: 身患重病，仍深入农村煤窝",
      "explanation: 解析：第{p}段说路遥“身患重病，仍深入农村煤窝”。",
      "",
      "## fang-name",
      "type: fill",
      "example: 方仲永",
      "prompt: 五岁能诗、后来泯然众人的是谁？",
      "answer: 方仲永",
      "accept: 仲永 | 方仲永同学",
      "evidence: 方仲永五岁能诗",
      "explanation: 解析：见第{p}段。",
      "",
      "## luyao-facts",
      "type: multiple",
      "example: 路遥",
      "prompt: 关于路遥，演讲稿说了哪些？",
      "option A: 身患重病",
      "option B: 写出了《平凡的世界》",
      "option C: 三年不窥园",
      "answer: A, B",
      "evidence: 写出了《平凡的世界》",
      "explanation: 解析：第{p}段。",
      "",
      "## zhaopu-diligent",
      "type: truefalse",
      "example: 赵普",
      "prompt: 演讲稿说赵普读书很勤奋。",
      "answer: true",
      "evidence: 赵普三年不窥园",
      "explanation: 解析：第{p}段。",
      "",
      "## fang-age",
      "type: numeric",
      "example: 方仲永",
      "prompt: 方仲永几岁能诗？",
      "answer: 5",
      "tolerance: 0",
      "unit: 岁",
      "evidence: 五岁能诗",
      "explanation: 解析：第{p}段。",
      "",
      "## who-did-what",
      "type: matching",
      "example: 赵普",
      "prompt: 把人物和事迹配对。",
      "left L1: 赵普",
      "left L2: 方仲永",
      "right R1: 半部论语治天下",
      "right R2: 泯然众人",
      "right R3: 造航海钟",
      "answer: L1=R1, L2=R2",
      "evidence: 半部论语治天下",
      "explanation: 解析：第{p}段。",
      "",
      "## fang-story",
      "type: ordering",
      "example: 方仲永",
      "prompt: 按演讲稿排列方仲永的经历。",
      "item I1: 不再学习",
      "item I2: 五岁能诗",
      "item I3: 泯然众人",
      "answer: I2, I1, I3",
      "evidence: 后来不再学习",
      "explanation: 解析：第{p}段。",
      "",
      "## luyao-lesson",
      "type: short",
      "example: 路遥",
      "points: 3",
      "prompt: 路遥的经历说明了什么？",
      "rubric: 提到勤奋（1分）、",
      "  带病坚持（1分）、联系自己（1分）",
      "answer: 只有勤奋才能成功。",
      "evidence: 与煤矿工人同吃同住",
      "explanation: 解析：第{p}段。",
      "");

  static Quiz pian02Quiz() {
    return QuizLoader.parse("pian-02.quiz.md", PIAN02_QUIZ, pian02());
  }

  static final String PIAN05_QUIZ = String.join("\n",
      "---",
      "reading: pian-05",
      "title: 篇五 · 工匠精神：热爱与精益求精",
      "---",
      "discuss: 哈里森为什么能坚持？",
      "discuss: 你做过最久的一件事是什么？",
      "## harrison-years",
      "type: fill",
      "example: 哈里森",
      "prompt: 哈里森用了多少年制造航海钟？",
      "answer: 四十多年",
      "evidence: 四十多年",
      "explanation: 第{p}段。",
      "");

  static List<Choice> choices(String... idTextPairs) {
    List<Choice> out = new ArrayList<>();
    for (int i = 0; i < idTextPairs.length; i += 2) {
      out.add(new Choice(idTextPairs[i], idTextPairs[i + 1]));
    }
    return out;
  }

  /** A form as the web layer sees it: field name to its values (absent fields give null). */
  static Function<String, List<String>> form(Map<String, List<String>> fields) {
    return fields::get;
  }

  static Function<String, List<String>> form(String... nameValuePairs) {
    Map<String, List<String>> fields = new java.util.HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      fields.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return fields::get;
  }

  /** The 1-based number of the first line of {@code text} that starts with {@code prefix}. */
  static int lineOf(String text, String prefix) {
    List<String> lines = Arrays.asList(text.split("\n", -1));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }
}
