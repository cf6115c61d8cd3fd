package com.jiangxin.config;

import com.jiangxin.support.ServerProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterConfigTest {
  private static final String PG = "jdbc:postgresql://db.school.example:5432/jx?user=jx&password=pw";

  @TempDir
  Path tmp;

  @Test
  @DisplayName("without CLUSTER the server runs alone; CLUSTER=1 defaults to 127.0.0.1:5701 with no members")
  void defaults() {
    assertFalse(Config.from(Map.of()).cluster().enabled());
    ClusterSettings on = Config.from(Map.of("CLUSTER", "1", "DB_URL", PG)).cluster();
    assertTrue(on.enabled());
    assertEquals("127.0.0.1:5701", on.self());
    assertEquals(List.of(), on.members());
  }

  @Test
  @DisplayName("CLUSTER_HOST, CLUSTER_PORT and CLUSTER_MEMBERS are read, spaces and empty entries ignored")
  void settings() {
    ClusterSettings s = Config.from(Map.of("CLUSTER", "true", "DB_URL", PG, "CLUSTER_HOST", " 10.0.0.11 ",
      "CLUSTER_PORT", "5801", "CLUSTER_MEMBERS", "10.0.0.11:5801, node2.school.example:5801,")).cluster();
    assertEquals("10.0.0.11:5801", s.self());
    assertEquals(List.of("10.0.0.11:5801", "node2.school.example:5801"), s.members());
  }

  @Test
  @DisplayName("a bad cluster setting is refused with a message that names it")
  void badSettings() {
    assertEquals("CLUSTER must be 1 (run as one node of a cluster) or 0, not 'yes'", assertThrows(IllegalArgumentException.class,
      () -> Config.from(Map.of("CLUSTER", "yes", "DB_URL", PG))).getMessage());
    assertEquals("CLUSTER_PORT must be a port number from 1 to 65535, not '70000'", assertThrows(IllegalArgumentException.class,
      () -> Config.from(Map.of("CLUSTER", "1", "DB_URL", PG, "CLUSTER_PORT", "70000"))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
      () -> Config.from(Map.of("CLUSTER", "1", "DB_URL", PG, "CLUSTER_MEMBERS", "10.0.0.11"))).getMessage()
      .startsWith("CLUSTER_MEMBERS must list the other nodes as host:port"));
    assertTrue(assertThrows(IllegalArgumentException.class,
      () -> Config.from(Map.of("CLUSTER", "1", "DB_URL", PG, "CLUSTER_HOST", "http://10.0.0.11"))).getMessage()
      .startsWith("CLUSTER_HOST must be"));
  }

  @Test
  @DisplayName("a cluster on H2 is refused at start with a clear message and the exit code of a bad setting")
  void clusterOnH2IsRefused() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("CLUSTER", "1"))).getMessage()
      .startsWith("CLUSTER=1 needs a PostgreSQL database"));
    try (ServerProcess server = ServerProcess.start(tmp, Map.of("CLUSTER", "1", "DB_URL", ""))) {
      assertEquals(2, server.awaitExit(Duration.ofSeconds(60)));
      assertTrue(server.output().contains("匠心课堂 cannot start: CLUSTER=1 needs a PostgreSQL database that every node shares"),
        server.output());
    }
  }
}
