package com.jiangxin.results;

import com.jiangxin.discussion.DiscussionRepository;
import com.jiangxin.quiz.Grading;
import com.jiangxin.live.LiveResults;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Mounts the results feature: its pages and its part of the JSON API. */
public final class Results {
  private Results() {
  }

  /** Mounts the pages and API; teacher grades go through the quiz feature's {@code grading}. */
  public static void mount(Router router, Pool pool, Grading grading, QuizBank bank, ReadingCatalog catalog) {
    ResultsService service = new ResultsService(new ResultsRepository(pool), grading, bank, catalog)
      .withDiscussion(new DiscussionRepository(pool))
      .withLive(new LiveResults(pool));
    ResultsApi.mount(router, service);
    ResultsPages.mount(router, service);
  }
}
