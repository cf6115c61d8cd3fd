package com.jiangxin.quiz;

import static com.jiangxin.quiz.Fixtures.choices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatchingOrderingShortTest {

  @Nested
  @DisplayName("matching")
  class MatchingQuestion {
    final Matching q = new Matching(
        choices("L1", "赵普", "L2", "方仲永", "L3", "路遥", "L4", "哈里森"),
        choices("R1", "半部论语", "R2", "泯然众人", "R3", "平凡的世界", "R4", "航海钟", "R5", "寿司"),
        Map.of("L1", "R1", "L2", "R2", "L3", "R3", "L4", "R4"));

    @Test
    @DisplayName("every pair right earns full marks")
    void right() {
      assertEquals(Grade.FULL,
          q.grade(new JsonObject().put("L1", "R1").put("L2", "R2").put("L3", "R3").put("L4", "R4")));
    }

    @Test
    @DisplayName("the fraction is correctly paired left ids over all left ids")
    void partial() {
      assertEquals(0.75, q.grade(new JsonObject().put("L1", "R1").put("L2", "R2").put("L3", "R3").put("L4", "R5"))
          .fraction(), 1e-9);
      assertEquals(0.5, q.grade(new JsonObject().put("L1", "R1").put("L2", "R2")).fraction(), 1e-9);
      assertEquals(0.25, q.grade(new JsonObject().put("L1", "R1").put("L2", "R1").put("L3", null)).fraction(), 1e-9);
    }

    @Test
    @DisplayName("all pairs wrong earns nothing")
    void wrong() {
      assertEquals(Grade.ZERO,
          q.grade(new JsonObject().put("L1", "R2").put("L2", "R1").put("L3", "R4").put("L4", "R3")));
    }

    @Test
    @DisplayName("an array, an unknown left or right id is a shape error and grades 0")
    void malformed() {
      assertEquals(Optional.of("应为“左项编号: 右项编号”的对象"), q.checkShape(new JsonArray().add("R1")));
      assertEquals(Optional.of("没有左项 L9"), q.checkShape(new JsonObject().put("L9", "R1")));
      assertEquals(Optional.of("没有右项 R9"), q.checkShape(new JsonObject().put("L1", "R9")));
      assertTrue(q.checkShape(new JsonObject().put("L1", 1)).isPresent());
      assertEquals(Grade.ZERO, q.grade(new JsonObject().put("L1", "R1").put("L9", "R2")));
      assertEquals(Grade.ZERO, q.grade("L1=R1"));
    }

    @Test
    @DisplayName("no answer grades 0")
    void missing() {
      assertEquals(Optional.empty(), q.checkShape(null));
      assertEquals(Grade.ZERO, q.grade(null));
      assertEquals(Grade.ZERO, q.grade(new JsonObject()));
    }

    @Test
    @DisplayName("the key is the left-to-right object in left order, and grades full")
    void key() {
      assertEquals("{\"L1\":\"R1\",\"L2\":\"R2\",\"L3\":\"R3\",\"L4\":\"R4\"}", ((JsonObject) q.key()).encode());
      assertEquals(Grade.FULL, q.grade(q.key()));
    }

    @Test
    @DisplayName("the student sees both columns (the right one in a stable shuffled order) and no pairs")
    void studentView() {
      JsonObject view = q.studentView();
      assertEquals(Choice.toJson(q.left()), view.getJsonArray("left"));
      assertEquals(5, view.getJsonArray("right").size());
      assertEquals(view, q.studentView());
      assertFalse(view.containsKey("answer"));
    }

    @Test
    @DisplayName("an answer that leaves a left id unpaired or names an unknown id cannot be built")
    void invalidData() {
      assertThrows(IllegalArgumentException.class,
          () -> new Matching(choices("L1", "a", "L2", "b"), choices("R1", "x", "R2", "y"), Map.of("L1", "R1")));
      assertThrows(IllegalArgumentException.class, () -> new Matching(choices("L1", "a", "L2", "b"),
          choices("R1", "x", "R2", "y"), Map.of("L1", "R1", "L2", "R3")));
    }
  }

  @Nested
  @DisplayName("ordering")
  class OrderingQuestion {
    final Ordering q = new Ordering(
        choices("I1", "不再学习", "I2", "五岁能诗", "I3", "泯然众人", "I4", "被人请去作诗", "I5", "父亲不让学习"),
        List.of("I2", "I4", "I5", "I1", "I3"));

    JsonArray order(String... ids) {
      return new JsonArray(List.of((Object[]) ids));
    }

    @Test
    @DisplayName("the exact order earns full marks")
    void exact() {
      assertEquals(Grade.FULL, q.grade(order("I2", "I4", "I5", "I1", "I3")));
    }

    @Test
    @DisplayName("partial credit counts adjacent pairs that are also consecutive in the key, over n − 1")
    void partial() {
      // I4→I5, I5→I1 and I1→I3 survive; moving I2 to the end breaks I2→I4
      assertEquals(0.75, q.grade(order("I4", "I5", "I1", "I3", "I2")).fraction(), 1e-9);
      // only I5→I1 survives
      assertEquals(0.25, q.grade(order("I3", "I5", "I1", "I4", "I2")).fraction(), 1e-9);
    }

    @Test
    @DisplayName("the reversed order earns nothing")
    void reversed() {
      assertEquals(Grade.ZERO, q.grade(order("I3", "I1", "I5", "I4", "I2")));
    }

    @Test
    @DisplayName("a missing, repeated or unknown item is a shape error and grades 0")
    void malformed() {
      assertEquals(Optional.of("排序应包含全部 5 项，每项一次"), q.checkShape(order("I2", "I4", "I5", "I1")));
      assertEquals(Optional.of("项目 I2 出现了两次"), q.checkShape(order("I2", "I2", "I5", "I1", "I3")));
      assertEquals(Optional.of("没有项目 I9"), q.checkShape(order("I2", "I4", "I5", "I1", "I9")));
      assertEquals(Optional.of("应为按顺序排列的项目编号数组"), q.checkShape("I2,I4,I5,I1,I3"));
      assertEquals(Grade.ZERO, q.grade(order("I2", "I4", "I5", "I1")));
      assertEquals(Grade.ZERO, q.grade(order("I2", "I4", "I5", "I1", "I3", "I3")));
      assertEquals(Grade.ZERO, q.grade(new JsonObject().put("I1", "1")));
    }

    @Test
    @DisplayName("no answer grades 0")
    void missing() {
      assertEquals(Optional.empty(), q.checkShape(null));
      assertEquals(Grade.ZERO, q.grade(null));
    }

    @Test
    @DisplayName("the key is the id array and grades full")
    void key() {
      assertEquals(order("I2", "I4", "I5", "I1", "I3"), q.key());
      assertEquals(Grade.FULL, q.grade(q.key()));
    }

    @Test
    @DisplayName("the student sees the items in a stable order that is neither the key nor its reverse")
    void studentView() {
      Ordering inFileOrder = new Ordering(choices("I1", "a", "I2", "b", "I3", "c"), List.of("I1", "I2", "I3"));
      JsonArray shown = inFileOrder.studentView().getJsonArray("items");
      List<String> ids = shown.stream().map(o -> ((JsonObject) o).getString("id")).toList();
      assertEquals(3, ids.size());
      assertFalse(ids.equals(List.of("I1", "I2", "I3")));
      assertFalse(ids.equals(List.of("I3", "I2", "I1")));
      assertEquals(shown, inFileOrder.studentView().getJsonArray("items"));
    }

    @Test
    @DisplayName("fewer than 3 items, or a key that is not a permutation, cannot be built")
    void invalidData() {
      assertThrows(IllegalArgumentException.class,
          () -> new Ordering(choices("I1", "a", "I2", "b"), List.of("I1", "I2")));
      assertThrows(IllegalArgumentException.class,
          () -> new Ordering(choices("I1", "a", "I2", "b", "I3", "c"), List.of("I1", "I2")));
    }
  }

  @Nested
  @DisplayName("short")
  class Short {
    final ShortAnswer q = new ShortAnswer("提到勤奋（1分）", "只有勤奋才能成功。");

    @Test
    @DisplayName("a written answer waits for the teacher: pending, fraction 0")
    void pending() {
      Grade grade = q.grade("路遥很勤奋。");
      assertTrue(grade.pending());
      assertEquals(0, grade.fraction());
      assertFalse(q.autoGraded());
    }

    @Test
    @DisplayName("an empty, blank or missing answer grades 0 and is not pending")
    void empty() {
      assertEquals(Grade.ZERO, q.grade(""));
      assertEquals(Grade.ZERO, q.grade("  \n "));
      assertEquals(Grade.ZERO, q.grade(null));
    }

    @Test
    @DisplayName("a non-text answer is a shape error and grades 0, not pending")
    void malformed() {
      assertEquals(Optional.of("应为一段文字"), q.checkShape(new JsonArray().add("x")));
      assertEquals(Grade.ZERO, q.grade(42));
    }

    @Test
    @DisplayName("the key is the model answer (or null); the teacher sees the rubric")
    void key() {
      assertEquals("只有勤奋才能成功。", q.key());
      assertEquals(null, new ShortAnswer("r", null).key());
      assertEquals(new JsonObject().put("rubric", "提到勤奋（1分）").put("answer", "只有勤奋才能成功。"), q.teacherExtras());
      assertEquals(new JsonObject(), q.studentView());
      assertThrows(IllegalArgumentException.class, () -> new ShortAnswer(" ", "x"));
    }
  }
}
