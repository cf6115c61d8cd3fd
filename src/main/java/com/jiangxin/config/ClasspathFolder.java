package com.jiangxin.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder the build puts on the class path ({@code db/migration}, {@code templates}), listed the
 * same way whether the class path is {@code target/classes} or the packaged jar. Listing one known
 * folder is much cheaper than letting a library scan the whole class path for it.
 */
public final class ClasspathFolder {
  private ClasspathFolder() {
  }

  /**
   * The files under {@code folder} (recursively), each with its path relative to the folder
   * (always with {@code /}), from every class path root that holds the folder.
   *
   * @return empty if some root holds the folder in a form that cannot be listed (neither a plain
   *         folder nor a jar), so the caller can fall back to its own lookup
   */
  public static Optional<List<Entry>> list(ClassLoader loader, String folder) {
    List<Entry> entries = new ArrayList<>();
    try {
      Enumeration<URL> roots = loader.getResources(folder);
      while (roots.hasMoreElements()) {
        Optional<Path> dir = open(roots.nextElement());
        if (dir.isEmpty()) {
          return Optional.empty();
        }
        try (Stream<Path> walk = Files.walk(dir.get())) {
          walk.filter(Files::isRegularFile).sorted().forEach(p ->
            entries.add(new Entry(dir.get().relativize(p).toString().replace('\\', '/'), p)));
        }
      }
    } catch (IOException | URISyntaxException e) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(entries));
  }

  /** One file of a class path folder: its name relative to the folder, and where to read it. */
  public record Entry(String name, Path path) {
  }

  /** A class path resource as a path, inside its jar or on disk; empty for other kinds of URL. */
  public static Optional<Path> open(URL url) throws URISyntaxException, IOException {
    URI uri = url.toURI();
    if ("file".equals(uri.getScheme())) {
      return Optional.of(Path.of(uri));
    }
    if ("jar".equals(uri.getScheme())) {
      FileSystem fs;
      try {
        fs = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        fs = FileSystems.getFileSystem(uri);
      }
      String spec = uri.getSchemeSpecificPart();
      return Optional.of(fs.getPath(spec.substring(spec.indexOf("!/") + 1)));
    }
    return Optional.empty();
  }
}
