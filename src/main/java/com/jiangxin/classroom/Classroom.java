package com.jiangxin.classroom;

import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.SiteAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.util.List;
import java.util.function.Supplier;

/** Mounts the classroom feature: its pages and its part of the JSON API. */
public final class Classroom {
  private Classroom() {
  }

  /**
   * @param site   the address students reach the server at, for the join link and its QR code
   * @param panels what other features add to the assignment page, in the order given
   * @param submitOverdue submits open attempts of closed or overdue assignments (the quiz feature's)
   */
  public static void mount(Router router, Vertx vertx, Pool pool, ReadingCatalog catalog, SiteAddress site,
                           List<AssignmentPanel> panels, Supplier<Future<?>> submitOverdue) {
    ClassroomRepository classes = new ClassroomRepository(vertx, pool);
    AssignmentRepository assignments = new AssignmentRepository(pool, catalog, submitOverdue);
    ClassApi.mount(router, classes);
    AssignmentApi.mount(router, classes, assignments, catalog);
    DashboardPage.mount(router, classes, assignments, catalog);
    ClassPages.mount(router, classes, assignments, catalog, site);
    AssignmentPages.mount(router, assignments, catalog, panels);
  }
}
