package com.jiangxin.web;

import io.vertx.core.http.HttpServerRequest;

import java.util.Locale;
import java.util.Optional;

/**
 * The address students type or scan to reach this server: {@code PUBLIC_URL} when it is set;
 * otherwise the address the teacher's browser used, except that a loopback address (the teacher
 * runs the server on this laptop) becomes the machine's LAN address, which phones can reach.
 */
public final class SiteAddress {
  private final Optional<String> publicUrl;
  private final Optional<String> lanAddress;

  /**
   * @param publicUrl  an absolute http(s) URL without a trailing slash, if configured
   * @param lanAddress this machine's LAN IPv4 address, if one was found
   */
  public SiteAddress(Optional<String> publicUrl, Optional<String> lanAddress) {
    this.publicUrl = publicUrl;
    this.lanAddress = lanAddress;
  }

  /**
   * The base address for a request.
   *
   * @param url           scheme, host and port (and the path of {@code PUBLIC_URL}), no trailing slash
   * @param onlyThisMachine true when the address is a loopback one and no LAN address is known:
   *                      students cannot use it as it is
   */
  public record Site(String url, boolean onlyThisMachine) {
  }

  public Site of(HttpServerRequest request) {
    if (publicUrl.isPresent()) {
      return new Site(publicUrl.get(), false);
    }
    String host = request.getHeader("Host");
    if (host == null || host.isBlank() || host.length() > 200 || !host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
      host = "localhost";
    }
    if (isLoopback(hostName(host))) {
      if (lanAddress.isPresent() && request.localAddress() != null) {
        return new Site("http://" + lanAddress.get() + ":" + request.localAddress().port(), false);
      }
      return new Site(request.scheme() + "://" + host, true);
    }
    return new Site(request.scheme() + "://" + host, false);
  }

  /** The line for the start-up log that tells the teacher which address to give students. */
  public String announcement(int port) {
    if (publicUrl.isPresent()) {
      return "学生打开 " + publicUrl.get() + "/";
    }
    return lanAddress.map(a -> "学生可在同一网络打开 http://" + a + ":" + port + "/")
      .orElse("没有找到本机的局域网地址：学生需要用这台电脑在网络上的地址打开，或设置 PUBLIC_URL。");
  }

  /** The host part of a Host header: without the port, and without the brackets of an IPv6 address. */
  static String hostName(String host) {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host.substring(1) : host.substring(1, end);
    }
    int colon = host.indexOf(':');
    return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
  }

  static boolean isLoopback(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    return n.equals("localhost") || n.endsWith(".localhost") || n.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
      || n.equals("::1") || n.equals("0:0:0:0:0:0:0:1") || n.equals("0.0.0.0");
  }
}
