package com.jiangxin.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.core.VertxOptions;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts Vert.x alone or as one node of a cluster ({@code CLUSTER=1}). Nodes find each other over
 * TCP/IP at the addresses in {@code CLUSTER_MEMBERS} (multicast is off: school networks drop it, and
 * a node must never join a stranger's cluster by accident); once joined, the event bus and Vert.x
 * shared data reach every node.
 */
public final class ClusterSetup {
  /** The Hazelcast cluster name, so that this server never joins another program's cluster. */
  static final String CLUSTER_NAME = "jiangxin";
  private static final String LOCAL_NODE_MAP = "jiangxin.node";

  private ClusterSetup() {
  }

  /** This node's id and how many nodes the cluster has now (1 when not clustered). */
  public record Node(String id, int clusterSize, boolean clustered) {
  }

  /** Vert.x for these settings: plain, or clustered once this node has joined (or formed) the cluster. */
  public static Future<Vertx> start(ClusterSettings settings) {
    if (!settings.enabled()) {
      return Future.succeededFuture(Vertx.vertx());
    }
    com.hazelcast.config.Config hazelcast;
    try {
      hazelcast = hazelcastConfig(settings);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions().setHost(settings.host()));
    return Vertx.builder().with(options)
      .withClusterManager(new HazelcastClusterManager(hazelcast))
      .buildClustered()
      .recover(e -> Future.failedFuture(new IllegalStateException("this node could not join the cluster at "
        + settings.self() + " (members " + settings.members() + "): " + e.getMessage())));
  }

  /** The Hazelcast settings of one node: Vert.x's own maps, a TCP/IP join, no multicast, nothing sent home. */
  static com.hazelcast.config.Config hazelcastConfig(ClusterSettings settings) {
    // read before Hazelcast starts: it looks for its logging type when its first class loads
    System.setProperty("hazelcast.logging.type", "slf4j");
    com.hazelcast.config.Config config = ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // a node that is killed is noticed in seconds rather than a minute
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.getMetricsConfig().setEnabled(false);
    config.getJetConfig().setEnabled(false);
    String address = resolve(settings.host());
    var network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false);
    network.setPublicAddress(address + ":" + settings.port());
    network.getInterfaces().setEnabled(true).setInterfaces(List.of(address));
    config.setProperty("hazelcast.socket.bind.any", "false");
    var join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2)
      .setMembers(settings.members().isEmpty() ? List.of(address + ":" + settings.port()) : settings.members());
    return config;
  }

  /** This node as seen by {@code /health}. */
  public static Node node(Vertx vertx) {
    ClusterManager cluster = vertx instanceof VertxInternal internal ? internal.clusterManager() : null;
    if (cluster == null) {
      String id = vertx.sharedData().<String, String>getLocalMap(LOCAL_NODE_MAP)
        .computeIfAbsent("id", k -> UUID.randomUUID().toString());
      return new Node(id, 1, false);
    }
    return new Node(cluster.getNodeId(), Optional.ofNullable(cluster.getNodes()).map(List::size).orElse(1), true);
  }

  private static String resolve(String host) {
    try {
      return InetAddress.getByName(host).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("CLUSTER_HOST '" + host + "' is not an address of this machine that can be found");
    }
  }
}
