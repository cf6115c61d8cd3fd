package com.jiangxin.quiz;

import com.jiangxin.content.Content;
import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Reading;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real question bank in {@code quizzes/}: it loads, it is grounded in the text, it covers every example. */
class QuestionBankContentTest {
  static final Path DIR = Path.of("quizzes");

  /**
   * The canonical cited examples of each reading, from the content spec (the list teachers were
   * promised: every one must be asked about).
   */
  static final Map<String, List<String>> CANONICAL = new LinkedHashMap<>();

  static {
    CANONICAL.put("pian-01", List.of("王浩然", "I have a dream"));
    CANONICAL.put("pian-02", List.of("民生在勤，勤则不匮", "一屋不扫，何以扫天下", "赵普", "路遥", "李白", "方仲永",
      "环卫工人和建筑工人", "少年辛苦终身事"));
    CANONICAL.put("pian-03", List.of("马克思", "森林古猿"));
    CANONICAL.put("pian-04", List.of("xxx先生的序", "小野二郎", "高尔基", "小约翰拼图", "三种思维", "稻盛和夫",
      "牛皮纸钢板与头发丝精度"));
    CANONICAL.put("pian-05", List.of("高凤林", "哈里森", "牛皮纸钢板与头发丝精度", "胡双钱", "《大国工匠》", "哈雷戴维森",
      "瑞士、德国、日本的工匠"));
    CANONICAL.put("pian-06", List.of("钳工、捞纸工、研磨工", "鲁泰工匠"));
    CANONICAL.put("pian-07", List.of("炼金以为刃，凝土以为器", "木匠、铜匠、铁匠、石匠、篾匠", "电饭煲、马桶盖与苹果",
      "大众创业、万众创新"));
    CANONICAL.put("pian-08", List.of("精雕细琢之人"));
    CANONICAL.put("pian-09", List.of("李建辉", "张秋玲、李毯均", "两所学院的规模"));
  }

  static List<Reading> readings;
  static QuizBank bank;

  @BeforeAll
  static void load() {
    readings = Content.loadReadings(DIR);
    bank = QuizBank.load(DIR, readings);
  }

  static Quiz quiz(String readingId) {
    return bank.forReading(readingId).orElseThrow(() -> new AssertionError("no quiz for " + readingId));
  }

  @Test
  @DisplayName("every quiz file in quizzes/ loads, one quiz per reading, for all nine readings")
  void everyFileLoads() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".quiz.md")).sorted().toList();
    }
    assertEquals(9, files.size(), files.toString());
    assertEquals(readings.stream().map(Reading::id).toList(), bank.quizzes().stream().map(Quiz::readingId).toList());
    for (Quiz q : bank.quizzes()) {
      assertEquals(q.readingId() + ".quiz.md", q.file());
      assertTrue(q.version().matches("[0-9a-f]{12}"), q.version());
      int discuss = q.discussionPrompts().size();
      assertTrue(discuss >= 2 && discuss <= 3, q.file() + " has " + discuss + " discussion prompts");
    }
  }

  @Test
  @DisplayName("every question's evidence is a verbatim passage of the paragraph it names, and its explanation names that paragraph")
  void evidenceFound() {
    for (Reading r : readings) {
      for (Question q : quiz(r.id()).questions()) {
        String where = r.id() + "#" + q.id();
        String text = r.paragraph(q.paragraph()).orElseThrow(() -> new AssertionError(where)).text();
        assertTrue(text.contains(q.evidence()), where + ": evidence not in paragraph " + q.paragraph());
        assertFalse(q.explanation().contains("{p}"), where);
        assertFalse(q.explanation().isBlank(), where);
      }
    }
  }

  @Test
  @DisplayName("each reading's front matter lists exactly the canonical examples the spec names for it")
  void frontMatterIsCanonical() {
    assertEquals(List.copyOf(CANONICAL.keySet()), readings.stream().map(Reading::id).toList());
    for (Reading r : readings) {
      assertEquals(Set.copyOf(CANONICAL.get(r.id())), Set.copyOf(r.examples().stream().map(CitedExample::name).toList()),
        r.id());
    }
  }

  @Test
  @DisplayName("every cited example of every reading is asked about by at least one question of that reading's quiz")
  void everyExampleCovered() {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : CANONICAL.entrySet()) {
      Set<String> asked = new HashSet<>(quiz(e.getKey()).questions().stream().map(Question::example).toList());
      e.getValue().stream().filter(name -> !asked.contains(name)).forEach(name -> missing.add(e.getKey() + ": " + name));
    }
    for (Reading r : readings) {
      Set<String> asked = new HashSet<>(quiz(r.id()).questions().stream().map(Question::example).toList());
      r.examples().stream().filter(ex -> !asked.contains(ex.name())).forEach(ex -> missing.add(r.id() + ": " + ex.name()));
    }
    assertEquals(List.of(), missing, "examples without a question");
  }

  @Test
  @DisplayName("a reading that cites six or more examples has at least six questions")
  void enoughQuestions() {
    for (Reading r : readings) {
      int n = quiz(r.id()).questions().size();
      if (r.examples().size() >= 6) {
        assertTrue(n >= 6, r.id() + " cites " + r.examples().size() + " examples but has " + n + " questions");
      }
      assertTrue(n >= r.examples().size(), r.id());
    }
  }

  @Test
  @DisplayName("the bank uses at least six of the eight question types, including matching")
  void typesUsed() {
    Set<String> used = new HashSet<>();
    bank.quizzes().forEach(q -> q.questions().forEach(x -> used.add(x.typeName())));
    assertTrue(used.size() >= 6, "types used: " + used);
    assertTrue(used.contains(Matching.NAME), "at least one matching question");
    assertTrue(QuestionTypes.names().containsAll(used));
  }

  @Test
  @DisplayName("ids never give the key away: no ordering key in id order, no matching key pairing every Ln with Rn")
  void idsDoNotLeakTheKey() {
    Pattern number = Pattern.compile("\\d+$");
    int orderings = 0;
    int matchings = 0;
    for (Quiz quiz : bank.quizzes()) {
      for (Question q : quiz.questions()) {
        String where = quiz.readingId() + "#" + q.id();
        if (q.type() instanceof Ordering o) {
          orderings++;
          List<String> fileOrder = Choice.ids(o.items());
          List<String> sorted = new ArrayList<>(fileOrder);
          sorted.sort(null);
          assertNotEquals(fileOrder, o.answer(), where + ": the key is the order the items are listed in");
          assertNotEquals(sorted, o.answer(), where + ": the key is the ids' own order");
        }
        if (q.type() instanceof Matching m) {
          matchings++;
          boolean allSame = m.answer().entrySet().stream().allMatch(p -> suffix(number, p.getKey()).equals(suffix(number, p.getValue())));
          assertFalse(allSame, where + ": every pair is Ln=Rn");
          List<String> lefts = Choice.ids(m.left());
          List<String> rights = Choice.ids(m.right());
          boolean byPosition = true;
          for (int i = 0; i < lefts.size(); i++) {
            byPosition &= rights.get(i).equals(m.answer().get(lefts.get(i)));
          }
          assertFalse(byPosition, where + ": each left entry pairs with the right entry on its own line");
        }
      }
    }
    assertTrue(orderings > 0 && matchings > 0, "the bank has ordering and matching questions to check");
  }

  private static String suffix(Pattern number, String id) {
    Matcher m = number.matcher(id);
    return m.find() ? m.group() : id;
  }

  @Test
  @DisplayName("篇九 is a news report: everything a student reads of its quiz speaks of 报道, never of a speech")
  void pian09SpeaksOfAReport() {
    Quiz quiz = quiz("pian-09");
    StringBuilder seen = new StringBuilder(quiz.studentView().encode());
    quiz.questions().forEach(q -> seen.append(q.note() == null ? "" : q.note()).append(q.explanation()));
    assertFalse(seen.toString().contains("演讲"), seen.toString());
    assertTrue(quiz.questions().stream().anyMatch(q -> q.prompt().contains("报道")));
    assertTrue(quiz.discussionPrompts().stream().anyMatch(d -> d.contains("新闻") || d.contains("报道")));
  }

  @Test
  @DisplayName("a question of 篇六–八 that quotes a known slip of the text carries a note saying what is right")
  void pian06to08SlipsCarryANote() {
    Map<String, List<String>> slips = Map.of(
      "pian-06", List.of("是我不禁反思", "与平凡的工作中"),
      "pian-07", List.of("炼金以为刃"),
      "pian-08", List.of("找不出一瑕疵"));
    int quoting = 0;
    for (Map.Entry<String, List<String>> e : slips.entrySet()) {
      for (Question q : quiz(e.getKey()).questions()) {
        boolean quotes = e.getValue().stream().anyMatch(s -> q.evidence().contains(s) || q.prompt().contains(s));
        if (quotes) {
          quoting++;
          assertTrue(q.note() != null && !q.note().isBlank(), e.getKey() + "#" + q.id() + " quotes a slip without a note");
        }
      }
    }
    assertTrue(quoting >= 3, "the slips are asked about, with notes: " + quoting);
  }

  @Test
  @DisplayName("a perfect answer sheet built from each quiz's teacher key earns full marks on every auto-graded question")
  void perfectSheetGradesFull() {
    for (Quiz quiz : bank.quizzes()) {
      // the key as a client would send it back: through JSON text, not as Java objects
      JsonArray keyed = new JsonObject(quiz.teacherView().encode()).getJsonArray("questions");
      double earned = 0;
      double autoPoints = 0;
      for (int i = 0; i < quiz.questions().size(); i++) {
        Question q = quiz.questions().get(i);
        JsonObject view = keyed.getJsonObject(i);
        assertEquals(q.id(), view.getString("id"));
        Object answer = view.getValue("answer");
        String where = quiz.readingId() + "#" + q.id();
        assertEquals(java.util.Optional.empty(), q.checkShape(answer), where);
        Grade g = q.grade(answer);
        if (q.type().autoGraded()) {
          assertEquals(Grade.FULL, g, where);
          earned += g.fraction() * q.points();
          autoPoints += q.points();
        } else {
          assertTrue(answer instanceof String, where + ": a short question's key is its model answer");
          assertTrue(g.pending(), where + ": a model answer waits for the teacher, it is not marked wrong");
        }
      }
      assertEquals(autoPoints, earned, 1e-9, quiz.readingId());
      assertTrue(autoPoints > 0, quiz.readingId());
    }
  }
}
