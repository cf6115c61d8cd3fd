package com.jiangxin.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * {@code fill}: type a word or phrase. The answer is a string, e.g. {@code "方仲永"}; it earns 1 if
 * it matches the answer or any accepted alternative after Chinese-aware normalisation on both sides
 * ({@link AnswerText#matches}): full-width = half-width, whitespace ignored, punctuation around the
 * answer ignored ({@code “方仲永”。}), title marks optional ({@code 平凡的世界} = {@code 《平凡的世界》}),
 * Chinese numerals = digits ({@code 六十四} = 64, {@code 一百零八} = 108), a unit may be left out on
 * either side ({@code 64天} = 64), Latin letters case-insensitive. A JSON number is read as its
 * digits. Form field: {@code q.<qid>}.
 *
 * @param answer the expected answer
 * @param accept further answers that also earn full marks
 */
public record FillIn(String answer, List<String> accept) implements QuestionType {
  public static final String NAME = "fill";
  public static final QuestionKind KIND = new Kind();

  public FillIn {
    Objects.requireNonNull(answer, "answer");
    accept = List.copyOf(accept);
    if (AnswerText.normalize(answer).isEmpty()) {
      throw new IllegalArgumentException("a fill answer must not be empty");
    }
    for (String alternative : accept) {
      if (AnswerText.normalize(alternative).isEmpty()) {
        throw new IllegalArgumentException("an accepted alternative must not be empty");
      }
    }
  }


  @Override
  public int maxAnswerLength() {
    return 200;
  }

  @Override
  public Optional<String> checkShape(Object given) {
    return given == null || given instanceof String || given instanceof Number
        ? Optional.empty() : Optional.of("应为一段文字");
  }

  @Override
  public Grade grade(Object given) {
    String text = asText(given);
    if (text == null) {
      return Grade.ZERO;
    }
    if (AnswerText.matches(answer, text)) {
      return Grade.FULL;
    }
    return accept.stream().anyMatch(a -> AnswerText.matches(a, text)) ? Grade.FULL : Grade.ZERO;
  }

  private static String asText(Object given) {
    if (given instanceof String s) {
      return s;
    }
    if (given instanceof Number n) {
      BigDecimal d = Answers.decimal(n);
      return d == null ? null : d.stripTrailingZeros().toPlainString();
    }
    return null;
  }

  @Override
  public Object key() {
    return answer;
  }

  @Override
  public JsonObject teacherExtras() {
    return new JsonObject().put("answer", answer).put("accept", new JsonArray(new ArrayList<>(accept)));
  }

  @Override
  public String keyText() {
    return answer + (accept.isEmpty() ? "" : "（也接受：" + String.join("、", accept) + "）");
  }

  @Override
  public Map<String, Object> keyModel() {
    return accept.isEmpty() ? Map.of("fill", answer) : Map.of("fill", answer, "accept", accept);
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    String text = String.valueOf(given);
    return List.of(new Tally(AnswerText.normalize(text), text.strip(), right));
  }

  @Override
  public Object demoWrong(Random random) {
    return random.nextBoolean() ? null : "不记得了";
  }

  private static final class Kind extends NamedKind.Text {
    Kind() {
      super(FillIn.class, NAME, "填空题", "填空", Set.of("answer", "accept"));
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      TypeBlock.Entry answer = block.require("answer");
      List<String> alternatives = new ArrayList<>();
      TypeBlock.Entry accept = block.optionalMaybeEmpty("accept").orElse(null);
      if (accept != null) {
        for (String alternative : accept.text().split("\\|", -1)) {
          if (alternative.isBlank()) {
            throw block.error(accept.line(), "empty alternative in 'accept:' (separate them with ' | ')");
          }
          alternatives.add(alternative.strip());
        }
      }
      return block.build(answer, () -> new FillIn(answer.text(), alternatives));
    }
  }
}
