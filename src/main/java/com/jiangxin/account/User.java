package com.jiangxin.account;

import io.vertx.core.json.JsonObject;

/** A signed-in person: a teacher or a student. */
public record User(long id, String username, String displayName, Role role, boolean mustChangePassword) {

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

  public boolean isTeacher() {
    return role == Role.TEACHER;
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
      .put("mustChangePassword", mustChangePassword);
  }
}
