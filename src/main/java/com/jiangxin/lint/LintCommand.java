package com.jiangxin.lint;

import com.jiangxin.config.CommandArgs;
import com.jiangxin.content.Content;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The {@code lint [DIR]} command: checks the readings and quizzes of DIR (default: the built-in
 * quizzes) and prints one {@code file:line: error[rule]: message} or
 * {@code file:line: warning[rule]: message} line per finding, then a count on standard error.
 */
public final class LintCommand {
  static final String USAGE = "usage: lint [DIR]   (checks the quizzes in DIR; default: the built-in quizzes)";

  private LintCommand() {
  }

  /**
   * Runs the command.
   *
   * @param args the arguments after {@code lint}
   * @return 0 when there is no error (warnings allowed), 1 on any error or a file that does not
   *         load, 2 on bad arguments or a folder that cannot be read or holds no quiz
   */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    OptionalInt refused = CommandArgs.check(args, 0, 1, USAGE, out, err);
    if (refused.isPresent()) {
      return refused.getAsInt();
    }
    Path dir;
    if (args.length == 1) {
      dir = Path.of(args[0]);
      if (!Files.isDirectory(dir)) {
        return CommandArgs.refuse("lint", dir + " is not a folder", USAGE, err);
      }
    } else {
      dir = Content.builtIn();
    }
    LintReport report;
    try {
      report = QuizLinter.lintDirectory(dir);
    } catch (UncheckedIOException e) {
      return CommandArgs.unreadable("lint", e, err);
    }
    if (report.findings().isEmpty() && report.byReading().isEmpty()) {
      err.println("lint: no quiz files (*.quiz.md) in " + dir);
      return 2;
    }
    report.findings().forEach(f -> out.println(f.format()));
    err.println("lint: " + count(report.byReading().size(), "quiz", "quizzes") + " checked: "
        + count(report.errors(), "error", "errors") + ", " + count(report.warnings(), "warning", "warnings"));
    return report.errors() > 0 ? 1 : 0;
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
