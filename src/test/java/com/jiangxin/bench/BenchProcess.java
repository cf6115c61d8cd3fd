package com.jiangxin.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A server the benchmark starts as its own operating-system process, so that the load generator's
 * work is not counted as the server's (both share the machine's cores, as they would in a lab).
 */
final class BenchProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;

  private BenchProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code java [jvmArgs] -cp CLASSPATH mainClass args} (or {@code -jar} when mainClass ends in .jar). */
  static BenchProcess start(String name, Path workDir, Map<String, String> env, List<String> jvmArgs,
                            String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    if (mainClass.endsWith(".jar")) {
      command.addAll(List.of("-jar", mainClass));
    } else {
      command.addAll(List.of("-cp", classPath(), mainClass));
    }
    command.addAll(List.of(args));
    try {
      Files.createDirectories(workDir);
      Path log = workDir.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().remove("QUIZZES_DIR");
      builder.environment().remove("DB_URL");
      builder.environment().remove("DEMO");
      builder.environment().put("PORT", "0");
      builder.environment().putAll(env);
      return new BenchProcess(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The class path this benchmark runs on, as absolute entries: Maven's exec plugin loads the test
   * classes through a class loader of its own, so {@code java.class.path} alone is Maven's.
   */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (ClassLoader l = Thread.currentThread().getContextClassLoader(); l != null; l = l.getParent()) {
      if (l instanceof URLClassLoader urls) {
        for (URL url : urls.getURLs()) {
          try {
            entries.add(Path.of(url.toURI()).toAbsolutePath().toString());
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a file: not for a class path
          }
        }
      }
    }
    if (entries.stream().noneMatch(e -> e.contains("test-classes"))) {
      entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    }
    return entries.stream().distinct().map(e -> Path.of(e).toAbsolutePath().toString())
      .collect(Collectors.joining(File.pathSeparator));
  }

  /** Waits for a line matching {@code ready} and returns its groups. */
  Matcher awaitLine(Pattern ready, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Matcher m = ready.matcher(output());
      if (m.find()) {
        return m;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended without getting ready:\n" + output());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + output());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  long pid() {
    return process.pid();
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The heap in use after a full collection, in MB, as the JDK's own {@code jcmd} reports it for
   * the process.
   */
  double heapAfterGcMegabytes() {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, String.valueOf(pid()), "GC.run");
    String info = run(jcmd, String.valueOf(pid()), "GC.heap_info");
    Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("cannot read the heap from jcmd:\n" + info);
    }
    return Long.parseLong(m.group(2)) / 1024.0;
  }

  /**
   * CPU time the process's threads have used so far (user + system), in milliseconds, leaving out
   * the JIT compiler's threads: a server still compiling its hot code (which takes longer on a busy
   * machine) would otherwise look slower per request than it is once warm. Linux, at the usual 100
   * clock ticks a second; NaN elsewhere.
   */
  double cpuMillis() {
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
      long ticks = 0;
      for (Path task : tasks.toList()) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException gone) {
          continue;
        }
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (comm.contains("CompilerThre")) {
          continue;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      }
      return ticks * 10.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The process's resident memory in MB (Linux). */
  double residentMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or gone
    }
    return Double.NaN;
  }

  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
