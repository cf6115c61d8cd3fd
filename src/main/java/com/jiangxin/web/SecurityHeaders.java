package com.jiangxin.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers every response carries: no framing, no sniffing, scripts and styles from us only. */
final class SecurityHeaders implements Handler<RoutingContext> {
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    + "frame-ancestors 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().headers()
      .set("Content-Security-Policy", CSP)
      .set("X-Frame-Options", "DENY")
      .set("X-Content-Type-Options", "nosniff")
      .set("Referrer-Policy", "same-origin")
      .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    ctx.next();
  }
}
