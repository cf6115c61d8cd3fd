package com.jiangxin.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server reads from its environment, read once at start with defaults.
 *
 * @param port       HTTP port ({@code PORT}, default 8080; 0 picks a free port)
 * @param dataDir    folder for the database and the instance lock ({@code DATA_DIR}, default {@code ./data})
 * @param dbUrl      full JDBC URL ({@code DB_URL}): {@code jdbc:postgresql://host:5432/db?user=…&password=…}
 *                   or {@code jdbc:h2:…}; empty means an H2 file database inside {@code dataDir}
 * @param quizzesDir a folder that replaces the built-in readings and quizzes ({@code QUIZZES_DIR}), if set
 * @param demo       seed a demo classroom on start ({@code DEMO=1})
 * @param devTemplates reload templates from {@code src/main/resources/templates} on every request
 *                   ({@code VERTXWEB_ENVIRONMENT=dev})
 * @param publicUrl  the address students use to reach the server ({@code PUBLIC_URL}), an absolute
 *                   http(s) URL kept without its trailing slash; empty means "as the browser reached it"
 * @param lanAddress this machine's address on the local network (an IPv4 address), shown to students
 *                   instead of a loopback address when {@code PUBLIC_URL} is not set
 * @param teacherInviteCode an invite code that approves a teacher at registration
 *                   ({@code TEACHER_INVITE_CODE}, at least {@value #MIN_INVITE_CODE} characters), if set
 * @param autoSubmitEveryMs how often open attempts past their deadline are submitted by the server
 *                   ({@code AUTO_SUBMIT_EVERY_MS}, default 30 000; they are also swept at start)
 * @param instances  HTTP verticle instances, one per event loop, all sharing one database pool
 *                   ({@code INSTANCES}, default: the number of cores)
 * @param limits     what one client may take of the server (see {@link Limits})
 * @param cluster    whether this server is one node of a cluster, and how it finds the others
 *                   ({@code CLUSTER}, {@code CLUSTER_HOST}, {@code CLUSTER_PORT}, {@code CLUSTER_MEMBERS})
 */
public record Config(int port, Path dataDir, Optional<String> dbUrl, Optional<Path> quizzesDir,
                     boolean demo, boolean devTemplates, Optional<String> publicUrl,
                     Optional<String> lanAddress, Optional<String> teacherInviteCode,
                     long autoSubmitEveryMs, int instances, Limits limits, ClusterSettings cluster) {
  /** Shorter invite codes could be guessed. */
  public static final int MIN_INVITE_CODE = 8;

  /**
   * What one client may take of the server; each has a default and an environment variable.
   *
   * @param idleTimeoutSeconds     a connection with nothing read or written for this long is closed ({@code IDLE_TIMEOUT_SECONDS}, 120)
   * @param headerTimeoutSeconds   a connection whose request head has not arrived this long after it opened is closed ({@code HEADER_TIMEOUT_SECONDS}, 10)
   * @param bodyTimeoutSeconds     a request whose body has not arrived this long after its head is closed ({@code BODY_TIMEOUT_SECONDS}, 30)
   * @param connectionsPerAddress  open connections one client address may hold; more are closed at once ({@code CONNECTIONS_PER_ADDRESS}, 256)
   * @param hashThreads            passwords hashed at the same time ({@code HASH_THREADS}, half the cores, at least 1)
   * @param hashQueue              passwords waiting to be hashed; beyond it 503 ({@code HASH_QUEUE}, 32)
   * @param loginBurstPerAddress   logins (right or wrong) from one address at once before one per {@link #LOGIN_INTERVAL} ({@code LOGIN_BURST_PER_ADDRESS}, 200)
   * @param registerBurstPerAddress registrations from one address at once before one per {@link #REGISTER_INTERVAL} ({@code REGISTER_BURST_PER_ADDRESS}, 50)
   */
  public record Limits(int idleTimeoutSeconds, int headerTimeoutSeconds, int bodyTimeoutSeconds,
                       int connectionsPerAddress, int hashThreads, int hashQueue,
                       int loginBurstPerAddress, int registerBurstPerAddress) {
    /** After the burst, one login per address per this interval. */
    public static final java.time.Duration LOGIN_INTERVAL = java.time.Duration.ofMillis(500);
    /** After the burst, one registration per address per this interval. */
    public static final java.time.Duration REGISTER_INTERVAL = java.time.Duration.ofSeconds(5);

    static Limits from(Map<String, String> env) {
      return new Limits(
        positive(env, "IDLE_TIMEOUT_SECONDS", 120),
        positive(env, "HEADER_TIMEOUT_SECONDS", 10),
        positive(env, "BODY_TIMEOUT_SECONDS", 30),
        positive(env, "CONNECTIONS_PER_ADDRESS", 256),
        positive(env, "HASH_THREADS", Math.max(1, Runtime.getRuntime().availableProcessors() / 2)),
        positive(env, "HASH_QUEUE", 32),
        positive(env, "LOGIN_BURST_PER_ADDRESS", 200),
        positive(env, "REGISTER_BURST_PER_ADDRESS", 50));
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
      String text = env.get(name);
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(text.trim());
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " must be a positive whole number, not '" + text.trim() + "'");
    }
  }

  /** The environment of this process, and the LAN address found on this machine's network interfaces. */
  public static Config fromEnvironment() {
    return from(System.getenv()).withLanAddress(LanAddress.detect());
  }

  /**
   * The settings in {@code env}. Looks at no network interface: {@link #lanAddress()} is empty
   * (see {@link #fromEnvironment()} and {@link #withLanAddress(Optional)}).
   *
   * @throws IllegalArgumentException naming the setting that is wrong
   */

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
    Optional<String> invite = nonBlank(env.get("TEACHER_INVITE_CODE"));
    if (invite.isPresent() && invite.get().length() < MIN_INVITE_CODE) {
      throw new IllegalArgumentException("TEACHER_INVITE_CODE must be at least " + MIN_INVITE_CODE
        + " characters long, so that it cannot be guessed");
    }
    Optional<String> dbUrl = nonBlank(env.get("DB_URL")).map(Config::dbUrl);
    ClusterSettings cluster = ClusterSettings.from(env);
    if (cluster.enabled() && dbUrl.map(url -> url.startsWith("jdbc:h2:")).orElse(true)) {
      throw new IllegalArgumentException("CLUSTER=1 needs a PostgreSQL database that every node shares "
        + "(DB_URL=jdbc:postgresql://…): an H2 database is a file of one server and cannot be shared");
    }
    return new Config(port, dataDir,
      dbUrl,
      nonBlank(env.get("QUIZZES_DIR")).map(p -> Path.of(p).toAbsolutePath().normalize()),
      "1".equals(env.get("DEMO")) || "true".equalsIgnoreCase(env.get("DEMO")),
      "dev".equals(env.get("VERTXWEB_ENVIRONMENT")),
      nonBlank(env.get("PUBLIC_URL")).map(Config::publicUrl),
      Optional.empty(),
      invite,
      positiveMillis(env, "AUTO_SUBMIT_EVERY_MS", 30_000),
      Limits.positive(env, "INSTANCES", Runtime.getRuntime().availableProcessors()),
      Limits.from(env),
      cluster);
  }

  /** The same settings with another LAN address. */
  public Config withLanAddress(Optional<String> address) {
    return new Config(port, dataDir, dbUrl, quizzesDir, demo, devTemplates, publicUrl, address,
      teacherInviteCode, autoSubmitEveryMs, instances, limits, cluster);
  }

  /** Checks {@code PUBLIC_URL}: an absolute http(s) URL with a host, and no query or fragment. */
  static String publicUrl(String text) {
    String problem = "PUBLIC_URL must be the address students open, such as http://192.168.1.20:8080/ or "
      + "https://class.example.org/, not '" + text + "'";
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(problem);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()
      || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(problem);
    }
    String url = uri.toString();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  /** Checks {@code DB_URL}: the two databases the server's SQL is written and tested for. */
  static String dbUrl(String text) {
    if (text.startsWith("jdbc:h2:") || text.startsWith("jdbc:postgresql:")) {
      return text;
    }
    throw new IllegalArgumentException("DB_URL must be a PostgreSQL address such as "
      + "jdbc:postgresql://db.example.org:5432/jiangxin?user=jiangxin&password=… (or an H2 one, jdbc:h2:…)");
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

  /** True when the database is H2 (the default file database, or an H2 {@code DB_URL}). */
  public boolean h2() {
    return jdbcUrl().startsWith("jdbc:h2:");
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
  }
}
