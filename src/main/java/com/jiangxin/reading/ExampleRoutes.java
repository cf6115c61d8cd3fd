package com.jiangxin.reading;

import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.KeyView;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.QuestionRef;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.web.Web;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The index of cited examples: where each is cited and which questions ask about it, as a public
 * page and a public API. Students and visitors see the questions' prompts only; teachers also see
 * each question's key.
 */
public final class ExampleRoutes {
  private final ExampleIndex index;
  private final QuizBank quizzes;
  private final ReadingCatalog catalog;

  private ExampleRoutes(ReadingCatalog catalog, QuizBank quizzes) {
    this.catalog = catalog;
    this.quizzes = quizzes;
    this.index = new ExampleIndex(catalog, quizzes);
  }

  public static void mount(Router router, ReadingCatalog catalog, QuizBank quizzes) {
    ExampleRoutes r = new ExampleRoutes(catalog, quizzes);
    router.get("/api/v1/examples").handler(r::examplesJson);
    router.get("/examples").handler(r::showExamples);
  }

  private static boolean isTeacher(RoutingContext ctx) {
    return Auth.user(ctx).map(User::isTeacher).orElse(false);
  }

  private void examplesJson(RoutingContext ctx) {
    boolean teacher = isTeacher(ctx);
    JsonArray out = new JsonArray();
    for (ExampleIndex.Entry e : index.entries()) {
      JsonArray readings = new JsonArray();
      for (ReadingCatalog.Citation c : e.citations()) {
        readings.add(new JsonObject().put("id", c.reading().id()).put("paragraph", c.paragraph())
          .put("sentence", c.sentence()));
      }
      JsonArray questions = new JsonArray();
      for (QuestionRef ref : e.questions()) {
        Question q = ref.question();
        JsonObject item = new JsonObject().put("readingId", ref.readingId()).put("questionId", q.id())
          .put("type", q.typeName()).put("prompt", q.prompt());
        if (teacher) {
          item.put("answer", q.key()).put("explanation", q.explanation()).put("evidence", q.evidence())
            .put("paragraph", q.paragraph());
        }
        questions.add(item);
      }
      out.add(new JsonObject().put("example", e.name()).put("readings", readings).put("questions", questions));
    }
    Web.json(ctx, out);
  }

  private void showExamples(RoutingContext ctx) {
    boolean teacher = isTeacher(ctx);
    Map<String, Object> model = Web.model(ctx, "文中例子 · 匠心课堂");
    List<Map<String, Object>> showcase = new ArrayList<>();
    for (String name : ReadingCatalog.SHOWCASE) {
      index.entries().stream().filter(e -> e.name().equals(name)).findFirst()
        .ifPresent(e -> showcase.add(entryModel(e, teacher)));
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Reading r : catalog.all()) {
      List<Map<String, Object>> examples = new ArrayList<>();
      List<String> seeAlso = new ArrayList<>();
      for (ExampleIndex.Entry e : index.entries()) {
        boolean citedHere = e.citations().stream().anyMatch(c -> c.reading().id().equals(r.id()));
        if (!citedHere) {
          continue;
        }
        if (e.firstReading().id().equals(r.id()) && !ReadingCatalog.SHOWCASE.contains(e.name())) {
          examples.add(entryModel(e, teacher));
        } else {
          seeAlso.add(e.name());
        }
      }
      Map<String, Object> g = new HashMap<>();
      g.put("id", r.id());
      g.put("pian", r.pianLabel());
      g.put("title", r.title());
      g.put("examples", examples);
      g.put("seeAlso", seeAlso);
      groups.add(g);
    }
    model.put("showcase", showcase);
    model.put("groups", groups);
    model.put("exampleCount", index.entries().size());
    Web.html(ctx, "reading/examples", model);
  }

  private Map<String, Object> entryModel(ExampleIndex.Entry e, boolean teacher) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", e.name());
    List<Map<String, Object>> citations = new ArrayList<>();
    for (ReadingCatalog.Citation c : e.citations()) {
      Map<String, Object> cm = new HashMap<>();
      cm.put("readingId", c.reading().id());
      cm.put("pian", c.reading().pianLabel());
      cm.put("readingTitle", c.reading().title());
      cm.put("paragraph", c.paragraph());
      cm.put("sentence", c.sentence());
      citations.add(cm);
    }
    m.put("citations", citations);
    List<Map<String, Object>> questions = new ArrayList<>();
    for (QuestionRef ref : e.questions()) {
      Reading reading = catalog.byId(ref.readingId()).orElseThrow();
      int number = quizzes.forReading(ref.readingId()).orElseThrow().questions().indexOf(ref.question()) + 1;
      Map<String, Object> qm = teacher ? KeyView.of(ref.readingId(), number, ref.question()) : new HashMap<>();
      qm.put("number", number);
      qm.put("pian", reading.pianLabel());
      qm.put("readingId", ref.readingId());
      qm.put("typeLabel", KeyView.typeLabel(ref.question().typeName()));
      qm.put("prompt", ref.question().prompt());
      questions.add(qm);
    }
    m.put("questions", questions);
    return m;
  }
}
