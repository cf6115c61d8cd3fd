package com.jiangxin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads from its environment, read once at start with defaults.
 *
 * @param port       HTTP port ({@code PORT}, default 8080; 0 picks a free port)
 * @param dataDir    folder for the database and the instance lock ({@code DATA_DIR}, default {@code ./data})
 * @param dbUrl      full JDBC URL ({@code DB_URL}); empty means an H2 file database inside {@code dataDir}
 * @param quizzesDir a folder that replaces the built-in readings and quizzes ({@code QUIZZES_DIR}), if set
 * @param demo       seed a demo classroom on start ({@code DEMO=1})
 * @param devTemplates reload templates from {@code src/main/resources/templates} on every request
 *                   ({@code VERTXWEB_ENVIRONMENT=dev})
 * @param autoSubmitEveryMs how often open attempts past their deadline are submitted by the server
 *                   ({@code AUTO_SUBMIT_EVERY_MS}, default 30 000; they are also swept at start)
 */
public record Config(int port, Path dataDir, Optional<String> dbUrl, Optional<Path> quizzesDir,
                     boolean demo, boolean devTemplates, long autoSubmitEveryMs) {

  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  public static Config from(Map<String, String> env) {
    String portText = env.getOrDefault("PORT", "8080").trim();
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a number from 0 to 65535, not '" + portText + "'");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PORT must be a number from 0 to 65535, not " + port);
    }
    Path dataDir = Path.of(nonBlank(env.get("DATA_DIR")).orElse("data")).toAbsolutePath().normalize();
    return new Config(port, dataDir,
      nonBlank(env.get("DB_URL")),
      nonBlank(env.get("QUIZZES_DIR")).map(p -> Path.of(p).toAbsolutePath().normalize()),
      "1".equals(env.get("DEMO")) || "true".equalsIgnoreCase(env.get("DEMO")),
      "dev".equals(env.get("VERTXWEB_ENVIRONMENT")),
      positiveMillis(env, "AUTO_SUBMIT_EVERY_MS", 30_000));
  }

  private static long positiveMillis(Map<String, String> env, String name, long dflt) {
    String text = nonBlank(env.get(name)).orElse(null);
    if (text == null) {
      return dflt;
    }
    try {
      long ms = Long.parseLong(text);
      if (ms > 0) {
        return ms;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive number of milliseconds, not '" + text + "'");
  }

  /** The JDBC URL to open: {@code DB_URL}, or an H2 file database in the data folder. */
  public String jdbcUrl() {
    // WRITE_DELAY=0: H2 otherwise acknowledges commits up to 500 ms before they reach the file,
    // and a kill -9 in that window loses them.
    return dbUrl.orElse("jdbc:h2:file:" + dataDir.resolve("jiangxin").toString().replace('\\', '/')
      + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }
}
