package com.jiangxin.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule of the linter fires on a defect planted in an otherwise clean quiz, and only then. */
class QuizLinterTest {

  @TempDir
  Path tmp;

  private LintFixture fixture() {
    return new LintFixture(tmp);
  }

  private static List<Finding> of(LintReport report, String rule) {
    return report.findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** The one finding of {@code rule}, after checking nothing else was found. */
  private static Finding only(LintReport report, String rule) {
    List<Finding> found = of(report, rule);
    assertEquals(1, found.size(), "findings: " + report.findings());
    assertEquals(found, report.findings(), "only the planted defect is reported");
    return found.get(0);
  }

  @Test
  @DisplayName("a clean quiz passes every rule: nothing printed, exit 0")
  void cleanQuizPasses() throws IOException {
    LintFixture.Run run = fixture().run();
    assertEquals("", run.out());
    assertEquals(0, run.exit());
    assertEquals("lint: 1 quiz checked: 0 errors, 0 warnings\n", run.err());
  }

  @Test
  @DisplayName("level: a question without 'level:' is an error at its heading, though the loader accepts it")
  void levelRequired() throws IOException {
    LintFixture f = fixture().quiz("type: fill\nexample: 方仲永\nlevel: recall\n", "type: fill\nexample: 方仲永\n");
    Finding finding = only(f.lint(), "level");
    assertEquals(Severity.ERROR, finding.severity());
    assertEquals(f.quizLine("## fang-fate"), finding.line());
    assertEquals("fang-fate", finding.questionId());
    LintFixture.Run run = f.run();
    assertEquals(1, run.exit());
    assertEquals(f.quizFile() + ":" + f.quizLine("## fang-fate")
        + ": error[level]: fang-fate has no 'level:' (one of recall, understand, infer)\n", run.out());
  }

  @Test
  @DisplayName("level-mix: less than 40% of the points at understand or infer is an error")
  void levelMix() throws IOException {
    LintFixture f = fixture()
        .quiz("level: understand\npoints: 2\nprompt: 演讲者讲路遥", "level: recall\npoints: 2\nprompt: 演讲者讲路遥")
        .quiz("level: infer\n", "level: recall\n");
    Finding finding = only(f.lint(), "level-mix");
    assertEquals(Severity.ERROR, finding.severity());
    assertTrue(finding.message().contains("only 17%"), finding.message());
    assertEquals(f.quizLine("title:"), finding.line());
  }

  @Test
  @DisplayName("coverage: an example of the reading without a question is an error")
  void coverage() throws IOException {
    LintFixture f = fixture().reading("  - 哈里森: 哈里森, 航海钟\n", "  - 哈里森: 哈里森, 航海钟\n  - 基石: 基石\n");
    Finding finding = only(f.lint(), "coverage");
    assertTrue(finding.message().contains("基石"), finding.message());
    assertEquals(f.quizLine("reading:"), finding.line());
  }

  @Test
  @DisplayName("key-balance: one letter keying more than 40% of the single-choice questions is an error")
  void singleKeysBunched() throws IOException {
    LintFixture f = fixture()
        .quiz("option A: 天赋决定一切", "option A: 天赋不练习也会荒废")
        .quiz("option C: 天赋不练习也会荒废\noption D: 天赋只属于少数人\nanswer: C",
            "option C: 天赋决定一切\noption D: 天赋只属于少数人\nanswer: A");
    Finding finding = only(f.lint(), "key-balance");
    assertTrue(finding.message().startsWith("A is the key of 2 of 3 single-choice questions"), finding.message());
    assertEquals(Severity.ERROR, finding.severity());
  }

  @Test
  @DisplayName("key-balance: a letter in the key of every multiple-choice question is an error")
  void multipleKeysShareALetter() throws IOException {
    LintFixture f = fixture().quiz("option D: 少于练习\nanswer: B, D", "option D: 少于练习\nanswer: A, B, D")
        .quiz("option A: 年老成才", "option A: 幼年好学");
    Finding finding = only(f.lint(), "key-balance");
    assertTrue(finding.message().startsWith("A is in the key of every multiple-choice question"), finding.message());
    assertEquals(f.quizLine("answer: A, B, D"), finding.line());
  }

  @Test
  @DisplayName("giveaway: a fill key in a discussion prompt is an error at the prompt's line")
  void fillKeyInDiscussion() throws IOException {
    LintFixture f = fixture().quiz("discuss: 三个例子里，你最佩服谁？为什么？", "discuss: 为什么“泯然众人”的结局令人惋惜？");
    Finding finding = only(f.lint(), "giveaway");
    assertEquals(f.quizLine("discuss: 为什么"), finding.line());
    assertEquals("the key of fang-fate “泯然众人” appears in discussion prompt 1", finding.message());
  }

  @Test
  @DisplayName("giveaway: a numeric key written in Chinese numerals in an option is found")
  void numericKeyInOption() throws IOException {
    LintFixture f = fixture().quiz("option D: 开办工厂", "option D: 四十年开办工厂");
    Finding finding = only(f.lint(), "giveaway");
    assertEquals("the key of harrison-years “40” appears in option D of luyao-deeds", finding.message());
    assertEquals("luyao-deeds", finding.questionId());
  }

  @Test
  @DisplayName("giveaway: the text of a single-choice key in another question's prompt is found despite punctuation")
  void singleKeyInPrompt() throws IOException {
    LintFixture f = fixture().quiz("prompt: 方仲永最终怎样？请填四字词语。", "prompt: 方仲永和那位为经度测量造钟的人不同，他最终怎样？");
    assertEquals(List.of(), of(f.lint(), "giveaway"), "a part of the key is not the key");
    f.quiz("为经度测量造钟的人", "为了“经度测量的难题”造钟的人");
    Finding finding = only(f.lint(), "giveaway");
    assertEquals("the key of harrison-purpose “经度测量的难题” appears in the prompt of fang-fate", finding.message());
  }

  @Test
  @DisplayName("giveaway: an evidence question's shown paragraphs are the reading's own text, but its claim must not quote the key sentence")
  void evidenceQuestions() throws IOException {
    String evidence = String.join("\n", "## fang-sentence", "type: evidence", "example: 方仲永", "level: understand",
        "prompt: 观点：天资再好，不勤学也会荒废。", "paragraphs: 1-2", "answer: 方仲永少年成才",
        "evidence: 方仲永少年成才，却少于练习", "explanation: 第{p}段。", "", "## fang-fate");
    LintFixture f = fixture().quiz("## fang-fate", evidence);
    assertEquals(List.of(), f.lint().findings().stream().map(Finding::format).toList(),
        "the shown paragraph holds the fill key 泯然众人 and the key sentence: neither is a giveaway");
    f.quiz("prompt: 观点：天资再好，不勤学也会荒废。", "prompt: 观点：方仲永少年成才，却少于练习，不记勤劳于心，最终“泯然众人”。");
    assertTrue(of(f.lint(), "giveaway").stream().anyMatch(x -> x.message().startsWith("the key of fang-sentence ")
        && x.message().endsWith("appears in the prompt of fang-sentence")), f.lint().findings().toString());
  }

  @Test
  @DisplayName("giveaway: a matching pair named together elsewhere, or an ordering spelled out in order, is an error")
  void pairsAndOrders() throws IOException {
    LintFixture f = fixture().quiz("prompt: 哈里森为造钟花了多少年以上？", "prompt: 哈里森先后造了五台钟，花了多少年以上？");
    Finding pair = only(f.lint(), "giveaway");
    assertTrue(pair.message().startsWith("the pair “哈里森” → “先后造了五台钟” of who-did-what appears together in the prompt of harrison-years"),
        pair.message());
    LintFixture g = fixture().quiz("discuss: 三个例子里，你最佩服谁？为什么？", "discuss: 写书的人、少年成才的人、造钟的人，你最佩服谁？");
    Finding order = only(g.lint(), "giveaway");
    assertEquals("the order of story-order (every item, in the key's order) appears in discussion prompt 1", order.message());
    LintFixture h = fixture().quiz("discuss: 三个例子里，你最佩服谁？为什么？", "discuss: 造钟的人、写书的人、少年成才的人，你最佩服谁？");
    assertEquals(List.of(), h.lint().findings(), "the items in another order give nothing away");
  }

  @Test
  @DisplayName("giveaway: one-character keys and plain numbers below 10 are not looked for")
  void shortKeysIgnored() throws IOException {
    LintFixture f = fixture()
        .quiz("prompt: 方仲永最终怎样？请填四字词语。\nanswer: 泯然众人\naccept: 泯然眾人\nevidence: 最终“泯然众人”",
            "prompt: 方仲永少年成才，却少于什么？请填一个字。\nanswer: 练\nevidence: 却少于练习")
        .quiz("answer: 40\nunit: 年\nevidence: 哈里森费时四十余年", "answer: 5\nunit: 台\nevidence: 先后造了五台航海钟")
        .quiz("prompt: 哈里森为造钟花了多少年以上？", "prompt: 哈里森先后造了几台航海钟？");
    assertEquals(List.of(), of(f.lint(), "giveaway"), "练 and 5 occur in other texts, but are too short to count");
  }

  @Test
  @DisplayName("id-key: a question id holding a key, an ordering key in file order, a matching key Ln=Rn are errors")
  void idsHoldingKeys() throws IOException {
    LintFixture f = fixture().quiz("## harrison-years", "## harrison-40-years");
    Finding id = only(f.lint(), "id-key");
    assertEquals(f.quizLine("## harrison-40-years"), id.line());
    assertTrue(id.message().contains("“40”"), id.message());

    LintFixture order = fixture().quiz("item I1: 造钟的人\nitem I2: 写书的人\nitem I3: 少年成才的人\nanswer: I2, I3, I1",
        "item I2: 写书的人\nitem I3: 少年成才的人\nitem I1: 造钟的人\nanswer: I2, I3, I1");
    assertEquals("the key is the order the items are listed in; list them in another order",
        only(order.lint(), "id-key").message());

    LintFixture pairs = fixture().quiz("right R1: 先后造了五台钟\nright R2: 身患重病仍下煤窝\nright R3: 拒绝高薪\nanswer: L1=R2, L2=R1",
        "right R2: 先后造了五台钟\nright R1: 身患重病仍下煤窝\nright R3: 拒绝高薪\nanswer: L1=R1, L2=R2");
    assertEquals("every pair is Ln=Rn, so the ids give the key away", only(pairs.lint(), "id-key").message());
  }

  @Test
  @DisplayName("evidence-key: evidence without the fill or numeric key is an error, a warning for an infer question")
  void evidenceWithoutKey() throws IOException {
    LintFixture f = fixture().quiz("evidence: 最终“泯然众人”", "evidence: 不记勤劳于心");
    Finding finding = only(f.lint(), "evidence-key");
    assertEquals(Severity.ERROR, finding.severity());
    assertEquals(f.quizLine("evidence: 不记勤劳于心"), finding.line());

    LintFixture infer = fixture().quiz("evidence: 哈里森费时四十余年", "evidence: 先后造了五台航海钟")
        .quiz("level: recall\nprompt: 哈里森为造钟", "level: infer\nprompt: 哈里森为造钟");
    Finding warning = only(infer.lint(), "evidence-key");
    assertEquals(Severity.WARNING, warning.severity());
    assertEquals(0, infer.run().exit(), "warnings alone do not fail the lint");
  }

  @Test
  @DisplayName("example-tag: a question tagged with an example named in neither its prompt nor its evidence is an error")
  void exampleTag() throws IOException {
    LintFixture f = fixture().quiz("type: fill\nexample: 方仲永", "type: fill\nexample: 路遥");
    Finding finding = only(f.lint(), "example-tag");
    assertEquals("fang-fate", finding.questionId());
    assertTrue(finding.message().contains("路遥, 《平凡的世界》"), finding.message());

    LintFixture alias = fixture().quiz("prompt: 哈里森造航海钟，是为了解决什么问题？", "prompt: 那台航海钟是为了解决什么问题？")
        .quiz("evidence: 只为解决经度测量的难题", "evidence: 先后造了五台航海钟，只为解决经度测量的难题");
    assertEquals(List.of(), of(alias.lint(), "example-tag"), "a term of the example counts as naming it");
  }

  @Test
  @DisplayName("narrow-key: a fill key that refuses the traditional form or the bare word is a warning; exit 0")
  void narrowFillKey() throws IOException {
    LintFixture f = fixture().quiz("answer: 泯然众人\naccept: 泯然眾人\n", "answer: 泯然众人\n");
    Finding finding = only(f.lint(), "narrow-key");
    assertEquals(Severity.WARNING, finding.severity());
    assertTrue(finding.message().contains("“泯然眾人” (traditional characters)"), finding.message());
    LintFixture.Run run = f.run();
    assertEquals(0, run.exit());
    assertTrue(run.out().contains(": warning[narrow-key]: "), run.out());

    LintFixture particle = fixture().quiz("answer: 泯然众人\naccept: 泯然眾人\n", "answer: 泯然众人了\naccept: 泯然眾人了\n")
        .quiz("evidence: 最终“泯然众人”", "evidence: 方仲永少年成才，却少于练习");
    assertTrue(of(particle.lint(), "narrow-key").get(0).message().contains("“泯然众人” (without the particle)"));
  }

  @Test
  @DisplayName("narrow-key: a numeric key without the unit the evidence gives it is a warning")
  void narrowNumericKey() throws IOException {
    LintFixture f = fixture().quiz("answer: 40\nunit: 年\n", "answer: 40\n");
    Finding finding = only(f.lint(), "narrow-key");
    assertTrue(finding.message().contains("“40年” (with the unit of the evidence)"), finding.message());
    assertTrue(finding.message().endsWith("set 'unit:' or widen the key"), finding.message());
  }

  @Test
  @DisplayName("load: a quiz the server would refuse is reported as file:line: error[load]: and exits 1")
  void loadErrors() throws IOException {
    LintFixture f = fixture().quiz("type: numeric", "type: number");
    LintFixture.Run run = f.run();
    assertEquals(1, run.exit());
    assertEquals(f.quizFile() + ":" + f.quizLine("type: number")
        + ": error[load]: unknown type 'number' (expected one of single, multiple, truefalse, fill, numeric, matching, ordering, short, evidence)\n",
        run.out());
  }

  @Test
  @DisplayName("bad arguments or a folder without quizzes exit 2 with a message")
  void badArguments() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, LintCommand.run(new String[] {tmp.resolve("missing").toString()}, stream, stream));
    assertEquals(2, LintCommand.run(new String[] {"a", "b"}, stream, stream));
    assertEquals(2, LintCommand.run(new String[] {tmp.toString()}, stream, stream), "a folder without quizzes");
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("lint: no quiz files (*.quiz.md) in " + tmp));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: lint [DIR]"));
  }
}
