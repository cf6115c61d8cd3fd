package com.jiangxin.classroom;

/** Where a student stands with an assignment. */
public enum AssignmentStatus {
  /** Not open yet. */
  UPCOMING("upcoming", "未开始"),
  /** Open, not submitted, not past due. */
  TODO("todo", "待完成"),
  /** Past due and not submitted. */
  OVERDUE("overdue", "已逾期"),
  /** At least one attempt submitted. */
  DONE("done", "已完成");

  private final String code;
  private final String label;

  AssignmentStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The status at {@code now}: a submitted attempt counts as done whatever the clock says. */
  public static AssignmentStatus of(Long opensAt, Long dueAt, boolean done, long now) {
    if (done) {
      return DONE;
    }
    if (opensAt != null && now < opensAt) {
      return UPCOMING;
    }
    if (dueAt != null && now > dueAt) {
      return OVERDUE;
    }
    return TODO;
  }
}
