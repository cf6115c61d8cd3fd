package com.jiangxin.quiz;

import java.util.Locale;
import java.util.Optional;

/**
 * What a student may see of a graded attempt, and when (Moodle's review options, simplified).
 * The score is always shown once submitted; the per-question feedback — right or wrong, the key,
 * the explanation and the evidence — only when the policy allows.
 */
public enum FeedbackPolicy {
  /** Feedback as soon as the attempt is submitted. */
  IMMEDIATE,
  /** Feedback once the due time has passed (or the teacher closed the assignment). */
  AFTER_DUE,
  /** The score only. */
  NEVER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FeedbackPolicy> parse(String s) {
    for (FeedbackPolicy p : values()) {
      if (p.code().equals(s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a student may see per-question feedback now.
   *
   * @param submitted the attempt has been submitted
   * @param dueAt     the assignment's due time (epoch ms), or null
   * @param closed    the teacher closed the assignment
   */
  public boolean revealsFeedback(boolean submitted, Long dueAt, boolean closed, long now) {
    if (!submitted) {
      return false;
    }
    return switch (this) {
      case IMMEDIATE -> true;
      case AFTER_DUE -> closed || (dueAt != null && now >= dueAt);
      case NEVER -> false;
    };
  }
}
