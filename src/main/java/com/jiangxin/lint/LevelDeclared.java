package com.jiangxin.lint;

import com.jiangxin.quiz.Level;
import com.jiangxin.quiz.Question;

/**
 * Every question declares {@code level:}. The loader still reads a question without one as
 * {@code recall}, so that older files keep loading; the linter is where the level is required.
 */
final class LevelDeclared implements Rule {

  @Override
  public String name() {
    return "level";
  }

  @Override
  public String title() {
    return "题目没有标明层次（level）";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    for (Question q : target.quiz().questions()) {
      if (!target.source().has(q.id(), "level")) {
        out.error(target.source().heading(q.id()), q.id(), q.id() + " has no 'level:' (one of "
            + String.join(", ", Level.NAMES) + ")");
      }
    }
  }
}
