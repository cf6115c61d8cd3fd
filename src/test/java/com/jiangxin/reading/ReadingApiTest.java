package com.jiangxin.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadingApiTest {
  static final List<String> IDS = IntStream.rangeClosed(1, 9).mapToObj(n -> "pian-0" + n).toList();

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("GET /api/v1/readings lists the nine readings in 篇 order with id, title, examples and paragraph count")
  void listsReadingsInOrder() {
    HttpResponse<Buffer> res = server.get("/api/v1/readings");

    assertEquals(200, res.statusCode());
    assertTrue(res.getHeader("Content-Type").startsWith("application/json"), res.getHeader("Content-Type"));
    JsonArray list = res.bodyAsJsonArray();
    assertEquals(IDS, list.stream().map(o -> ((JsonObject) o).getString("id")).toList());
    for (Object o : list) {
      JsonObject r = (JsonObject) o;
      assertFalse(r.getString("title").isBlank(), r.encode());
      assertTrue(r.getInteger("paragraphCount") > 0, r.encode());
      assertFalse(r.getJsonArray("examples").isEmpty(), r.encode());
      r.getJsonArray("examples").forEach(e -> assertTrue(e instanceof String, r.encode()));
    }
    JsonObject pian02 = list.getJsonObject(1);
    assertEquals("热爱劳动，从我做起", pian02.getString("title"));
    assertTrue(pian02.getJsonArray("examples").contains("路遥"));
    assertTrue(pian02.getJsonArray("examples").contains("方仲永"));
    assertTrue(list.getJsonObject(4).getJsonArray("examples").contains("哈里森"));
  }

  @Test
  @DisplayName("GET /api/v1/readings/pian-05 numbers every block from 1 and flags its four section headings")
  void readingWithHeadings() {
    HttpResponse<Buffer> res = server.get("/api/v1/readings/pian-05");

    assertEquals(200, res.statusCode());
    JsonObject r = res.bodyAsJsonObject();
    assertEquals("pian-05", r.getString("id"));
    assertEquals("工匠精神：热爱与精益求精", r.getString("title"));
    JsonArray paragraphs = r.getJsonArray("paragraphs");
    assertEquals(20, paragraphs.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      assertEquals(i + 1, paragraphs.getJsonObject(i).getInteger("n"));
    }
    List<Integer> headings = paragraphs.stream().map(o -> (JsonObject) o)
      .filter(p -> p.getBoolean("heading")).map(p -> p.getInteger("n")).toList();
    assertEquals(List.of(1, 5, 10, 11), headings);
    assertEquals("弘扬工匠精神演讲稿一", paragraphs.getJsonObject(0).getString("text"));
    assertTrue(paragraphs.getJsonObject(2).getString("text").contains("哈里森费时40余年"));
    assertFalse(paragraphs.getJsonObject(2).getBoolean("heading"));
  }

  @Test
  @DisplayName("an unknown reading id answers 404 with a JSON error, not a page")
  void unknownReadingIsJson404() {
    HttpResponse<Buffer> res = server.get("/api/v1/readings/pian-99");

    assertEquals(404, res.statusCode());
    assertTrue(res.getHeader("Content-Type").startsWith("application/json"), res.getHeader("Content-Type"));
    JsonObject body = res.bodyAsJsonObject();
    assertTrue(body.getString("error").contains("pian-99"), body.encode());
  }

  @Test
  @DisplayName("an unknown API path answers JSON: 401 without a token (access fails closed), 404 with one")
  void unknownApiPathIsJson404() {
    HttpResponse<Buffer> anonymous = server.get("/api/v1/nothing-here");
    assertEquals(401, anonymous.statusCode());
    assertNotNull(anonymous.bodyAsJsonObject().getString("error"));

    server.postJson("/api/v1/auth/register", new io.vertx.core.json.JsonObject().put("username", "api404")
      .put("password", "password-api404").put("displayName", "x").put("role", "student"), null);
    String token = server.postJson("/api/v1/auth/login", new io.vertx.core.json.JsonObject().put("username", "api404")
      .put("password", "password-api404"), null).bodyAsJsonObject().getString("token");
    HttpResponse<Buffer> res = server.get("/api/v1/nothing-here", token);
    assertEquals(404, res.statusCode());
    assertNotNull(res.bodyAsJsonObject().getString("error"));
  }

  @Test
  @DisplayName("GET /health answers 200 {\"status\":\"UP\"} once the database answers")
  void health() {
    HttpResponse<Buffer> res = server.get("/health");

    assertEquals(200, res.statusCode());
    assertEquals("UP", res.bodyAsJsonObject().getString("status"));
  }

  @Test
  @DisplayName("the OpenAPI document is served and describes every API path the router has")
  void openApiCoversTheReadingRoutes() {
    HttpResponse<Buffer> res = server.get("/api/v1/openapi.yaml");

    assertEquals(200, res.statusCode());
    assertTrue(res.getHeader("Content-Type").startsWith("application/yaml"), res.getHeader("Content-Type"));
    String yaml = res.bodyAsString();
    assertTrue(yaml.startsWith("openapi: 3"), yaml.substring(0, 40));
    List<String> paths = server.app.router().getRoutes().stream()
      .map(Route::getPath)
      .filter(p -> p != null && (p.startsWith("/api/v1/") || p.equals("/health")))
      .filter(p -> !p.equals("/api/v1/"))   // the guard in front of the whole API
      .distinct().toList();
    assertTrue(paths.size() >= 20, paths.toString());
    List<String> missing = paths.stream().map(path -> path.replaceAll(":(\\w+)", "{$1}"))
      .filter(documented -> !yaml.contains("\n  " + documented + ":\n")).toList();
    assertTrue(missing.isEmpty(), "openapi.yaml does not describe " + missing);
  }

  @Test
  @DisplayName("JSON answers carry the security headers, a 404 included")
  void securityHeadersOnJson() {
    for (String path : List.of("/api/v1/readings", "/api/v1/readings/pian-99", "/health")) {
      SecurityHeadersAssert.present(server.get(path), path);
    }
  }
}
