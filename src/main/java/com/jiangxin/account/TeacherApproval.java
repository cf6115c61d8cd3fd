package com.jiangxin.account;

import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the administrator does: approve or reject teacher registrations, make and revoke invite codes. */
public final class TeacherApproval {
  static final int MAX_USES = 50;
  static final int MAX_DAYS = 30;

  private final Pool pool;

  public TeacherApproval(Pool pool) {
    this.pool = pool;
  }

  /** A teacher account as the administrator's page lists it. */
  public record Teacher(long id, String username, String displayName, long createdAt, boolean admin) {
  }

  /** An invite code that can still be used (the code itself is never stored). */
  public record Invite(long id, String createdBy, long createdAt, long expiresAt, int usesLeft) {
  }

  /** Teacher accounts waiting for approval, oldest first. */
  public Future<List<Teacher>> pending() {
    return pool.preparedQuery(AccountSql.TEACHERS_BY_APPROVAL).execute(Tuple.of(false)).map(TeacherApproval::teachers);
  }

  /** Approved teachers, oldest first. */
  public Future<List<Teacher>> approved() {
    return pool.preparedQuery(AccountSql.TEACHERS_BY_APPROVAL).execute(Tuple.of(true)).map(TeacherApproval::teachers);
  }

  /** Approves a waiting teacher; 404 if there is no such teacher account waiting. */
  public Future<Void> approve(long teacherId) {
    return pool.preparedQuery(AccountSql.APPROVE_TEACHER).execute(Tuple.of(teacherId))
      .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture()
        : Future.failedFuture(HttpError.notFound("没有这位等待批准的老师。")))
      .onSuccess(x -> SessionCache.revokeHere());
  }

  /** Rejects a waiting teacher: the account is deleted (it could not have made anything yet). */
  public Future<Void> reject(long teacherId) {
    return pool.preparedQuery(AccountSql.DELETE_PENDING_TEACHER).execute(Tuple.of(teacherId))
      .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture()
        : Future.failedFuture(HttpError.notFound("没有这位等待批准的老师。")))
      .onSuccess(x -> SessionCache.revokeHere());
  }

  /** Makes an invite code for {@code uses} registrations within {@code days}; the code is returned once. */
  public Future<String> createInvite(User admin, int uses, int days) {
    if (uses < 1 || uses > MAX_USES) {
      return Future.failedFuture(HttpError.badRequest("可用次数须为 1–" + MAX_USES + "。"));
    }
    if (days < 1 || days > MAX_DAYS) {
      return Future.failedFuture(HttpError.badRequest("有效天数须为 1–" + MAX_DAYS + "。"));
    }
    String code = InviteCodes.generate();
    long now = System.currentTimeMillis();
    return pool.preparedQuery(AccountSql.INSERT_INVITE)
      .execute(Tuple.of(Secrets.sha256(InviteCodes.normalise(code)), admin.id(), now,
        now + Duration.ofDays(days).toMillis(), uses))
      .map(code);
  }

  /** Invite codes that still have uses left and have not expired, newest first. */
  public Future<List<Invite>> activeInvites() {
    return pool.preparedQuery(AccountSql.ACTIVE_INVITES).execute(Tuple.of(System.currentTimeMillis())).map(rows -> {
      List<Invite> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Invite(r.getLong("ID"), r.getString("CREATED_BY"), r.getLong("CREATED_AT"),
          r.getLong("EXPIRES_AT"), r.getInteger("USES_LEFT")));
      }
      return out;
    });
  }

  /** Revokes an invite code; 404 if it does not exist. */
  public Future<Void> revokeInvite(long inviteId) {
    return pool.preparedQuery(AccountSql.DELETE_INVITE).execute(Tuple.of(inviteId))
      .compose(rows -> rows.rowCount() == 1 ? Future.<Void>succeededFuture()
        : Future.failedFuture(HttpError.notFound("没有这个邀请码。")));
  }

  private static List<Teacher> teachers(RowSet<Row> rows) {
    List<Teacher> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new Teacher(r.getLong("ID"), r.getString("USERNAME"), r.getString("DISPLAY_NAME"),
        r.getLong("CREATED_AT"), Boolean.TRUE.equals(r.getBoolean("IS_ADMIN"))));
    }
    return out;
  }
}
