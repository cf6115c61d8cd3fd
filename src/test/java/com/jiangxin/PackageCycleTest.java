package com.jiangxin;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packages depend on each other one way only, so each can be read and changed on its own: the
 * root package ({@code App}, {@code Main}) starts everything and nothing below names it.
 */
class PackageCycleTest {
  private static final Path MAIN = Path.of("src/main/java/com/jiangxin");
  /** The root package {@code com.jiangxin} in {@link #uses()}. */
  private static final String ROOT = "(root)";
  private static final Pattern USE = Pattern.compile("\\bcom\\.jiangxin\\.(?:([a-z]+)\\.)?[A-Z]");

  /** Which packages (the root one as {@link #ROOT}) each package's sources name. */
  private static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(dir)) {
          record(uses, dir.getFileName().toString(), files);
        }
      }
    }
    try (Stream<Path> files = Files.list(MAIN)) {
      record(uses, ROOT, files.filter(Files::isRegularFile));
    }
    return uses;
  }

  private static void record(Map<String, Set<String>> uses, String pkg, Stream<Path> files) throws IOException {
    Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
      Matcher m = USE.matcher(Files.readString(f));
      while (m.find()) {
        String named = m.group(1) == null ? ROOT : m.group(1);
        if (!named.equals(pkg)) {
          used.add(named);
        }
      }
    }
  }

  @Test
  @DisplayName("no package names a class of the root package: App and Main start the features, not the other way")
  void nothingUsesTheRoot() throws IOException {
    Map<String, Set<String>> uses = uses();
    assertTrue(uses.get(ROOT).containsAll(List.of("config", "quiz", "web")), uses.toString());
    List<String> users = uses.entrySet().stream().filter(e -> e.getValue().contains(ROOT)).map(Map.Entry::getKey).toList();
    assertEquals(List.of(), users, "packages that name a class of com.jiangxin (move it to a package of its own)");
  }

  @Test
  @DisplayName("the settings package names no feature")
  void configNamesNoFeature() throws IOException {
    assertEquals(Set.of(), uses().get("config"), "com.jiangxin.config imports");
  }

  @Test
  @DisplayName("no two packages, the root one included, depend on each other, directly or through others")
  void noCycles() throws IOException {
    Map<String, Set<String>> uses = uses();
    assertTrue(uses.keySet().containsAll(List.of(ROOT, "config", "quiz", "reading", "classroom", "discussion", "results")), uses.toString());
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      // every package reachable from start; reaching start again is a cycle
      Set<String> seen = new TreeSet<>();
      List<String> todo = new ArrayList<>(uses.get(start));
      while (!todo.isEmpty()) {
        String next = todo.remove(todo.size() - 1);
        if (next.equals(start)) {
          cycles.add(start);
          break;
        }
        if (seen.add(next)) {
          todo.addAll(uses.getOrDefault(next, Set.of()));
        }
      }
    }
    assertEquals(List.of(), cycles, "packages on a dependency cycle; uses: " + uses);
  }
}
