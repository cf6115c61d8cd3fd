package com.jiangxin.discussion;

import com.jiangxin.account.User;
import io.vertx.sqlclient.Row;

/**
 * An assignment as the discussion sees it: its class, the class's teacher, the reading, and whether
 * the caller is a student of the class.
 */
record Place(long assignmentId, long classId, String className, long teacherId, String readingId,
             boolean callerIsMember) {

  static Place from(Row r) {
    return new Place(r.getLong("ID"), r.getLong("CLASS_ID"), r.getString("CLASS_NAME"), r.getLong("TEACHER_ID"),
      r.getString("READING_ID"), r.getLong("MEMBER") > 0);
  }

  /** True for the class's teacher and its students: nobody else may read or write. */
  boolean admits(User user) {
    return user.id() == teacherId || callerIsMember && user.isStudent();
  }

  Viewer viewer(User user) {
    return new Viewer(user, user.id() == teacherId);
  }
}
