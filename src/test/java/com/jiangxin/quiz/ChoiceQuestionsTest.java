package com.jiangxin.quiz;

import static com.jiangxin.quiz.Fixtures.choices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChoiceQuestionsTest {

  @Nested
  @DisplayName("single")
  class Single {
    final SingleChoice q = new SingleChoice(choices("A", "静养", "B", "煤窝", "C", "讲课", "D", "出国"), "B");

    @Test
    @DisplayName("the right option earns full marks")
    void right() {
      assertEquals(Grade.FULL, q.grade("B"));
    }

    @Test
    @DisplayName("another offered option earns nothing")
    void wrong() {
      assertEquals(Grade.ZERO, q.grade("A"));
    }

    @Test
    @DisplayName("an option id that is not offered is a shape error and grades 0")
    void notOffered() {
      assertEquals(Optional.of("没有选项 E"), q.checkShape("E"));
      assertEquals(Grade.ZERO, q.grade("E"));
    }

    @Test
    @DisplayName("a non-string answer is a shape error and grades 0 without throwing")
    void malformed() {
      assertTrue(q.checkShape(new JsonArray().add("B")).isPresent());
      assertTrue(q.checkShape(2).isPresent());
      assertEquals(Grade.ZERO, q.grade(new JsonArray().add("B")));
      assertEquals(Grade.ZERO, q.grade(true));
    }

    @Test
    @DisplayName("no answer is a valid shape and grades 0")
    void missing() {
      assertEquals(Optional.empty(), q.checkShape(null));
      assertEquals(Grade.ZERO, q.grade(null));
    }

    @Test
    @DisplayName("the key is the option id, and grading the key gives full marks")
    void key() {
      assertEquals("B", q.key());
      assertEquals(Grade.FULL, q.grade(q.key()));
    }

    @Test
    @DisplayName("an answer that names no option, or fewer than 2 options, cannot be built")
    void invalidData() {
      assertThrows(IllegalArgumentException.class,
          () -> new SingleChoice(choices("A", "x", "B", "y"), "E"));
      assertThrows(IllegalArgumentException.class, () -> new SingleChoice(choices("A", "x"), "A"));
      assertThrows(IllegalArgumentException.class,
          () -> new SingleChoice(choices("A", "x", "A", "y"), "A"));
    }
  }

  @Nested
  @DisplayName("multiple")
  class Multiple {
    final MultipleChoice q =
        new MultipleChoice(choices("A", "a", "B", "b", "C", "c", "D", "d", "E", "e"), List.of("A", "C", "D"));

    JsonArray picked(String... ids) {
      return new JsonArray(List.of((Object[]) ids));
    }

    @Test
    @DisplayName("exactly the correct options earn full marks, in any order")
    void right() {
      assertEquals(Grade.FULL, q.grade(picked("D", "A", "C")));
    }

    @Test
    @DisplayName("each selected correct option earns 1/C")
    void partial() {
      assertEquals(2.0 / 3, q.grade(picked("A", "C")).fraction(), 1e-9);
      assertEquals(1.0 / 3, q.grade(picked("D")).fraction(), 1e-9);
    }

    @Test
    @DisplayName("each selected wrong option costs 1/C")
    void penalty() {
      assertEquals(1.0 / 3, q.grade(picked("A", "C", "B")).fraction(), 1e-9);
      assertEquals(2.0 / 3, q.grade(picked("A", "C", "D", "E")).fraction(), 1e-9);
    }

    @Test
    @DisplayName("ticking every box does not earn full marks")
    void everything() {
      assertEquals(1.0 / 3, q.grade(picked("A", "B", "C", "D", "E")).fraction(), 1e-9);
    }

    @Test
    @DisplayName("the grade never goes below zero")
    void floored() {
      assertEquals(Grade.ZERO, q.grade(picked("B", "E")));
      assertEquals(Grade.ZERO, q.grade(picked("A", "B", "E")));
    }

    @Test
    @DisplayName("an empty selection and no answer grade 0")
    void emptyAndMissing() {
      assertEquals(Grade.ZERO, q.grade(new JsonArray()));
      assertEquals(Grade.ZERO, q.grade(null));
      assertEquals(Optional.empty(), q.checkShape(null));
    }

    @Test
    @DisplayName("a string instead of an array, an unknown or repeated id is a shape error and grades 0")
    void malformed() {
      assertEquals(Optional.of("应为选项编号的数组"), q.checkShape("A"));
      assertEquals(Optional.of("没有选项 Z"), q.checkShape(picked("A", "Z")));
      assertEquals(Optional.of("选项 A 选了两次"), q.checkShape(picked("A", "A")));
      assertTrue(q.checkShape(new JsonArray().add(1)).isPresent());
      assertEquals(Grade.ZERO, q.grade("A"));
      assertEquals(Grade.ZERO, q.grade(picked("A", "C", "Z")));
      assertEquals(Grade.ZERO, q.grade(picked("A", "A", "C")));
    }

    @Test
    @DisplayName("the key is the array of correct ids and grades full")
    void key() {
      assertEquals(picked("A", "C", "D"), q.key());
      assertEquals(Grade.FULL, q.grade(q.key()));
    }

    @Test
    @DisplayName("a plain Java list is read like a JSON array")
    void plainList() {
      assertEquals(Grade.FULL, q.grade(List.of("A", "C", "D")));
    }
  }

  @Nested
  @DisplayName("truefalse")
  class TrueFalseQuestion {
    final TrueFalse q = new TrueFalse(false);

    @Test
    @DisplayName("the right boolean earns full marks, the other nothing")
    void rightAndWrong() {
      assertEquals(Grade.FULL, q.grade(false));
      assertEquals(Grade.ZERO, q.grade(true));
    }

    @Test
    @DisplayName("the strings \"true\"/\"false\" are not booleans: shape error, grade 0")
    void stringsAreMalformed() {
      assertEquals(Optional.of("应为 true 或 false"), q.checkShape("false"));
      assertEquals(Grade.ZERO, q.grade("false"));
      assertEquals(Grade.ZERO, q.grade(0));
    }

    @Test
    @DisplayName("no answer grades 0")
    void missing() {
      assertEquals(Optional.empty(), q.checkShape(null));
      assertEquals(Grade.ZERO, q.grade(null));
    }

    @Test
    @DisplayName("the key is the boolean and the student view carries nothing")
    void keyAndView() {
      assertEquals(false, q.key());
      assertEquals(new JsonObject(), q.studentView());
      assertEquals(new JsonObject().put("answer", false), q.teacherExtras());
    }
  }
}
