package com.jiangxin.quiz;

/**
 * A question together with the reading whose quiz holds it, as listed by
 * {@link QuizBank#byExample()}.
 */
public record QuestionRef(String readingId, Question question) {

  public String questionId() {
    return question.id();
  }
}
