package com.jiangxin.account;

import com.jiangxin.support.TestServer;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsrfKeyRaceTest {
  @Test
  @DisplayName("servers starting together on a new database all end up with the one stored CSRF key")
  void nodesStartingTogetherShareOneKey() {
    try (TestServer server = TestServer.start()) {
      for (int round = 0; round < 5; round++) {
        // as on a database no server has started on yet
        server.app.pool().query("DELETE FROM app_settings WHERE name = 'csrf_key'").execute().await();
        List<Future<String>> keys = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
          keys.add(new AccountRepository(server.app.pool(), null, Optional.empty()).csrfKey());
        }
        Future.all(keys).await();
        Set<String> distinct = new HashSet<>();
        keys.forEach(k -> distinct.add(k.result()));
        assertEquals(1, distinct.size(), "every node holds the same key: " + distinct.size() + " different ones");
        String stored = server.app.pool().query("SELECT val AS val FROM app_settings WHERE name = 'csrf_key'").execute()
          .await().iterator().next().getString("VAL");
        assertEquals(stored, distinct.iterator().next(), "the key held is the stored one");
      }
    }
  }
}
