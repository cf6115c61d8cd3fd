package com.jiangxin.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for pages, JSON and static files when the client asks for it ({@code Accept-Encoding}).
 *
 * <p>Which responses may be compressed (BREACH): an attacker who can make a victim's browser request
 * a page many times, with input of the attacker's choosing reflected in it (the reading page's
 * {@code hl}, a login page's {@code next}), and who sees the compressed sizes, can guess a secret on
 * that page byte by byte. So an HTML page is compressed only when it was drawn for nobody in
 * particular: no one is signed in and the visitor's CSRF token is not in it. Every page of a
 * signed-in person (a CSRF token in the header, their name, their class's data) and every form
 * page goes out uncompressed; public pages (a reading, the examples, the home page) are compressed.
 * We chose this over masking the token per response because masking protects the token only, not the
 * rest of what a signed-in page shows, and because pages on a school's network gain little from
 * compression while a public reading page is what a whole class loads at once. JSON is compressed:
 * a cross-site request carries the session cookie but cannot add the {@code X-CSRF-Token} header or
 * a bearer token, so the API answers it as for an anonymous caller, with nothing secret to guess.
 */
public final class Compression {
  /** Below this a gzip frame saves too little to pay for itself. */
  static final int MIN_BYTES = 1024;

  private Compression() {
  }

  /** Whether the client accepts gzip ({@code gzip}, {@code x-gzip} or {@code *}, and not {@code q=0}). */
  public static boolean accepted(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
    if (header == null) {
      return false;
    }
    for (String part : header.split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].trim().toLowerCase(java.util.Locale.ROOT);
      if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].trim().replace(" ", "");
        if (p.startsWith("q=")) {
          try {
            refused = Double.parseDouble(p.substring(2)) <= 0;
          } catch (NumberFormatException e) {
            refused = true;
          }
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }

  /** gzip at the best ratio: for what is compressed once and sent many times. */
  public static byte[] gzip(byte[] bytes) {
    return gzip(bytes, Deflater.BEST_COMPRESSION);
  }

  static byte[] gzip(byte[] bytes, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
      {
        def.setLevel(level);
      }
    }) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Whether an HTML page carries a secret of its visitor, and so must not be compressed (see above):
   * someone is signed in, or the page holds the visitor's CSRF token.
   */
  static boolean carriesSecret(RoutingContext ctx, String body) {
    Object page = ctx.get(PageContext.KEY);
    if (!(page instanceof Map<?, ?> common)) {
      return false;
    }
    if (common.get("user") != null) {
      return true;
    }
    Object csrf = common.get("csrf");
    return csrf != null && !csrf.toString().isEmpty() && body.contains(csrf.toString());
  }

  /**
   * Ends the response with {@code body}, gzipped when {@code mayCompress}, the client asks and the
   * body is large enough; a response that might have been compressed says it varies with
   * {@code Accept-Encoding}.
   */
  static void end(RoutingContext ctx, Buffer body, boolean mayCompress) {
    if (!mayCompress || body.length() < MIN_BYTES) {
      ctx.response().end(body);
      return;
    }
    ctx.response().putHeader(HttpHeaders.VARY, "Accept-Encoding");
    if (accepted(ctx)) {
      ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
        .end(Buffer.buffer(gzip(body.getBytes(), Deflater.DEFAULT_COMPRESSION)));
    } else {
      ctx.response().end(body);
    }
  }

  /**
   * Ends the response with bytes prepared once: {@code gzipped} (the same body, compressed) when the
   * client accepts gzip. For public content only.
   */
  public static void endPrepared(RoutingContext ctx, Buffer plain, Buffer gzipped) {
    ctx.response().putHeader(HttpHeaders.VARY, "Accept-Encoding");
    if (gzipped != null && accepted(ctx)) {
      ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(gzipped);
    } else {
      ctx.response().end(plain);
    }
  }
}
