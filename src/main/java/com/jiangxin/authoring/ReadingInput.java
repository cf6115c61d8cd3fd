package com.jiangxin.authoring;

import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.content.Repairs;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a teacher sends for an own reading, checked (title, text, cited examples), and the reading as JSON. */
final class ReadingInput {
  private ReadingInput() {
  }

  static String checkedTitle(String title) {
    if (title == null || title.isBlank()) {
      throw AuthoringApi.invalid("title", "请填写标题。");
    }
    String t = title.strip().replaceAll("\\s+", " ");
    if (t.codePointCount(0, t.length()) > AuthoringApi.MAX_TITLE) {
      throw AuthoringApi.invalid("title", "标题最多 " + AuthoringApi.MAX_TITLE + " 个字。");
    }
    return t;
  }

  static List<String> checkedText(String text) {
    if (text == null || text.isBlank()) {
      throw AuthoringApi.invalid("text", "请粘贴或上传文章的正文。");
    }
    if (text.codePointCount(0, text.length()) > AuthoringApi.MAX_TEXT) {
      throw AuthoringApi.invalid("text", "正文最多 " + AuthoringApi.MAX_TEXT + " 个字，这篇有 " + text.codePointCount(0, text.length()) + " 个字。");
    }
    return Repairs.paragraphs(text);
  }

  /**
   * The cited examples: {@code [{"name", "terms":[…]}]} or, as the editor marks them by selecting
   * text, {@code [{"name", "spans":[{"paragraph","start","end"}]}]}; every term must be in the text.
   */
  static List<CitedExample> examples(Object value, List<String> paragraphs) {
    if (!(value instanceof JsonArray list)) {
      throw AuthoringApi.invalid("examples", "examples 须为列表。");
    }
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (Object o : list) {
      if (!(o instanceof JsonObject e) || !(e.getValue("name") instanceof String name) || name.isBlank()) {
        throw AuthoringApi.invalid("examples", "每个例子须有名字（name）。");
      }
      List<String> terms = byName.computeIfAbsent(QuestionJson.flat(name), k -> new ArrayList<>());
      if (e.getValue("spans") instanceof JsonArray spans) {
        for (Object s : spans) {
          JsonObject span = s instanceof JsonObject j ? j : new JsonObject();
          int p = span.getInteger("paragraph", 0);
          int start = span.getInteger("start", -1);
          int end = span.getInteger("end", -1);
          if (p < 1 || p > paragraphs.size() || start < 0 || end <= start || end > paragraphs.get(p - 1).length()) {
            throw AuthoringApi.invalid("examples", "例子“" + name + "”的选区不在正文里。");
          }
          terms.add(paragraphs.get(p - 1).substring(start, end));
        }
      }
      if (e.getValue("terms") instanceof JsonArray given) {
        given.forEach(t -> terms.add(String.valueOf(t).strip()));
      }
      if (terms.isEmpty()) {
        terms.add(QuestionJson.flat(name));
      }
      for (String term : terms) {
        if (term.isEmpty() || paragraphs.stream().noneMatch(p -> p.contains(term))) {
          throw AuthoringApi.invalid("examples", "例子“" + name + "”的“" + AuthoringApi.clip(term) + "”不在正文里。");
        }
      }
    }
    List<CitedExample> out = new ArrayList<>();
    byName.forEach((name, terms) -> out.add(new CitedExample(name, terms.stream().distinct().toList())));
    return out;
  }

  static JsonObject readingJson(OwnReading r) {
    JsonArray paragraphs = new JsonArray();
    Reading reading = r.toReading();
    for (Paragraph p : reading.paragraphs()) {
      JsonObject json = new JsonObject().put("n", p.n()).put("text", p.text());
      if (p.heading()) {
        json.put("heading", true);
      }
      paragraphs.add(json);
    }
    JsonArray repairs = new JsonArray();
    List<Repairs.Repair> proposed = Repairs.propose(r.paragraphs());
    for (int k = 0; k < proposed.size(); k++) {
      Repairs.Repair p = proposed.get(k);
      repairs.add(new JsonObject().put("index", k).put("kind", p.kind()).put("paragraph", p.paragraph())
        .put("before", p.before()).put("after", p.after()));
    }
    JsonArray examples = new JsonArray();
    r.examples().forEach(e -> examples.add(new JsonObject().put("name", e.name()).put("terms", new JsonArray(new ArrayList<>(e.terms())))));
    return new JsonObject().put("id", r.id()).put("title", r.title()).put("paragraphs", paragraphs)
      .put("repairs", repairs).put("examples", examples).put("quizVersion", r.quizVersion());
  }
}
