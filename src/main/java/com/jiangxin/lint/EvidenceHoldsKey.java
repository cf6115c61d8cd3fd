package com.jiangxin.lint;

import com.jiangxin.quiz.FillIn;
import com.jiangxin.quiz.Level;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence of a fill or numeric question holds its key (the answer or an accepted alternative;
 * for a number, any number within the tolerance, Chinese numerals included), so a teacher who
 * follows the evidence link sees the answer. An error, except for an {@code infer} question, whose
 * answer may be worked out rather than quoted: there it is a warning.
 */
final class EvidenceHoldsKey implements Rule {

  @Override
  public String name() {
    return "evidence-key";
  }

  @Override
  public String title() {
    return "原文依据里找不到答案";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    for (Question q : target.quiz().questions()) {
      String evidence = Texts.fold(q.evidence());
      String missing = null;
      if (q.type() instanceof FillIn t) {
        List<String> keys = new ArrayList<>();
        keys.add(t.answer());
        keys.addAll(t.accept());
        if (keys.stream().noneMatch(k -> Texts.containsFolded(evidence, Texts.fold(k)))) {
          missing = Texts.quote(t.answer());
        }
      } else if (q.type() instanceof Numeric t) {
        boolean found = Texts.numbers(evidence).stream()
            .anyMatch(n -> n.subtract(t.answer()).abs().compareTo(t.tolerance()) <= 0);
        if (!found) {
          missing = Texts.plain(t.answer()) + (t.tolerance().signum() == 0 ? "" : " (±" + Texts.plain(t.tolerance()) + ")");
        }
      }
      if (missing == null) {
        continue;
      }
      int line = target.source().line(q.id(), "evidence");
      String message = "the evidence of " + q.id() + " does not contain its key " + missing;
      if (q.level() == Level.INFER) {
        out.warning(line, q.id(), message + " (allowed for an infer question, but check it)");
      } else {
        out.error(line, q.id(), message);
      }
    }
  }
}
