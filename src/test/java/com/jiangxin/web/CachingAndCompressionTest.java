package com.jiangxin.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Static files: versioned addresses kept for a year, the others revalidated by ETag. Pages and JSON
 * gzipped when asked, except pages that carry a visitor's secret (see {@link Compression}).
 */
class CachingAndCompressionTest {
  private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"(/static/css/app\\.css\\?v=[0-9a-f]+)\">");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> get(String path, String... headers) {
    var req = server.client.get(path);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      req.putHeader(headers[i], headers[i + 1]);
    }
    return req.send().await();
  }

  private static byte[] gunzip(Buffer body) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.getBytes()))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("the page links its stylesheet by content hash, which a browser keeps for a year without asking")
  void versionedAssetIsImmutable() {
    String html = get("/").bodyAsString();
    Matcher m = STYLESHEET.matcher(html);
    assertTrue(m.find(), "the layout links a versioned stylesheet");
    assertTrue(html.matches("(?s).*<script src=\"/static/js/app\\.js\\?v=[0-9a-f]+\" defer>.*"), "and a versioned script");
    HttpResponse<Buffer> css = get(m.group(1));
    assertEquals(200, css.statusCode());
    assertEquals("public, max-age=31536000, immutable", css.getHeader("Cache-Control"));
    assertTrue(css.getHeader("Content-Type").startsWith("text/css"));
    assertTrue(css.bodyAsString().contains("body"), "the stylesheet itself");
    assertTrue(css.getHeader("ETag") != null);
  }

  @Test
  @DisplayName("an unversioned or outdated static address is revalidated: 304 while the file is unchanged")
  void unversionedAssetRevalidates() {
    HttpResponse<Buffer> first = get("/static/js/app.js");
    assertEquals(200, first.statusCode());
    assertEquals("no-cache", first.getHeader("Cache-Control"));
    String etag = first.getHeader("ETag");
    assertTrue(etag != null && etag.startsWith("\""), etag);

    HttpResponse<Buffer> again = get("/static/js/app.js", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals(0, again.body() == null ? 0 : again.body().length(), "a 304 has no body");
    assertEquals(etag, again.getHeader("ETag"));

    HttpResponse<Buffer> outdated = get("/static/js/app.js?v=0123456789abcdef");
    assertEquals(200, outdated.statusCode());
    assertEquals("no-cache", outdated.getHeader("Cache-Control"), "an old version's address is not kept for a year");

    assertEquals(200, get("/static/js/app.js", "If-None-Match", "\"something-else\"").statusCode());
    assertEquals(404, get("/static/js/nothing-here.js").statusCode());
  }

  @Test
  @DisplayName("a reading page and the readings JSON are gzipped when the client asks, and only then")
  void gzipWhenAsked() {
    HttpResponse<Buffer> plain = get("/readings/pian-05");
    assertEquals(200, plain.statusCode());
    assertNull(plain.getHeader("Content-Encoding"));
    assertTrue(plain.bodyAsString().contains("<h1>工匠精神：热爱与精益求精</h1>"));

    HttpResponse<Buffer> zipped = get("/readings/pian-05", "Accept-Encoding", "gzip, deflate, br");
    assertEquals("gzip", zipped.getHeader("Content-Encoding"));
    assertTrue(zipped.getHeader("Vary").equalsIgnoreCase("Accept-Encoding"), zipped.getHeader("Vary"));
    assertTrue(zipped.body().length() < plain.body().length() / 2, "much smaller");
    assertArrayEquals(plain.body().getBytes(), gunzip(zipped.body()), "the same page once unpacked");

    assertNull(get("/readings/pian-05", "Accept-Encoding", "gzip;q=0, identity").getHeader("Content-Encoding"),
      "a client that refuses gzip gets none");

    HttpResponse<Buffer> json = get("/api/v1/readings", "Accept-Encoding", "gzip");
    assertEquals("gzip", json.getHeader("Content-Encoding"));
    assertEquals(9, new JsonArray(Buffer.buffer(gunzip(json.body()))).size());
    assertNull(get("/api/v1/readings").getHeader("Content-Encoding"));

    HttpResponse<Buffer> css = get("/static/css/app.css", "Accept-Encoding", "gzip");
    assertEquals("gzip", css.getHeader("Content-Encoding"));
    assertTrue(new String(gunzip(css.body()), StandardCharsets.UTF_8).contains("body"));
  }

  @Test
  @DisplayName("a page carrying a visitor's CSRF token is never compressed, even with a reflected highlight")
  void secretCarryingPagesStayUncompressed() {
    Accounts.Login student = Accounts.student(server, "丙同学");
    Accounts.Session session = Accounts.session(server, student);
    HttpResponse<Buffer> page = server.client.get("/readings/pian-05?p=2&hl=%E5%B7%A5%E5%8C%A0")
      .putHeader("Cookie", "jx_sid=" + session.sid()).putHeader("Accept-Encoding", "gzip").send().await();
    assertEquals(200, page.statusCode());
    assertNull(page.getHeader("Content-Encoding"), "a signed-in page goes out as it is");
    assertTrue(page.bodyAsString().contains(session.csrf()), "its forms carry the token");

    HttpResponse<Buffer> login = get("/login?next=%2Freadings%2Fpian-05", "Accept-Encoding", "gzip");
    assertEquals(200, login.statusCode());
    assertTrue(login.bodyAsString().contains("name=\"csrf\""), "the login form carries a token");
    assertNull(login.getHeader("Content-Encoding"), "so the login page is not compressed");
  }
}
