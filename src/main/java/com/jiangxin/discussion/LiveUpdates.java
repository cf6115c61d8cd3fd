package com.jiangxin.discussion;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Live updates of a thread as server-sent events. Every change is published once per thread on the
 * event bus; each open stream decides for its own viewer what to send, so a student never receives a
 * hidden post, nor anyone else's post while "post before see" still holds them back. Comments every
 * {@value #HEARTBEAT_MS} ms keep proxies from closing a quiet stream. Every verticle instance's streams
 * subscribe to the same addresses, so a post made through one instance reaches the streams another
 * serves; the streams open per user are counted in Vert.x shared data, across instances.
 *
 * <p>Events: {@code ready} (subscribed), {@code post}, {@code update} (a post as the viewer may see it),
 * {@code remove} ({@code {"id"}}), {@code thread} (title, prompt, locked changed) and {@code reload}
 * (what the viewer may see changed as a whole: fetch the posts again).
 */
final class LiveUpdates {
  static final long HEARTBEAT_MS = 15_000;
  static final int MAX_STREAMS_PER_USER = 8;

  private static final String SHARED = "jiangxin.discussion.streams";

  /** Open streams per user, for the whole Vert.x instance. */
  private static final class Counts implements Shareable {
    final ConcurrentHashMap<Long, Integer> byUser = new ConcurrentHashMap<>();
  }

  private final Vertx vertx;
  private final ConcurrentHashMap<Long, Integer> open;

  LiveUpdates(Vertx vertx) {
    this.vertx = vertx;
    LocalMap<String, Counts> shared = vertx.sharedData().getLocalMap(SHARED);
    this.open = shared.computeIfAbsent("open", k -> new Counts()).byUser;
  }

  Vertx vertx() {
    return vertx;
  }

  static String address(long threadId) {
    return "jiangxin.discussion.thread." + threadId;
  }

  /** Tells every stream of the thread; see {@link DiscussionService} for the event's shape. */
  void publish(long threadId, JsonObject event) {
    vertx.eventBus().publish(address(threadId), event);
  }

  /** False when the user already has too many streams open (a runaway page, or a script). */
  boolean mayOpen(long userId) {
    return open.getOrDefault(userId, 0) < MAX_STREAMS_PER_USER;
  }

  /** Streams the thread's changes to one viewer until either side closes the connection. */
  void stream(HttpServerResponse res, DiscussionService.Visibility initial) {
    Stream s = new Stream(res, initial);
    long userId = initial.viewer().id();
    open.merge(userId, 1, Integer::sum);
    res.setStatusCode(200)
      .setChunked(true)
      .putHeader("Content-Type", "text/event-stream; charset=utf-8")
      .putHeader("Cache-Control", "no-cache, no-transform")
      .putHeader("X-Accel-Buffering", "no");
    res.write("retry: 3000\n: connected\n\n");
    MessageConsumer<JsonObject> consumer = vertx.eventBus()
      .consumer(address(initial.thread().id()), msg -> s.deliver(msg.body()));
    long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> s.write(": heartbeat\n\n"));
    Runnable cleanup = new Runnable() {
      private boolean done;

      @Override
      public void run() {
        if (done) {
          return;
        }
        done = true;
        vertx.cancelTimer(heartbeat);
        consumer.unregister();
        open.computeIfPresent(userId, (k, n) -> n <= 1 ? null : n - 1);
      }
    };
    s.onGone = cleanup;
    res.closeHandler(v -> cleanup.run());
    res.exceptionHandler(e -> cleanup.run());
    consumer.completion().onComplete(ar -> s.send("ready", new JsonObject()
      .put("threadId", initial.thread().id()).put("waiting", initial.waiting())));
  }

  /** One viewer's open stream and what they may currently see. */
  private static final class Stream {
    private final HttpServerResponse res;
    private final Viewer viewer;
    private boolean postBeforeSee;
    private boolean hasPosted;
    private Runnable onGone = () -> { };

    Stream(HttpServerResponse res, DiscussionService.Visibility v) {
      this.res = res;
      this.viewer = v.viewer();
      this.postBeforeSee = v.thread().postBeforeSee();
      this.hasPosted = v.hasPosted();
    }

    private boolean waiting() {
      return !viewer.moderator() && postBeforeSee && !hasPosted;
    }

    void deliver(JsonObject event) {
      String type = event.getString("type");
      if ("thread".equals(type)) {
        JsonObject thread = event.getJsonObject("thread");
        boolean pbs = thread.getBoolean("postBeforeSee", false);
        boolean changed = pbs != postBeforeSee;
        postBeforeSee = pbs;
        send(changed && !viewer.moderator() ? "reload" : "thread", thread);
        return;
      }
      JsonObject post = event.getJsonObject("post");
      boolean own = post.getJsonObject("author").getLong("id") == viewer.id();
      if (waiting()) {
        if (own && "post".equals(type)) {
          // their first post opens the others' posts to them: the page fetches them all
          hasPosted = true;
          send("reload", new JsonObject().put("id", post.getLong("id")));
        }
        return;
      }
      boolean visible = viewer.moderator()
        || !post.getBoolean("hidden", false) && !event.getBoolean("parentHidden", false);
      if ("remove".equals(type) || !visible) {
        if (visible || "update".equals(type)) {
          send("remove", removal(post));
        }
        return;
      }
      send(type, forViewer(post, own));
    }

    private static JsonObject removal(JsonObject post) {
      JsonObject r = new JsonObject().put("id", post.getLong("id"));
      if (post.containsKey("parentId")) {
        r.put("parentId", post.getLong("parentId"));
      }
      if (post.containsKey("paragraph")) {
        r.put("paragraph", post.getInteger("paragraph"));
      }
      return r;
    }

    private JsonObject forViewer(JsonObject post, boolean own) {
      JsonObject copy = post.copy().put("mine", own);
      copy.remove("reacted");
      if (!viewer.moderator()) {
        copy.remove("hidden");
        copy.remove("hiddenReason");
      }
      return copy;
    }

    void send(String event, JsonObject data) {
      write("event: " + event + "\ndata: " + data.encode() + "\n\n");
    }

    void write(String text) {
      if (res.ended() || res.closed()) {
        onGone.run();
        return;
      }
      if (res.writeQueueFull()) {
        // a reader this far behind is gone or stuck: let it reconnect and catch up
        res.reset();
        onGone.run();
        return;
      }
      res.write(text);
    }
  }
}
