package com.jiangxin.reading;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.config.ClusterSetup;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.web.Requests;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The home page, the reading pages, the public reading API and the health check. */
public final class ReadingRoutes {
  private final ReadingCatalog catalog;
  private final Pool pool;
  private final QuizBank quizzes;
  private final List<ReadingPanel> panels;

  private ReadingRoutes(ReadingCatalog catalog, Pool pool, QuizBank quizzes, List<ReadingPanel> panels) {
    this.panels = List.copyOf(panels);
    this.catalog = catalog;
    this.pool = pool;
    this.quizzes = quizzes;
  }

  /** Mounts the reading routes without quizzes: reading pages then offer no practice or answer key. */
  public static void mount(Router router, ReadingCatalog catalog, Pool pool) {
    mount(router, catalog, pool, QuizBank.of(List.of()));
  }

  /** Mounts the reading routes; a reading with a quiz offers practice, and teachers its answer key. */
  public static void mount(Router router, ReadingCatalog catalog, Pool pool, QuizBank quizzes) {
    mount(router, catalog, pool, quizzes, List.of());
  }

  /** Mounts the reading routes; the reading page asks each of {@code panels} what it adds. */
  public static void mount(Router router, ReadingCatalog catalog, Pool pool, QuizBank quizzes,
                           List<ReadingPanel> panels) {
    ReadingRoutes r = new ReadingRoutes(catalog, pool, quizzes, panels);
    router.get("/").handler(r::showHome);
    router.get("/readings/:id").handler(r::showReading);
    router.get("/api/v1/readings").handler(r::listReadingsJson);
    router.get("/api/v1/readings/:id").handler(r::readingJson);
    router.get("/health").handler(r::health);
  }

  private void showHome(RoutingContext ctx) {
    Map<String, Object> model = Web.model(ctx, "匠心课堂 · 九篇工匠精神演讲稿");
    List<Map<String, Object>> showcase = new ArrayList<>();
    for (String name : ReadingCatalog.SHOWCASE) {
      for (ReadingCatalog.Citation c : catalog.citationsOf(name)) {
        Map<String, Object> m = new HashMap<>();
        m.put("example", name);
        m.put("readingId", c.reading().id());
        m.put("pian", c.reading().pianLabel());
        m.put("readingTitle", c.reading().title());
        m.put("paragraph", c.paragraph());
        m.put("sentence", c.sentence());
        m.put("href", ReadingView.evidenceLink(c.reading().id(), c.paragraph(), c.sentence()));
        showcase.add(m);
        break;
      }
    }
    List<Map<String, Object>> readings = new ArrayList<>();
    for (Reading r : catalog.all()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", r.id());
      m.put("pian", r.pianLabel());
      m.put("title", r.title());
      m.put("teaser", ReadingView.teaser(r, 90));
      m.put("examples", orderedExampleNames(r));
      m.put("paragraphCount", r.paragraphs().size());
      readings.add(m);
    }
    model.put("showcase", showcase);
    model.put("readings", readings);
    Web.html(ctx, "home", model);
  }

  /** Showcase examples first, then the others in the reading's own order. */
  private static List<String> orderedExampleNames(Reading r) {
    List<String> names = new ArrayList<>();
    for (String s : ReadingCatalog.SHOWCASE) {
      if (r.examples().stream().anyMatch(e -> e.name().equals(s))) {
        names.add(s);
      }
    }
    for (CitedExample e : r.examples()) {
      if (!names.contains(e.name())) {
        names.add(e.name());
      }
    }
    return names;
  }

  private void showReading(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (Auth.user(ctx).isEmpty() && ReadingCatalog.isOwnId(id)) {
      // a teacher's own reading is for signed-in readers: to the login page and back (for any own id alike)
      Auth.requirePageUser(ctx);
      return;
    }
    catalog.visibleTo(id, Auth.user(ctx).map(User::reader).orElse(null))
      .onSuccess(Requests.safely(ctx, found -> {
        if (found.isEmpty()) {
          Web.notFound(ctx, "没有这篇文章：" + id + "。请从首页选择一篇。");
        } else {
          showReading(ctx, found.get());
        }
      }))
      .onFailure(ctx::fail);
  }

  private void showReading(RoutingContext ctx, Reading reading) {
    int hlParagraph = Requests.wholeOr(ctx.request().getParam("p"), 0, 0);
    String hlQuote = ctx.request().getParam("hl");
    if (hlQuote != null && hlQuote.length() > 500) {
      hlQuote = null;
    }
    Map<String, Object> model = Web.model(ctx, reading.pianLabel() + " · " + reading.title() + " · 匠心课堂");
    model.put("reading", reading);
    model.put("pian", reading.pianLabel());
    model.put("examples", ReadingView.exampleLinks(reading, orderedExampleNames(reading)));
    model.put("hasQuiz", quizzes.forReading(reading.id()).isPresent());
    List<Map<String, Object>> paragraphs = ReadingView.paragraphs(reading, hlParagraph, hlQuote);
    model.put("paragraphs", paragraphs);
    // Offer "back to the marked sentence" only when a sentence is in fact marked.
    boolean marked = paragraphs.stream().anyMatch(p -> Boolean.TRUE.equals(p.get("highlighted")));
    model.put("highlightParagraph", marked ? hlParagraph : null);
    // an own reading is not among the 篇 (index -1): it has no previous or next one
    int idx = catalog.all().indexOf(reading);
    if (idx > 0) {
      model.put("prev", catalog.all().get(idx - 1));
    }
    if (idx >= 0 && idx < catalog.all().size() - 1) {
      model.put("next", catalog.all().get(idx + 1));
    }
    model.put("large", "large".equals(ctx.request().getParam("size")));
    List<Future<Optional<ReadingPageAddOn>>> asked = panels.stream().map(p -> p.addOn(ctx, reading)).toList();
    Future.all(asked).onSuccess(all -> {
      asked.forEach(f -> f.result().ifPresent(addOn -> addOn.decorate(model, paragraphs)));
      Web.html(ctx, "reading/show", model);
    }).onFailure(ctx::fail);
  }

  private void listReadingsJson(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    for (Reading r : catalog.all()) {
      out.add(new JsonObject()
        .put("id", r.id())
        .put("number", r.number())
        .put("pian", r.pianLabel())
        .put("title", r.title())
        .put("examples", new JsonArray(r.examples().stream().map(CitedExample::name).toList()))
        .put("paragraphCount", r.paragraphs().size()));
    }
    Web.json(ctx, out);
  }

  private void readingJson(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    catalog.visibleTo(id, Auth.user(ctx).map(User::reader).orElse(null))
      .onSuccess(Requests.safely(ctx, found -> {
        if (found.isEmpty()) {
          Web.notFound(ctx, "no reading with id '" + id + "'");
        } else {
          readingJson(ctx, found.get());
        }
      }))
      .onFailure(ctx::fail);
  }

  private void readingJson(RoutingContext ctx, Reading r) {
    JsonArray paragraphs = new JsonArray();
    for (Paragraph p : r.paragraphs()) {
      paragraphs.add(new JsonObject().put("n", p.n()).put("text", p.text()).put("heading", p.heading()));
    }
    JsonArray examples = new JsonArray();
    for (CitedExample e : r.examples()) {
      examples.add(new JsonObject().put("name", e.name()).put("terms", new JsonArray(e.terms())));
    }
    Web.json(ctx, new JsonObject()
      .put("id", r.id())
      .put("number", r.number())
      .put("pian", r.pianLabel())
      .put("title", r.title())
      .put("source", r.source())
      .put("examples", examples)
      .put("paragraphs", paragraphs));
  }

  private void health(RoutingContext ctx) {
    ClusterSetup.Node node = ClusterSetup.node(ctx.vertx());
    pool.query("SELECT 1").execute()
      .onSuccess(rows -> Web.json(ctx, new JsonObject().put("status", "UP")
        .put("readings", catalog.all().size())
        .put("node", node.id()).put("clustered", node.clustered()).put("clusterSize", node.clusterSize())))
      .onFailure(e -> Web.json(ctx, 503, new JsonObject().put("status", "DOWN")
        .put("error", "database unavailable")));
  }
}
