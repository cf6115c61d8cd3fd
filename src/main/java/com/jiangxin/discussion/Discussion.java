package com.jiangxin.discussion;

import com.jiangxin.quiz.QuizBank;
import com.jiangxin.reading.ReadingCatalog;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Wires the discussion feature: its API, its pages, live updates, and the reading page's margin. */
public final class Discussion {
  private Discussion() {
  }

  /**
   * Mounts the discussion's routes. Mount it before the reading page's routes: it prepares the
   * margin comments that page draws.
   *
   * @return the repository, for features that show participation (the gradebook)
   */
  public static DiscussionRepository mount(Router router, Vertx vertx, Pool pool, QuizBank quizzes,
                                           ReadingCatalog catalog) {
    DiscussionRepository repo = new DiscussionRepository(pool);
    LiveUpdates live = new LiveUpdates(vertx);
    DiscussionService service = new DiscussionService(repo, quizzes, catalog, live, Clock.systemUTC(),
      PostThrottle.shared(vertx));
    DiscussionApi.mount(router, service, live);
    DiscussionPages.mount(router, service);
    return repo;
  }
}
