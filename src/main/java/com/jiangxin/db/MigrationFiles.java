package com.jiangxin.db;

import com.jiangxin.config.ClasspathFolder;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The SQL migrations under {@code db/migration} (every database) and {@code db/<vendor>} (the few
 * early ones whose H2 text PostgreSQL does not accept, kept byte for byte for H2 so that existing
 * databases keep their checksums), listed directly from those folders so Flyway does not scan the
 * class path for them (a large share of start-up time). Names and contents are exactly what
 * Flyway's own scan would find, so checksums and the history table agree either way. Migrations
 * are SQL files only: a Java migration class would not be picked up.
 */
final class MigrationFiles implements ResourceProvider {
  static final String FOLDER = "db/migration";

  /** The folder of migrations written for one database ({@code h2}, {@code postgresql}). */
  static String vendorFolder(String vendor) {
    return "db/" + vendor;
  }

  private final List<LoadableResource> files;

  private MigrationFiles(List<LoadableResource> files) {
    this.files = files;
  }

  /** The shared migrations on the class path, or empty if the folder cannot be listed (Flyway then scans). */
  static Optional<MigrationFiles> find(ClassLoader loader) {
    return ClasspathFolder.list(loader, FOLDER).map(entries -> new MigrationFiles(files(FOLDER, entries)));
  }

  /** The shared migrations and those of one database, or empty if a folder cannot be listed. */
  static Optional<MigrationFiles> find(ClassLoader loader, String vendor) {
    String own = vendorFolder(vendor);
    return ClasspathFolder.list(loader, FOLDER).flatMap(shared -> ClasspathFolder.list(loader, own)
      .map(vendorOnly -> {
        List<LoadableResource> all = new ArrayList<>(files(FOLDER, shared));
        all.addAll(files(own, vendorOnly));
        return new MigrationFiles(List.copyOf(all));
      }));
  }

  private static List<LoadableResource> files(String folder, List<ClasspathFolder.Entry> entries) {
    return entries.stream().map(e -> (LoadableResource) new File(folder, e.name(), e.path())).toList();
  }

  int size() {
    return files.size();
  }

  @Override
  public LoadableResource getResource(String name) {
    return files.stream()
      .filter(f -> f.getRelativePath().equals(name) || f.getAbsolutePath().equals(name))
      .findFirst().orElse(null);
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return files.stream()
      .filter(f -> f.getFilename().startsWith(prefix)
        && Arrays.stream(suffixes).anyMatch(s -> f.getFilename().endsWith(s)))
      .toList();
  }

  private static final class File extends LoadableResource {
    private final String folder;
    private final String name;
    private final Path path;

    File(String folder, String name, Path path) {
      this.folder = folder;
      this.name = name;
      this.path = path;
    }

    @Override
    public Reader read() {
      try {
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read migration " + getAbsolutePath(), e);
      }
    }

    @Override
    public String getAbsolutePath() {
      return folder + "/" + name;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return path.toUri().toString();
    }

    @Override
    public String getFilename() {
      return name.substring(name.lastIndexOf('/') + 1);
    }

    @Override
    public String getRelativePath() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof File f && f.folder.equals(folder) && f.name.equals(name);
    }

    @Override
    public int hashCode() {
      return folder.hashCode() * 31 + name.hashCode();
    }
  }
}
