package com.jiangxin.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A session's events as server-sent events. Every change is published once on the event bus at
 * {@code live.<id>}, which reaches every instance and node; each instance keeps one consumer per
 * session it has open streams for and writes the event to those streams. Host-only events
 * ({@code answered}, {@code players}) reach only the teacher's screens. What an instance holds here
 * is its own open connections, nothing of the game. Used from the instance's event loop.
 */
final class LiveEvents {
  static final long HEARTBEAT_MS = 15_000;

  private final Vertx vertx;
  private final Map<Long, Group> groups = new HashMap<>();
  /** Sessions with a coalesced task already scheduled on this instance. */
  private final Set<Long> scheduled = new java.util.HashSet<>();
  private long heartbeat = -1;

  LiveEvents(Vertx vertx) {
    this.vertx = vertx;
  }

  static String address(long sessionId) {
    return "live." + sessionId;
  }

  /** Tells every stream of the session, on every node. */
  void publish(long sessionId, String event, JsonObject data) {
    vertx.eventBus().publish(address(sessionId), new JsonObject().put("event", event).put("data", data));
  }

  /** Tells the host's screens only. */
  void publishToHost(long sessionId, String event, JsonObject data) {
    vertx.eventBus().publish(address(sessionId), new JsonObject().put("event", event).put("data", data).put("host", true));
  }

  /** Tells one player's device (they were removed). */
  void publishToPlayer(long sessionId, long playerId, String event, JsonObject data) {
    vertx.eventBus().publish(address(sessionId), new JsonObject().put("event", event).put("data", data).put("player", playerId));
  }

  /**
   * Runs {@code task} once in {@code delayMs}, however often it is asked for meanwhile: a class
   * answering at once costs one count and one event, not one per answer.
   */
  void coalesce(long sessionId, long delayMs, Runnable task) {
    if (scheduled.add(sessionId)) {
      vertx.setTimer(delayMs, t -> {
        scheduled.remove(sessionId);
        task.run();
      });
    }
  }

  /**
   * Streams the session's events to one screen until either side closes the connection.
   *
   * @param playerId the player's id, or -1 for the host
   * @param first    the state to send at once, so a reconnecting screen catches up
   */
  void stream(HttpServerResponse res, long sessionId, long playerId, JsonObject first) {
    res.setStatusCode(200)
      .setChunked(true)
      .putHeader("Content-Type", "text/event-stream; charset=utf-8")
      .putHeader("Cache-Control", "no-cache, no-transform")
      .putHeader("X-Accel-Buffering", "no");
    res.write("retry: 2000\n: connected\n\n");
    Stream s = new Stream(res, playerId);
    Group g = groups.computeIfAbsent(sessionId, id -> new Group(vertx.eventBus().<JsonObject>consumer(address(id),
      msg -> deliver(id, msg.body()))));
    g.streams.add(s);
    s.send("state", first);
    res.closeHandler(v -> drop(sessionId, s));
    res.exceptionHandler(e -> drop(sessionId, s));
    if (heartbeat < 0) {
      heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> beat());
    }
  }

  private void deliver(long sessionId, JsonObject message) {
    Group g = groups.get(sessionId);
    if (g == null) {
      return;
    }
    String event = message.getString("event");
    boolean hostOnly = message.getBoolean("host", false);
    Long player = message.getLong("player");
    // encoded once for every stream of the session: a question reaches a whole class at once
    Buffer text = Buffer.buffer(frame(event, message.getJsonObject("data")));
    for (Stream s : new ArrayList<>(g.streams)) {
      if (hostOnly && !s.host() || player != null && s.playerId != player) {
        continue;
      }
      if (!s.write(text)) {
        drop(sessionId, s);
      }
    }
  }

  private void beat() {
    Buffer beat = Buffer.buffer(": heartbeat\n\n");
    for (Map.Entry<Long, Group> e : new ArrayList<>(groups.entrySet())) {
      for (Stream s : new ArrayList<>(e.getValue().streams)) {
        if (!s.write(beat)) {
          drop(e.getKey(), s);
        }
      }
    }
  }

  private void drop(long sessionId, Stream s) {
    Group g = groups.get(sessionId);
    if (g == null || !g.streams.remove(s)) {
      return;
    }
    if (g.streams.isEmpty()) {
      groups.remove(sessionId);
      g.consumer.unregister();
    }
    if (groups.isEmpty() && heartbeat >= 0) {
      vertx.cancelTimer(heartbeat);
      heartbeat = -1;
    }
  }

  static String frame(String event, JsonObject data) {
    return "event: " + event + "\ndata: " + (data == null ? "{}" : data.encode()) + "\n\n";
  }

  private static final class Group {
    final MessageConsumer<JsonObject> consumer;
    final Set<Stream> streams = new LinkedHashSet<>();

    Group(MessageConsumer<JsonObject> consumer) {
      this.consumer = consumer;
    }
  }

  private static final class Stream {
    final HttpServerResponse res;
    final long playerId;

    Stream(HttpServerResponse res, long playerId) {
      this.res = res;
      this.playerId = playerId;
    }

    boolean host() {
      return playerId < 0;
    }

    void send(String event, JsonObject data) {
      write(Buffer.buffer(frame(event, data)));
    }

    /** False when the reader is gone, or so far behind that it had better reconnect and catch up. */
    boolean write(Buffer text) {
      if (res.ended() || res.closed()) {
        return false;
      }
      if (res.writeQueueFull()) {
        res.reset();
        return false;
      }
      res.write(text);
      return true;
    }
  }
}
