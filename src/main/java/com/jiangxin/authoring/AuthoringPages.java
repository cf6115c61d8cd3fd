package com.jiangxin.authoring;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.quiz.Level;
import com.jiangxin.quiz.QuestionKind;
import com.jiangxin.quiz.QuestionTypes;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Numbers;
import com.jiangxin.web.Requests;
import com.jiangxin.web.Times;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The teacher's authoring pages: "我的课文" (own readings), a new reading with the importer's
 * repairs and the examples marked by selecting text, and the question editor with a preview as a
 * student sees it. The pages draw; authoring.js speaks the authoring API with the session.
 */
final class AuthoringPages {
  private static final List<String> SCRIPTS = List.of("/static/js/authoring.js");

  private final Vertx vertx;
  private final OwnReadings store;
  private final ReadingCatalog catalog;
  private final QuizBank bank;

  private AuthoringPages(Vertx vertx, OwnReadings store, ReadingCatalog catalog, QuizBank bank) {
    this.vertx = vertx;
    this.store = store;
    this.catalog = catalog;
    this.bank = bank;
  }

  static void mount(Router router, Vertx vertx, OwnReadings store, ReadingCatalog catalog, QuizBank bank) {
    AuthoringPages p = new AuthoringPages(vertx, store, catalog, bank);
    router.get("/authoring/readings").handler(Auth::requirePageUser).handler(p::list);
    router.get("/authoring/readings/new").handler(Auth::requirePageUser).handler(p::fresh);
    router.get("/authoring/readings/:id").handler(Auth::requirePageUser).handler(p::reading);
    router.get("/authoring/readings/:id/quiz").handler(Auth::requirePageUser).handler(p::quiz);
    router.post("/authoring/readings/:id/preview").handler(Auth::requirePageUser).handler(p::preview);
  }

  // ---- my readings ----

  private void list(RoutingContext ctx) {
    User teacher = teacher(ctx);
    Future.all(store.ownedBy(teacher.id()), store.versionCounts(teacher.id()), store.classesOf(teacher.id()))
      .onSuccess(Requests.safely(ctx, all -> {
        List<OwnReading> mine = all.resultAt(0);
        Map<String, Long> versions = all.resultAt(1);
        List<Map<String, Object>> classes = all.resultAt(2);
        Map<String, Object> model = Web.model(ctx, "我的课文 · 匠心课堂");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OwnReading r : mine) {
          Map<String, Object> m = new HashMap<>();
          m.put("id", r.id());
          m.put("title", r.title());
          m.put("paragraphs", r.paragraphs().size());
          m.put("examples", r.examples().size());
          m.put("updated", Times.brief(r.updatedAt()));
          m.put("published", r.quizVersion() != null);
          m.put("versions", versions.getOrDefault(r.id(), 0L));
          m.put("questions", bank.forReading(r.id()).map(q -> q.questions().size()).orElse(0));
          m.put("classes", classes);
          m.put("hasClasses", !classes.isEmpty());
          m.put("csrfToken", model.get("csrf"));
          rows.add(m);
        }
        List<Map<String, Object>> builtIn = new ArrayList<>();
        for (Reading r : catalog.all()) {
          builtIn.add(Map.of("id", r.id(), "label", r.pianLabel() + " · " + r.title()));
        }
        model.put("readings", rows);
        model.put("hasReadings", !rows.isEmpty());
        model.put("builtIn", builtIn);
        model.put("classes", classes);
        model.put("scripts", SCRIPTS);
        Web.html(ctx, "authoring/list", model);
      })).onFailure(ctx::fail);
  }

  // ---- a reading ----

  private void fresh(RoutingContext ctx) {
    teacher(ctx);
    Map<String, Object> model = Web.model(ctx, "新建课文 · 匠心课堂");
    model.put("maxText", AuthoringApi.MAX_TEXT);
    model.put("maxTitle", AuthoringApi.MAX_TITLE);
    model.put("scripts", SCRIPTS);
    Web.html(ctx, "authoring/new", model);
  }

  private void reading(RoutingContext ctx) {
    User teacher = teacher(ctx);
    owned(ctx, teacher).onSuccess(Requests.safely(ctx, r -> {
      Map<String, Object> model = Web.model(ctx, r.title() + " · 编辑课文 · 匠心课堂");
      model.put("id", r.id());
      model.put("readingTitle", r.title());
      model.put("data", ReadingInput.readingJson(r).encode());
      model.put("justCreated", "1".equals(ctx.request().getParam("new")));
      model.put("maxTitle", AuthoringApi.MAX_TITLE);
      model.put("scripts", SCRIPTS);
      Web.html(ctx, "authoring/reading", model);
    })).onFailure(ctx::fail);
  }

  // ---- the question editor ----

  private void quiz(RoutingContext ctx) {
    User teacher = teacher(ctx);
    String id = ctx.pathParam("id");
    if (catalog.isBuiltIn(id)) {
      Reading reading = catalog.byId(id).orElseThrow();
      Map<String, Object> model = Web.model(ctx, reading.pianLabel() + " · 题目只读 · 匠心课堂");
      model.put("id", id);
      model.put("label", reading.pianLabel() + " · " + reading.title());
      model.put("questions", bank.forReading(id).map(q -> q.questions().size()).orElse(0));
      model.put("scripts", SCRIPTS);
      Web.html(ctx, "authoring/builtin", model);
      return;
    }
    owned(ctx, teacher).compose(r -> bank.refresh(r.id()).map(q -> Map.entry(r, q))).onSuccess(Requests.safely(ctx, found -> {
      OwnReading r = found.getKey();
      Optional<Quiz> quiz = found.getValue();
      JsonObject data = new JsonObject()
        .put("reading", ReadingInput.readingJson(r))
        .put("quiz", quiz.map(Quiz::teacherView).orElse(null))
        .put("defaultDiscuss", new JsonArray(new ArrayList<>(QuizText.DEFAULT_DISCUSS)))
        .put("types", types())
        .put("levels", levels());
      Map<String, Object> model = Web.model(ctx, r.title() + " · 编辑题目 · 匠心课堂");
      model.put("id", r.id());
      model.put("readingTitle", r.title());
      model.put("data", data.encode());
      model.put("version", r.quizVersion());
      model.put("noExamples", r.examples().isEmpty());
      model.put("scripts", SCRIPTS);
      model.put("bodyClass", "authoring-wide");
      Web.html(ctx, "authoring/quiz", model);
    })).onFailure(ctx::fail);
  }

  /**
   * POST /authoring/readings/{id}/preview (owner, CSRF header): the editor's draft drawn as a student
   * sees it, with the linter's warnings and the ids the questions will have; a problem is a 400
   * naming the question and field, as publishing would.
   */
  private void preview(RoutingContext ctx) {
    User teacher = teacher(ctx);
    JsonObject draft = Requests.jsonBody(ctx);
    owned(ctx, teacher).compose(r -> {
      Reading reading = r.toReading();
      return vertx.executeBlocking(() -> QuizDraft.check(QuizDraft.write(draft, reading), reading), false);
    }).onSuccess(Requests.safely(ctx, checked -> {
      Map<String, Object> model = new HashMap<>();
      model.put("questions", questionModels(checked.quiz()));
      model.put("total", checked.quiz().questions().size());
      model.put("points", Numbers.points(checked.quiz().totalPoints()));
      model.put("warnings", QuizDraft.warnings(checked.warnings()).encode());
      model.put("ids", new JsonArray(new ArrayList<>(checked.written().ids())).encode());
      Web.html(ctx, "authoring/preview", model);
    })).onFailure(e -> {
      if (e instanceof QuizDraft.QuestionError q) {
        Web.json(ctx, 400, q.json());
      } else {
        ctx.fail(e);
      }
    });
  }

  /** Each question as the quiz page's partials draw it, with no answer given. */
  private static List<Map<String, Object>> questionModels(Quiz quiz) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : quiz.studentView().getJsonArray("questions")) {
      JsonObject q = (JsonObject) o;
      String type = q.getString("type");
      QuestionKind kind = QuestionTypes.byName(type).orElseThrow();
      Map<String, Object> m = new HashMap<>(kind.form(q, null));
      m.put("id", q.getString("id"));
      m.put("number", out.size() + 1);
      m.put("type", type);
      m.put("is_" + type, true);
      m.put("partialName", kind.partial());
      m.put("prompt", q.getString("prompt"));
      m.put("points", Numbers.points(q.getDouble("points")));
      m.put("field", "q." + q.getString("id"));
      out.add(m);
    }
    return out;
  }

  private static JsonArray types() {
    JsonArray out = new JsonArray();
    QuestionTypes.ALL.forEach(k -> out.add(new JsonObject().put("name", k.name()).put("label", k.label())));
    return out;
  }

  private static JsonArray levels() {
    JsonArray out = new JsonArray();
    for (Level l : Level.values()) {
      out.add(new JsonObject().put("name", l.label()).put("label", l.chinese()));
    }
    return out;
  }

  // ---- checks ----

  private static User teacher(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isTeacher()) {
      throw HttpError.forbidden("只有老师可以编写课文和题目。");
    }
    return user;
  }

  /** The teacher's own reading; any other id, or another teacher's, is a 404. */
  private Future<OwnReading> owned(RoutingContext ctx, User teacher) {
    String id = ctx.pathParam("id");
    return store.find(id).map(r -> {
      if (r.isEmpty() || r.get().ownerId() != teacher.id()) {
        throw HttpError.notFound("没有这篇课文：" + AuthoringApi.clip(id) + "。");
      }
      return r.get();
    });
  }
}
