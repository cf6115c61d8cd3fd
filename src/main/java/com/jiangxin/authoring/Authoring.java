package com.jiangxin.authoring;

import com.jiangxin.content.ContentException;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.QuizLoader;
import com.jiangxin.content.ReadingCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Mounts the authoring feature and teaches the catalog and the quiz bank where own readings live. */
public final class Authoring {
  private static final Logger LOG = LoggerFactory.getLogger(Authoring.class);

  private Authoring() {
  }

  /**
   * Mounts the routes (before the reading, quiz and attempt routes: it decides who may see an own
   * reading on every route about one reading), and loads the own readings and their current quizzes
   * in the background; a reading or version another node wrote is looked up when first asked for.
   */
  public static void mount(Router router, Vertx vertx, Pool pool, ReadingCatalog catalog, QuizBank bank) {
    OwnReadings store = new OwnReadings(pool);
    catalog.ownSource(id -> store.find(id).map(r -> r.map(x -> new ReadingCatalog.Owned(x.toReading(), x.ownerId()))));
    bank.versionSource((readingId, version) -> store.find(readingId).compose(r -> {
      if (r.isEmpty() || (version == null && r.get().quizVersion() == null)) {
        return Future.succeededFuture(Optional.empty());
      }
      String wanted = version != null ? version : r.get().quizVersion();
      return store.versionText(readingId, wanted).compose(text -> text.isEmpty()
        ? Future.succeededFuture(Optional.<Quiz>empty())
        : vertx.executeBlocking(() -> parse(r.get(), text.get()), false));
    }));
    AuthoringApi api = new AuthoringApi(vertx, store, catalog, bank);
    router.routeWithRegex("^(/api/v1)?/readings/(?<id>[^/]+)(/.*)?$").handler(api::gate);
    router.post("/api/v1/readings").handler(AuthoringApi.guarded(api::create));
    router.put("/api/v1/readings/:id").handler(AuthoringApi.guarded(api::update));
    router.post("/api/v1/readings/:id/copy").handler(AuthoringApi.guarded(api::copy));
    router.put("/api/v1/readings/:id/quiz").handler(AuthoringApi.guarded(api::putQuiz));
    router.post("/api/v1/readings/:id/questions").handler(AuthoringApi.guarded(api::addQuestion));
    router.get("/api/v1/readings/:id/quiz.gift").handler(AuthoringApi.guarded(ctx -> api.export(ctx, true)));
    router.get("/api/v1/readings/:id/quiz.xml").handler(AuthoringApi.guarded(ctx -> api.export(ctx, false)));
    router.post("/api/v1/readings/:id/quiz/import").handler(AuthoringApi.guarded(api::importQuiz));
    AuthoringPages.mount(router, vertx, store, catalog, bank);
    store.all().onSuccess(all -> all.forEach(r -> {
      catalog.putOwn(r.toReading(), r.ownerId());
      if (r.quizVersion() != null) {
        bank.find(r.id()).onFailure(e -> LOG.warn("The quiz of {} does not load: {}", r.id(), e.getMessage()));
      }
    })).onFailure(e -> LOG.warn("Own readings were not loaded at start; they load when asked for: {}", e.getMessage()));
  }

  private static Optional<Quiz> parse(OwnReading r, String text) {
    try {
      return Optional.of(QuizLoader.parse(r.id() + ".quiz.md", text, r.toReading()));
    } catch (ContentException e) {
      LOG.warn("A stored version of {} no longer loads: {}", r.id(), e.getMessage());
      return Optional.empty();
    }
  }
}
