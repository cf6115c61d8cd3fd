package com.jiangxin.quiz;

import com.jiangxin.content.Content;
import com.jiangxin.content.ContentException;
import com.jiangxin.content.Reading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code evidence} type: sentence splitting, parsing with file:line errors, grading, secrecy. */
class EvidenceTest {
  private static final Reading PIAN02 = Content.loadReadings(Path.of("quizzes")).stream()
    .filter(r -> r.id().equals("pian-02")).findFirst().orElseThrow();
  /** 篇二 paragraph 5: 李白 (s1), 方仲永 (s2), and the conclusion (s3). */
  private static final String FANG = "又有金溪民忘方仲永少年成才，却少于练习";
  private static final String CONCLUSION = "由是观之，勤劳确是人们通向成功的基石";

  private static String quiz(String... typeLines) {
    return String.join("\n", List.of(
      "---", "reading: pian-02", "title: 篇二", "---", "",
      "discuss: 甲？", "discuss: 乙？", "",
      "## fang-sentence",
      "type: evidence",
      "example: 方仲永",
      "level: understand",
      "prompt: 观点：天资再好，不肯勤学苦练也难有成就。",
      "evidence: " + FANG,
      "explanation: 第{p}段。")) + "\n" + String.join("\n", typeLines) + "\n";
  }

  private static Question load(String... typeLines) {
    return QuizLoader.parse("pian-02.quiz.md", quiz(typeLines), PIAN02).questions().get(0);
  }

  private static ContentException refused(String... typeLines) {
    return assertThrows(ContentException.class,
      () -> QuizLoader.parse("pian-02.quiz.md", quiz(typeLines), PIAN02));
  }

  private static int lineOf(String text, String prefix) {
    List<String> lines = List.of(text.split("\n"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i + 1;
      }
    }
    throw new AssertionError(prefix);
  }

  @Test
  @DisplayName("Chinese text splits after 。！？； together with the closing quotes that follow")
  void sentences() {
    assertEquals(List.of("他说：“好。”", "然后走了！", "真的吗？", "是的；", "没有句号的尾巴"),
      Evidence.sentences("他说：“好。”然后走了！真的吗？是的；没有句号的尾巴"));
    assertEquals(List.of("“谁？！”", "他问。"), Evidence.sentences("“谁？！”他问。"));
    assertEquals(List.of("一句。"), Evidence.sentences("  一句。  "));
    assertEquals(List.of(), Evidence.sentences(""));
    assertEquals(List.of("Is it?", "Yes!"), Evidence.sentences("Is it? Yes!"));
    assertEquals(List.of("孔的精度要求是0.24毫米。"), Evidence.sentences("孔的精度要求是0.24毫米。"),
      "a decimal point does not end a sentence");
  }

  @Test
  @DisplayName("the loader builds an evidence question: paragraphs shown, the key sentence and partial credit")
  void parses() {
    Question q = load("paragraphs: 4-5", "answer: " + FANG, "partial: 0.5 | " + CONCLUSION);
    Evidence e = (Evidence) q.type();
    assertEquals(List.of(4, 5), e.paragraphs().stream().map(Evidence.Shown::n).toList());
    assertEquals("p5s2", e.answer());
    assertEquals(Map.of("p5s3", 0.5), e.partial());
    assertTrue(e.sentence("p5s2").orElseThrow().startsWith(FANG));
    assertEquals(5, q.paragraph(), "the common evidence key still finds its paragraph");
    assertEquals("第5段第2句", Evidence.place("p5s2"));
    assertEquals(List.of(3, 5), ((Evidence) load("paragraphs: 3, 5", "answer: " + FANG).type())
      .paragraphs().stream().map(Evidence.Shown::n).toList());
    assertTrue(((Evidence) load("paragraphs: 5", "answer: " + FANG).type()).partial().isEmpty());
  }

  @Test
  @DisplayName("grades the key sentence full, a listed neighbour partly, another sentence and no answer 0")
  void grades() {
    Question q = load("paragraphs: 4-5", "answer: " + FANG, "partial: 0.5 | " + CONCLUSION);
    assertEquals(Grade.FULL, q.grade("p5s2"));
    assertEquals(0.5, q.grade("p5s3").fraction());
    assertFalse(q.grade("p5s3").pending());
    assertEquals(Grade.ZERO, q.grade("p5s1"), "李白's sentence supports nothing here");
    assertEquals(Grade.ZERO, q.grade("p4s1"));
    assertEquals(Grade.ZERO, q.grade(null), "unanswered");
    assertEquals(Grade.ZERO, q.grade("p9s1"), "a sentence not shown");
    assertEquals(Grade.ZERO, q.grade(2), "the wrong shape");
    assertTrue(q.checkShape(null).isEmpty());
    assertTrue(q.checkShape("p4s1").isEmpty());
    assertTrue(q.checkShape("p6s1").isPresent());
    assertTrue(q.checkShape(List.of("p5s2")).isPresent());
    assertTrue(q.checkSize("p5s2").isEmpty());
    assertTrue(q.checkSize("p".repeat(30)).isPresent());
    assertEquals("p5s2", q.fromForm(name -> name.equals("q.fang-sentence") ? List.of("p5s2") : List.of()));
    assertNull(q.fromForm(name -> List.of()));
  }

  @Test
  @DisplayName("the student view shows the numbered paragraphs sentence by sentence and nothing that marks the key")
  void studentViewKeepsTheKey() {
    Question q = load("paragraphs: 4-5", "answer: " + FANG, "partial: 0.5 | " + CONCLUSION);
    JsonObject view = q.studentView();
    assertEquals(Map.of("id", "fang-sentence", "type", "evidence", "prompt", q.prompt(), "points", 1, "paragraphs",
      view.getJsonArray("paragraphs")).keySet(), view.fieldNames(), "no answer, partial, evidence or explanation");
    JsonArray paragraphs = view.getJsonArray("paragraphs");
    assertEquals(2, paragraphs.size());
    for (Object p : paragraphs) {
      for (Object s : ((JsonObject) p).getJsonArray("sentences")) {
        assertEquals(Map.of("id", "", "text", "").keySet(), ((JsonObject) s).fieldNames(), "a sentence is its id and text");
      }
    }
    String json = view.encode();
    assertFalse(json.contains("\"answer\"") || json.contains("partial") || json.contains("correct")
      || json.contains("key"), json);
    assertEquals("p5s2", q.teacherView().getString("answer"));
    assertEquals(0.5, q.teacherView().getJsonObject("partial").getDouble("p5s3"));
  }

  @Test
  @DisplayName("key text, answers in words, report tallies and demo answers speak of sentences")
  void words() {
    Evidence e = (Evidence) load("paragraphs: 4-5", "answer: " + FANG, "partial: 0.5 | " + CONCLUSION).type();
    assertTrue(e.keyText().startsWith("第5段第2句：“" + FANG), e.keyText());
    assertTrue(e.keyText().contains("第5段第3句"), e.keyText());
    assertEquals(List.of(new Tally("p5s3", "第5段第3句", false)), e.tally("p5s3", false));
    assertEquals(List.of(new Tally("p5s2", "第5段第2句", true)), e.tally("p5s2", true));
    for (int seed = 0; seed < 20; seed++) {
      Object wrong = e.demoWrong(new Random(seed));
      assertTrue(e.checkShape(wrong).isEmpty() && e.grade(wrong).fraction() < 1, "demo wrong " + wrong);
    }
    JsonObject view = load("paragraphs: 4-5", "answer: " + FANG).studentView();
    assertTrue(Evidence.KIND.describe(view, "p5s1").startsWith("第5段第1句：“然而"));
    List<Map<String, Object>> marked = Evidence.KIND.marked(view, "p5s1", "p5s2");
    List<?> sentences = (List<?>) marked.get(1).get("sentences");
    assertEquals(true, ((Map<?, ?>) sentences.get(0)).get("chosen"));
    assertEquals(true, ((Map<?, ?>) sentences.get(1)).get("key"));
    assertEquals(false, ((Map<?, ?>) sentences.get(1)).get("chosen"));
  }

  @Test
  @DisplayName("a bad evidence block is refused with file:line and what is wrong")
  void refusals() {
    String text = quiz("paragraphs: 4-5", "answer: 不在原文里的一句话");
    ContentException e = refused("paragraphs: 4-5", "answer: 不在原文里的一句话");
    assertTrue(e.getMessage().startsWith("pian-02.quiz.md:" + lineOf(text, "answer:") + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("not a sentence of the paragraphs shown"), e.getMessage());

    assertTrue(refused("paragraphs: 4", "answer: " + FANG).getMessage().contains("paragraph 5, which 'paragraphs:' does not show"));
    assertTrue(refused("paragraphs: 4-5", "answer: 勤劳").getMessage().contains("sentences of the paragraphs shown"),
      "a piece found in several sentences names them");
    assertTrue(refused("paragraphs: 4-5", "answer: 最终“泯然众人”。由是观之").getMessage().contains("more than one sentence"));
    assertTrue(refused("paragraphs: 99", "answer: " + FANG).getMessage().contains("has no paragraph 99"));
    assertTrue(refused("paragraphs: five", "answer: " + FANG).getMessage().contains("expected paragraph numbers"));
    assertTrue(refused("paragraphs: 2-7", "answer: " + FANG).getMessage().contains("bad paragraph range"));
    assertTrue(refused("answer: " + FANG).getMessage().contains("has no 'paragraphs:'"));
    assertTrue(refused("paragraphs: 5").getMessage().contains("has no 'answer:'"));
    assertTrue(refused("paragraphs: 5", "answer: " + FANG, "partial: 1.5 | " + CONCLUSION).getMessage()
      .contains("between 0 and 1"));
    assertTrue(refused("paragraphs: 5", "answer: " + FANG, "partial: 0.5 | " + FANG).getMessage()
      .contains("is the key sentence"));
    assertTrue(refused("paragraphs: 5", "answer: " + FANG, "partial: " + CONCLUSION).getMessage()
      .contains("partial: CREDIT | SENTENCE"));
    assertTrue(refused("paragraphs: 5", "answer: " + FANG, "option A: 甲").getMessage()
      .contains("unknown key 'option A' for a evidence question"));
  }
}
