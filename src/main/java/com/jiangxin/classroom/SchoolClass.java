package com.jiangxin.classroom;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A class as stored, with its teacher's name and current number of students. */
public record SchoolClass(long id, long teacherId, String teacherName, String name, String joinCode,
                          boolean joinOpen, long createdAt, int studentCount) {

  static SchoolClass from(Row row) {
    return new SchoolClass(row.getLong("ID"), row.getLong("TEACHER_ID"), row.getString("TEACHER_NAME"),
      row.getString("NAME"), row.getString("JOIN_CODE"), Boolean.TRUE.equals(row.getBoolean("JOIN_OPEN")),
      row.getLong("CREATED_AT"), row.getInteger("STUDENT_COUNT"));
  }

  /** What its teacher sees. */
  JsonObject toTeacherJson() {
    return new JsonObject().put("id", id).put("name", name).put("role", "teacher")
      .put("joinCode", joinCode).put("joinOpen", joinOpen).put("studentCount", studentCount);
  }

  /** What a member sees: never the join code. */
  JsonObject toStudentJson() {
    return new JsonObject().put("id", id).put("name", name).put("role", "student")
      .put("teacherName", teacherName).put("studentCount", studentCount);
  }
}
