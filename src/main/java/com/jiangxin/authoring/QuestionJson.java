package com.jiangxin.authoring;

import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Evidence;
import com.jiangxin.quiz.QuestionTypes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One question in the shape of the teacher view of {@code GET /api/v1/readings/{id}/quiz}, written
 * as a block of the native quiz file. Every way a question arrives (the editor's JSON, GIFT, Moodle
 * XML, a copy) goes through here and then through the quiz loader, so all get the same validation.
 */
final class QuestionJson {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern SENTENCE_ID = Pattern.compile("p(\\d+)s(\\d+)");
  static final String DEFAULT_EXPLANATION = "见原文第{p}段。";

  private QuestionJson() {
  }

  /** A question that cannot be written, and the JSON field to fix. */
  static final class Invalid extends RuntimeException {
    final String field;

    Invalid(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }

  /** A rendered block and, by line within it (0-based), the JSON field the line came from. */
  record Block(String text, List<String> fields) {
  }

  /** Writes the question as a native block; {@link Invalid} names the field that is missing or malformed. */
  static Block render(JsonObject q, Reading reading, Set<String> takenIds) {
    String type = str(q, "type");
    if (type == null || !QuestionTypes.names().contains(type)) {
      throw new Invalid("type", "题型须为以下之一：" + String.join("、", QuestionTypes.names()));
    }
    String id = str(q, "id");
    if (id == null || id.isBlank() || takenIds.contains(id)) {
      id = freshId(takenIds, id);
    } else if (!ID.matcher(id).matches()) {
      throw new Invalid("id", "题号只能用小写字母、数字和连字符，以字母或数字开头。");
    }
    Lines out = new Lines();
    out.add(null, "## " + id);
    out.add("type", "type: " + type);
    out.add("example", "example: " + example(q, reading));
    String level = str(q, "level");
    out.add("level", "level: " + (level == null || level.isBlank() ? "recall" : level.strip()));
    Object points = q.getValue("points");
    if (points != null) {
      if (!(points instanceof Number n) || !(n.doubleValue() > 0)) {
        throw new Invalid("points", "分值须为正数。");
      }
      out.add("points", "points: " + new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
    }
    out.add("prompt", "prompt: " + required(q, "prompt", "请填写题干。"));
    Object answer = q.getValue("answer");
    switch (type) {
      case "single", "multiple" -> {
        choices(out, q, "options", "option");
        out.add("answer", "answer: " + (type.equals("single") ? answerText(answer) : list(answer)));
      }
      case "truefalse" -> {
        if (!(answer instanceof Boolean b)) {
          throw new Invalid("answer", "判断题的答案须为 true 或 false。");
        }
        out.add("answer", "answer: " + b);
      }
      case "fill" -> {
        out.add("answer", "answer: " + answerText(answer));
        JsonArray accept = q.getValue("accept") instanceof JsonArray a ? a : new JsonArray();
        List<String> alternatives = new ArrayList<>();
        accept.forEach(v -> {
          if (v != null && !String.valueOf(v).isBlank()) {
            alternatives.add(flat(String.valueOf(v)));
          }
        });
        if (!alternatives.isEmpty()) {
          out.add("accept", "accept: " + String.join(" | ", alternatives));
        }
      }
      case "numeric" -> {
        if (!(answer instanceof Number)) {
          throw new Invalid("answer", "数值题的答案须为数字。");
        }
        out.add("answer", "answer: " + new BigDecimal(answer.toString()).stripTrailingZeros().toPlainString());
        Object tolerance = q.getValue("tolerance");
        if (tolerance instanceof Number t && t.doubleValue() != 0) {
          out.add("tolerance", "tolerance: " + new BigDecimal(t.toString()).stripTrailingZeros().toPlainString());
        }
        String unit = str(q, "unit");
        if (unit != null && !unit.isBlank()) {
          out.add("unit", "unit: " + flat(unit));
        }
      }
      case "matching" -> {
        choices(out, q, "left", "left");
        choices(out, q, "right", "right");
        if (!(answer instanceof JsonObject pairs) || pairs.isEmpty()) {
          throw new Invalid("answer", "配对题的答案须为 {\"L1\":\"R2\", …}。");
        }
        List<String> parts = new ArrayList<>();
        pairs.forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
        out.add("answer", "answer: " + String.join(", ", parts));
      }
      case "ordering" -> {
        choices(out, q, "items", "item");
        out.add("answer", "answer: " + list(answer));
      }
      case "short" -> {
        out.add("rubric", "rubric: " + required(q, "rubric", "开放题须有评分标准（rubric）。"));
        if (answer instanceof String s && !s.isBlank()) {
          out.add("answer", "answer: " + block(s));
        }
      }
      case "evidence" -> evidence(out, q, reading);
      default -> throw new Invalid("type", "不支持的题型：" + type);
    }
    out.add("evidence", "evidence: " + flat(required(q, "evidence", "请在原文中选出依据（evidence）。")));
    String explanation = str(q, "explanation");
    out.add("explanation", "explanation: " + block(explanation == null || explanation.isBlank()
      ? DEFAULT_EXPLANATION : explanation));
    String note = str(q, "note");
    if (note != null && !note.isBlank()) {
      out.add("note", "note: " + block(note));
    }
    takenIds.add(id);
    return new Block(out.text.toString(), out.fields);
  }

  /** The id of a question as it will be written (given, or the next free {@code qNN}). */
  static String freshId(Set<String> taken, String wanted) {
    String base = wanted != null && ID.matcher(wanted).matches() ? wanted : "q";
    for (int n = taken.size() + 1; ; n++) {
      String candidate = base.equals("q") ? String.format("q%02d", n) : base + "-" + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static String example(JsonObject q, Reading reading) {
    String example = str(q, "example");
    List<String> names = reading.examples().stream().map(CitedExample::name).toList();
    if (example == null || example.isBlank()) {
      if (names.isEmpty()) {
        throw new Invalid("example", "先在文章里标出引用的例子，再出题。");
      }
      return names.get(0);
    }
    return flat(example);
  }

  private static void evidence(Lines out, JsonObject q, Reading reading) {
    List<Integer> shown = new ArrayList<>();
    Object paragraphs = q.getValue("paragraphs");
    if (paragraphs instanceof JsonArray a) {
      a.forEach(p -> shown.add(p instanceof JsonObject o ? o.getInteger("n") : ((Number) p).intValue()));
    } else if (paragraphs instanceof String s && !s.isBlank()) {
      out.add("paragraphs", "paragraphs: " + flat(s));
    } else {
      throw new Invalid("paragraphs", "找依据题须给出显示的段落（paragraphs）。");
    }
    if (!shown.isEmpty()) {
      out.add("paragraphs", "paragraphs: " + String.join(", ", shown.stream().map(String::valueOf).toList()));
    }
    String answer = str(q, "answer");
    if (answer == null || answer.isBlank()) {
      throw new Invalid("answer", "找依据题须给出答案句。");
    }
    out.add("answer", "answer: " + flat(sentence(answer, reading)));
    if (q.getValue("partial") instanceof JsonObject partial && !partial.isEmpty()) {
      Map<Double, List<String>> byCredit = new HashMap<>();
      partial.forEach(e -> byCredit.computeIfAbsent(((Number) e.getValue()).doubleValue(), k -> new ArrayList<>())
        .add(flat(sentence(e.getKey(), reading))));
      double credit = byCredit.keySet().iterator().next();
      out.add("partial", "partial: " + new BigDecimal(Double.toString(credit)).stripTrailingZeros().toPlainString()
        + " | " + String.join(" | ", byCredit.get(credit)));
    }
  }

  /** A sentence id {@code p5s2} as the sentence's text; other text as it is. */
  private static String sentence(String idOrText, Reading reading) {
    Matcher m = SENTENCE_ID.matcher(idOrText.strip());
    if (!m.matches()) {
      return idOrText;
    }
    Paragraph p = reading.paragraph(Integer.parseInt(m.group(1)))
      .orElseThrow(() -> new Invalid("answer", "文章没有第 " + m.group(1) + " 段。"));
    List<String> sentences = Evidence.sentences(p.text());
    int k = Integer.parseInt(m.group(2));
    if (k < 1 || k > sentences.size()) {
      throw new Invalid("answer", "第 " + m.group(1) + " 段没有第 " + k + " 句。");
    }
    return sentences.get(k - 1);
  }

  private static void choices(Lines out, JsonObject q, String field, String prefix) {
    if (!(q.getValue(field) instanceof JsonArray list) || list.isEmpty()) {
      throw new Invalid(field, "请填写" + switch (field) {
        case "left" -> "左列";
        case "right" -> "右列";
        case "items" -> "要排序的各项";
        default -> "选项";
      } + "（[{\"id\",\"text\"}]）。");
    }
    for (Object o : list) {
      if (!(o instanceof JsonObject c) || str(c, "id") == null || str(c, "text") == null
          || !c.getString("id").matches("[A-Za-z0-9]+") || c.getString("text").isBlank()) {
        throw new Invalid(field, "每一项须有 id（字母或数字）和文字。");
      }
      out.add(field, prefix + " " + c.getString("id") + ": " + flat(c.getString("text")));
    }
  }

  private static String answerText(Object answer) {
    if (!(answer instanceof String s) || s.isBlank()) {
      throw new Invalid("answer", "请给出答案。");
    }
    return flat(s);
  }

  private static String list(Object answer) {
    if (!(answer instanceof JsonArray a) || a.isEmpty()) {
      throw new Invalid("answer", "答案须为选项编号的列表，如 [\"A\",\"C\"]。");
    }
    List<String> ids = new ArrayList<>();
    a.forEach(v -> ids.add(String.valueOf(v)));
    return String.join(", ", ids);
  }

  private static String required(JsonObject q, String field, String message) {
    String v = str(q, field);
    if (v == null || v.isBlank()) {
      throw new Invalid(field, message);
    }
    return block(v);
  }

  static String str(JsonObject q, String field) {
    Object v = q.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new Invalid(field, field + " 须为字符串。");
    }
    return s;
  }

  /** A value on one line (line breaks become spaces): ids, options, evidence. */
  static String flat(String text) {
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** A value that may run over several lines: continuation lines are indented by two spaces. */
  static String block(String text) {
    return text.strip().replaceAll("\\s*\\r?\\n\\s*", "\n  ");
  }

  private static final class Lines {
    final StringBuilder text = new StringBuilder();
    final List<String> fields = new ArrayList<>();

    void add(String field, String line) {
      text.append(line).append('\n');
      String[] physical = line.split("\n", -1);
      for (int i = 0; i < physical.length; i++) {
        fields.add(field);
      }
    }
  }
}
