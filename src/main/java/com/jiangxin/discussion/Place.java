package com.jiangxin.discussion;

import com.jiangxin.account.User;
import com.jiangxin.classroom.AssignmentAccess;

/**
 * An assignment as the discussion sees it: its class, the class's teacher, the reading, and whether
 * the caller is a student of the class.
 */
record Place(long assignmentId, long classId, String className, long teacherId, String readingId,
             boolean callerIsMember) {

  static Place of(AssignmentAccess.Visible a) {
    return new Place(a.id(), a.classId(), a.className(), a.teacherId(), a.readingId(), a.member());
  }

  Viewer viewer(User user) {
    return new Viewer(user, user.id() == teacherId);
  }
}
