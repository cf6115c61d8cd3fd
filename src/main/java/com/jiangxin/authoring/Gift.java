package com.jiangxin.authoring;

import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle's GIFT format, written and read as Moodle documents it: {@code ::title::}, {@code //}
 * comments (with {@code [id:…]} and {@code [tag:…]}), the escapes {@code \~ \= \# \{ \} \:} and
 * {@code \n}, {@code #feedback}, {@code ####general feedback}, {@code {T}}/{@code {F}},
 * {@code {#3.14:0.01}}, {@code {#1..5}}, {@code %50%} weights, {@code ->} matching and {@code =}
 * alternatives for a short answer.
 */
final class Gift {
  private static final String SPECIAL = "~=#{}:";
  private static final Pattern WEIGHT = Pattern.compile("^%(-?\\d+(?:\\.\\d+)?)%");
  private static final Pattern META = Pattern.compile("\\[(id|tag):([^\\]]*)]");

  private Gift() {
  }

  // ---- export ----

  /** The quiz as GIFT; types GIFT lacks are left out with a comment saying so. */
  static String export(Quiz quiz) {
    StringBuilder out = new StringBuilder();
    out.append("// ").append(oneLine(quiz.title())).append("（").append(quiz.readingId()).append("，版本 ")
      .append(quiz.version()).append("）\n\n");
    for (Question q : quiz.questions()) {
      if (!Interchange.SHARED.contains(q.typeName())) {
        out.append("// 略去 ").append(q.id()).append("：").append(Interchange.unsupported(q.typeName())).append("\n\n");
        continue;
      }
      out.append("// [id:").append(q.id()).append("]");
      for (String tag : Interchange.tags(q)) {
        out.append(" [tag:").append(tag.replace("]", "］").replace("\n", " ")).append("]");
      }
      out.append('\n');
      out.append("::").append(escape(q.id())).append("::").append(escape(q.prompt())).append(" {\n");
      JsonObject v = q.teacherView();
      switch (q.typeName()) {
        case "single" -> {
          String key = v.getString("answer");
          for (Object o : v.getJsonArray("options")) {
            JsonObject c = (JsonObject) o;
            out.append('\t').append(c.getString("id").equals(key) ? "=" : "~").append(escape(c.getString("text"))).append('\n');
          }
        }
        case "multiple" -> {
          List<?> key = v.getJsonArray("answer").getList();
          String each = Interchange.number(100.0 / key.size());
          for (Object o : v.getJsonArray("options")) {
            JsonObject c = (JsonObject) o;
            out.append("\t~%").append(key.contains(c.getString("id")) ? each : "-" + each).append('%')
              .append(escape(c.getString("text"))).append('\n');
          }
        }
        case "truefalse" -> out.append('\t').append(v.getBoolean("answer") ? "TRUE" : "FALSE").append('\n');
        case "fill" -> {
          out.append("\t=").append(escape(v.getString("answer"))).append('\n');
          for (Object alt : v.getJsonArray("accept")) {
            out.append("\t=").append(escape((String) alt)).append('\n');
          }
        }
        case "numeric" -> out.append("\t#").append(v.getValue("answer")).append(':').append(v.getValue("tolerance")).append('\n');
        case "matching" -> {
          Map<String, String> right = new LinkedHashMap<>();
          v.getJsonArray("right").forEach(o -> right.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("text")));
          JsonObject pairs = v.getJsonObject("answer");
          for (Object o : v.getJsonArray("left")) {
            JsonObject l = (JsonObject) o;
            out.append("\t=").append(escape(l.getString("text"))).append(" -> ")
              .append(escape(right.get(pairs.getString(l.getString("id"))))).append('\n');
          }
        }
        default -> {
          // short: an essay, graded by the teacher; the block holds only the general feedback
        }
      }
      out.append("\t####").append(escape(Interchange.generalFeedback(q))).append("\n}\n\n");
    }
    return out.toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        continue;
      } else {
        if (SPECIAL.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ");
  }

  // ---- import ----

  /** Every question of a GIFT text, each read into the teacher-view shape or skipped with a reason. */
  static List<Interchange.Read> read(String text) {
    List<String> lines = List.of(text.replace("\uFEFF", "").split("\r?\n", -1));
    List<Interchange.Read> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      if (lines.get(i).isBlank()) {
        i++;
        continue;
      }
      int start = i;
      List<String> chunk = new ArrayList<>();
      // a question ends at a blank line, unless its answer block is still open
      while (i < lines.size() && (!lines.get(i).isBlank() || open(chunk))) {
        chunk.add(lines.get(i));
        i++;
      }
      Interchange.Read read = question(chunk, start + 1);
      if (read != null) {
        out.add(read);
      }
    }
    return out;
  }

  private static boolean open(List<String> chunk) {
    String body = String.join("\n", chunk.stream().filter(l -> !l.strip().startsWith("//")).toList());
    int brace = indexOfUnescaped(body, "{", 0);
    return brace >= 0 && indexOfUnescaped(body, "}", brace) < 0;
  }

  /** One question's lines; null for a chunk of comments or a category line alone. */
  private static Interchange.Read question(List<String> chunk, int firstLine) {
    String id = null;
    List<String> tags = new ArrayList<>();
    List<String> body = new ArrayList<>();
    int line = firstLine;
    boolean seenBody = false;
    for (int k = 0; k < chunk.size(); k++) {
      String l = chunk.get(k);
      if (l.strip().startsWith("//")) {
        Matcher m = META.matcher(l);
        while (m.find()) {
          if (m.group(1).equals("id")) {
            id = m.group(2).strip();
          } else {
            tags.add(m.group(2));
          }
        }
        continue;
      }
      if (!seenBody) {
        line = firstLine + k;
        seenBody = true;
      }
      body.add(l);
    }
    if (body.isEmpty()) {
      return null;
    }
    String text = String.join("\n", body).strip();
    if (text.startsWith("$CATEGORY:")) {
      return null;
    }
    String title = null;
    if (text.startsWith("::")) {
      int end = indexOfUnescaped(text, "::", 2);
      if (end < 0) {
        return Interchange.Read.skip(line, "题目标题 “::” 没有结束");
      }
      title = unescape(text.substring(2, end)).strip();
      text = text.substring(end + 2).strip();
    }
    int open = indexOfUnescaped(text, "{", 0);
    if (open < 0) {
      return Interchange.Read.skip(line, "没有答案块 { }：说明文字不是题目");
    }
    int close = indexOfUnescaped(text, "}", open);
    if (close < 0) {
      return Interchange.Read.skip(line, "答案块缺少结束的 “}”");
    }
    String before = stripFormat(text.substring(0, open)).strip();
    String after = text.substring(close + 1).strip();
    String prompt = unescape(before) + (after.isEmpty() ? "" : "____" + unescape(after));
    String answers = text.substring(open + 1, close);
    String feedback = null;
    int general = indexOfUnescaped(answers, "####", 0);
    if (general >= 0) {
      feedback = unescape(answers.substring(general + 4)).strip();
      answers = answers.substring(0, general);
    }
    JsonObject q = new JsonObject().put("prompt", prompt);
    if (id != null) {
      q.put("id", id);
    } else if (title != null && title.matches("[a-z0-9][a-z0-9-]*")) {
      q.put("id", title);
    }
    String problem = answers(answers.strip(), q);
    if (problem != null) {
      return Interchange.Read.skip(line, problem);
    }
    Interchange.readFeedback(feedback, q);
    Interchange.readTags(tags, q);
    return Interchange.Read.ok(line, q);
  }

  /** Fills type, options and answer from the answer block; answers why not when it cannot. */
  private static String answers(String block, JsonObject q) {
    if (block.isEmpty()) {
      q.put("type", "short");
      return null;
    }
    if (block.startsWith("#")) {
      return numeric(block.substring(1).strip(), q);
    }
    String tf = beforeUnescaped(block, '#').strip();
    if (tf.matches("(?i)T|TRUE|F|FALSE")) {
      q.put("type", "truefalse").put("answer", tf.toUpperCase().startsWith("T"));
      return null;
    }
    List<String[]> tokens = tokens(block);
    if (tokens.isEmpty()) {
      return "答案块里没有答案";
    }
    boolean matching = tokens.stream().allMatch(t -> t[0].equals("=") && t[1].contains("->"));
    if (matching) {
      return matching(tokens, q);
    }
    boolean anyWrong = tokens.stream().anyMatch(t -> t[0].equals("~"));
    if (!anyWrong) {
      JsonArray accept = new JsonArray();
      String main = null;
      for (String[] t : tokens) {
        Weighted w = weighted(t[1]);
        if (w.weight != null && w.weight < 100) {
          continue;
        }
        if (main == null) {
          main = w.text;
        } else {
          accept.add(w.text);
        }
      }
      if (main == null) {
        return "简答（填空）题没有满分的答案";
      }
      q.put("type", "fill").put("answer", main).put("accept", accept);
      return null;
    }
    JsonArray options = new JsonArray();
    List<String> right = new ArrayList<>();
    int full = 0;
    boolean partial = false;
    for (int k = 0; k < tokens.size(); k++) {
      String[] t = tokens.get(k);
      Weighted w = weighted(t[1]);
      double weight = t[0].equals("=") ? 100 : w.weight == null ? 0 : w.weight;
      String optionId = Interchange.letter(k);
      options.add(new JsonObject().put("id", optionId).put("text", w.text));
      if (weight > 0) {
        right.add(optionId);
        full += weight >= 100 ? 1 : 0;
        partial |= weight < 100;
      }
    }
    if (right.isEmpty()) {
      return "选择题没有正确的选项";
    }
    q.put("options", options);
    if (right.size() == 1 && full == 1 && !partial) {
      q.put("type", "single").put("answer", right.get(0));
    } else {
      q.put("type", "multiple").put("answer", new JsonArray(new ArrayList<>(right)));
    }
    return null;
  }

  private static String numeric(String block, JsonObject q) {
    String first = block;
    if (first.startsWith("=")) {
      List<String[]> tokens = tokens(first);
      first = null;
      for (String[] t : tokens) {
        Weighted w = weighted(t[1]);
        if (w.weight == null || w.weight >= 100) {
          first = t[1].replaceFirst("^%[^%]*%", "");
          break;
        }
      }
      if (first == null) {
        return "数值题没有满分的答案";
      }
    }
    String value = unescape(beforeUnescaped(first, '#')).strip();
    try {
      BigDecimal answer;
      BigDecimal tolerance = BigDecimal.ZERO;
      int range = value.indexOf("..");
      if (range >= 0) {
        BigDecimal low = new BigDecimal(value.substring(0, range).strip());
        BigDecimal high = new BigDecimal(value.substring(range + 2).strip());
        if (high.compareTo(low) < 0) {
          return "数值范围的下限大于上限：" + value;
        }
        answer = low.add(high).divide(BigDecimal.valueOf(2));
        tolerance = high.subtract(low).divide(BigDecimal.valueOf(2));
      } else {
        int colon = value.indexOf(':');
        answer = new BigDecimal((colon >= 0 ? value.substring(0, colon) : value).strip());
        if (colon >= 0) {
          tolerance = new BigDecimal(value.substring(colon + 1).strip()).abs();
        }
      }
      q.put("type", "numeric").put("answer", answer.doubleValue()).put("tolerance", tolerance.doubleValue());
      return null;
    } catch (NumberFormatException | ArithmeticException e) {
      return "数值题的答案不是数字：" + value;
    }
  }

  private static String matching(List<String[]> tokens, JsonObject q) {
    if (tokens.size() < 2) {
      return "配对题至少要有两对";
    }
    List<String> lefts = new ArrayList<>();
    List<String> rights = new ArrayList<>();
    List<String> pairedRight = new ArrayList<>();
    for (String[] t : tokens) {
      int arrow = t[1].indexOf("->");
      String left = unescape(t[1].substring(0, arrow)).strip();
      String right = unescape(beforeUnescaped(t[1].substring(arrow + 2), '#')).strip();
      if (left.isEmpty() || right.isEmpty()) {
        return "配对题的每一对两边都要有文字";
      }
      lefts.add(left);
      pairedRight.add(right);
      if (!rights.contains(right)) {
        rights.add(right);
      }
    }
    List<String> rightIds = Interchange.rightIds(rights.size());
    JsonArray left = new JsonArray();
    JsonArray right = new JsonArray();
    JsonObject pairs = new JsonObject();
    for (int k = 0; k < rights.size(); k++) {
      right.add(new JsonObject().put("id", rightIds.get(k)).put("text", rights.get(k)));
    }
    for (int k = 0; k < lefts.size(); k++) {
      String leftId = "L" + (k + 1);
      left.add(new JsonObject().put("id", leftId).put("text", lefts.get(k)));
      pairs.put(leftId, rightIds.get(rights.indexOf(pairedRight.get(k))));
    }
    q.put("type", "matching").put("left", left).put("right", right).put("answer", pairs);
    return null;
  }

  private record Weighted(Double weight, String text) {
  }

  /** An answer's {@code %n%} weight (null when none) and its text, without its {@code #feedback}. */
  private static Weighted weighted(String raw) {
    String s = raw.strip();
    Double weight = null;
    Matcher m = WEIGHT.matcher(s);
    if (m.find()) {
      weight = Double.parseDouble(m.group(1));
      s = s.substring(m.end());
    }
    return new Weighted(weight, unescape(beforeUnescaped(s, '#')).strip());
  }

  /** The answers of a block, each {@code [marker, raw text]} with marker {@code =} or {@code ~}. */
  private static List<String[]> tokens(String block) {
    List<String[]> out = new ArrayList<>();
    String marker = null;
    StringBuilder current = new StringBuilder();
    for (int k = 0; k < block.length(); k++) {
      char c = block.charAt(k);
      if (c == '\\' && k + 1 < block.length()) {
        current.append(c).append(block.charAt(++k));
        continue;
      }
      if (c == '=' || c == '~') {
        if (marker != null) {
          out.add(new String[] {marker, current.toString()});
        }
        marker = String.valueOf(c);
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    if (marker != null) {
      out.add(new String[] {marker, current.toString()});
    }
    return out;
  }

  private static String stripFormat(String text) {
    return text.strip().replaceFirst("^\\[(html|plain|moodle|markdown)]", "");
  }

  /** The text before the first unescaped {@code c} (all of it if there is none). */
  private static String beforeUnescaped(String s, char c) {
    int at = indexOfUnescaped(s, String.valueOf(c), 0);
    return at < 0 ? s : s.substring(0, at);
  }

  static int indexOfUnescaped(String s, String what, int from) {
    for (int k = from; k < s.length(); k++) {
      if (s.charAt(k) == '\\') {
        k++;
        continue;
      }
      if (s.startsWith(what, k)) {
        return k;
      }
    }
    return -1;
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\' && k + 1 < s.length()) {
        char next = s.charAt(++k);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
