package com.jiangxin.lint;

import com.jiangxin.quiz.Level;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import java.util.Locale;

/**
 * At least 40% of a quiz's points are at {@code understand} or {@code infer} level, so a quiz asks
 * what the examples are for and not only where a sentence is.
 */
final class LevelMix implements Rule {
  static final double MIN_SHARE = 0.4;

  @Override
  public String name() {
    return "level-mix";
  }

  @Override
  public String title() {
    return "理解题和推断题的分值不足四成";
  }

  /** The share of a quiz's points at understand or infer level, from 0 to 1. */
  static double deeperShare(Quiz quiz) {
    double deeper = quiz.questions().stream().filter(q -> q.level() != Level.RECALL)
        .mapToDouble(Question::points).sum();
    return quiz.totalPoints() == 0 ? 0 : deeper / quiz.totalPoints();
  }

  @Override
  public void check(LintTarget target, Findings out) {
    double share = deeperShare(target.quiz());
    if (share < MIN_SHARE - 1e-9) {
      out.error(target.source().frontMatter("title"), null, String.format(Locale.ROOT,
          "only %.0f%% of the points are at understand or infer level; at least %.0f%% are needed",
          share * 100, MIN_SHARE * 100));
    }
  }
}
