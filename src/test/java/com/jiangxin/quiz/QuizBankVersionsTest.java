package com.jiangxin.quiz;

import com.jiangxin.support.BuiltInBank;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Own quizzes in the bank: published versions, a bounded map of parsed ones, lookups on a miss. */
class QuizBankVersionsTest {
  private static Quiz version(String readingId, String version) {
    Quiz builtIn = BuiltInBank.bank().quizzes().get(0);
    return new Quiz(readingId, "自选", version, List.of(), builtIn.questions(), readingId + ".quiz.md");
  }

  private static QuizBank bank() {
    return QuizBank.of(BuiltInBank.bank().quizzes());
  }

  @Test
  @DisplayName("the current version is the last published; an older one is still answered by its version")
  void currentAndOlder() {
    QuizBank bank = bank();
    bank.publish(version("own-1", "v1"));
    bank.publish(version("own-1", "v2"));
    assertEquals("v2", bank.forReading("own-1").orElseThrow().version());
    assertEquals("v1", bank.version("own-1", "v1").orElseThrow().version());
    assertTrue(bank.version("own-2", "v1").isEmpty());
  }

  @Test
  @DisplayName("built-in quizzes cannot be replaced by a publish")
  void builtInReadOnly() {
    QuizBank bank = bank();
    String builtIn = BuiltInBank.bank().quizzes().get(0).readingId();
    assertThrows(IllegalArgumentException.class, () -> bank.publish(version(builtIn, "x")));
  }

  @Test
  @DisplayName("parsed versions are kept in a bounded map; one pushed out is looked up again, once")
  void boundedWithLookupOnMiss() {
    QuizBank bank = bank();
    AtomicInteger lookups = new AtomicInteger();
    bank.versionSource((id, v) -> {
      lookups.incrementAndGet();
      return Future.succeededFuture(Optional.of(version(id, v)));
    });
    for (int i = 0; i <= QuizBank.VERSIONS_KEPT; i++) {
      bank.publish(version("own-1", "v" + i));
    }
    // v0 was pushed out: without a lookup the current version answers
    assertEquals("v" + QuizBank.VERSIONS_KEPT, bank.version("own-1", "v0").orElseThrow().version());
    assertTrue(bank.resolve("own-1", "v0").succeeded());
    assertEquals(1, lookups.get());
    assertEquals("v0", bank.version("own-1", "v0").orElseThrow().version());
    bank.resolve("own-1", "v0");
    assertEquals(1, lookups.get(), "a kept version is not looked up again");
  }
}
