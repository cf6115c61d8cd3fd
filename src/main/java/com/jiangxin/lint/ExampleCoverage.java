package com.jiangxin.lint;

import com.jiangxin.content.CitedExample;
import com.jiangxin.quiz.Question;
import java.util.Set;
import java.util.stream.Collectors;

/** Every example the reading cites is the subject of at least one question of its quiz. */
final class ExampleCoverage implements Rule {

  @Override
  public String name() {
    return "coverage";
  }

  @Override
  public String title() {
    return "有例子没有题目";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    Set<String> asked = target.quiz().questions().stream().map(Question::example).collect(Collectors.toSet());
    for (CitedExample example : target.reading().examples()) {
      if (!asked.contains(example.name())) {
        out.error(target.source().frontMatter("reading"), null, target.reading().id() + " cites "
            + Texts.quote(example.name()) + ", but no question is about it (example: " + example.name() + ")");
      }
    }
  }
}
