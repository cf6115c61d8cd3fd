package com.jiangxin.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server as its own operating-system process (the same main class a user starts), so tests
 * can kill it with SIGKILL or SIGTERM the way the real world does.
 */
public final class CrashableServer implements AutoCloseable {
  public final Process process;
  public final int port;
  public final Path log;

  private CrashableServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts {@code com.jiangxin.Main} on a free port over the data folder; does not wait for it. */
  public static CrashableServer launch(Path dataDir, Map<String, String> env) throws IOException {
    int port = freePort();
    Path log = Files.createTempFile("jiangxin-server", ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("com.jiangxin.Main");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(TestDatabase.env(dataDir));
    pb.environment().putAll(env);
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("DATA_DIR", dataDir.toString());
    return new CrashableServer(pb.start(), port, log);
  }

  /** Waits until /health answers 200, or fails with the server's output. */
  public CrashableServer awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(),
          HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server not healthy in " + timeout + ":\n" + output());
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed by the server. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill9();
    }
    Files.deleteIfExists(log);
  }
}
