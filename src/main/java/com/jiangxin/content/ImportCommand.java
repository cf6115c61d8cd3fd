package com.jiangxin.content;

import com.jiangxin.config.CommandArgs;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The {@code import FILE [OUT_DIR]} command: imports the speech collection into reading files
 * ({@code OUT_DIR} defaults to {@code quizzes}) and prints what it wrote and which page-break
 * repairs it made, so the editor can check them.
 */
public final class ImportCommand {

  static final String USAGE = "usage: import FILE [OUT_DIR]   (imports the speech collection FILE "
      + "into OUT_DIR/pian-01.md … pian-09.md; OUT_DIR defaults to quizzes)";

  private ImportCommand() {
  }

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code import}
   * @return 0 on success, 1 if the seed or the editorial file is malformed, 2 on bad arguments or
   *         an unreadable file
   */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    OptionalInt refused = CommandArgs.check(args, 1, 2, USAGE, out, err);
    if (refused.isPresent()) {
      return refused.getAsInt();
    }
    Path seed = Path.of(args[0]);
    Path outDir = Path.of(args.length == 2 ? args[1] : "quizzes");
    if (!Files.isRegularFile(seed) || !Files.isReadable(seed)) {
      return CommandArgs.refuse("import", "cannot read " + seed + " (no such file, or not a readable file)", USAGE, err);
    }
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      err.println("import: " + outDir + " exists and is not a directory");
      return 2;
    }
    try {
      SeedImporter.Result result = SeedImporter.importSeed(seed, outDir, Editorial.standard());
      for (SeedImporter.Join join : result.joins()) {
        out.println("joined a paragraph cut by a page break: " + join);
      }
      for (Path file : result.files()) {
        out.println("wrote " + file);
      }
      out.println("imported " + result.files().size() + " readings from " + seed);
      return 0;
    } catch (ContentException e) {
      err.println("import: " + e.getMessage());
      return 1;
    } catch (UncheckedIOException e) {
      return CommandArgs.unreadable("import", e, err);
    }
  }
}
