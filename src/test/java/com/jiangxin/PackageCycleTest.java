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

/** The feature packages depend on each other one way only, so each can be read and changed on its own. */
class PackageCycleTest {
  private static final Path MAIN = Path.of("src/main/java/com/jiangxin");
  private static final Pattern USE = Pattern.compile("\\bcom\\.jiangxin\\.([a-z]+)\\.[A-Z]");

  /** Which feature packages each feature package's sources name. */
  private static Map<String, Set<String>> uses() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(MAIN)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        String pkg = dir.getFileName().toString();
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            Matcher m = USE.matcher(Files.readString(f));
            while (m.find()) {
              if (!m.group(1).equals(pkg)) {
                used.add(m.group(1));
              }
            }
          }
        }
      }
    }
    return uses;
  }

  @Test
  @DisplayName("no two feature packages depend on each other, directly or through others")
  void noCycles() throws IOException {
    Map<String, Set<String>> uses = uses();
    assertTrue(uses.keySet().containsAll(List.of("quiz", "reading", "classroom", "discussion", "results")), uses.toString());
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
