package com.jiangxin.quiz;

import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.web.Numbers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code evidence} (找出原文中支持这一观点的句子): the prompt states a claim, and the student picks the
 * sentence of the reading that supports it from the paragraphs shown with the question, each
 * sentence a choice. The answer is the sentence's id, {@code "p5s2"} (paragraph 5, sentence 2);
 * the key sentence earns 1, a neighbour the author lists under {@code partial:} earns its credit,
 * anything else 0. Form field: {@code q.<qid>} = sentence id (a radio per sentence).
 *
 * <p>In a quiz file:
 * <pre>
 * type: evidence
 * paragraphs: 5-6                  (the paragraphs shown: 5, 5-6 or 5, 7; at most 4, no headings)
 * answer: 核心就在于他们永远铭记于心的勤劳  (verbatim, within one sentence of those paragraphs)
 * partial: 0.5 | 近有路遥，身患重病      (optional: the credit, then one or more sentences)
 * </pre>
 *
 * @param paragraphs the paragraphs shown, each split into sentences
 * @param answer     the id of the key sentence
 * @param partial    ids of neighbour sentences and the share of the points each earns (0 &lt; credit &lt; 1)
 */
public record Evidence(List<Shown> paragraphs, String answer, Map<String, Double> partial) implements QuestionType {
  public static final String NAME = "evidence";
  public static final QuestionKind KIND = new Kind();
  /** The most paragraphs one question shows: more would not fit a phone's screen. */
  static final int MAX_PARAGRAPHS = 4;

  private static final Pattern SENTENCE = Pattern.compile("[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)\"']*|$)");
  private static final Pattern ID = Pattern.compile("p(\\d+)s(\\d+)");

  /**
   * One paragraph as the question shows it.
   *
   * @param n         the paragraph's number in the reading
   * @param sentences its sentences, in order (sentence {@code i} has id {@code p<n>s<i>}, from 1)
   */
  public record Shown(int n, List<String> sentences) {
    public Shown {
      sentences = List.copyOf(sentences);
    }
  }

  public Evidence {
    paragraphs = List.copyOf(paragraphs);
    partial = Map.copyOf(partial);
    Set<String> ids = new TreeSet<>();
    paragraphs.forEach(p -> ids.addAll(ids(p)));
    if (!ids.contains(answer)) {
      throw new IllegalArgumentException("the key sentence " + answer + " is not among the paragraphs shown");
    }
    partial.forEach((id, credit) -> {
      if (!ids.contains(id) || id.equals(answer)) {
        throw new IllegalArgumentException("partial credit for " + id + ", which is not another shown sentence");
      }
      if (!(credit > 0 && credit < 1)) {
        throw new IllegalArgumentException("partial credit must be between 0 and 1, got " + credit);
      }
    });
  }

  /**
   * A Chinese text cut into sentences: each ends after 。！？； (or their ASCII forms), together with
   * any closing quotation mark or bracket that follows, so {@code 他说：“好。”然后走了。} is two
   * sentences. Text after the last mark is a sentence too; blank pieces are dropped.
   */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = SENTENCE.matcher(text);
    while (m.find()) {
      String s = m.group().strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
      if (m.end() == text.length()) {
        break;
      }
    }
    return out;
  }

  /** "第5段第2句" for a sentence id, the id itself if it is not one. */
  public static String place(String id) {
    Matcher m = ID.matcher(id);
    return m.matches() ? "第" + m.group(1) + "段第" + m.group(2) + "句" : id;
  }

  private static List<String> ids(Shown p) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= p.sentences().size(); i++) {
      ids.add("p" + p.n() + "s" + i);
    }
    return ids;
  }

  /** The text of a shown sentence. */
  public Optional<String> sentence(String id) {
    Matcher m = ID.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    int n = Integer.parseInt(m.group(1));
    int i = Integer.parseInt(m.group(2));
    return paragraphs.stream().filter(p -> p.n() == n && i >= 1 && i <= p.sentences().size())
        .map(p -> p.sentences().get(i - 1)).findFirst();
  }

  @Override
  public int maxAnswerLength() {
    return 20;
  }

  @Override
  public Optional<String> checkShape(Object given) {
    if (given == null) {
      return Optional.empty();
    }
    if (!(given instanceof String id)) {
      return Optional.of("应为原文中的一句");
    }
    return sentence(id).isPresent() ? Optional.empty() : Optional.of("所示段落中没有这一句");
  }

  @Override
  public Grade grade(Object given) {
    if (!(given instanceof String id) || sentence(id).isEmpty()) {
      return Grade.ZERO;
    }
    if (answer.equals(id)) {
      return Grade.FULL;
    }
    Double credit = partial.get(id);
    return credit == null ? Grade.ZERO : Grade.of(credit);
  }

  @Override
  public Object key() {
    return answer;
  }

  @Override
  public JsonObject studentView() {
    JsonArray shown = new JsonArray();
    for (Shown p : paragraphs) {
      JsonArray sentences = new JsonArray();
      List<String> ids = ids(p);
      for (int i = 0; i < ids.size(); i++) {
        sentences.add(new JsonObject().put("id", ids.get(i)).put("text", p.sentences().get(i)));
      }
      shown.add(new JsonObject().put("n", p.n()).put("sentences", sentences));
    }
    return new JsonObject().put("paragraphs", shown);
  }

  @Override
  public JsonObject teacherExtras() {
    JsonObject extras = new JsonObject().put("answer", answer);
    if (!partial.isEmpty()) {
      JsonObject credits = new JsonObject();
      new TreeSet<>(partial.keySet()).forEach(id -> credits.put(id, partial.get(id)));
      extras.put("partial", credits);
    }
    return extras;
  }

  @Override
  public String keyText() {
    StringBuilder text = new StringBuilder(describe(answer));
    new TreeSet<>(partial.keySet()).forEach(id -> text.append("（").append(place(id)).append("得 ")
        .append(Numbers.percent(partial.get(id))).append("）"));
    return text.toString();
  }

  @Override
  public Map<String, Object> keyModel() {
    return Map.of();
  }

  @Override
  public String describe(Object given) {
    String id = String.valueOf(given);
    return sentence(id).map(text -> place(id) + "：“" + text + "”").orElse(id);
  }

  @Override
  public List<Tally> tally(Object given, boolean right) {
    String id = String.valueOf(given);
    return List.of(new Tally(id, place(id), answer.equals(id)));
  }

  /** The sentence next to the key, as a reader who stopped one sentence short picks it. */
  @Override
  public Object demoWrong(Random random) {
    List<String> all = new ArrayList<>();
    paragraphs.forEach(p -> all.addAll(ids(p)));
    int at = all.indexOf(answer);
    List<String> near = new ArrayList<>();
    for (int i : new int[] {at - 1, at + 1, at - 2, at + 2}) {
      if (i >= 0 && i < all.size()) {
        near.add(all.get(i));
      }
    }
    if (near.isEmpty()) {
      return null;
    }
    return near.get(random.nextInt(near.size()));
  }

  private static final class Kind extends NamedKind {
    private static final Pattern RANGE = Pattern.compile("(\\d+)(?:\\s*-\\s*(\\d+))?");

    Kind() {
      super(Evidence.class, NAME, "证据题", "找句子", Set.of("paragraphs", "answer", "partial"));
    }

    @Override
    public QuestionType parse(TypeBlock block) {
      TypeBlock.Entry range = block.require("paragraphs");
      List<Shown> shown = shown(block, range);
      TypeBlock.Entry answer = block.require("answer");
      String key = find(block, answer, answer.text(), shown);
      Map<String, Double> partial = new LinkedHashMap<>();
      Optional<TypeBlock.Entry> partialEntry = block.optional("partial");
      if (partialEntry.isPresent()) {
        TypeBlock.Entry entry = partialEntry.get();
        String[] parts = entry.text().split("\\|", -1);
        if (parts.length < 2) {
          throw block.error(entry.line(), "expected 'partial: CREDIT | SENTENCE' (e.g. 'partial: 0.5 | 近有路遥')");
        }
        double credit = block.decimal(entry, "the partial credit", parts[0]).doubleValue();
        if (!(credit > 0 && credit < 1)) {
          throw block.error(entry.line(), "the partial credit must be between 0 and 1, got '" + parts[0].strip() + "'");
        }
        for (int i = 1; i < parts.length; i++) {
          String id = find(block, entry, parts[i].strip(), shown);
          if (id.equals(key)) {
            throw block.error(entry.line(), "the partial sentence '" + parts[i].strip() + "' is the key sentence");
          }
          partial.put(id, credit);
        }
      }
      return block.build(answer, () -> new Evidence(shown, key, partial));
    }

    /** The paragraphs named by {@code 5}, {@code 5-6} or {@code 5, 7}. */
    private static List<Shown> shown(TypeBlock block, TypeBlock.Entry range) {
      Reading reading = block.reading();
      Set<Integer> numbers = new TreeSet<>();
      for (String part : range.text().split("[,，]", -1)) {
        Matcher m = RANGE.matcher(part.strip());
        if (!m.matches()) {
          throw block.error(range.line(), "expected paragraph numbers such as '5', '5-6' or '5, 7', got '"
              + range.text() + "'");
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (to < from || to - from >= MAX_PARAGRAPHS) {
          throw block.error(range.line(), "bad paragraph range '" + part.strip() + "'");
        }
        for (int n = from; n <= to; n++) {
          numbers.add(n);
        }
      }
      if (numbers.size() > MAX_PARAGRAPHS) {
        throw block.error(range.line(), "an evidence question shows at most " + MAX_PARAGRAPHS
            + " paragraphs, not " + numbers.size());
      }
      List<Shown> shown = new ArrayList<>();
      for (int n : numbers) {
        Paragraph p = reading.paragraphs().stream().filter(x -> x.n() == n).findFirst()
            .orElseThrow(() -> block.error(range.line(), reading.id() + " has no paragraph " + n
                + " (it has " + reading.paragraphs().size() + ")"));
        if (p.heading()) {
          throw block.error(range.line(), "paragraph " + n + " of " + reading.id() + " is a heading, not a paragraph");
        }
        shown.add(new Shown(n, sentences(p.text())));
      }
      return shown;
    }

    /** The id of the one shown sentence that holds {@code text} verbatim. */
    private static String find(TypeBlock block, TypeBlock.Entry at, String text, List<Shown> shown) {
      List<String> found = new ArrayList<>();
      for (Shown p : shown) {
        for (int i = 0; i < p.sentences().size(); i++) {
          if (p.sentences().get(i).contains(text)) {
            found.add("p" + p.n() + "s" + (i + 1));
          }
        }
      }
      if (found.size() == 1) {
        return found.get(0);
      }
      if (found.size() > 1) {
        throw block.error(at.line(), "'" + text + "' is in " + found.size() + " sentences of the paragraphs shown ("
            + String.join(", ", found.stream().map(Evidence::place).toList()) + "); quote more of the one meant");
      }
      if (shown.stream().anyMatch(p -> String.join("", p.sentences()).contains(text))) {
        throw block.error(at.line(), "'" + text + "' runs over more than one sentence; quote one sentence"
            + " (sentences end at 。！？；)");
      }
      Optional<Paragraph> elsewhere = block.reading().paragraphs().stream().filter(p -> p.text().contains(text)).findFirst();
      if (elsewhere.isPresent()) {
        throw block.error(at.line(), "'" + text + "' is in paragraph " + elsewhere.get().n()
            + ", which 'paragraphs:' does not show");
      }
      throw block.error(at.line(), "'" + text + "' is not a sentence of the paragraphs shown");
    }

    @Override
    public Map<String, Object> form(JsonObject view, Object answer) {
      String field = "q." + view.getString("id");
      return Map.of("paragraphs", paragraphs(view, (id, m) -> {
        m.put("id", id);
        m.put("field", field);
        m.put("checked", id.equals(answer));
        m.put("domId", "q-" + view.getString("id") + "-" + id);
        m.put("place", place(id));
      }));
    }

    /**
     * The paragraphs of a student view as {@code {n, sentences}}, each sentence a map holding its
     * {@code text} and what {@code fill} adds, given the sentence's id.
     */
    private static List<Map<String, Object>> paragraphs(JsonObject view, BiConsumer<String, Map<String, Object>> fill) {
      List<Map<String, Object>> paragraphs = new ArrayList<>();
      for (Object o : view.getJsonArray("paragraphs", new JsonArray())) {
        JsonObject p = (JsonObject) o;
        List<Map<String, Object>> sentences = new ArrayList<>();
        for (Object s : p.getJsonArray("sentences")) {
          JsonObject sentence = (JsonObject) s;
          Map<String, Object> m = new HashMap<>();
          m.put("text", sentence.getString("text"));
          fill.accept(sentence.getString("id"), m);
          sentences.add(m);
        }
        paragraphs.add(Map.of("n", p.getInteger("n"), "sentences", sentences));
      }
      return paragraphs;
    }

    @Override
    public String describe(JsonObject view, Object answer) {
      String id = String.valueOf(answer);
      for (Object o : view.getJsonArray("paragraphs", new JsonArray())) {
        for (Object s : ((JsonObject) o).getJsonArray("sentences")) {
          JsonObject sentence = (JsonObject) s;
          if (id.equals(sentence.getString("id"))) {
            return place(id) + "：“" + sentence.getString("text") + "”";
          }
        }
      }
      return id;
    }

    @Override
    public List<Map<String, Object>> marked(JsonObject view, Object answer, Object key) {
      return paragraphs(view, (id, m) -> {
        m.put("chosen", id.equals(answer));
        m.put("key", id.equals(key));
      });
    }
  }
}
