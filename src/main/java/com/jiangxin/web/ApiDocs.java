package com.jiangxin.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document that describes every route at {@code /api/v1/openapi.yaml}. */
public final class ApiDocs {
  private ApiDocs() {
  }

  public static void mount(Router router) {
    Buffer yaml = load();
    router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
      .putHeader("Content-Type", "application/yaml; charset=utf-8")
      .end(yaml));
  }

  private static Buffer load() {
    try (InputStream in = ApiDocs.class.getResourceAsStream("/openapi/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("openapi/openapi.yaml is missing from the class path");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
