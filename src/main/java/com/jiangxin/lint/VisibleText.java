package com.jiangxin.lint;

import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.Matching;
import com.jiangxin.quiz.MultipleChoice;
import com.jiangxin.quiz.Ordering;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.SingleChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text of a quiz that students see before any feedback: a discussion prompt, a question's
 * prompt, an option, a matching entry or an item to order.
 *
 * @param text       the text as written
 * @param folded     the text folded for comparison ({@link Texts#fold})
 * @param kind       what part of the quiz it is
 * @param what       where it is, for messages, e.g. {@code option B of luyao-illness}
 * @param questionId the question it belongs to, or null for a discussion prompt
 * @param line       its line in the file
 */
record VisibleText(String text, String folded, Kind kind, String what, String questionId, int line) {

  /** The parts of a quiz students see. */
  enum Kind { DISCUSSION, PROMPT, OPTION, LEFT, RIGHT, ITEM }

  /** Every student-visible text of the quiz, in file order. */
  static List<VisibleText> of(LintTarget target) {
    List<VisibleText> texts = new ArrayList<>();
    List<String> discuss = target.quiz().discussionPrompts();
    for (int i = 0; i < discuss.size(); i++) {
      texts.add(make(discuss.get(i), Kind.DISCUSSION, "discussion prompt " + (i + 1), null, target.source().discuss(i)));
    }
    for (Question q : target.quiz().questions()) {
      texts.add(make(q.prompt(), Kind.PROMPT, "the prompt of " + q.id(), q.id(),
          target.source().line(q.id(), "prompt")));
      if (q.type() instanceof SingleChoice t) {
        choices(target, q, Kind.OPTION, t.options(), texts);
      } else if (q.type() instanceof MultipleChoice t) {
        choices(target, q, Kind.OPTION, t.options(), texts);
      } else if (q.type() instanceof Matching t) {
        choices(target, q, Kind.LEFT, t.left(), texts);
        choices(target, q, Kind.RIGHT, t.right(), texts);
      } else if (q.type() instanceof Ordering t) {
        choices(target, q, Kind.ITEM, t.items(), texts);
      }
    }
    return texts;
  }

  private static void choices(LintTarget target, Question q, Kind kind, List<Choice> choices,
                              List<VisibleText> texts) {
    for (Choice c : choices) {
      // the key as the file writes it: option B, left L1, right R2, item I3
      String label = kind.name().toLowerCase(Locale.ROOT) + " " + c.id();
      texts.add(make(c.text(), kind, label + " of " + q.id(), q.id(), target.source().line(q.id(), label)));
    }
  }

  private static VisibleText make(String text, Kind kind, String what, String questionId, int line) {
    return new VisibleText(text, Texts.fold(text), kind, what, questionId, line);
  }

  /** Whether this is one of the options of {@code q} (a single-choice key is always among them). */
  boolean isOptionOf(Question q) {
    return kind == Kind.OPTION && q.id().equals(questionId);
  }
}
