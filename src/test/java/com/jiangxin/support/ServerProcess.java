package com.jiangxin.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The server as a separate operating-system process ({@code java com.jiangxin.Main} on the test
 * class path, so it runs exactly the code under test), for what only a real process shows: signals,
 * exit codes, what is printed, two servers racing for one data folder, a {@code kill -9}.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("is ready in (\\d+) ms: open http://localhost:(\\d+)/");

  private final Process process;
  /** The output goes to a file: a pipe may lose what the process prints as it exits. */
  private final Path log;
  private int port = -1;
  private long readyMillis = -1;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code com.jiangxin.Main} with the given arguments in {@code workDir}, with the given
   * environment variables added to a copy of this one (PORT defaults to 0).
   */
  public static ServerProcess start(Path workDir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-cp", absoluteClassPath(),
      "com.jiangxin.Main"));
    command.addAll(List.of(args));
    try {
      Path log = Files.createTempFile(workDir, "server-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().remove("QUIZZES_DIR");
      builder.environment().remove("DB_URL");
      builder.environment().put("PORT", "0");
      builder.environment().putAll(env);
      if (!env.containsKey("DB_URL")) {
        String dataDir = env.getOrDefault("DATA_DIR", workDir.resolve("data").toString());
        builder.environment().putAll(TestDatabase.env(workDir.resolve(dataDir)));
      }
      return new ServerProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test class path with every entry absolute, since the process runs in another folder. */
  private static String absoluteClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
      .map(entry -> Path.of(entry).toAbsolutePath().toString())
      .collect(Collectors.joining(File.pathSeparator));
  }

  /** Waits for the "is ready" line and returns the port it names. */
  public int awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      boolean alive = process.isAlive();
      Matcher m = READY.matcher(output());
      if (m.find()) {
        readyMillis = Long.parseLong(m.group(1));
        port = Integer.parseInt(m.group(2));
        return port;
      }
      if (!alive) {
        throw new AssertionError("the server ended without getting ready:\n" + output());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not ready after " + timeout + ":\n" + output());
      }
      pause();
    }
  }

  /** What the server said it took to get ready, or -1. */
  public long readyMillis() {
    return readyMillis;
  }

  /** GET a path; the status code and body. */
  public HttpResponse<String> get(String path) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10)).build();
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGTERM, as a service manager or Ctrl-C would. */
  public void terminate() {
    process.destroy();
  }

  /** Waits for the process to end; its exit code. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("still running after " + timeout + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything the process printed so far (standard output and error together). */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
