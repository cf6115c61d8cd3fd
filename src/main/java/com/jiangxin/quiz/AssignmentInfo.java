package com.jiangxin.quiz;

import com.jiangxin.classroom.AssignmentAccess;

/** What attempts need to know of an assignment, and whether the caller is in its class. */
record AssignmentInfo(long id, long classId, long teacherId, String readingId, Long opensAt, Long dueAt,
                      int maxAttempts, FeedbackPolicy feedback, boolean shuffle, boolean closed,
                      String keepScore, boolean callerIsMember) {

  static AssignmentInfo from(AssignmentAccess.Visible a) {
    return new AssignmentInfo(a.id(), a.classId(), a.teacherId(), a.readingId(), a.opensAt(), a.dueAt(),
      a.maxAttempts(), FeedbackPolicy.parse(a.feedback()).orElse(FeedbackPolicy.IMMEDIATE), a.shuffle(),
      a.closed(), a.keepScore(), a.member());
  }
}
