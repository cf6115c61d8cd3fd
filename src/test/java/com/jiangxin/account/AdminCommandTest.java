package com.jiangxin.account;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.ServerProcess;
import com.jiangxin.support.TestDatabase;
import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar jiangxin.jar admin approve USERNAME}: approving teachers without a browser. */
class AdminCommandTest {

  private record Run(int exit, String out, String err) {
  }

  private static Run admin(Path dataDir, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new java.util.HashMap<>(TestDatabase.env(dataDir));
    env.put("DATA_DIR", dataDir.toString());
    int exit = AdminCommand.run(args, env,
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static JsonObject register(TestServer server, String username, String role) {
    return server.postJson("/api/v1/auth/register", new JsonObject().put("username", username)
      .put("password", Accounts.PASSWORD).put("displayName", "用户" + username).put("role", role), null).bodyAsJsonObject();
  }

  @Test
  @DisplayName("admin approve works on the stopped server's data folder; unknown users and students get a clear message and exit 1")
  void approveWhileStopped() throws Exception {
    Path dir = Files.createTempDirectory("jiangxin-admin");
    try {
      TestServer server = TestServer.start(dir, Map.of(), false);
      register(server, "head-teacher", "teacher");
      assertFalse(register(server, "new-teacher", "teacher").getBoolean("approved"));
      register(server, "a-student", "student");

      if (!TestDatabase.postgres()) {
        // an H2 file takes one process; a PostgreSQL server takes the command beside the server
        Run whileRunning = admin(dir, "approve", "new-teacher");
        assertEquals(1, whileRunning.exit(), "it does not write under a running server");
        assertTrue(whileRunning.err().contains("already running"), whileRunning.err());
      }
      server.stop();

      Run pending = admin(dir, "pending");
      assertEquals(0, pending.exit());
      assertTrue(pending.out().contains("new-teacher") && !pending.out().contains("head-teacher"), pending.out());

      Run approved = admin(dir, "approve", "New-Teacher");
      assertEquals(0, approved.exit(), approved.err());
      assertTrue(approved.out().contains("Approved teacher 'new-teacher'"), approved.out());
      Run again = admin(dir, "approve", "new-teacher");
      assertEquals(0, again.exit());
      assertTrue(again.out().contains("already"));

      Run unknown = admin(dir, "approve", "nobody-here");
      assertEquals(1, unknown.exit());
      assertTrue(unknown.err().contains("no account named 'nobody-here'"), unknown.err());
      Run student = admin(dir, "approve", "a-student");
      assertEquals(1, student.exit());
      assertTrue(student.err().contains("student"), student.err());
      assertEquals(2, admin(dir, "approve").exit(), "a missing username is a usage error");
      assertEquals(2, admin(dir, "promote", "x").exit());

      try (TestServer restarted = TestServer.start(dir, Map.of(), false)) {
        String token = Accounts.token(restarted, "new-teacher", Accounts.PASSWORD);
        assertEquals(201, restarted.postJson("/api/v1/classes", new JsonObject().put("name", "初一（2）班"), token).statusCode(),
          "the approved teacher now has a teacher's powers");
      }
    } finally {
      TestServer.deleteTree(dir);
    }
  }

  @Test
  @DisplayName("the jar's main dispatches `admin approve` and exits 1 with a message for an unknown user")
  void mainDispatches() throws Exception {
    Path dir = Files.createTempDirectory("jiangxin-admin-main");
    try (ServerProcess run = ServerProcess.start(dir, Map.of("DATA_DIR", dir.resolve("data").toString()),
      "admin", "approve", "ghost")) {
      assertEquals(1, run.awaitExit(Duration.ofSeconds(60)));
      assertTrue(run.output().contains("no account named 'ghost'"), run.output());
    } finally {
      TestServer.deleteTree(dir);
    }
  }
}
