package com.jiangxin.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

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
      why = TestDatabase.unreachable();
      unreachable = why;
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
}
