package com.jiangxin.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * In the PostgreSQL pass of the build, skips every test class when PostgreSQL cannot be reached,
 * saying why, or fails them under {@code JX_REQUIRE_PG=1} (as continuous integration runs).
 * Registered for the pass by the build ({@code junit.jupiter.extensions.autodetection.enabled}).
 */
public final class PostgresPass implements ExecutionCondition {
  /** Checked once per test JVM. */
  private static volatile Optional<String> unreachable;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (!TestDatabase.postgres()) {
      return ConditionEvaluationResult.enabled("H2");
    }
    Optional<String> why = unreachable;
    if (why == null) {
      why = checkOnce();
    }
    if (why.isEmpty()) {
      return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabase.shownPgUrl());
    }
    String message = "PostgreSQL pass: no PostgreSQL at " + TestDatabase.shownPgUrl() + " (" + why.get()
      + "); set JX_TEST_PG_URL to use another one";
    if (TestDatabase.required()) {
      throw new IllegalStateException(message + ". JX_REQUIRE_PG=1, so this fails the run.");
    }
    return ConditionEvaluationResult.disabled(message + ". Skipped.");
  }

  private static synchronized Optional<String> checkOnce() {
    if (unreachable == null) {
      unreachable = TestDatabase.unreachable();
      unreachable.ifPresent(why -> console("[WARNING] PostgreSQL pass: no PostgreSQL at " + TestDatabase.shownPgUrl()
        + " (" + why + "). " + (TestDatabase.required() ? "JX_REQUIRE_PG=1: every test fails."
        : "Every test of this pass is skipped; set JX_TEST_PG_URL to use another PostgreSQL.")));
    }
    return unreachable;
  }

  /** Straight to the build's console: the test output itself goes to report files. */
  private static void console(String line) {
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    err.println(line);
  }
}
