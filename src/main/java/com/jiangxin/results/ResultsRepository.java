package com.jiangxin.results;

import com.jiangxin.classroom.AssignmentAccess;
import com.jiangxin.account.User;
import com.jiangxin.results.Records.AssignmentRef;
import com.jiangxin.results.Records.ClassRef;
import com.jiangxin.results.Records.Kept;
import com.jiangxin.results.Records.Student;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Numbers;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads of class results. Every method that takes a caller checks that the caller
 * teaches the class: students get 403, other teachers 404 (a foreign id reveals nothing).
 */
final class ResultsRepository {
  private final Pool pool;
  private final AssignmentAccess access;

  ResultsRepository(Pool pool) {
    this.pool = pool;
    this.access = new AssignmentAccess(pool);
  }

  Pool pool() {
    return pool;
  }

  // ---- access ----

  /** The class if the caller teaches it. */
  Future<ClassRef> classForTeacher(long classId, User caller) {
    if (!caller.isTeacher()) {
      return Future.failedFuture(HttpError.forbidden("只有老师可以查看班级成绩。"));
    }
    return pool.preparedQuery(ResultsSql.CLASS_BY_ID).execute(Tuple.of(classId)).map(rows -> {
      ClassRef c = one(rows, ClassRef::from);
      if (c == null || c.teacherId() != caller.id()) {
        throw HttpError.notFound("没有这个班级，或你不是这个班的老师。");
      }
      return c;
    });
  }

  /** The assignment if the caller teaches its class. */
  Future<AssignmentRef> assignmentForTeacher(long assignmentId, User caller) {
    if (!caller.isTeacher()) {
      return Future.failedFuture(HttpError.forbidden("只有老师可以查看作业报告和批改。"));
    }
    return access.visibleTo(caller, assignmentId).map(found -> found.filter(AssignmentAccess.Visible::teaches)
      .map(AssignmentRef::of)
      .orElseThrow(() -> HttpError.notFound("没有这个作业，或你不是这个班的老师。")));
  }

  /** The assignment of a submitted attempt if the caller teaches its class. */
  Future<AssignmentRef> assignmentOfAttemptForTeacher(long attemptId, User caller) {
    if (!caller.isTeacher()) {
      return Future.failedFuture(HttpError.forbidden("只有老师可以批改。"));
    }
    return pool.preparedQuery(ResultsSql.ATTEMPT_OWNER).execute(Tuple.of(attemptId)).compose(rows -> {
      Row r = rows.iterator().hasNext() ? rows.iterator().next() : null;
      if (r == null || r.getLong("TEACHER_ID") != caller.id()) {
        return Future.failedFuture(HttpError.notFound("没有这次作答，或你不是这个班的老师。"));
      }
      if (!"submitted".equals(r.getString("STATUS"))) {
        return Future.failedFuture(HttpError.conflict("这次作答还没有提交，不能批改。"));
      }
      return assignmentForTeacher(r.getLong("ASSIGNMENT_ID"), caller);
    });
  }

  Future<Boolean> isMember(long classId, long studentId) {
    return pool.preparedQuery(ResultsSql.IS_MEMBER).execute(Tuple.of(classId, studentId))
      .map(rows -> rows.iterator().next().getLong("N") > 0);
  }

  Future<Student> user(long id) {
    return pool.preparedQuery(ResultsSql.USER_BY_ID).execute(Tuple.of(id))
      .map(rows -> one(rows, Student::from));
  }

  // ---- gradebook ----

  Future<List<AssignmentRef>> assignmentsOfClass(long classId) {
    return list(ResultsSql.ASSIGNMENTS_OF_CLASS, Tuple.of(classId), AssignmentRef::from);
  }

  Future<List<Student>> students(long classId) {
    return list(ResultsSql.STUDENTS_OF_CLASS, Tuple.of(classId), Student::from);
  }

  Future<List<Kept>> keptOfClass(long classId) {
    return list(ResultsSql.KEPT_OF_CLASS, Tuple.of(classId), Kept::from);
  }

  Future<List<Kept>> keptOfAssignment(long assignmentId) {
    return list(ResultsSql.KEPT_OF_ASSIGNMENT, Tuple.of(assignmentId), Kept::from);
  }

  Future<List<Kept>> keptOfStudent(long studentId) {
    return list(ResultsSql.KEPT_OF_STUDENT, Tuple.of(studentId), Kept::from);
  }

  Future<List<AssignmentRef>> assignmentsOfStudent(long studentId) {
    return list(ResultsSql.ASSIGNMENTS_OF_STUDENT, Tuple.of(studentId), AssignmentRef::from);
  }

  Future<RowSet<Row>> attemptsOfStudentInClass(long classId, long studentId) {
    return pool.preparedQuery(ResultsSql.ATTEMPTS_OF_STUDENT_IN_CLASS).execute(Tuple.of(classId, studentId));
  }

  Future<RowSet<Row>> responsesOfStudentInClass(long classId, long studentId) {
    return pool.preparedQuery(ResultsSql.RESPONSES_OF_STUDENT_IN_CLASS).execute(Tuple.of(classId, studentId));
  }

  // ---- report ----

  Future<Row> completion(AssignmentRef a) {
    return pool.preparedQuery(ResultsSql.COMPLETION).execute(Tuple.of(a.id(), a.id(), a.classId()))
      .map(rows -> rows.iterator().next());
  }

  Future<List<Student>> notSubmitted(AssignmentRef a) {
    return list(ResultsSql.NOT_SUBMITTED, Tuple.of(a.classId(), a.id()),
      r -> new Student(r.getLong("ID"), null, r.getString("DISPLAY_NAME")));
  }

  Future<RowSet<Row>> itemMoments(AssignmentRef a) {
    return pool.preparedQuery(ResultsSql.ITEM_MOMENTS).execute(Tuple.of(a.classId(), a.id()));
  }

  Future<RowSet<Row>> answerCounts(AssignmentRef a) {
    return pool.preparedQuery(ResultsSql.ANSWER_COUNTS).execute(Tuple.of(a.classId(), a.id()));
  }

  Future<RowSet<Row>> exampleFacility(AssignmentRef a) {
    return pool.preparedQuery(ResultsSql.EXAMPLE_FACILITY).execute(Tuple.of(a.classId(), a.id()));
  }

  Future<RowSet<Row>> answerRows(AssignmentRef a) {
    return pool.preparedQuery(ResultsSql.ANSWER_ROWS).execute(Tuple.of(a.classId(), a.id()));
  }

  // ---- grading ----

  Future<Long> pendingCount(long assignmentId) {
    return pool.preparedQuery(ResultsSql.PENDING_COUNT).execute(Tuple.of(assignmentId))
      .map(rows -> rows.iterator().next().getLong("N"));
  }

  Future<RowSet<Row>> pendingAnswers(long assignmentId, int limit, int offset) {
    return pool.preparedQuery(ResultsSql.PENDING_ANSWERS).execute(Tuple.of(assignmentId, limit, offset));
  }

  // ---- helpers ----

  private <T> Future<List<T>> list(String sql, Tuple params, Function<Row, T> mapper) {
    return pool.preparedQuery(sql).execute(params).map(rows -> {
      List<T> out = new ArrayList<>(rows.size());
      rows.forEach(r -> out.add(mapper.apply(r)));
      return out;
    });
  }

  private static <T> T one(RowSet<Row> rows, Function<Row, T> mapper) {
    return rows.iterator().hasNext() ? mapper.apply(rows.iterator().next()) : null;
  }
}
