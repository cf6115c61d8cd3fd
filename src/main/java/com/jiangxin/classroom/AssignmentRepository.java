package com.jiangxin.classroom;

import com.jiangxin.account.User;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.db.Sql;
import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Assignments in the database, always read through who is asking: a teacher sees those of their
 * own classes with completion counts, a student those of their classes with their own progress.
 */
public final class AssignmentRepository {
  private final Pool pool;

  private final AssignmentAccess access;
  private final ReadingCatalog catalog;
  private final Supplier<Future<?>> submitOverdue;

  /** Assignments of built-in readings only (own readings are looked up nowhere). */
  public AssignmentRepository(Pool pool) {
    this(pool, new ReadingCatalog(List.of()));
  }

  /** Assignments whose own readings are read again into {@code catalog} as they are loaded (another node may have written them). */
  public AssignmentRepository(Pool pool, ReadingCatalog catalog) {
    this(pool, catalog, () -> Future.succeededFuture());
  }

  /**
   * @param submitOverdue submits the open attempts whose assignment is closed or past its due time;
   *                      run after an edit that shuts the door, so results read at once are whole
   */
  AssignmentRepository(Pool pool, ReadingCatalog catalog, Supplier<Future<?>> submitOverdue) {
    this.pool = pool;
    this.access = new AssignmentAccess(pool);
    this.catalog = catalog;
    this.submitOverdue = submitOverdue;
  }

  /** Reads the readings of what was loaded again, so its title and quiz are this node's to show. */
  private Future<Assignment> withReading(Assignment a) {
    return catalog.refresh(a.readingId()).map(a);
  }

  private Future<List<Assignment>> withReadings(List<Assignment> list) {
    return catalog.refreshAll(list.stream().map(Assignment::readingId).toList()).map(list);
  }

  /** Stores a new assignment for a class (already checked to be the caller's); fields already validated. */
  Future<Assignment> create(SchoolClass c, AssignmentFields f) {
    return insert(pool, c.id(), f).compose(id -> withCompletion(pool, id));
  }

  static Future<Long> insert(SqlClient client, long classId, AssignmentFields f) {
    return client.preparedQuery(ClassroomSql.INSERT_ASSIGNMENT)
      .execute(Tuple.from(new Object[] {classId, f.readingId(), f.opensAt(), f.dueAt(), f.maxAttempts(),
        f.feedback(), f.instructions(), f.shuffle(), f.keepScore(), System.currentTimeMillis()}))
      .map(Sql::generatedId);
  }

  /**
   * Replaces an assignment's fields (already validated). When the edit closes the assignment or
   * moves its due time into the past, its open attempts are submitted before this completes.
   */
  Future<Assignment> update(Assignment a, AssignmentFields f) {
    boolean shut = f.closed() || (f.dueAt() != null && f.dueAt() < System.currentTimeMillis());
    return pool.preparedQuery(ClassroomSql.UPDATE_ASSIGNMENT)
      .execute(Tuple.from(new Object[] {f.readingId(), f.opensAt(), f.dueAt(), f.maxAttempts(), f.feedback(),
        f.instructions(), f.shuffle(), f.keepScore(), f.closed(), a.id()}))
      .compose(x -> shut ? submitOverdue.get().<Void>mapEmpty().otherwiseEmpty() : Future.<Void>succeededFuture())
      .compose(x -> withCompletion(pool, a.id()));
  }

  /**
   * The assignment as {@code user} may see it: its teacher (with completion) or a student of its
   * class (with their progress). Anyone else gets a 404, as if it did not exist.
   * The quiz feature uses this to decide who may take an assignment.
   */
  public Future<Assignment> visibleTo(User user, long id) {
    return access.visibleTo(user, id).compose(visible -> {
      if (visible.isEmpty()) {
        return Future.failedFuture(HttpError.notFound("没有这项作业。"));
      }
      Future<RowSet<Row>> rows = visible.get().teaches()
        ? pool.preparedQuery(ClassroomSql.ASSIGNMENT_WITH_COMPLETION).execute(Tuple.of(id))
        : pool.preparedQuery(ClassroomSql.ASSIGNMENT_WITH_PROGRESS).execute(Tuple.of(user.id(), id));
      return rows.map(r -> Assignment.from(r.iterator().next()));
    }).compose(this::withReading);
  }

  /** The assignment if {@code teacher} teaches its class: 403 for students, 404 for anyone else. */
  Future<Assignment> ownedBy(User teacher, long id) {
    if (!teacher.isTeacher()) {
      return Future.failedFuture(HttpError.forbidden("只有布置作业的老师可以修改作业。"));
    }
    return visibleTo(teacher, id);
  }

  /** A teacher's assignments across their classes, or a student's across theirs; open ones first, by due time. */
  public Future<List<Assignment>> of(User user) {
    Future<RowSet<Row>> rows = user.isTeacher()
      ? pool.preparedQuery(ClassroomSql.ASSIGNMENTS_OF_TEACHER).execute(Tuple.of(user.id()))
      : pool.preparedQuery(ClassroomSql.ASSIGNMENTS_OF_STUDENT).execute(Tuple.of(user.id(), user.id()));
    return rows.map(AssignmentRepository::list).compose(this::withReadings);
  }

  /** The ids of the assignments a student has an attempt in progress for (their dashboard offers 继续). */
  public Future<Set<Long>> inProgress(User student) {
    return pool.preparedQuery(ClassroomSql.IN_PROGRESS_OF_STUDENT).execute(Tuple.of(student.id())).map(rows -> {
      Set<Long> ids = new HashSet<>();
      rows.forEach(r -> ids.add(r.getLong("ASSIGNMENT_ID")));
      return ids;
    });
  }

  /** The assignments of one class, with completion (for its teacher). */
  Future<List<Assignment>> ofClass(SchoolClass c) {
    return pool.preparedQuery(ClassroomSql.ASSIGNMENTS_OF_CLASS).execute(Tuple.of(c.id())).map(AssignmentRepository::list)
      .compose(this::withReadings);
  }

  private static Future<Assignment> withCompletion(SqlClient client, long id) {
    return client.preparedQuery(ClassroomSql.ASSIGNMENT_WITH_COMPLETION).execute(Tuple.of(id))
      .map(rows -> Assignment.from(rows.iterator().next()));
  }

  private static List<Assignment> list(RowSet<Row> rows) {
    List<Assignment> out = new ArrayList<>();
    rows.forEach(r -> out.add(Assignment.from(r)));
    return out;
  }
}
