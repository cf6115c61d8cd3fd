package com.jiangxin.web;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * A page rendered once and sent to many visitors as it is: its bytes, and the same gzipped for
 * clients that accept it. Only for pages that carry nothing of one visitor.
 */
public record PreparedPage(Buffer plain, Buffer gzipped) {
  public static PreparedPage of(String html) {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    return new PreparedPage(Buffer.buffer(bytes), Buffer.buffer(Compression.gzip(bytes)));
  }

  /** What the page holds in memory, for a cache bounded by bytes. */
  public int weight() {
    return plain.length() + gzipped.length();
  }
}
