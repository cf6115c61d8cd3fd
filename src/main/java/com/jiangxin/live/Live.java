package com.jiangxin.live;

import com.jiangxin.classroom.AssignmentRepository;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.SiteAddress;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** Mounts live classroom mode: its API, its pages and its event streams. */
public final class Live {
  private Live() {
  }

  public static void mount(Router router, Vertx vertx, Pool pool, QuizBank bank, ReadingCatalog catalog, SiteAddress site) {
    AssignmentRepository assignments = new AssignmentRepository(pool, catalog);
    LiveGame game = new LiveGame(new LiveRepository(pool), new LiveEvents(vertx), bank, catalog, assignments);
    LiveApi.mount(router, vertx, game, site);
    LivePages.mount(router, game, catalog, assignments, site);
  }
}
