package com.jiangxin.discussion;

import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.reading.ReadingPanel;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Wires the discussion feature: its API, its pages, live updates, and the reading page's margin. */
public final class Discussion {
  private Discussion() {
  }

  /**
   * Mounts the discussion's routes.
   *
   * @return the margin comments, a panel of the reading page
   */
  public static ReadingPanel mount(Router router, Vertx vertx, Pool pool, QuizBank quizzes,
                                           ReadingCatalog catalog) {
    DiscussionRepository repo = new DiscussionRepository(pool);
    LiveUpdates live = new LiveUpdates(vertx);
    DiscussionService service = new DiscussionService(repo, quizzes, catalog, live, Clock.systemUTC(),
      PostThrottle.shared(vertx));
    DiscussionApi.mount(router, service, live);
    return DiscussionPages.mount(router, service);
  }
}
