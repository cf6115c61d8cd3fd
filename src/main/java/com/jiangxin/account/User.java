package com.jiangxin.account;

import io.vertx.core.json.JsonObject;

/**
 * A signed-in person: a teacher or a student. A teacher account acts as a teacher only once
 * {@code approved} (by an invite code or the administrator); {@code admin} approves the others.
 */
public record User(long id, String username, String displayName, Role role, boolean mustChangePassword,
                   boolean approved, boolean admin) {

  /** What a user may do on the platform. */
  public enum Role {
    TEACHER, STUDENT;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Role> parse(String s) {
      if ("teacher".equals(s)) {
        return java.util.Optional.of(TEACHER);
      }
      if ("student".equals(s)) {
        return java.util.Optional.of(STUDENT);
      }
      return java.util.Optional.empty();
    }
  }

  /** This user as the reading catalog's access rule ({@code ReadingCatalog.visibleTo}) knows a reader. */
  public com.jiangxin.content.ReadingCatalog.Reader reader() {
    return new com.jiangxin.content.ReadingCatalog.Reader(id, isTeacher());
  }

  /** An approved teacher: a teacher account still waiting for approval has no teacher's powers. */
  public boolean isTeacher() {
    return role == Role.TEACHER && approved;
  }

  /** A teacher account that the administrator has not approved yet. */
  public boolean isPendingTeacher() {
    return role == Role.TEACHER && !approved;
  }

  /** The server's administrator, who approves teachers and makes invite codes. */
  public boolean isAdmin() {
    return admin && isTeacher();
  }

  public boolean isStudent() {
    return role == Role.STUDENT;
  }

  public JsonObject toJson() {
    return new JsonObject()
      .put("id", id)
      .put("username", username)
      .put("displayName", displayName)
      .put("role", role.code())
      .put("mustChangePassword", mustChangePassword)
      .put("approved", approved)
      .put("admin", isAdmin());
  }
}
