package com.jiangxin.web;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that open connections and never finish their requests: one address cannot hold more
 * than its share, unfinished requests are closed, and everyone else is still answered.
 */
class SlowClientsTest {
  private static final int CAP = 20;
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("CONNECTIONS_PER_ADDRESS", Integer.toString(CAP),
      "HEADER_TIMEOUT_SECONDS", "2", "BODY_TIMEOUT_SECONDS", "2"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A connection from another loopback address (the attacker), with half a request sent. */
  private static Socket slow(String partial) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
    s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
    s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** Whether the server closes the connection within the time given, reading whatever it sends. */
  private static boolean closedWithin(Socket s, int millis) throws IOException {
    long end = System.currentTimeMillis() + millis;
    s.setSoTimeout(100);
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    while (System.currentTimeMillis() < end) {
      try {
        if (in.read(buf) < 0) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        // still open
      } catch (IOException e) {
        return true; // reset
      }
    }
    return false;
  }

  private static void closeAll(List<Socket> sockets) {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Test
  @DisplayName("one address holding unfinished requests keeps only its share; others get /health and a login within 1 s")
  void capPerAddress() throws Exception {
    Accounts.Login student = Accounts.student(server);
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < CAP * 3; i++) {
        sockets.add(slow("GET /health HTTP/1.1\r\nHost: x\r\n"));
      }
      long began = System.nanoTime();
      assertEquals(200, server.get("/health").statusCode());
      assertEquals(200, server.postJson("/api/v1/auth/login", new JsonObject()
        .put("username", student.username()).put("password", Accounts.PASSWORD), null).statusCode());
      long ms = (System.nanoTime() - began) / 1_000_000;
      assertTrue(ms < 1000, "health and login took " + ms + " ms");

      int closed = 0;
      for (Socket s : sockets) {
        if (closedWithin(s, 20)) {
          closed++;
        }
      }
      assertTrue(closed >= CAP * 2 - 2, "connections over the cap of " + CAP + " are closed at once; closed " + closed);
    } finally {
      closeAll(sockets);
    }
  }

  @Test
  @DisplayName("a request head that never finishes is closed after the header timeout")
  void headerTimeout() throws Exception {
    try (Socket s = slow("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: 1")) {
      assertTrue(closedWithin(s, 6000), "the unfinished head is still open after 6 s");
    }
  }

  @Test
  @DisplayName("a request body that never finishes is closed after the body timeout")
  void bodyTimeout() throws Exception {
    try (Socket s = slow("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      + "Content-Length: 200\r\n\r\n{\"username\":")) {
      assertTrue(closedWithin(s, 6000), "the unfinished body is still open after 6 s");
    }
  }

  @Test
  @DisplayName("a connection that opens and sends nothing is closed too")
  void silentConnection() throws Exception {
    try (Socket s = slow("")) {
      assertTrue(closedWithin(s, 6000), "the silent connection is still open after 6 s");
    }
  }
}
