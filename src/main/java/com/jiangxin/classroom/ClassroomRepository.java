package com.jiangxin.classroom;

import com.jiangxin.account.AccountRepository;
import com.jiangxin.account.Passwords;
import com.jiangxin.account.User;
import com.jiangxin.db.Sql;
import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Classes, their join codes and their rosters in the database. Every lookup that a caller names checks ownership. */
public final class ClassroomRepository {
  static final int MAX_NAME = 64;
  private static final int CODE_TRIES = 8;

  private final Pool pool;
  /** Slow password hashing for imports, kept off one core so the server stays responsive meanwhile. */
  private final WorkerExecutor hashing;

  public ClassroomRepository(Vertx vertx, Pool pool) {
    this.pool = pool;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    this.hashing = vertx.createSharedWorkerExecutor("jiangxin-roster-hashing", threads);
  }

  /** Why a class name is unacceptable, if it is. */
  static Optional<String> nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("请填写班级名称，例如“高一（3）班”。");
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      return Optional.of("班级名称最多 " + MAX_NAME + " 个字。");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("班级名称不能包含控制字符。");
    }
    return Optional.empty();
  }

  /** Creates a class with a fresh join code, open for joining. */
  public Future<SchoolClass> create(User teacher, String name) {
    String clean = name == null ? null : name.strip();
    Optional<String> problem = nameProblem(clean);
    if (problem.isPresent()) {
      return Future.failedFuture(HttpError.badRequest(problem.get()));
    }
    return create(pool, teacher, clean);
  }

  /** Creates a class using {@code client} (a transaction's connection, for seeding). */
  static Future<SchoolClass> create(SqlClient client, User teacher, String name) {
    java.util.function.Function<String, Future<SchoolClass>> insert = code -> client.preparedQuery(ClassroomSql.INSERT_CLASS)
      .execute(Tuple.of(teacher.id(), name, code, System.currentTimeMillis()))
      .compose(rows -> classById(client, Sql.generatedId(rows)));
    return withFreshCode(client instanceof SqlConnection conn ? code -> inSavepoint(conn, insert, code) : insert, CODE_TRIES);
  }

  /**
   * Runs a write inside a transaction so that its failure can be drawn again: on PostgreSQL a failed
   * statement ends the whole transaction unless it is rolled back to a savepoint.
   */
  private static <T> Future<T> inSavepoint(SqlConnection conn, java.util.function.Function<String, Future<T>> write,
                                           String code) {
    return conn.query("SAVEPOINT join_code").execute()
      .compose(x -> write.apply(code).recover(e -> conn.query("ROLLBACK TO SAVEPOINT join_code").execute()
        .transform(y -> Future.<T>failedFuture(e))));
  }

  /** Runs an insert or update with a new code, drawing again in the rare case the code is taken. */
  private static <T> Future<T> withFreshCode(java.util.function.Function<String, Future<T>> write, int tries) {
    return write.apply(JoinCodes.generate()).recover(e -> tries > 1 && Sql.isUniqueViolation(e)
      ? withFreshCode(write, tries - 1) : Future.failedFuture(e));
  }

  private static Future<SchoolClass> classById(SqlClient client, long id) {
    return client.preparedQuery(ClassroomSql.CLASS_BY_ID).execute(Tuple.of(id))
      .compose(rows -> rows.iterator().hasNext() ? Future.succeededFuture(SchoolClass.from(rows.iterator().next()))
        : Future.failedFuture(HttpError.notFound("没有这个班级。")));
  }

  /** The class if {@code teacher} teaches it; a 404 otherwise (someone else's class looks like no class). */
  public Future<SchoolClass> ownedBy(User teacher, long classId) {
    if (!teacher.isTeacher()) {
      return Future.failedFuture(HttpError.forbidden("只有老师可以管理班级。"));
    }
    return classById(pool, classId).compose(c -> c.teacherId() == teacher.id() ? Future.succeededFuture(c)
      : Future.failedFuture(HttpError.notFound("没有这个班级。")));
  }

  /** The class if {@code user} teaches it or is one of its students; a 404 otherwise. */
  public Future<SchoolClass> visibleTo(User user, long classId) {
    if (user.isTeacher()) {
      return ownedBy(user, classId);
    }
    return isMember(classId, user.id()).compose(member -> member ? classById(pool, classId)
      : Future.failedFuture(HttpError.notFound("没有这个班级。")));
  }

  /** The classes a teacher teaches, or a student belongs to, newest first. */
  public Future<List<SchoolClass>> classesOf(User user) {
    String sql = user.isTeacher() ? ClassroomSql.CLASSES_OF_TEACHER : ClassroomSql.CLASSES_OF_STUDENT;
    return pool.preparedQuery(sql).execute(Tuple.of(user.id())).map(ClassroomRepository::classes);
  }

  /** Whether a student is a member of a class. */
  public Future<Boolean> isMember(long classId, long studentId) {
    return pool.preparedQuery(ClassroomSql.IS_MEMBER).execute(Tuple.of(classId, studentId))
      .map(rows -> rows.iterator().next().getLong("N") > 0);
  }

  /**
   * Enrols a student with a typed code. 404 for an unknown code, 409 when the class has stopped
   * taking students, 403 for a teacher. Joining a class again changes nothing.
   */
  public Future<SchoolClass> join(User student, String typedCode) {
    if (!student.isStudent()) {
      return Future.failedFuture(HttpError.forbidden("老师不能用班级码加入班级；学生才需要加入。"));
    }
    String code = JoinCodes.normalise(typedCode);
    if (code.isEmpty()) {
      return Future.failedFuture(HttpError.badRequest("请输入老师给的 6 位班级码。"));
    }
    if (!JoinCodes.wellFormed(code)) {
      return Future.failedFuture(HttpError.notFound("班级码“" + clip(code) + "”不对：班级码是 6 位字母和数字"
        + "（没有 0、O、1、I、L）。请再核对一下。"));
    }
    return pool.preparedQuery(ClassroomSql.CLASS_BY_CODE).execute(Tuple.of(code)).compose(rows -> {
      if (!rows.iterator().hasNext()) {
        return Future.failedFuture(HttpError.notFound("没有班级码为 " + code + " 的班级。请核对老师给的班级码。"));
      }
      SchoolClass c = SchoolClass.from(rows.iterator().next());
      return isMember(c.id(), student.id()).compose(member -> {
        if (member) {
          return Future.succeededFuture(c);
        }
        if (!c.joinOpen()) {
          return Future.failedFuture(HttpError.conflict("“" + c.name() + "”已停止加入。请联系老师重新开放班级码。"));
        }
        return enrol(pool, c.id(), student.id()).compose(x -> classById(pool, c.id()));
      });
    });
  }

  /** Enrols unless already enrolled; true if a row was added. */
  static Future<Boolean> enrol(SqlClient client, long classId, long studentId) {
    return client.preparedQuery(ClassroomSql.INSERT_MEMBER_IF_ABSENT)
      .execute(Tuple.of(classId, studentId, System.currentTimeMillis(), classId, studentId))
      .map(rows -> rows.rowCount() > 0);
  }

  /** Replaces the join code; the old one stops working at once. */
  public Future<SchoolClass> regenerateCode(SchoolClass c) {
    return withFreshCode(code -> pool.preparedQuery(ClassroomSql.UPDATE_JOIN_CODE).execute(Tuple.of(code, c.id())),
      CODE_TRIES).compose(x -> classById(pool, c.id()));
  }

  /** Opens or closes joining with the code. */
  public Future<SchoolClass> setJoinOpen(SchoolClass c, boolean open) {
    return pool.preparedQuery(ClassroomSql.SET_JOIN_OPEN).execute(Tuple.of(open, c.id()))
      .compose(x -> classById(pool, c.id()));
  }

  /** The students of a class, by username. */
  public Future<List<Member>> roster(SchoolClass c) {
    return pool.preparedQuery(ClassroomSql.ROSTER).execute(Tuple.of(c.id())).map(rows -> {
      List<Member> out = new ArrayList<>();
      rows.forEach(r -> out.add(Member.from(r)));
      return out;
    });
  }

  /** Takes a student off the roster (their account and past attempts stay). 404 if not a member. */
  public Future<Void> removeStudent(SchoolClass c, long studentId) {
    return pool.preparedQuery(ClassroomSql.DELETE_MEMBER).execute(Tuple.of(c.id(), studentId))
      .compose(rows -> rows.rowCount() > 0 ? Future.<Void>succeededFuture()
        : Future.failedFuture(HttpError.notFound("这个学生不在本班。")));
  }

  /**
   * Resets the password of a student of the class: returns a temporary password (shown once,
   * never stored) that the student must change at the next login; their sessions and tokens end
   * at once. 404 if the student is not on this class's roster.
   */
  public Future<String> resetPassword(SchoolClass c, long studentId) {
    return isMember(c.id(), studentId).compose(member -> {
      if (!member) {
        return Future.failedFuture(HttpError.notFound("这个学生不在本班。"));
      }
      String plain = Passwords.initialPassword();
      return hashing.executeBlocking(() -> Passwords.hash(plain), false)
        .compose(hash -> AccountRepository.setTemporaryPassword(pool, studentId, hash))
        .map(plain);
    });
  }

  /** One student of the class; 404 if not on its roster. */
  public Future<Member> member(SchoolClass c, long studentId) {
    return pool.preparedQuery(ClassroomSql.MEMBER).execute(Tuple.of(c.id(), studentId))
      .compose(rows -> rows.iterator().hasNext() ? Future.succeededFuture(Member.from(rows.iterator().next()))
        : Future.failedFuture(HttpError.notFound("这个学生不在本班。")));
  }

  /**
   * Imports a roster: creates the new students (hashing their initial passwords on worker
   * threads). It only ever creates accounts: a username that already exists is a row error, so a
   * roster can never enrol someone else's student (nor reveal their name). All or nothing: when any
   * row is refused, nothing is written and the result lists the problems.
   */
  public Future<RosterResult> importRoster(SchoolClass c, String csv) {
    RosterCsv.Parsed parsed = RosterCsv.parse(csv);
    if (!parsed.problems().isEmpty()) {
      return Future.succeededFuture(RosterResult.refused(parsed.problems()));
    }
    return lookUp(parsed.rows()).compose(taken -> {
      List<RosterCsv.Problem> problems = new ArrayList<>();
      for (int i = 0; i < taken.size(); i++) {
        if (taken.get(i)) {
          RosterCsv.Row row = parsed.rows().get(i);
          problems.add(new RosterCsv.Problem(row.line(), row.username(), EXISTING_ACCOUNT));
        }
      }
      if (!problems.isEmpty()) {
        return Future.succeededFuture(RosterResult.refused(problems));
      }
      return newPasswords(parsed.rows())
        .compose(passwords -> write(c, parsed.rows(), passwords));
    });
  }

  /** The one answer for any existing username, whoever's account it is. */
  static final String EXISTING_ACCOUNT = "已有此账号：请让学生用班级码加入";

  /** Whether each row's username is taken already. */
  private Future<List<Boolean>> lookUp(List<RosterCsv.Row> rows) {
    List<Future<Boolean>> lookups = new ArrayList<>();
    for (RosterCsv.Row row : rows) {
      lookups.add(pool.preparedQuery(ClassroomSql.USER_BY_USERNAME).execute(Tuple.of(row.username()))
        .map(r -> r.iterator().hasNext()));
    }
    return Future.all(lookups).map(all -> {
      List<Boolean> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        out.add(all.resultAt(i));
      }
      return out;
    });
  }

  private record Secret(String plain, String hash) {
  }

  /** A fresh initial password and its hash for each new student, hashed off the event loop. */
  private Future<List<Secret>> newPasswords(List<RosterCsv.Row> rows) {
    List<Future<Secret>> hashes = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String plain = Passwords.initialPassword();
      hashes.add(hashing.executeBlocking(() -> new Secret(plain, Passwords.hash(plain)), false));
    }
    return Future.all(hashes).map(all -> {
      List<Secret> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        out.add(all.resultAt(i));
      }
      return out;
    });
  }

  private Future<RosterResult> write(SchoolClass c, List<RosterCsv.Row> rows, List<Secret> secrets) {
    return pool.withTransaction(conn -> {
      List<RosterResult.Created> created = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < rows.size(); i++) {
        RosterCsv.Row row = rows.get(i);
        Secret secret = secrets.get(i);
        chain = chain.compose(x -> AccountRepository.insertUser(conn, row.username(), row.displayName(), User.Role.STUDENT,
            secret.hash(), true)
          .recover(e -> Future.failedFuture(e instanceof HttpError h && h.status() == 409
            ? new RosterRefused(new RosterCsv.Problem(row.line(), row.username(), EXISTING_ACCOUNT)) : e))
          .compose(user -> enrol(conn, c.id(), user.id()).map(added -> {
            created.add(new RosterResult.Created(row.line(), user.id(), row.username(), row.displayName(), secret.plain()));
            return null;
          })));
      }
      return chain.map(x -> RosterResult.imported(created, List.of()));
    }).recover(e -> e instanceof RosterRefused r ? Future.succeededFuture(RosterResult.refused(List.of(r.problem)))
      : Future.failedFuture(e));
  }

  /** Rolls the import's transaction back for a row that turned out to be taken. */
  private static final class RosterRefused extends RuntimeException {
    final transient RosterCsv.Problem problem;

    RosterRefused(RosterCsv.Problem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  private static List<SchoolClass> classes(RowSet<Row> rows) {
    List<SchoolClass> out = new ArrayList<>();
    rows.forEach(r -> out.add(SchoolClass.from(r)));
    return out;
  }

  private static String clip(String s) {
    return s.length() > 12 ? s.substring(0, 12) + "…" : s;
  }
}
