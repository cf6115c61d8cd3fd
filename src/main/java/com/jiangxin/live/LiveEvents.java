package com.jiangxin.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session's events as server-sent events. Every change is published once on the event bus at
 * {@code live.<id>}, which reaches every instance and node; each instance keeps one consumer per
 * session it has open streams for and writes the event to those streams. Host-only events
 * ({@code answered}, {@code players}) reach only the teacher's screens. What an instance holds here
 * is its own open connections, nothing of the game. Used from the instance's event loop.
 *
 * <p>A question reaches a whole class at once, so the fan-out does per stream only what must be per
 * stream: the event is encoded once into one direct buffer that every connection writes as it is
 * (no copy per player), and a stream that was written to within the heartbeat period gets no
 * heartbeat. A player's device has one stream: when it opens another (a reload, a new Wi-Fi), the
 * older one, on whichever instance or node, is told {@code replaced} and closed, so a stream whose
 * network died does not linger. The streams open per session are counted in Vert.x shared data.
 */
final class LiveEvents {
  static final long HEARTBEAT_MS = 15_000;
  /** Shared-data map of the streams open per session, on this Vert.x instance (all verticles). */
  static final String SHARED = "jiangxin.live.streams";
  /** The event that closes a player's older stream when the same player opens a newer one. */
  static final String REPLACED = "replaced";
  /** The event that tells a removed player's device, and closes its stream. */
  static final String REMOVED = "removed";

  /** Open streams per session, for the whole Vert.x instance. */
  private static final class Counts implements Shareable {
    final ConcurrentHashMap<Long, Integer> bySession = new ConcurrentHashMap<>();
  }

  private final Vertx vertx;
  private final Map<Long, Group> groups = new HashMap<>();
  private final ConcurrentHashMap<Long, Integer> open;
  /** Sessions with a coalesced task already scheduled on this instance. */
  private final Set<Long> scheduled = new java.util.HashSet<>();
  private long heartbeat = -1;

  LiveEvents(Vertx vertx) {
    this.vertx = vertx;
    LocalMap<String, Counts> shared = vertx.sharedData().getLocalMap(SHARED);
    this.open = shared.computeIfAbsent("open", k -> new Counts()).bySession;
  }

  /** How many event streams of the session are open on this Vert.x instance, across its verticles. */
  static int openStreams(Vertx vertx, long sessionId) {
    LocalMap<String, Counts> shared = vertx.sharedData().getLocalMap(SHARED);
    Counts c = shared.get("open");
    return c == null ? 0 : c.bySession.getOrDefault(sessionId, 0);
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
    Stream s = new Stream(res, playerId, UUID.randomUUID().toString());
    Group g = groups.computeIfAbsent(sessionId, id -> new Group(vertx.eventBus().<JsonObject>consumer(address(id),
      msg -> deliver(id, msg.body()))));
    g.add(s);
    open.merge(sessionId, 1, Integer::sum);
    s.send("state", first);
    res.closeHandler(v -> drop(sessionId, s));
    res.exceptionHandler(e -> drop(sessionId, s));
    if (heartbeat < 0) {
      heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> beat());
    }
    if (!s.host()) {
      // the device's older stream, if any, is gone or about to be: close it wherever it is
      vertx.eventBus().publish(address(sessionId), new JsonObject().put("event", REPLACED).put("player", playerId)
        .put("except", s.id).put("data", new JsonObject().put("message", "这台设备在另一个页面打开了这场互动。")));
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
    String except = message.getString("except");
    Buffer text = shared(frame(event, message.getJsonObject("data")));
    long now = System.currentTimeMillis();
    // a message for the host or one player looks at those streams only: a class joining costs no pass over the class
    Set<Stream> to = hostOnly ? g.hosts : player != null ? g.byPlayer.getOrDefault(player, Set.of()) : g.streams;
    for (Stream s : new ArrayList<>(to)) {
      if (hostOnly && !s.host() || player != null && s.playerId != player || s.id.equals(except)) {
        continue;
      }
      if (!s.write(text, now)) {
        drop(sessionId, s);
      } else if (REPLACED.equals(event) || REMOVED.equals(event)) {
        s.res.end();
        drop(sessionId, s);
      }
    }
  }

  /** One frame for every connection: a direct buffer, so no connection copies it on its way to the socket. */
  static Buffer shared(String frame) {
    byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    return BufferInternal.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
  }

  private void beat() {
    Buffer beat = shared(": heartbeat\n\n");
    long now = System.currentTimeMillis();
    for (Map.Entry<Long, Group> e : new ArrayList<>(groups.entrySet())) {
      for (Stream s : new ArrayList<>(e.getValue().streams)) {
        // a stream that carried an event within the period needs no heartbeat (a class of thousands costs one pass less)
        if (now - s.lastWrite < HEARTBEAT_MS - 1000) {
          continue;
        }
        if (!s.write(beat, now)) {
          drop(e.getKey(), s);
        }
      }
    }
  }

  private void drop(long sessionId, Stream s) {
    Group g = groups.get(sessionId);
    if (g == null || !g.remove(s)) {
      return;
    }
    open.computeIfPresent(sessionId, (k, n) -> n <= 1 ? null : n - 1);
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
    final Set<Stream> hosts = new LinkedHashSet<>();
    final Map<Long, Set<Stream>> byPlayer = new HashMap<>();

    Group(MessageConsumer<JsonObject> consumer) {
      this.consumer = consumer;
    }

    void add(Stream s) {
      streams.add(s);
      (s.host() ? hosts : byPlayer.computeIfAbsent(s.playerId, p -> new LinkedHashSet<>())).add(s);
    }

    boolean remove(Stream s) {
      if (!streams.remove(s)) {
        return false;
      }
      if (s.host()) {
        hosts.remove(s);
      } else {
        Set<Stream> mine = byPlayer.get(s.playerId);
        if (mine != null && mine.remove(s) && mine.isEmpty()) {
          byPlayer.remove(s.playerId);
        }
      }
      return true;
    }
  }

  private static final class Stream {
    final HttpServerResponse res;
    final long playerId;
    final String id;
    long lastWrite;

    Stream(HttpServerResponse res, long playerId, String id) {
      this.res = res;
      this.playerId = playerId;
      this.id = id;
    }

    boolean host() {
      return playerId < 0;
    }

    void send(String event, JsonObject data) {
      write(Buffer.buffer(frame(event, data)), System.currentTimeMillis());
    }

    /** False when the reader is gone, or so far behind that it had better reconnect and catch up. */
    boolean write(Buffer text, long now) {
      if (res.ended() || res.closed()) {
        return false;
      }
      if (res.writeQueueFull()) {
        res.reset();
        return false;
      }
      res.write(text);
      lastWrite = now;
      return true;
    }
  }
}
