package com.jiangxin.web;

import com.github.jknack.handlebars.Handlebars;
import com.jiangxin.config.ClasspathFolder;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The files of {@code webroot/}, read once into memory and served under {@code /static/}. Each has
 * a content hash: pages link to {@code /static/css/app.css?v=HASH} ({@link #url}), which a browser
 * may keep for a year without asking again ({@code immutable}), because a changed file gets a new
 * address. Any other address of a file (no or an old {@code v}) is answered with its ETag and
 * {@code no-cache}, so the browser revalidates and gets a 304 while the file is unchanged. Text
 * files are also kept gzipped, for browsers that accept it (they hold no secret).
 */
public final class Assets implements Handler<RoutingContext> {
  static final String PREFIX = "/static/";
  static final String IMMUTABLE = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  private static final Map<String, String> TYPES = Map.of(
    "css", "text/css; charset=utf-8",
    "js", "text/javascript; charset=utf-8",
    "svg", "image/svg+xml",
    "png", "image/png",
    "json", "application/json; charset=utf-8",
    "txt", "text/plain; charset=utf-8",
    "ico", "image/x-icon",
    "webmanifest", "application/manifest+json");

  private record Asset(String version, String etag, String type, Buffer bytes, Buffer gzipped) {
  }

  private final Map<String, Asset> files;

  private Assets(Map<String, Asset> files) {
    this.files = Map.copyOf(files);
  }

  /** Reads every file of {@code webroot/} on the class path (blocking; at start-up). */
  static Assets load() {
    List<ClasspathFolder.Entry> entries = ClasspathFolder.list(Assets.class.getClassLoader(), "webroot")
      .orElse(List.of());
    Map<String, Asset> files = new HashMap<>();
    for (ClasspathFolder.Entry e : entries) {
      if (e.name().startsWith(".") || e.name().contains("/.")) {
        continue;
      }
      try {
        byte[] bytes = Files.readAllBytes(e.path());
        String hash = sha256(bytes).substring(0, 16);
        String ext = e.name().substring(e.name().lastIndexOf('.') + 1);
        String type = TYPES.getOrDefault(ext, "application/octet-stream");
        Buffer gz = null;
        if (type.startsWith("text/") || type.contains("json") || type.contains("svg")) {
          byte[] packed = Compression.gzip(bytes);
          gz = packed.length < bytes.length ? Buffer.buffer(packed) : null;
        }
        files.put(e.name(), new Asset(hash, "\"" + hash + "\"", type, Buffer.buffer(bytes), gz));
      } catch (IOException ex) {
        throw new UncheckedIOException("webroot/" + e.name() + ": " + ex.getMessage(), ex);
      }
    }
    return new Assets(files);
  }

  /**
   * The address a page links to for a static file: {@code /static/js/app.js} (or {@code js/app.js})
   * becomes {@code /static/js/app.js?v=HASH}. An address that is not one of the files stays as given.
   */
  public CharSequence url(String path) {
    String name = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    Asset a = files.get(name);
    // built from our own file names and a hex hash: nothing in it needs escaping
    return a == null ? path : new Handlebars.SafeString(PREFIX + name + "?v=" + a.version());
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    String path = ctx.normalizedPath();
    Asset a = path.startsWith(PREFIX) ? files.get(path.substring(PREFIX.length())) : null;
    if (a == null || (method != HttpMethod.GET && method != HttpMethod.HEAD)) {
      ctx.next();
      return;
    }
    HttpServerResponse response = ctx.response();
    boolean versioned = a.version().equals(ctx.request().getParam("v"));
    response.putHeader(HttpHeaders.CACHE_CONTROL, versioned ? IMMUTABLE : REVALIDATE)
      .putHeader(HttpHeaders.ETAG, a.etag());
    if (a.gzipped() != null) {
      response.putHeader(HttpHeaders.VARY, "Accept-Encoding");
    }
    String match = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
    if (match != null && etagMatches(match, a.etag())) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, a.type());
    Buffer body = a.bytes();
    if (a.gzipped() != null && Compression.accepted(ctx)) {
      response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
      body = a.gzipped();
    }
    response.end(body);
  }

  /** {@code If-None-Match}: a list of ETags (weak ones too, as a 304 only needs a weak match), or {@code *}. */
  static boolean etagMatches(String header, String etag) {
    for (String candidate : header.split(",")) {
      String t = candidate.trim();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.equals(etag) || t.equals("*")) {
        return true;
      }
    }
    return false;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
