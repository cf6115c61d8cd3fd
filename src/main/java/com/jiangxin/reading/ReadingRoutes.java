package com.jiangxin.reading;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.config.ClusterSetup;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.web.PageContext;
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
import java.util.function.Consumer;

/** The home page, the reading pages, the public reading API and the health check. */
public final class ReadingRoutes {
  private final ReadingCatalog catalog;
  private final Pool pool;
  private final QuizBank quizzes;
  private final List<ReadingPanel> panels;
  private final ReadingPages pages = new ReadingPages();
  /** What a signed-in visitor's page context holds; the flags decide which links the page shows. */
  private static final List<String> ROLE_FLAGS = List.of("isTeacher", "isStudent", "isAdmin", "isPendingTeacher");
  private static final java.util.Set<String> STENCIL_KNOWS = java.util.Set.of("user", "csrf", "isTeacher",
    "isStudent", "isAdmin", "isPendingTeacher");

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
    String hlQuote = ctx.request().getParam("hl");
    ReadingPages.Highlight highlight = ReadingPages.Highlight.of(reading,
      Requests.wholeOr(ctx.request().getParam("p"), 0, 0), hlQuote != null && hlQuote.length() > 500 ? null : hlQuote);
    boolean large = "large".equals(ctx.request().getParam("size"));
    boolean hasQuiz = quizzes.forReading(reading.id()).isPresent();
    String title = reading.pianLabel() + " · " + reading.title() + " · 匠心课堂";
    List<Future<Optional<ReadingPageAddOn>>> asked = new ArrayList<>(panels.size());
    for (ReadingPanel p : panels) {
      asked.add(p.addOn(ctx, reading));
    }
    Future.all(asked).onSuccess(all -> {
      List<ReadingPageAddOn> addOns = new ArrayList<>(0);
      asked.forEach(f -> f.result().ifPresent(addOns::add));
      Optional<User> user = Auth.user(ctx);
      if (addOns.isEmpty() && user.isEmpty()) {
        // drawn once for everyone: the model gets no page context (CSRF token, user)
        Web.html(ctx, pages.anonymousPage(reading, highlight, large, hasQuiz, () -> {
          Map<String, Object> model = new HashMap<>();
          model.put("title", title);
          fill(model, reading, highlight, large, hasQuiz);
          model.put("body", cachedBody(ctx, reading, highlight));
          return Web.prepare(ctx, "reading/show", model);
        }));
        return;
      }
      Map<String, Object> page = ctx.get(PageContext.KEY);
      if (addOns.isEmpty() && page != null && STENCIL_KNOWS.containsAll(page.keySet())) {
        showSignedIn(ctx, reading, highlight, large, hasQuiz, title, user.get(), page);
        return;
      }
      Map<String, Object> model = Web.model(ctx, title);
      fill(model, reading, highlight, large, hasQuiz);
      // an add-on (the margin) draws this visitor's counts into the paragraphs: that body is theirs alone
      model.put("body", addOns.isEmpty()
        ? cachedBody(ctx, reading, highlight)
        : drawBody(ctx, reading, highlight, paragraphs -> addOns.forEach(a -> a.decorate(model, paragraphs))));
      Web.html(ctx, "reading/show", model);
    }).onFailure(ctx::fail);
  }

  /**
   * A signed-in visitor's page from a {@link com.jiangxin.web.Stencil} drawn once per role, with
   * their name, username and token filled in. Only when the page context holds no more than these
   * (and the role flags): anything else there would be missing from a stencil, so it is drawn afresh.
   */
  private void showSignedIn(RoutingContext ctx, Reading reading, ReadingPages.Highlight highlight, boolean large,
                            boolean hasQuiz, String title, User user, Map<String, Object> page) {
    int roles = 0;
    for (int i = 0; i < ROLE_FLAGS.size(); i++) {
      if (Boolean.TRUE.equals(page.get(ROLE_FLAGS.get(i)))) {
        roles |= 1 << i;
      }
    }
    int finalRoles = roles;
    List<String> marks = pages.marks;
    var stencil = pages.signedInPage(reading, highlight, large, hasQuiz, roles, () -> {
      Map<String, Object> model = new HashMap<>();
      model.put("title", title);
      model.put("user", Map.of("displayName", marks.get(0), "username", marks.get(1)));
      model.put("csrf", marks.get(2));
      for (int i = 0; i < ROLE_FLAGS.size(); i++) {
        model.put(ROLE_FLAGS.get(i), (finalRoles & (1 << i)) != 0);
      }
      fill(model, reading, highlight, large, hasQuiz);
      model.put("body", cachedBody(ctx, reading, highlight));
      return Web.stencil(ctx, "reading/show", model, marks);
    });
    Web.personalHtml(ctx, stencil.fill(user.displayName(), user.username(), String.valueOf(page.get("csrf"))));
  }

  private CharSequence cachedBody(RoutingContext ctx, Reading reading, ReadingPages.Highlight highlight) {
    return pages.body(reading, highlight, () -> drawBody(ctx, reading, highlight, paragraphs -> { }));
  }

  /** What the page shows around the body, the same for every visitor; as maps, which templates read fastest. */
  private void fill(Map<String, Object> model, Reading reading, ReadingPages.Highlight highlight, boolean large,
                    boolean hasQuiz) {
    model.put("reading", Map.of("id", reading.id(), "number", reading.number(), "title", reading.title(),
      "source", reading.source()));
    model.put("pian", reading.pianLabel());
    model.put("examples", pages.examples(reading, r -> ReadingView.exampleLinks(r, orderedExampleNames(r))));
    model.put("hasQuiz", hasQuiz);
    // offer "back to the marked sentence" only when a sentence is in fact marked
    model.put("highlightParagraph", highlight.marked() ? highlight.paragraph() : null);
    int idx = catalog.all().indexOf(reading);
    if (idx > 0) {
      model.put("prev", neighbour(catalog.all().get(idx - 1)));
    }
    // an own reading is not among the 篇 (index -1): it has no previous or next one
    if (idx >= 0 && idx < catalog.all().size() - 1) {
      model.put("next", neighbour(catalog.all().get(idx + 1)));
    }
    model.put("large", large);
  }

  private static Map<String, Object> neighbour(Reading r) {
    return Map.of("id", r.id(), "title", r.title());
  }

  /** The paragraphs, marked up after {@code decorate} has added to their models. */
  private static CharSequence drawBody(RoutingContext ctx, Reading reading, ReadingPages.Highlight highlight,
                                       Consumer<List<Map<String, Object>>> decorate) {
    List<Map<String, Object>> paragraphs = ReadingView.paragraphs(reading, highlight.paragraph(), highlight.quote());
    decorate.accept(paragraphs);
    return Web.fragment(ctx, "reading/paragraphs", Map.of("paragraphs", paragraphs));
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
