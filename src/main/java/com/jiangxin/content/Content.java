package com.jiangxin.content;


import com.jiangxin.config.ClasspathFolder;
import com.jiangxin.config.Config;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the readings and quizzes come from: {@code QUIZZES_DIR} when set, otherwise the
 * {@code quizzes/} folder built into the application (inside the jar, or on the class path when
 * run from the source tree).
 */
public final class Content {
  private Content() {
  }

  /** Finds the content folder. Blocking. */
  public static Path locate(Config config) {
    if (config.quizzesDir().isPresent()) {
      Path dir = config.quizzesDir().get();
      if (!Files.isDirectory(dir)) {
        throw new ContentException(dir.toString(), 0, "QUIZZES_DIR is not a folder");
      }
      return dir;
    }
    return builtIn();
  }

  /** The {@code quizzes/} folder built into the application. Blocking. */
  public static Path builtIn() {
    URL marker = Content.class.getClassLoader().getResource("quizzes/pian-01.md");
    if (marker == null) {
      throw new IllegalStateException("The built-in quizzes/ folder is missing from the class path");
    }
    try {
      return ClasspathFolder.open(marker).orElseThrow(() -> new IOException("not a file or jar: " + marker))
        .getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("Cannot open the built-in quizzes/ folder: " + e.getMessage(), e);
    }
  }

  /** Loads every reading, in 篇 order. Blocking; throws {@link ContentException} naming file:line. */
  public static List<Reading> loadReadings(Path dir) {
    return ReadingLibrary.loadDirectory(dir);
  }
}
