package com.jiangxin.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How large a request body each route takes; a larger one is refused with 413 before it is read
 * (by its {@code Content-Length}) or as soon as it grows past the limit. Sign-in forms and calls
 * are tiny, most forms and JSON small, quiz answers larger, and only a roster import is large.
 */
public final class BodyLimits implements Handler<RoutingContext> {
  static final String LIMIT_KEY = "bodyLimit";
  /** Log in, register, change password: a few short fields. */
  public static final long AUTH = 8 * 1024;
  /** Every route not named below: forms, posts (2000 Chinese characters are 18 KB in a form) and JSON. */
  public static final long DEFAULT = 64 * 1024;
  /** Saving and submitting a quiz's answers. */
  public static final long ANSWERS = 512 * 1024;
  /** A roster CSV for a whole school. */
  public static final long ROSTER = 2L * 1024 * 1024;

  private record Rule(Pattern path, long limit, BodyHandler handler) {
  }

  private final List<Rule> rules = List.of(
    rule("^/(api/v1/auth/.*|login|register|logout|account/password)$", AUTH),
    rule("^(/api/v1)?/classes/[^/]+/roster$", ROSTER),
    rule("^(/api/v1/attempts/[^/]+/(answers|submit)|/attempts/[^/]+/(save|submit))$", ANSWERS));
  private final Rule fallback = rule("", DEFAULT);

  private static Rule rule(String regex, long limit) {
    return new Rule(Pattern.compile(regex), limit,
      BodyHandler.create(false).setBodyLimit(limit).setHandleFileUploads(false));
  }

  @Override
  public void handle(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    Rule chosen = fallback;
    for (Rule r : rules) {
      if (r.path.matcher(path).matches()) {
        chosen = r;
        break;
      }
    }
    ctx.put(LIMIT_KEY, chosen.limit);
    chosen.handler.handle(ctx);
  }

  /** The limit that applied to this request. */
  static long limitOf(RoutingContext ctx) {
    Long limit = ctx.get(LIMIT_KEY);
    return limit == null ? DEFAULT : limit;
  }

  /** A limit in words: "64 KB", "2 MB". */
  static String describe(long bytes) {
    return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / 1024 / 1024 + " MB" : bytes / 1024 + " KB";
  }
}
