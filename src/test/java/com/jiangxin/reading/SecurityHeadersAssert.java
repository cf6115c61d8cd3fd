package com.jiangxin.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/** The headers every response must carry: no framing, no sniffing, scripts and styles from us only. */
final class SecurityHeadersAssert {
  private SecurityHeadersAssert() {
  }

  static void present(HttpResponse<Buffer> res, String what) {
    String csp = res.getHeader("Content-Security-Policy");
    assertNotNull(csp, "no Content-Security-Policy on " + what);
    assertTrue(csp.contains("default-src 'self'"), what + ": " + csp);
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), what + ": " + csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), what + ": " + csp);
    assertEquals("DENY", res.getHeader("X-Frame-Options"), what);
    assertEquals("nosniff", res.getHeader("X-Content-Type-Options"), what);
  }
}
