package com.jiangxin.quiz;

/**
 * The result of grading one answer to one question.
 *
 * @param fraction the share of the question's points earned, from 0 to 1
 * @param pending  true when a teacher still has to grade the answer (a non-empty short answer);
 *                 a pending grade always has fraction 0
 */
public record Grade(double fraction, boolean pending) {
  public static final Grade ZERO = new Grade(0, false);
  public static final Grade FULL = new Grade(1, false);
  public static final Grade PENDING = new Grade(0, true);

  public Grade {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in [0, 1]: " + fraction);
    }
    if (pending && fraction != 0) {
      throw new IllegalArgumentException("a pending grade has fraction 0");
    }
  }

  /** An automatic grade, clamped into [0, 1] (NaN counts as 0). */
  public static Grade of(double fraction) {
    if (!(fraction > 0)) {
      return ZERO;
    }
    return fraction >= 1 ? FULL : new Grade(fraction, false);
  }
}
