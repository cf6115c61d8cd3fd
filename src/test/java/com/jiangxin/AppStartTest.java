package com.jiangxin;

import com.jiangxin.config.Config;
import com.jiangxin.content.ContentException;
import com.jiangxin.support.ServerProcess;
import com.jiangxin.support.TestDatabase;
import com.jiangxin.support.TestServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppStartTest {
  private static final Duration START = Duration.ofSeconds(60);

  @TempDir
  Path tmp;

  /** A copy of the built-in content with one line of pian-03.md replaced. */
  private Path contentWithBrokenLine(int line, String replacement) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("content"));
    try (Stream<Path> files = Files.list(Path.of("quizzes"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path file = dir.resolve("pian-03.md");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(line - 1, replacement);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  @DisplayName("settings have the documented defaults: port 8080, ./data, no DB_URL, built-in content")
  void configDefaults() {
    Config config = Config.from(Map.of());

    assertEquals(8080, config.port());
    assertEquals(Path.of("data").toAbsolutePath().normalize(), config.dataDir());
    assertEquals(Optional.empty(), config.dbUrl());
    assertEquals(Optional.empty(), config.quizzesDir());
    assertTrue(config.jdbcUrl().startsWith("jdbc:h2:file:" + config.dataDir().resolve("jiangxin")), config.jdbcUrl());
  }

  @Test
  @DisplayName("PORT, DATA_DIR, DB_URL and QUIZZES_DIR are read from the environment; blank means unset")
  void configFromEnvironment() {
    Config config = Config.from(Map.of("PORT", " 9090 ", "DATA_DIR", "/srv/jx", "DB_URL", "jdbc:h2:mem:x",
      "QUIZZES_DIR", "/srv/content"));

    assertEquals(9090, config.port());
    assertEquals(Path.of("/srv/jx"), config.dataDir());
    assertEquals("jdbc:h2:mem:x", config.jdbcUrl());
    assertEquals(Optional.of(Path.of("/srv/content")), config.quizzesDir());
    assertEquals(Optional.empty(), Config.from(Map.of("QUIZZES_DIR", "  ", "DB_URL", "")).quizzesDir());
  }

  @Test
  @DisplayName("DB_URL takes PostgreSQL or H2; another database is refused with a message that repeats no password")
  void dbUrlIsPostgresOrH2() {
    Config postgres = Config.from(Map.of("DB_URL", "jdbc:postgresql://db.school.example:5432/jx?user=jx&password=pw"));
    assertEquals("jdbc:postgresql://db.school.example:5432/jx?user=jx&password=pw", postgres.jdbcUrl());
    assertFalse(postgres.h2());
    assertTrue(Config.from(Map.of()).h2());

    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
      () -> Config.from(Map.of("DB_URL", "jdbc:mysql://db.school.example/jx?password=letmein")));
    assertTrue(other.getMessage().startsWith("DB_URL must be a PostgreSQL address such as jdbc:postgresql://"),
      other.getMessage());
    assertFalse(other.getMessage().contains("letmein"), other.getMessage());
  }

  @Test
  @DisplayName("a PORT that is not a port number is refused with a message that names it")
  void badPort() {
    IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
      () -> Config.from(Map.of("PORT", "eighty")));
    assertEquals("PORT must be a number from 0 to 65535, not 'eighty'", notNumber.getMessage());

    IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
      () -> Config.from(Map.of("PORT", "70000")));
    assertEquals("PORT must be a number from 0 to 65535, not 70000", tooBig.getMessage());
  }

  @Test
  @DisplayName("a second server on the same DATA_DIR is refused with a clear message; the first keeps serving")
  void secondServerOnSameDataDirFails() {
    assumeFalse(TestDatabase.postgres(), "the data-folder lock guards an H2 file; PostgreSQL serves many servers");
    Path data = tmp.resolve("data");
    try (TestServer first = TestServer.start(data, Map.of(), false)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TestServer.start(data, Map.of(), false));

      assertEquals("Another 匠心课堂 server is already running on DATA_DIR " + data.toAbsolutePath().normalize()
        + ". Stop it first, or start this one with a different DATA_DIR.", e.getMessage());
      assertEquals(200, first.get("/health").statusCode());
    }
    // The clean stop released the folder.
    try (TestServer again = TestServer.start(data, Map.of(), false)) {
      assertEquals(200, again.get("/health").statusCode());
    }
  }

  @Test
  @DisplayName("a malformed reading in QUIZZES_DIR stops start-up naming file:line, and frees the data folder")
  void badContentFailsStartup() throws IOException {
    Path content = contentWithBrokenLine(4, "titel: 劳动创造世界");
    Path data = tmp.resolve("data");

    ContentException e = assertThrows(ContentException.class,
      () -> TestServer.start(data, Map.of("QUIZZES_DIR", content.toString()), false));

    assertEquals(content.resolve("pian-03.md") + ":4: unknown front-matter key \"titel\" "
      + "(expected one of id, number, title, source, examples)", e.getMessage());
    try (TestServer fine = TestServer.start(data, Map.of(), false)) {
      assertEquals(200, fine.get("/health").statusCode());
    }
  }

  @Test
  @DisplayName("QUIZZES_DIR that is not a folder stops start-up with a message naming it")
  void missingContentFolder() {
    Path missing = tmp.resolve("no-such-folder");

    ContentException e = assertThrows(ContentException.class,
      () -> TestServer.start(tmp.resolve("data"), Map.of("QUIZZES_DIR", missing.toString()), false));

    assertTrue(e.getMessage().startsWith(missing + ":0: QUIZZES_DIR is not a folder"), e.getMessage());
  }

  @Test
  @DisplayName("the server process answers, then on SIGTERM closes the pool and database, logs it and exits")
  void processStopsCleanlyOnSigterm() {
    try (ServerProcess server = ServerProcess.start(tmp, Map.of("DATA_DIR", tmp.resolve("data").toString()))) {
      server.awaitReady(START);
      assertEquals(200, server.get("/health").statusCode());
      assertTrue(server.get("/").body().contains("九篇演讲稿"));

      server.terminate();
      int exit = server.awaitExit(Duration.ofSeconds(15));

      // 143 = 128 + SIGTERM: the JVM's normal exit after running its shutdown hooks.
      assertEquals(143, exit, server.output());
      assertTrue(server.output().contains("匠心课堂 stopped; the database is closed."), server.output());
      assertFalse(server.output().contains("Exception"), server.output());
    }
  }

  @Test
  @DisplayName("a second server process on the same DATA_DIR exits 1 at once with a clear message")
  void secondProcessOnSameDataDirFailsFast() {
    assumeFalse(TestDatabase.postgres(), "the data-folder lock guards an H2 file; PostgreSQL serves many servers");
    Map<String, String> env = Map.of("DATA_DIR", tmp.resolve("data").toString());
    try (ServerProcess first = ServerProcess.start(tmp, env)) {
      first.awaitReady(START);
      try (ServerProcess second = ServerProcess.start(tmp, env)) {
        int exit = second.awaitExit(START);

        assertEquals(1, exit, second.output());
        assertTrue(second.output().contains("匠心课堂 cannot start: Another 匠心课堂 server is already running on DATA_DIR "
          + tmp.resolve("data")), second.output());
        assertFalse(second.output().contains("\tat "), "no stack trace:\n" + second.output());
        assertFalse(second.output().contains("is ready"), second.output());
      }
      assertEquals(200, first.get("/health").statusCode());
    }
  }

  @Test
  @DisplayName("a server process whose PORT is taken exits 1 saying so")
  void processOnTakenPortExits1() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         ServerProcess server = ServerProcess.start(tmp, Map.of("DATA_DIR", tmp.resolve("data").toString(),
           "PORT", String.valueOf(taken.getLocalPort())))) {
      int exit = server.awaitExit(START);

      assertEquals(1, exit, server.output());
      assertTrue(server.output().contains("匠心课堂 cannot start: PORT " + taken.getLocalPort()
        + " is already in use."), server.output());
      assertFalse(server.output().contains("\tat "), "no stack trace:\n" + server.output());
    }
  }

  @Test
  @DisplayName("a server process with a malformed content file exits 1 printing file:line and no stack trace")
  void processWithBadContentExits1() throws IOException {
    Path content = contentWithBrokenLine(12, "此行接在上一段后面，没有空行分隔。");
    Map<String, String> env = Map.of("DATA_DIR", tmp.resolve("data").toString(), "QUIZZES_DIR", content.toString());
    try (ServerProcess server = ServerProcess.start(tmp, env)) {
      int exit = server.awaitExit(START);

      assertEquals(1, exit, server.output());
      String file = content.resolve("pian-03.md").toString();
      assertTrue(server.output().contains("匠心课堂 cannot start: " + file + ":12: a block must be one line"),
        server.output());
      assertFalse(server.output().contains("\tat "), "no stack trace:\n" + server.output());
      assertFalse(server.output().contains("Exception"), server.output());
    }
  }

  @Test
  @DisplayName("a server process with a bad PORT exits 2 with a message naming it")
  void processWithBadPortExits2() {
    try (ServerProcess server = ServerProcess.start(tmp, Map.of("PORT", "http"))) {
      int exit = server.awaitExit(START);

      assertEquals(2, exit, server.output());
      assertEquals("匠心课堂 cannot start: PORT must be a number from 0 to 65535, not 'http'", server.output().strip());
    }
  }
}
