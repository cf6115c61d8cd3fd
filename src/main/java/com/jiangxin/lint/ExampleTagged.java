package com.jiangxin.lint;

import com.jiangxin.content.CitedExample;
import com.jiangxin.quiz.Question;
import java.util.ArrayList;
import java.util.List;

/**
 * A question is about the example it is tagged with: the example's name, or one of the terms the
 * reading's {@code examples:} list gives for it, appears in the prompt or the evidence. A wrong tag
 * misleads the report's roll-up by example.
 */
final class ExampleTagged implements Rule {

  @Override
  public String name() {
    return "example-tag";
  }

  @Override
  public String title() {
    return "题目与所标的例子对不上";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    for (Question q : target.quiz().questions()) {
      List<String> names = new ArrayList<>();
      names.add(q.example());
      target.reading().examples().stream()
          .filter(e -> e.name().equals(q.example()))
          .findFirst()
          .map(CitedExample::terms)
          .ifPresent(names::addAll);
      String prompt = Texts.fold(q.prompt());
      String evidence = Texts.fold(q.evidence());
      boolean named = names.stream().map(Texts::fold).filter(n -> !n.isEmpty())
          .anyMatch(n -> Texts.containsFolded(prompt, n) || Texts.containsFolded(evidence, n));
      if (!named) {
        out.error(target.source().line(q.id(), "example"), q.id(), q.id() + " is tagged " + Texts.quote(q.example())
            + ", but neither its prompt nor its evidence names it (" + String.join(", ", names.stream().distinct().toList())
            + ")");
      }
    }
  }
}
