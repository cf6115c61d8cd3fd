package com.jiangxin.discussion;

import com.jiangxin.discussion.DiscussionFixtures.Room;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static com.jiangxin.discussion.DiscussionFixtures.addPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Server-sent events: each viewer receives only what they may see. */
class LiveUpdatesTest {
  private static TestServer server;
  private static Room room;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    room = room(server, "pian-07", "写的人", "看的人");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One open event stream; its events ({@code type} and {@code data}) arrive in a queue. */
  private static final class Events implements AutoCloseable {
    final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>();
    final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    Events(long threadId, String token) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/threads/" + threadId + "/events")))
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
      response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
      HttpResponse<Stream<String>> r = response.get(10, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
      lines = r.body();
      Thread reader = new Thread(() -> {
        String[] type = {null};
        try {
          lines.forEach(line -> {
            if (line.startsWith("event: ")) {
              type[0] = line.substring(7);
            } else if (line.startsWith("data: ")) {
              queue.add(new JsonObject().put("type", type[0]).put("data", new JsonObject(line.substring(6))));
            }
          });
        } catch (RuntimeException closed) {
          // the test closed the stream
        }
      }, "sse-reader");
      reader.setDaemon(true);
      reader.start();
      JsonObject ready = next();
      assertNotNull(ready, "the stream says when it is subscribed");
      assertEquals("ready", ready.getString("type"));
    }

    JsonObject next() throws InterruptedException {
      return queue.poll(5, TimeUnit.SECONDS);
    }

    /** The next event of one type, skipping others; null if none comes in a few seconds. */
    JsonObject next(String type) throws InterruptedException {
      for (JsonObject e = next(); e != null; e = next()) {
        if (type.equals(e.getString("type"))) {
          return e;
        }
      }
      return null;
    }

    @Override
    public void close() {
      if (lines != null) {
        lines.close();
      }
    }
  }

  @Test
  @DisplayName("a post made through one verticle instance reaches the streams every instance serves")
  void streamsOnEveryInstance() throws Exception {
    long thread = firstPrompt(server, room);
    // each stream holds a connection of its own, and new connections go to the instances in turn
    List<Events> streams = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        streams.add(new Events(thread, room.student(1).token()));
      }
      long id = posted(server, thread, room.student(0).token(), "每个连接都收到");
      for (Events e : streams) {
        JsonObject seen = e.next("post");
        assertNotNull(seen, "every stream hears the post");
        assertEquals(id, seen.getJsonObject("data").getLong("id"));
      }
    } finally {
      streams.forEach(Events::close);
    }
  }

  @Test
  @DisplayName("a new post reaches the class as an event; hiding it sends students a removal and the teacher an update")
  void postsAndHiding() throws Exception {
    long thread = firstPrompt(server, room);
    try (Events student = new Events(thread, room.student(1).token());
         Events teacher = new Events(thread, room.teacher().token())) {
      long id = posted(server, thread, room.student(0).token(), "实时的发言");
      JsonObject seen = student.next("post");
      assertNotNull(seen);
      assertEquals(id, seen.getJsonObject("data").getLong("id"));
      assertEquals("实时的发言", seen.getJsonObject("data").getString("body"));
      assertFalse(seen.getJsonObject("data").containsKey("hidden"), "students are not told moderation state");
      assertNotNull(teacher.next("post"));

      server.postJson("/api/v1/posts/" + id + "/hide", new JsonObject().put("reason", "测试"), room.teacher().token());
      JsonObject removed = student.next();
      assertEquals("remove", removed.getString("type"));
      assertEquals(id, removed.getJsonObject("data").getLong("id"));
      assertFalse(removed.encode().contains("实时的发言"), "a removal carries no text");
      JsonObject update = teacher.next("update");
      assertTrue(update.getJsonObject("data").getBoolean("hidden"));
      assertEquals("测试", update.getJsonObject("data").getString("hiddenReason"));
    }
  }

  @Test
  @DisplayName("while post-before-see holds a student back, others' posts are not sent; their own first post opens the thread")
  void postBeforeSee() throws Exception {
    long thread = addPrompt(server, room, "实时的先发后看", true);
    try (Events waiting = new Events(thread, room.student(1).token())) {
      posted(server, thread, room.student(0).token(), "别人的观点");
      posted(server, thread, room.teacher().token(), "老师的观点");
      posted(server, thread, room.student(1).token(), "我自己的观点");
      JsonObject first = waiting.next();
      assertEquals("reload", first.getString("type"), "the first event is their own post opening the thread: " + first);
      assertFalse(first.encode().contains("别人的观点"));
      posted(server, thread, room.student(0).token(), "之后的观点");
      JsonObject later = waiting.next("post");
      assertEquals("之后的观点", later.getJsonObject("data").getString("body"));
    }
  }

  @Test
  @DisplayName("streams are limited per person and a closed stream frees its place")
  void closedStreamsAreCleanedUp() throws Exception {
    long thread = firstPrompt(server, room);
    String token = room.student(0).token();
    java.util.List<Events> open = new java.util.ArrayList<>();
    for (int i = 0; i < LiveUpdates.MAX_STREAMS_PER_USER; i++) {
      open.add(new Events(thread, token));
    }
    HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/threads/" + thread + "/events")))
      .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(429, refused.statusCode());
    open.forEach(Events::close);
    long until = System.currentTimeMillis() + 10_000;
    int status = 0;
    while (System.currentTimeMillis() < until) {
      HttpResponse<java.io.InputStream> again = HTTP.sendAsync(HttpRequest.newBuilder(
          URI.create(server.url("/api/v1/threads/" + thread + "/events")))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
      status = again.statusCode();
      again.body().close();
      if (status == 200) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals(200, status, "once the streams are closed the server lets a new one open");
  }

  @Test
  @DisplayName("an outsider cannot open a thread's event stream")
  void outsider() throws Exception {
    Room other = room(server, "pian-07", "外人");
    long thread = firstPrompt(server, room);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/threads/" + thread + "/events")))
      .header("Authorization", "Bearer " + other.student(0).token()).timeout(Duration.ofSeconds(10)).build(),
      HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode());
    assertNull(r.headers().firstValue("Content-Type").filter(t -> t.startsWith("text/event-stream")).orElse(null));
  }
}
