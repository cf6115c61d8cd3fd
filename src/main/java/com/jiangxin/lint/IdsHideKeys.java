package com.jiangxin.lint;

import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.FillIn;
import com.jiangxin.quiz.Matching;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.Ordering;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.SingleChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids travel to students in the page source and the JSON, so none may carry a key: no question id
 * holds the letters or digits of a key of its quiz ({@code luyao-1992} when 1992 is an answer), no
 * ordering key follows the items' file order or their ids' own order, and no matching key pairs
 * every {@code Ln} with {@code Rn} or every left entry with the right entry on its own line.
 */
final class IdsHideKeys implements Rule {
  private static final Pattern ASCII_RUN = Pattern.compile("[a-z0-9]+(?:\\.[0-9]+)?");
  private static final Pattern TRAILING_NUMBER = Pattern.compile("\\d+$");

  @Override
  public String name() {
    return "id-key";
  }

  @Override
  public String title() {
    return "编号泄露了答案";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    List<Question> questions = target.quiz().questions();
    for (Question q : questions) {
      for (String run : asciiRuns(q)) {
        for (Question holder : questions) {
          if (Texts.containsFolded(Texts.fold(holder.id()), run)) {
            out.error(target.source().heading(holder.id()), holder.id(), "the question id " + holder.id()
                + " holds " + Texts.quote(run) + " from the key of " + q.id() + " (ids are visible to students)");
          }
        }
      }
      if (q.type() instanceof Ordering t) {
        ordering(target, q, t, out);
      } else if (q.type() instanceof Matching t) {
        matching(target, q, t, out);
      }
    }
  }

  /** The runs of Latin letters and digits in a question's key that could show in an id. */
  private static List<String> asciiRuns(Question q) {
    List<String> keys = new ArrayList<>();
    List<String> others = new ArrayList<>();
    if (q.type() instanceof FillIn t) {
      keys.add(t.answer());
      keys.addAll(t.accept());
    } else if (q.type() instanceof Numeric t) {
      keys.add(Texts.plain(t.answer()));
    } else if (q.type() instanceof SingleChoice t) {
      for (Choice c : t.options()) {
        (c.id().equals(t.answer()) ? keys : others).add(c.text());
      }
    }
    List<String> runs = new ArrayList<>();
    for (String key : keys) {
      Matcher m = ASCII_RUN.matcher(Texts.fold(key));
      while (m.find()) {
        String run = m.group();
        boolean sharedWithDistractor = others.stream().anyMatch(o -> Texts.containsFolded(Texts.fold(o), run));
        if (!Texts.tooShort(run) && !sharedWithDistractor && !runs.contains(run)) {
          runs.add(run);
        }
      }
    }
    return runs;
  }

  private void ordering(LintTarget target, Question q, Ordering t, Findings out) {
    List<String> fileOrder = t.items().stream().map(Choice::id).toList();
    List<String> sorted = new ArrayList<>(fileOrder);
    sorted.sort(null);
    int line = target.source().line(q.id(), "answer");
    if (t.answer().equals(fileOrder)) {
      out.error(line, q.id(), "the key is the order the items are listed in; list them in another order");
    } else if (t.answer().equals(sorted)) {
      out.error(line, q.id(), "the key is the ids' own order (" + String.join(", ", sorted)
          + "); number the items in another order");
    }
  }

  private void matching(LintTarget target, Question q, Matching t, Findings out) {
    Map<String, String> key = t.answer();
    int line = target.source().line(q.id(), "answer");
    boolean sameNumbers = key.entrySet().stream()
        .allMatch(p -> trailingNumber(p.getKey()).equals(trailingNumber(p.getValue())));
    List<Choice> left = t.left();
    boolean byLine = true;
    for (int i = 0; i < left.size(); i++) {
      byLine &= i < t.right().size() && t.right().get(i).id().equals(key.get(left.get(i).id()));
    }
    if (sameNumbers) {
      out.error(line, q.id(), "every pair is Ln=Rn, so the ids give the key away");
    } else if (byLine) {
      out.error(line, q.id(), "each left entry pairs with the right entry on its own line; list the right column in another order");
    }
  }

  private static String trailingNumber(String id) {
    Matcher m = TRAILING_NUMBER.matcher(id);
    return m.find() ? m.group() : id;
  }
}
