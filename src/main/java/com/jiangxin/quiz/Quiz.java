package com.jiangxin.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The quiz on one reading, as loaded from its {@code pian-NN.quiz.md} file.
 *
 * @param readingId         the reading it belongs to, e.g. {@code pian-02}
 * @param title             e.g. {@code 篇二 · 热爱劳动，从我做起}
 * @param version           first 12 hex digits of the SHA-256 of the file; changes with any edit
 * @param discussionPrompts the open {@code discuss:} prompts, in file order
 * @param questions         the questions, in file order
 * @param file              the file's name, for messages
 */
public record Quiz(String readingId, String title, String version, List<String> discussionPrompts,
                   List<Question> questions, String file) {

  public Quiz {
    discussionPrompts = List.copyOf(discussionPrompts);
    questions = List.copyOf(questions);
  }

  public Optional<Question> question(String id) {
    return questions.stream().filter(q -> q.id().equals(id)).findFirst();
  }

  /** The points of all questions together. */
  public double totalPoints() {
    return questions.stream().mapToDouble(Question::points).sum();
  }

  /** Every answered question's answer from a submitted HTML form, by question id. */
  public JsonObject answersFromForm(Function<String, List<String>> param) {
    JsonObject answers = new JsonObject();
    for (Question q : questions) {
      Object answer = q.fromForm(param);
      if (answer != null) {
        answers.put(q.id(), answer);
      }
    }
    return answers;
  }

  /** The quiz as a student may see it before any feedback (see {@link Question#studentView()}). */
  public JsonObject studentView() {
    JsonArray qs = new JsonArray();
    questions.forEach(q -> qs.add(q.studentView()));
    return header().put("questions", qs);
  }

  /** The quiz with keys, evidence and explanations, for teachers. */
  public JsonObject teacherView() {
    JsonArray qs = new JsonArray();
    questions.forEach(q -> qs.add(q.teacherView()));
    return header().put("questions", qs);
  }

  private JsonObject header() {
    return new JsonObject()
        .put("reading", readingId)
        .put("title", title)
        .put("version", version)
        .put("discuss", new JsonArray(new ArrayList<>(discussionPrompts)))
        .put("points", Answers.jsonNumber(totalPoints()));
  }
}
