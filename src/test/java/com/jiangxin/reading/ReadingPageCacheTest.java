package com.jiangxin.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reading page keeps what it draws once: never one visitor's data for another, never a stale text. */
class ReadingPageCacheTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String anonymous(String path) {
    HttpResponse<Buffer> r = server.client.get(path).send().await();
    assertEquals(200, r.statusCode(), path);
    return r.bodyAsString();
  }

  private static String as(Accounts.Session s, String path) {
    HttpResponse<Buffer> r = Accounts.get(server, s, path);
    assertEquals(200, r.statusCode(), path);
    return r.bodyAsString();
  }

  @Test
  @DisplayName("two students and a visitor read the same page in turn: each sees only their own name and token")
  void noVisitorSeesAnothersNameOrToken() {
    Accounts.Login first = Accounts.student(server, "甲同学");
    Accounts.Login second = Accounts.student(server, "乙同学");
    Accounts.Session a = Accounts.session(server, first);
    Accounts.Session b = Accounts.session(server, second);
    String marked = "/readings/pian-05?p=2&hl=" + URLEncoder.encode("工匠精神是一种热爱工作的职业精神", StandardCharsets.UTF_8);
    assertTrue(anonymous(marked).contains("<mark class=\"evidence\">工匠精神是一种热爱工作的职业精神</mark>"));
    for (String path : new String[] {"/readings/pian-05", marked}) {
      String before = anonymous(path);
      // each page twice, so that a second drawing could come from whatever the first one kept
      for (int i = 0; i < 2; i++) {
        String pageA = as(a, path);
        assertTrue(pageA.contains("甲同学"), "the first student's name in their header");
        assertTrue(pageA.contains(a.csrf()), "the first student's forms carry their own token");
        assertFalse(pageA.contains("乙同学") || pageA.contains(b.csrf()), "nothing of the second student");

        String pageB = as(b, path);
        assertTrue(pageB.contains("乙同学"), "the second student's name in their header");
        assertEquals(b.csrf(), Accounts.csrfOf(pageB), "the second student's forms carry their own token");
        assertFalse(pageB.contains("甲同学") || pageB.contains(a.csrf()), "nothing of the first student");

        String after = anonymous(path);
        assertFalse(after.contains("甲同学") || after.contains("乙同学"), "a visitor sees no student's name");
        assertFalse(after.contains(a.csrf()) || after.contains(b.csrf()) || after.contains("name=\"csrf\""),
          "a visitor's page has no token");
        assertTrue(after.contains("href=\"/login\""), "a visitor is offered to log in");
        assertEquals(before, after, "a visitor's page is the same before and after the students");
        // the same text under the header for everyone
        assertEquals(body(after), body(pageA));
        assertEquals(body(after), body(pageB));
      }
    }
  }

  private static String body(String html) {
    return html.substring(html.indexOf("<div class=\"body\">"), html.indexOf("<nav class=\"pager\""));
  }

  @Test
  @DisplayName("a teacher edits their own reading: the page shows the new text at once, on every instance")
  void ownReadingEditShowsAtOnce() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Session session = Accounts.session(server, teacher);
    HttpResponse<Buffer> created = server.postJson("/api/v1/readings", new JsonObject().put("title", "关于坚持")
      .put("text", "关于坚持\n坚持是成功的基石，我们每天进步一点点。\n石匠一锤一锤地敲了三十年。"), teacher.token());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String path = "/readings/" + created.bodyAsJsonObject().getString("id");
    // several times, on new connections, so both server instances draw and keep the first text
    for (int i = 0; i < 6; i++) {
      assertTrue(as(session, path).contains("石匠一锤一锤地敲了三十年"));
      assertTrue(as(session, path + "?size=large").contains("石匠一锤一锤地敲了三十年"));
    }

    HttpResponse<Buffer> edited = server.putJson(path.replace("/readings/", "/api/v1/readings/"), new JsonObject()
      .put("text", "关于坚持\n坚持是成功的基石，我们每天进步一点点。\n木匠一刨一刨地刨了四十年。"), teacher.token());
    assertEquals(200, edited.statusCode(), edited.bodyAsString());

    for (int i = 0; i < 6; i++) {
      for (String variant : new String[] {path, path + "?size=large"}) {
        String own = as(session, variant);
        assertTrue(own.contains("木匠一刨一刨地刨了四十年"), "the teacher sees the new text");
        assertFalse(own.contains("石匠"), "and not the old one");
      }
    }
  }

  @Test
  @DisplayName("a made-up highlight marks nothing and shows the plain page; a real one is marked")
  void madeUpHighlightShowsPlainPage() {
    String plain = anonymous("/readings/pian-05");
    String madeUp = anonymous("/readings/pian-05?p=3&hl=" + URLEncoder.encode("<script>没有这句话</script>",
      StandardCharsets.UTF_8));
    assertEquals(plain, madeUp);
    assertFalse(madeUp.contains("<script>没有"), "the made-up text is nowhere on the page");
  }
}
