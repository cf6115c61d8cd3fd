package com.jiangxin.classroom;

import com.jiangxin.account.User;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * A part another feature adds to the assignment page ({@code /assignments/{id}}), such as taking
 * the quiz. The page asks every panel it was given, once it knows the viewer may see the
 * assignment, and draws each panel's model under its {@link #key()}.
 */
public interface AssignmentPanel {
  /** The name under which the assignment page's template finds this panel's model. */
  String key();

  /**
   * The panel's model for one viewer of one assignment, or null to draw nothing. A failed future
   * fails the page.
   */
  Future<Map<String, Object>> panel(RoutingContext ctx, Assignment assignment, User viewer);
}
