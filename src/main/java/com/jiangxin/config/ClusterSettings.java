package com.jiangxin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether this server is one node of several, and how it finds the others.
 *
 * @param enabled  {@code CLUSTER=1}: Vert.x runs clustered over Hazelcast (needs PostgreSQL)
 * @param host     the address this node listens on for the other nodes and tells them
 *                 ({@code CLUSTER_HOST}, default {@value #DEFAULT_HOST})
 * @param port     the Hazelcast port of this node ({@code CLUSTER_PORT}, default {@value #DEFAULT_PORT})
 * @param members  {@code host:port} of the nodes to join ({@code CLUSTER_MEMBERS}, comma-separated);
 *                 empty means this node alone until others join it
 */
public record ClusterSettings(boolean enabled, String host, int port, List<String> members) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;

  public ClusterSettings {
    members = List.copyOf(members);
  }

  /** Not clustered: one server alone. */
  public static ClusterSettings off() {
    return new ClusterSettings(false, DEFAULT_HOST, DEFAULT_PORT, List.of());
  }

  /**
   * The cluster settings in {@code env}; without {@code CLUSTER=1} the others are still checked, so
   * a typo is reported before it matters.
   *
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  static ClusterSettings from(Map<String, String> env) {
    String flag = text(env, "CLUSTER");
    boolean enabled;
    if (flag.isEmpty() || flag.equals("0") || flag.equalsIgnoreCase("false")) {
      enabled = false;
    } else if (flag.equals("1") || flag.equalsIgnoreCase("true")) {
      enabled = true;
    } else {
      throw new IllegalArgumentException("CLUSTER must be 1 (run as one node of a cluster) or 0, not '" + flag + "'");
    }
    String host = text(env, "CLUSTER_HOST");
    if (host.isEmpty()) {
      host = DEFAULT_HOST;
    } else if (!host.matches("[A-Za-z0-9.-]{1,253}")) {
      throw new IllegalArgumentException("CLUSTER_HOST must be this machine's address the other nodes reach, "
        + "such as 10.0.0.11, not '" + host + "'");
    }
    String portText = text(env, "CLUSTER_PORT");
    int port = portText.isEmpty() ? DEFAULT_PORT : port("CLUSTER_PORT", portText);
    List<String> members = new ArrayList<>();
    for (String part : text(env, "CLUSTER_MEMBERS").split(",")) {
      String member = part.trim();
      if (!member.isEmpty()) {
        members.add(member(member));
      }
    }
    return new ClusterSettings(enabled, host, port, members);
  }

  /** This node as {@code host:port}. */
  public String self() {
    return host + ":" + port;
  }

  private static String member(String text) {
    int colon = text.lastIndexOf(':');
    String problem = "CLUSTER_MEMBERS must list the other nodes as host:port, separated by commas, "
      + "such as 10.0.0.11:5701,10.0.0.12:5701, not '" + text + "'";
    if (colon <= 0 || colon == text.length() - 1 || !text.substring(0, colon).matches("[A-Za-z0-9.-]{1,253}")) {
      throw new IllegalArgumentException(problem);
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port >= 1 && port <= 65535) {
        return text;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(problem);
  }

  private static int port(String name, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a port number from 1 to 65535, not '" + text + "'");
  }

  private static String text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null ? "" : value.trim();
  }
}
