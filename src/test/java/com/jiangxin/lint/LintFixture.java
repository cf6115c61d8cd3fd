package com.jiangxin.lint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small reading ({@code pian-01}, citing 路遥, 方仲永 and 哈里森) and a quiz on it that passes every
 * rule of the linter, for tests to plant one defect at a time into, or to serve as {@code QUIZZES_DIR}.
 */
public final class LintFixture {
  static final String READING = """
      ---
      id: pian-01
      number: 1
      title: 勤能补拙
      source: 测试用的短文
      examples:
        - 路遥: 路遥, 《平凡的世界》
        - 方仲永: 方仲永
        - 哈里森: 哈里森, 航海钟
      ---

      近有路遥，身患重病，仍深入农村煤窝，最终创作出不朽之作——《平凡的世界》。

      方仲永少年成才，却少于练习，不记勤劳于心，最终“泯然众人”。

      哈里森费时四十余年，先后造了五台航海钟，只为解决经度测量的难题。

      由是观之，勤劳确是人们通向成功的基石。
      """;

  static final String QUIZ = """
      ---
      reading: pian-01
      title: 篇一 · 勤能补拙
      ---

      discuss: 三个例子里，你最佩服谁？为什么？
      discuss: 演讲者的结论一定成立吗？你能举出一个反例吗？

      ## luyao-why
      type: single
      example: 路遥
      level: understand
      points: 2
      prompt: 演讲者讲路遥带病下煤窝的经历，是为了说明什么？
      option A: 勤劳是通向成功的基石
      option B: 作家应当多去农村
      option C: 生病的人不该工作
      option D: 写小说很赚钱
      answer: A
      evidence: 近有路遥，身患重病，仍深入农村煤窝
      explanation: 第{p}段的例子最后归结到勤劳。

      ## fang-lesson
      type: single
      example: 方仲永
      level: infer
      points: 2
      prompt: 从方仲永的结局可以推出，演讲者认为天赋怎样？
      option A: 天赋决定一切
      option B: 天赋毫无用处
      option C: 天赋不练习也会荒废
      option D: 天赋只属于少数人
      answer: C
      evidence: 方仲永少年成才，却少于练习
      explanation: 第{p}段说他少年成才，却少于练习。
      note: 方仲永的故事出自王安石的《伤仲永》。

      ## harrison-purpose
      type: single
      example: 哈里森
      level: understand
      points: 2
      prompt: 哈里森造航海钟，是为了解决什么问题？
      option A: 报时不准的问题
      option B: 经度测量的难题
      option C: 船只漏水的问题
      option D: 水手思乡的问题
      answer: B
      evidence: 只为解决经度测量的难题
      explanation: 第{p}段说他只为解决经度测量的难题。

      ## fang-fate
      type: fill
      example: 方仲永
      level: recall
      prompt: 方仲永最终怎样？请填四字词语。
      answer: 泯然众人
      accept: 泯然眾人
      evidence: 最终“泯然众人”
      explanation: 第{p}段这样说。

      ## harrison-years
      type: numeric
      example: 哈里森
      level: recall
      prompt: 哈里森为造钟花了多少年以上？
      answer: 40
      unit: 年
      evidence: 哈里森费时四十余年
      explanation: 第{p}段说费时四十余年。

      ## luyao-deeds
      type: multiple
      example: 路遥
      level: recall
      prompt: 演讲稿说路遥做了哪些事？
      option A: 身患重病仍下煤窝
      option B: 出国讲学
      option C: 写出不朽之作
      option D: 开办工厂
      answer: A, C
      evidence: 仍深入农村煤窝
      explanation: 第{p}段说了这两件事。

      ## people-traits
      type: multiple
      example: 方仲永
      level: recall
      prompt: 演讲稿对方仲永有哪些描述？
      option A: 年老成才
      option B: 少年成才
      option C: 勤于练习
      option D: 少于练习
      answer: B, D
      evidence: 方仲永少年成才，却少于练习
      explanation: 第{p}段这样说。

      ## who-did-what
      type: matching
      example: 哈里森
      level: recall
      prompt: 把人物与演讲稿中的经历配对。
      left L1: 路遥
      left L2: 哈里森
      right R1: 先后造了五台钟
      right R2: 身患重病仍下煤窝
      right R3: 拒绝高薪
      answer: L1=R2, L2=R1
      evidence: 先后造了五台航海钟
      explanation: 第{p}段讲哈里森。

      ## story-order
      type: ordering
      example: 路遥
      level: recall
      prompt: 把三个例子按演讲中出现的先后排列。
      item I1: 造钟的人
      item I2: 写书的人
      item I3: 少年成才的人
      answer: I2, I3, I1
      evidence: 近有路遥
      explanation: 第{p}段先讲路遥。
      """;

  private final Path dir;
  private String reading = READING;
  private String quiz = QUIZ;

  public LintFixture(Path dir) {
    this.dir = dir;
  }

  /** Replaces text of the quiz file; the text must be there. */
  public LintFixture quiz(String text, String replacement) {
    quiz = replaced(quiz, text, replacement);
    return this;
  }

  /** Replaces text of the reading file; the text must be there. */
  public LintFixture reading(String text, String replacement) {
    reading = replaced(reading, text, replacement);
    return this;
  }

  private static String replaced(String in, String text, String replacement) {
    if (!in.contains(text)) {
      throw new AssertionError("the fixture has no '" + text + "'");
    }
    return in.replace(text, replacement);
  }

  /** The 1-based line of the first line of the quiz that starts with {@code prefix}. */
  int quizLine(String prefix) {
    List<String> lines = quiz.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "'");
  }

  /** The quiz file as findings name it. */
  String quizFile() {
    return dir.resolve("pian-01.quiz.md").toString();
  }

  /** Writes the reading and the quiz into the folder and returns it. */
  public Path write() throws IOException {
    Files.writeString(dir.resolve("pian-01.md"), reading, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("pian-01.quiz.md"), quiz, StandardCharsets.UTF_8);
    return dir;
  }

  LintReport lint() throws IOException {
    return QuizLinter.lintDirectory(write());
  }

  /** What {@code lint DIR} prints on standard output and its exit code. */
  record Run(int exit, String out, String err) {
  }

  Run run() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = LintCommand.run(new String[] {write().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
