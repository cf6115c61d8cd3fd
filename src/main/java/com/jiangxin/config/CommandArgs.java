package com.jiangxin.config;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * The first steps every command ({@code import}, {@code lint}) takes with its arguments, and the
 * way it says it cannot read a file: a usage line, and exit status 2 for bad arguments.
 */
public final class CommandArgs {
  private CommandArgs() {
  }

  /**
   * Checks a command's arguments before it runs.
   *
   * @return 0 after printing {@code usage} for {@code -h}/{@code --help}; 2 after printing it on
   *         {@code err} for fewer than {@code min} or more than {@code max} arguments or a blank
   *         first one; empty when the command may go on
   */
  public static OptionalInt check(String[] args, int min, int max, String usage, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
      out.println(usage);
      return OptionalInt.of(0);
    }
    if (args.length < min || args.length > max || (args.length > 0 && args[0].isBlank())) {
      err.println(usage);
      return OptionalInt.of(2);
    }
    return OptionalInt.empty();
  }

  /** Prints {@code command: problem} and the usage on {@code err}; returns 2. */
  public static int refuse(String command, String problem, String usage, PrintStream err) {
    err.println(command + ": " + problem);
    err.println(usage);
    return 2;
  }

  /** Prints why a file could not be read, as {@code command: file: reason}, on {@code err}; returns 2. */
  public static int unreadable(String command, UncheckedIOException e, PrintStream err) {
    err.println(command + ": " + e.getMessage() + ": " + e.getCause().getMessage());
    return 2;
  }
}
