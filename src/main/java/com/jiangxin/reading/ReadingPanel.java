package com.jiangxin.reading;

import com.jiangxin.content.Reading;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * A part another feature adds to the reading page (the discussion's margin comments, say). The
 * reading page asks every panel it was given, then lets each present one decorate its model.
 */
public interface ReadingPanel {
  /** What this feature adds to this request's reading page; empty for nothing. */
  Future<Optional<ReadingPageAddOn>> addOn(RoutingContext ctx, Reading reading);
}
