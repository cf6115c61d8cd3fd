package com.jiangxin.web;

import com.jiangxin.config.Config;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one client from holding the server's connections: a client address may hold at most
 * {@code connectionsPerAddress} open connections (more are closed as soon as they open), a
 * connection must deliver its request head within {@code headerTimeoutSeconds} of opening and a
 * request its body within {@code bodyTimeoutSeconds} of its head, or the connection is closed.
 * Idle connections are closed by the server options ({@link WebSetup#serverOptions}). The counts
 * per address live in Vert.x shared data, so every verticle instance enforces one cap.
 */
public final class ConnectionGuard {
  private static final String SHARED = "jiangxin.connections";

  /** Open connections per client address, for the whole Vert.x instance. */
  private static final class Counts implements Shareable {
    final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();
  }

  private final Vertx vertx;
  private final int cap;
  private final long headerMs;
  private final long bodyMs;
  private final Map<String, Integer> open;
  /** Connections still waiting for their first request head, with the timer that will close them. */
  private final Map<HttpConnection, Long> waitingForHead = new ConcurrentHashMap<>();

  public ConnectionGuard(Vertx vertx, Config.Limits limits) {
    this.vertx = vertx;
    this.cap = limits.connectionsPerAddress();
    this.headerMs = limits.headerTimeoutSeconds() * 1000L;
    this.bodyMs = limits.bodyTimeoutSeconds() * 1000L;
    LocalMap<String, Counts> shared = vertx.sharedData().getLocalMap(SHARED);
    this.open = shared.computeIfAbsent("open", k -> new Counts()).byAddress;
  }

  /** Sets the server's connection and request handlers; requests that pass go to {@code next}. */
  public HttpServer install(HttpServer server, Handler<HttpServerRequest> next) {
    return server.connectionHandler(this::opened).requestHandler(req -> {
      arrived(req);
      next.handle(req);
    });
  }

  /** How many connections an address holds now (for tests). */
  public int openFrom(String address) {
    return open.getOrDefault(address, 0);
  }

  private void opened(HttpConnection conn) {
    String address = Requests.addressOf(conn.remoteAddress());
    int count = open.merge(address, 1, Integer::sum);
    conn.closeHandler(v -> {
      open.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
      Long timer = waitingForHead.remove(conn);
      if (timer != null) {
        vertx.cancelTimer(timer);
      }
    });
    if (count > cap) {
      conn.close();
      return;
    }
    long timer = vertx.setTimer(headerMs, id -> {
      if (waitingForHead.remove(conn) != null) {
        conn.close();
      }
    });
    waitingForHead.put(conn, timer);
  }

  private void arrived(HttpServerRequest req) {
    Long timer = waitingForHead.remove(req.connection());
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
    if (req.isEnded()) {
      return;
    }
    long bodyTimer = vertx.setTimer(bodyMs, id -> {
      if (!req.isEnded()) {
        req.connection().close();
      }
    });
    req.end().onComplete(done -> vertx.cancelTimer(bodyTimer));
  }
}
