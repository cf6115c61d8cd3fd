package com.jiangxin.authoring;

import com.jiangxin.content.ContentException;
import com.jiangxin.content.Reading;
import com.jiangxin.lint.Finding;
import com.jiangxin.lint.QuizLinter;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole quiz as the question editor holds it, {@code {"discuss":[…], "questions":[…]}} with each
 * question in the teacher view's shape, written as a quiz file whose every line is traced back to
 * its question and field, so the loader's {@code file:line} problems land next to the right field.
 */
final class QuizDraft {
  /** The most questions one quiz takes from the editor. */
  static final int MAX_QUESTIONS = 100;

  private QuizDraft() {
  }

  /**
   * A problem in one question (0-based {@code question}; -1 for the discussion prompts) and the
   * JSON field to fix: answered as {@code {"error","field","question"}} (and {@code "line"} when the
   * loader found it).
   */
  static final class QuestionError extends RuntimeException {
    final int question;
    final String field;
    final int line;

    QuestionError(int question, String field, String message, int line) {
      super(message, null, false, false);
      this.question = question;
      this.field = field;
      this.line = line;
    }

    JsonObject json() {
      JsonObject out = new JsonObject().put("error", getMessage()).put("field", field).put("question", question);
      return line > 0 ? out.put("line", line) : out;
    }
  }

  /** The quiz file and, by 1-based line, the question and field each line came from. */
  record Written(String text, Map<Integer, Integer> questionOfLine, Map<Integer, String> fieldOfLine, List<String> ids) {

    /** A loader problem at a line, as the question and field to fix. */
    QuestionError at(int line, String message) {
      Integer q = questionOfLine.get(line);
      if (q == null) {
        return new QuestionError(-1, "discuss", message, line);
      }
      String field = fieldOfLine.get(line);
      return new QuestionError(q, field == null ? "id" : field, message, line);
    }
  }

  /** What the loader and the linter make of a draft: the quiz, or a {@link QuestionError}. */
  record Checked(Written written, Quiz quiz, List<Finding> warnings) {
  }

  /** Writes the draft as a quiz file for the reading; a question that cannot be written is a {@link QuestionError}. */
  static Written write(JsonObject draft, Reading reading) {
    List<String> discuss = new ArrayList<>();
    if (draft.getValue("discuss") instanceof JsonArray prompts) {
      prompts.forEach(p -> {
        if (p instanceof String s && !s.isBlank()) {
          discuss.add(s);
        }
      });
    }
    if (!(draft.getValue("questions") instanceof JsonArray questions)) {
      throw new QuestionError(-1, "questions", "questions 须为题目的列表。", 0);
    }
    if (questions.size() > MAX_QUESTIONS) {
      throw new QuestionError(-1, "questions", "一份测验最多 " + MAX_QUESTIONS + " 题。", 0);
    }
    if (!discuss.isEmpty() && (discuss.size() < 2 || discuss.size() > 3)) {
      throw new QuestionError(-1, "discuss", "讨论题须有 2 到 3 个。", 0);
    }
    // ids the editor already gave are kept (answers and reports follow them); new questions get free ones
    Set<String> taken = new HashSet<>();
    for (Object o : questions) {
      if (o instanceof JsonObject q && q.getValue("id") instanceof String id && !id.isBlank()) {
        taken.add(id);
      }
    }
    StringBuilder text = new StringBuilder(QuizText.header(reading.id(), reading.title(), discuss));
    Map<Integer, Integer> questionOfLine = new HashMap<>();
    Map<Integer, String> fieldOfLine = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      if (!(questions.getValue(i) instanceof JsonObject q)) {
        throw new QuestionError(i, "type", "每道题须为一个对象。", 0);
      }
      String own = q.getValue("id") instanceof String s && !s.isBlank() ? s : null;
      if (own != null && !ids.contains(own)) {
        taken.remove(own);
      }
      QuestionJson.Block block;
      try {
        block = QuestionJson.render(q, reading, taken);
      } catch (QuestionJson.Invalid e) {
        throw new QuestionError(i, e.field, e.getMessage(), 0);
      }
      text.append('\n');
      int start = lines(text) + 1;
      for (int k = 0; k < block.fields().size(); k++) {
        questionOfLine.put(start + k, i);
        fieldOfLine.put(start + k, block.fields().get(k));
      }
      ids.add(block.text().substring(3, block.text().indexOf('\n')));
      text.append(block.text());
    }
    return new Written(text.toString(), questionOfLine, fieldOfLine, ids);
  }

  /** Loads and lints a written draft as the quiz loader would load the file (blocking). */
  static Checked check(Written written, Reading reading) {
    Quiz quiz;
    try {
      quiz = QuizLoader.parse(reading.id() + ".quiz.md", written.text(), reading);
    } catch (ContentException e) {
      String m = e.getMessage();
      String prefix = e.file() + ":" + e.line() + ": ";
      throw written.at(e.line(), m.startsWith(prefix) ? m.substring(prefix.length()) : m);
    } catch (IllegalArgumentException e) {
      throw new QuestionError(-1, "questions", e.getMessage(), 0);
    }
    return new Checked(written, quiz, QuizLinter.lint(reading.id() + ".quiz.md", quiz, reading, written.text()));
  }

  /** The linter's findings as the API words them. */
  static JsonArray warnings(List<Finding> found) {
    JsonArray warnings = new JsonArray();
    found.forEach(f -> warnings.add(new JsonObject().put("line", f.line()).put("rule", f.rule())
      .put("severity", f.severity().label()).put("question", f.questionId()).put("message", f.message())));
    return warnings;
  }

  private static int lines(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
