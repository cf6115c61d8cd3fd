package com.jiangxin.results;

import com.jiangxin.discussion.DiscussionRepository;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Clock;

/** Mounts the results feature: its pages and its part of the JSON API. */
public final class Results {
  private Results() {
  }

  public static void mount(Router router, Pool pool, QuizBank bank, ReadingCatalog catalog) {
    ResultsService service = new ResultsService(new ResultsRepository(pool), bank, catalog, Clock.systemUTC())
      .withDiscussion(new DiscussionRepository(pool));
    ResultsApi.mount(router, service);
    ResultsPages.mount(router, service);
  }
}
