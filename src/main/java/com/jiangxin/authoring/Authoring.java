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
   * Mounts the routes and makes the catalog and the quiz bank read own readings and their quiz
   * versions from the database: the catalog's {@link ReadingCatalog#visibleTo} rule and
   * {@link ReadingCatalog#refresh} then see what any node wrote. The routes need no place in the
   * mount order: each asks the catalog itself. Own readings this node can already serve load in the
   * background.
   */
  public static void mount(Router router, Vertx vertx, Pool pool, ReadingCatalog catalog, QuizBank bank) {
    OwnReadings store = new OwnReadings(pool);
    catalog.ownSource(new ReadingCatalog.OwnSource() {
      @Override
      public Future<Optional<ReadingCatalog.Owned>> load(String id) {
        return Authoring.load(store, catalog, bank, id);
      }

      @Override
      public Future<Boolean> assignedTo(String readingId, long studentId) {
        return store.assignedTo(readingId, studentId);
      }
    });
    bank.versionSource((readingId, version) -> version == null ? Future.succeededFuture(Optional.empty())
      : store.find(readingId).compose(r -> r.isEmpty() ? Future.succeededFuture(Optional.<Quiz>empty())
        : store.versionText(readingId, version).compose(text -> text.isEmpty()
          ? Future.succeededFuture(Optional.<Quiz>empty())
          : vertx.executeBlocking(() -> parse(r.get(), text.get()), false))));
    bank.refresher(id -> catalog.refresh(id).mapEmpty());
    AuthoringApi api = new AuthoringApi(vertx, store, catalog, bank);
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
      catalog.putOwn(r.owned());
      bank.makeCurrent(r.id(), r.quizVersion())
        .onFailure(e -> LOG.warn("The quiz of {} does not load: {}", r.id(), e.getMessage()));
    })).onFailure(e -> LOG.warn("Own readings were not loaded at start; they load when asked for: {}", e.getMessage()));
  }

  /**
   * An own reading as stored now, with its current quiz made the bank's: a three-column read by
   * primary key when this node is up to date, the text and the quiz version only when they changed.
   */
  private static Future<Optional<ReadingCatalog.Owned>> load(OwnReadings store, ReadingCatalog catalog, QuizBank bank, String id) {
    return store.stamp(id).compose(stamp -> {
      if (stamp.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      Optional<ReadingCatalog.Owned> known = catalog.owned(id);
      Future<Optional<ReadingCatalog.Owned>> reading = known.isPresent() && known.get().stamp() >= stamp.get().updatedAt()
        ? Future.succeededFuture(known)
        : store.find(id).map(r -> r.map(OwnReading::owned));
      return reading.compose(found -> {
        found.ifPresent(catalog::putOwn);
        return found.isEmpty() ? Future.succeededFuture(found)
          : bank.makeCurrent(id, stamp.get().quizVersion()).map(found);
      });
    });
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
