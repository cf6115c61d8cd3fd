package com.jiangxin.lint;

import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.Evidence;
import com.jiangxin.quiz.FillIn;
import com.jiangxin.quiz.Matching;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.Ordering;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.SingleChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No question gives away another's key: the key text of a fill, numeric or single-choice question
 * (the chosen option's text, not its letter), a matching pair (its left and right text together)
 * or an ordering (all items, in the key's order) must not appear in any other student-visible text
 * of the same quiz — prompts, options, matching entries, items, discussion prompts. Keys of one
 * character and plain numbers below 10 are not looked for (see {@link Texts#tooShort}).
 */
final class Giveaways implements Rule {

  @Override
  public String name() {
    return "giveaway";
  }

  @Override
  public String title() {
    return "答案出现在学生看得到的其他文字里";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    List<VisibleText> texts = VisibleText.of(target);
    for (Question q : target.quiz().questions()) {
      if (q.type() instanceof FillIn t) {
        List<String> keys = new ArrayList<>();
        keys.add(t.answer());
        keys.addAll(t.accept());
        plainKeys(q, keys, texts, out);
      } else if (q.type() instanceof Numeric t) {
        plainKeys(q, List.of(Texts.plain(t.answer())), texts, out);
      } else if (q.type() instanceof SingleChoice t) {
        String key = t.options().stream().filter(c -> c.id().equals(t.answer())).findFirst().orElseThrow().text();
        plainKeys(q, List.of(key), texts, out);
      } else if (q.type() instanceof Matching t) {
        pairs(q, t, texts, out);
      } else if (q.type() instanceof Ordering t) {
        order(q, t, texts, out);
      } else if (q.type() instanceof Evidence t) {
        // the key sentence is in the paragraphs the question shows, as in the reading: only the
        // quiz's own wording (the claim above all) must not quote it
        plainKeys(q, List.of(t.sentence(t.answer()).orElseThrow()), texts, out);
      }
    }
  }

  private void plainKeys(Question q, List<String> keys, List<VisibleText> texts, Findings out) {
    for (VisibleText text : texts) {
      if (text.isOptionOf(q)) {
        continue;
      }
      for (String key : keys) {
        String folded = Texts.fold(key);
        if (!Texts.tooShort(folded) && Texts.containsFolded(text.folded(), folded)) {
          out.error(text.line(), text.questionId(), "the key of " + q.id() + " " + Texts.quote(key)
              + " appears in " + text.what());
          break;
        }
      }
    }
  }

  private void pairs(Question q, Matching t, List<VisibleText> texts, Findings out) {
    for (Map.Entry<String, String> pair : t.answer().entrySet()) {
      String left = find(t.left(), pair.getKey());
      String right = find(t.right(), pair.getValue());
      String l = Texts.fold(left);
      String r = Texts.fold(right);
      if (l.isEmpty() || Texts.tooShort(r)) {
        continue;
      }
      for (VisibleText text : texts) {
        if (Texts.containsFolded(text.folded(), l) && Texts.containsFolded(text.folded(), r)) {
          out.error(text.line(), text.questionId(), "the pair " + Texts.quote(left) + " → " + Texts.quote(right)
              + " of " + q.id() + " appears together in " + text.what());
        }
      }
    }
  }

  private void order(Question q, Ordering t, List<VisibleText> texts, Findings out) {
    List<String> items = t.answer().stream().map(id -> Texts.fold(find(t.items(), id))).toList();
    if (items.stream().anyMatch(String::isEmpty)) {
      return;
    }
    for (VisibleText text : texts) {
      int from = 0;
      boolean inOrder = true;
      for (String item : items) {
        int at = text.folded().indexOf(item, from);
        if (at < 0) {
          inOrder = false;
          break;
        }
        from = at + item.length();
      }
      if (inOrder) {
        out.error(text.line(), text.questionId(), "the order of " + q.id() + " (every item, in the key's order)"
            + " appears in " + text.what());
      }
    }
  }

  private static String find(List<Choice> choices, String id) {
    return choices.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().text();
  }
}
