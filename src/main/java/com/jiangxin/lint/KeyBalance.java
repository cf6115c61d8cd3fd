package com.jiangxin.lint;

import com.jiangxin.quiz.MultipleChoice;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.SingleChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keys spread over the option letters: no letter is the key of more than 40% of a quiz's
 * single-choice questions (at least one question may always use a letter, so with fewer than five
 * such questions every key letter differs), and with two or more multiple-choice questions no
 * option letter is in every key. Otherwise "always B" or "always A" scores without reading.
 */
final class KeyBalance implements Rule {
  static final double MAX_SHARE = 0.4;

  @Override
  public String name() {
    return "key-balance";
  }

  @Override
  public String title() {
    return "答案集中在同一个选项字母上";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    List<Question> singles = new ArrayList<>();
    List<Question> multiples = new ArrayList<>();
    for (Question q : target.quiz().questions()) {
      if (q.type() instanceof SingleChoice) {
        singles.add(q);
      } else if (q.type() instanceof MultipleChoice) {
        multiples.add(q);
      }
    }
    checkSingles(target, singles, out);
    checkMultiples(target, multiples, out);
  }

  /** The most single-choice questions of {@code count} that may share one key letter. */
  static int allowedPerLetter(int count) {
    return Math.max(1, (int) Math.floor(count * MAX_SHARE + 1e-9));
  }

  private void checkSingles(LintTarget target, List<Question> singles, Findings out) {
    Map<String, List<Question>> byLetter = new LinkedHashMap<>();
    for (Question q : singles) {
      byLetter.computeIfAbsent(((SingleChoice) q.type()).answer(), k -> new ArrayList<>()).add(q);
    }
    int allowed = allowedPerLetter(singles.size());
    byLetter.forEach((letter, qs) -> {
      if (qs.size() > allowed) {
        Question last = qs.get(qs.size() - 1);
        out.error(target.source().line(last.id(), "answer"), last.id(),
            letter + " is the key of " + qs.size() + " of " + singles.size() + " single-choice questions ("
                + ids(qs) + "); at most " + allowed + " may share a letter (40%)");
      }
    });
  }

  private void checkMultiples(LintTarget target, List<Question> multiples, Findings out) {
    if (multiples.size() < 2) {
      return;
    }
    Set<String> inEvery = new LinkedHashSet<>(((MultipleChoice) multiples.get(0).type()).answer());
    for (Question q : multiples) {
      inEvery.retainAll(((MultipleChoice) q.type()).answer());
    }
    Question last = multiples.get(multiples.size() - 1);
    for (String letter : inEvery) {
      out.error(target.source().line(last.id(), "answer"), last.id(),
          letter + " is in the key of every multiple-choice question (" + ids(multiples)
              + "); a student who always ticks " + letter + " never loses it");
    }
  }

  private static String ids(List<Question> qs) {
    return String.join(", ", qs.stream().map(Question::id).toList());
  }
}
