package com.jiangxin.discussion;

import com.jiangxin.support.TestServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document describes every discussion route the server mounts. */
class DiscussionOpenApiTest {

  @Test
  @DisplayName("every /api/v1 route of the discussion is described, with its method, in openapi.yaml")
  void everyRouteDescribed() {
    try (TestServer server = TestServer.start()) {
      String yaml = server.get("/api/v1/openapi.yaml").bodyAsString();
      Router router = Router.router(server.vertx);
      DiscussionService service = new DiscussionService(new DiscussionRepository(server.app.pool()), null, null,
        new LiveUpdates(server.vertx), Clock.systemUTC());
      DiscussionApi.mount(router, service, new LiveUpdates(server.vertx));
      List<String> missing = new ArrayList<>();
      int count = 0;
      for (Route route : router.getRoutes()) {
        String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
        for (HttpMethod method : route.methods()) {
          count++;
          if (!described(yaml, path, method.name().toLowerCase())) {
            missing.add(method + " " + path);
          }
        }
      }
      assertEquals(19, count, "the routes this test knows about");
      assertTrue(missing.isEmpty(), "not in openapi.yaml: " + missing);
    }
  }

  /** True when the path's block in the document has the method. */
  private static boolean described(String yaml, String path, String method) {
    int at = yaml.indexOf("\n  " + path + ":\n");
    if (at < 0) {
      return false;
    }
    int end = yaml.indexOf("\n  /", at + 1);
    String block = yaml.substring(at, end < 0 ? yaml.length() : end);
    return block.contains("\n    " + method + ":\n");
  }
}
