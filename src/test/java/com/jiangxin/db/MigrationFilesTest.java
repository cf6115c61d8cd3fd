package com.jiangxin.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.config.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationFilesTest {
  /** Flyway's checksums of the H2 migrations as every H2 database made so far recorded them. */
  private static final int V1_CHECKSUM = 334374573;
  private static final int V2_CHECKSUM = 156035006;
  private static final int V3_CHECKSUM = -115609804;
  private static final int V5_CHECKSUM = 931842048;
  private static final Map<String, String> FILES = Map.of(
    "db/migration/V901__first.sql", "CREATE TABLE test_first (id INT PRIMARY KEY);\n",
    "db/migration/more/V902__second.sql", "CREATE TABLE test_second (id INT PRIMARY KEY);\r\nINSERT INTO test_second VALUES (1);\n",
    "db/other.sql", "not a migration");

  @TempDir
  Path tmp;

  private Path jar() throws IOException {
    Path jar = tmp.resolve("migrations.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      // Folder entries too, as Maven's jar and shade plugins write them: class loaders find a
      // folder in a jar only by its entry.
      for (String dir : List.of("db/", "db/migration/", "db/migration/more/")) {
        out.putNextEntry(new JarEntry(dir));
        out.closeEntry();
      }
      for (Map.Entry<String, String> f : FILES.entrySet()) {
        out.putNextEntry(new JarEntry(f.getKey()));
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  private Path folder() throws IOException {
    Path root = tmp.resolve("classes");
    for (Map.Entry<String, String> f : FILES.entrySet()) {
      Path file = root.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return root;
  }

  private static URLClassLoader loader(Path root) throws IOException {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, MigrationFilesTest.class.getClassLoader());
  }

  private static List<String> names(List<LoadableResource> resources) {
    return resources.stream().map(LoadableResource::getRelativePath).filter(n -> n.contains("V90")).sorted().toList();
  }

  @Test
  @DisplayName("the migrations in a jar are listed with their paths under db/migration, other files left out")
  void listsMigrationsInAJar() throws IOException {
    try (URLClassLoader loader = loader(jar())) {
      MigrationFiles files = MigrationFiles.find(loader).orElseThrow();

      List<LoadableResource> versioned = new ArrayList<>(files.getResources("V", new String[] {".sql"}));
      assertEquals(List.of("V901__first.sql", "more/V902__second.sql"), names(versioned));
      LoadableResource second = files.getResource("more/V902__second.sql");
      assertEquals("V902__second.sql", second.getFilename());
      assertEquals("db/migration/more/V902__second.sql", second.getAbsolutePath());
      assertTrue(files.getResources("U", new String[] {".sql"}).stream().noneMatch(r -> r.getFilename().contains("V90")));
    }
  }

  @Test
  @DisplayName("migrations from the jar run once; the history matches what Flyway's own class path scan records")
  void migratesFromAJarLikeFlywaysOwnScan() throws Exception {
    try (URLClassLoader loader = loader(jar())) {
      Config listed = Config.from(Map.of("DATA_DIR", tmp.resolve("listed").toString()));
      Config scanned = Config.from(Map.of("DATA_DIR", tmp.resolve("scanned").toString()));

      Database.migrate(listed, loader);
      assertEquals(0, Database.migrate(listed, loader).migrationsExecuted, "a second start migrates nothing");
      Flyway.configure(loader).dataSource(scanned.jdbcUrl(), "sa", "").locations("classpath:db/migration", "classpath:db/h2")
        .load().migrate();

      assertEquals(1, count(listed, "SELECT COUNT(*) FROM test_second"));
      List<String> history = history(listed);
      assertTrue(history.stream().anyMatch(h -> h.startsWith("902|more/V902__second.sql|")), history.toString());
      assertEquals(history(scanned), history);
    }
  }

  @Test
  @DisplayName("migrations in a plain class folder are listed too")
  void listsMigrationsInAFolder() throws IOException {
    try (URLClassLoader loader = loader(folder())) {
      MigrationFiles files = MigrationFiles.find(loader).orElseThrow();

      assertEquals(List.of("V901__first.sql", "more/V902__second.sql"),
        names(new ArrayList<>(files.getResources("V", new String[] {".sql"}))));
    }
  }

  @Test
  @DisplayName("H2 and PostgreSQL each get every migration version exactly once, the early ones from their own folder")
  void eachDatabaseGetsEveryVersionOnce() {
    ClassLoader loader = MigrationFilesTest.class.getClassLoader();
    List<String> h2 = versions(MigrationFiles.find(loader, "h2").orElseThrow());
    List<String> postgres = versions(MigrationFiles.find(loader, "postgresql").orElseThrow());

    assertEquals(h2, postgres);
    assertEquals(h2.stream().distinct().toList(), h2, "a version appears twice: " + h2);
    assertEquals("db/postgresql/V1__accounts.sql",
      MigrationFiles.find(loader, "postgresql").orElseThrow().getResource("V1__accounts.sql").getAbsolutePath());
    assertEquals("db/h2/V1__accounts.sql",
      MigrationFiles.find(loader, "h2").orElseThrow().getResource("V1__accounts.sql").getAbsolutePath());
  }

  @Test
  @DisplayName("an H2 database made when every migration lay in db/migration still starts: same scripts, same checksums")
  void earlierH2DatabaseStillStarts() throws Exception {
    Path old = tmp.resolve("old-layout");
    Files.createDirectories(old);
    ClassLoader loader = MigrationFilesTest.class.getClassLoader();
    for (String folder : List.of("db/migration", "db/h2")) {
      for (com.jiangxin.config.ClasspathFolder.Entry e : com.jiangxin.config.ClasspathFolder.list(loader, folder).orElseThrow()) {
        Files.copy(e.path(), old.resolve(e.name()));
      }
    }
    Config config = Config.from(Map.of("DATA_DIR", tmp.resolve("data").toString()));
    Flyway.configure().dataSource(config.jdbcUrl(), "sa", "").locations("filesystem:" + old).load().migrate();

    assertEquals(0, Database.migrate(config).migrationsExecuted);
    // the H2 text of the first migrations is frozen: a database made before the split recorded these
    assertEquals(List.of("1|V1__accounts.sql|" + V1_CHECKSUM, "2|V2__classroom.sql|" + V2_CHECKSUM,
        "3|V3__attempts.sql|" + V3_CHECKSUM, "5|V5__discussion.sql|" + V5_CHECKSUM),
      history(config).stream().filter(h -> h.matches("[1235]\\|.*")).toList());
  }

  private static List<String> versions(MigrationFiles files) {
    return files.getResources("V", new String[] {".sql"}).stream()
      .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
      .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
  }

  private static long count(Config config, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), "sa", "");
         ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** version|script|checksum of every applied versioned migration. */
  private static List<String> history(Config config) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), "sa", "");
         ResultSet rs = c.createStatement().executeQuery(
           "SELECT \"version\", \"script\", \"checksum\" FROM \"flyway_schema_history\" "
             + "WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3));
      }
    }
    return rows;
  }
}
