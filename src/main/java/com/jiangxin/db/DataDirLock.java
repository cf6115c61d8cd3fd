package com.jiangxin.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second server off a data folder that one server already uses. The operating system
 * releases the lock when the process dies, so a {@code kill -9} never leaves a stale lock behind.
 * Only an H2 file needs it: a database server such as PostgreSQL takes many clients itself.
 */
public final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock the database of {@code config} needs: the data folder's for H2, none for a database server. */
  public static DataDirLock forDatabase(com.jiangxin.config.Config config) {
    return config.h2() ? acquire(config.dataDir()) : new DataDirLock(null, null);
  }

  /**
   * Takes the lock or fails at once.
   *
   * @throws IllegalStateException with a message a person can act on, if another server holds it
   */
  public static DataDirLock acquire(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve("server.lock");
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new IllegalStateException("Another 匠心课堂 server is already running on DATA_DIR "
          + dataDir + ". Stop it first, or start this one with a different DATA_DIR.");
      }
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot use DATA_DIR " + dataDir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The process is shutting down; the OS frees the lock regardless.
    }
  }
}
