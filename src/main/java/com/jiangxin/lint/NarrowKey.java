package com.jiangxin.lint;

import com.jiangxin.quiz.FillIn;
import com.jiangxin.quiz.Grade;
import com.jiangxin.quiz.Numeric;
import com.jiangxin.quiz.Question;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fill or numeric key accepts the obvious equivalents of its answer, as the real grader judges
 * them: the full- and half-width forms; the answer without its trailing particle (的, 了, 地), or with
 * the particle that follows it in the evidence; a number without its unit, or with the unit that
 * follows it in the evidence; and the traditional or simplified form where the change is trivial
 * ({@link Traditional}). A warning, since a teacher may mean to be strict.
 */
final class NarrowKey implements Rule {
  private static final String PARTICLES = "的了地";
  private static final String APPROXIMATE = "余多来";
  private static final List<String> UNITS = List.of("平方米", "公里", "千米", "厘米", "毫米", "小时", "分钟",
      "年", "个", "天", "岁", "月", "日", "次", "倍", "名", "位", "人", "米", "吨", "克", "元", "所", "家", "座",
      "项", "种", "件", "本", "部", "篇", "条", "届", "周", "度", "秒");
  private static final Pattern NUMBER_THEN_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)(\\D{1,3})");

  @Override
  public String name() {
    return "narrow-key";
  }

  @Override
  public String title() {
    return "填空或数值题可能判错合理的答案";
  }

  @Override
  public void check(LintTarget target, Findings out) {
    for (Question q : target.quiz().questions()) {
      Map<String, String> candidates = new LinkedHashMap<>();
      if (q.type() instanceof FillIn t) {
        fill(t.answer(), q.evidence(), candidates);
      } else if (q.type() instanceof Numeric t) {
        numeric(Texts.plain(t.answer()), q.evidence(), candidates);
      } else {
        continue;
      }
      List<String> wrong = new ArrayList<>();
      candidates.forEach((candidate, why) -> {
        if (!q.grade(candidate).equals(Grade.FULL)) {
          wrong.add(Texts.quote(candidate) + " (" + why + ")");
        }
      });
      if (!wrong.isEmpty()) {
        String fix = q.type() instanceof Numeric ? "set 'unit:' or widen the key" : "add them to 'accept:'";
        out.warning(target.source().line(q.id(), "answer"), q.id(), "obvious equivalents of the key of " + q.id()
            + " would be graded wrong: " + String.join(", ", wrong) + "; " + fix);
      }
    }
  }

  private static void fill(String answer, String evidence, Map<String, String> candidates) {
    widths(answer, candidates);
    String core = answer.strip();
    if (core.length() > 1 && PARTICLES.indexOf(core.charAt(core.length() - 1)) >= 0) {
      candidates.putIfAbsent(core.substring(0, core.length() - 1), "without the particle");
    } else {
      for (char particle : PARTICLES.toCharArray()) {
        if (evidence.contains(core + particle)) {
          candidates.putIfAbsent(core + particle, "with the " + particle + " of the evidence");
        }
      }
    }
    Matcher withUnit = NUMBER_THEN_UNIT.matcher(Texts.fold(answer));
    if (withUnit.matches() && UNITS.contains(withUnit.group(2))) {
      candidates.putIfAbsent(withUnit.group(1), "without the unit");
    } else if (Texts.fold(answer).matches("\\d+(?:\\.\\d+)?")) {
      unitFromEvidence(Texts.fold(answer), evidence, candidates);
    }
    String traditional = Traditional.toTraditional(answer);
    if (!traditional.equals(answer)) {
      candidates.putIfAbsent(traditional, "traditional characters");
    }
    String simplified = Traditional.toSimplified(answer);
    if (!simplified.equals(answer)) {
      candidates.putIfAbsent(simplified, "simplified characters");
    }
  }

  private static void numeric(String number, String evidence, Map<String, String> candidates) {
    widths(number, candidates);
    unitFromEvidence(number, evidence, candidates);
  }

  /** The number followed by the unit that follows it in the evidence ({@code 64天}), if any. */
  private static void unitFromEvidence(String number, String evidence, Map<String, String> candidates) {
    String folded = Texts.fold(evidence);
    for (int at = folded.indexOf(number); at >= 0; at = folded.indexOf(number, at + 1)) {
      boolean alone = (at == 0 || !Character.isDigit(folded.charAt(at - 1)));
      String rest = folded.substring(at + number.length());
      if (!alone || (!rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.charAt(0) == '.'))) {
        continue;
      }
      // 四十余年, 三十多米: the unit after an approximate marker still counts
      if (!rest.isEmpty() && APPROXIMATE.indexOf(rest.charAt(0)) >= 0) {
        rest = rest.substring(1);
      }
      for (String unit : UNITS) {
        if (rest.startsWith(unit)) {
          candidates.putIfAbsent(number + unit, "with the unit of the evidence");
          return;
        }
      }
    }
  }

  private static void widths(String answer, Map<String, String> candidates) {
    StringBuilder full = new StringBuilder(answer.length());
    for (char c : answer.toCharArray()) {
      full.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c == ' ' ? '\u3000' : c);
    }
    if (!full.toString().equals(answer)) {
      candidates.putIfAbsent(full.toString(), "full width");
    }
    String half = Normalizer.normalize(answer, Normalizer.Form.NFKC);
    if (!half.equals(answer)) {
      candidates.putIfAbsent(half, "half width");
    }
  }
}
