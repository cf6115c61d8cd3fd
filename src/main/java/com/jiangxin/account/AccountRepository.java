package com.jiangxin.account;

import com.jiangxin.db.Sql;
import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Accounts, API tokens and web sessions in the database. */
public final class AccountRepository {
  static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
  static final Duration SESSION_LIFETIME = Duration.ofDays(14);
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,31}");

  private final Pool pool;
  private final PasswordHashing hashing;
  private final Optional<String> teacherInviteCode;
  /** This node's remembered sessions and tokens; null where there is no Vert.x (a set-up step). */
  private final SessionCache sessions;

  /** Accounts hashing on a queue of one thread and 32 places (for tools and tests). */
  public AccountRepository(Vertx vertx, Pool pool) {
    this(pool, new PasswordHashing(vertx, 1, 32), Optional.empty());
  }

  /**
   * @param hashing           where passwords are hashed and checked
   * @param teacherInviteCode the server's own invite code ({@code TEACHER_INVITE_CODE}), if set
   */
  public AccountRepository(Pool pool, PasswordHashing hashing, Optional<String> teacherInviteCode) {
    this.pool = pool;
    this.hashing = hashing;
    this.teacherInviteCode = teacherInviteCode;
    Vertx vertx = hashing != null ? hashing.vertx() : Vertx.currentContext() == null ? null : Vertx.currentContext().owner();
    this.sessions = vertx == null ? null : SessionCache.of(vertx);
  }

  /** A new account's fields as typed, before they are checked. */
  public record NewUser(String username, String password, String displayName, User.Role role, boolean mustChangePassword) {
  }

  /** Usernames are case-insensitive and stored lower-case. */
  public static String normaliseUsername(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }

  /** Why a username is unacceptable, if it is. */
  public static Optional<String> usernameProblem(String username) {
    if (!USERNAME.matcher(username).matches()) {
      return Optional.of("用户名须为 3–32 位小写字母、数字或 . _ -，并以字母或数字开头。");
    }
    return Optional.empty();
  }

  /** Why a display name is unacceptable, if it is. */
  public static Optional<String> displayNameProblem(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      return Optional.of("请填写姓名（显示名）。");
    }
    if (displayName.codePointCount(0, displayName.length()) > 32) {
      return Optional.of("姓名最多 32 个字符。");
    }
    if (displayName.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("姓名不能包含控制字符。");
    }
    return Optional.empty();
  }

  /** Registers without an invite code: a teacher then waits for approval (unless the server has no administrator yet). */
  public Future<User> register(NewUser in) {
    return register(in, null);
  }

  /**
   * Checks the fields, hashes the password off the event loop and inserts the account. 409 if taken.
   * A teacher with a valid invite code is approved at once; without one the account waits for the
   * administrator; while the server has no administrator, the teacher becomes it.
   */
  public Future<User> register(NewUser in, String inviteCode) {
    String username = normaliseUsername(in.username());
    String displayName = in.displayName() == null ? "" : in.displayName().strip();
    Optional<String> problem = usernameProblem(username)
      .or(() -> displayNameProblem(displayName))
      .or(() -> Passwords.problem(in.password()));
    if (problem.isPresent()) {
      return Future.failedFuture(HttpError.badRequest(problem.get()));
    }
    if (hashing.full()) {
      return hashing.refusal();
    }
    // a taken username is found before the slow hash, so asking for one costs a query only
    return usernameTaken(username)
      .compose(taken -> taken ? Future.failedFuture(taken(username)) : hashing.run(() -> Passwords.hash(in.password())))
      .compose(hash -> insertNew(username, displayName, in, hash, inviteCode));
  }

  private Future<User> insertNew(String username, String displayName, NewUser in, String hash, String inviteCode) {
    if (in.role() != User.Role.TEACHER) {
      return insertUser(pool, username, displayName, in.role(), hash, in.mustChangePassword());
    }
    // the invite's use and the account stand or fall together: a taken username spends no use
    return pool.withTransaction(conn -> spendInvite(conn, inviteCode)
        .compose(approved -> insertUser(conn, username, displayName, in.role(), hash, in.mustChangePassword(), approved)))
      .compose(this::claimAdminIfNone);
  }

  /** True if {@code typed} is the server's invite code or an unspent, unexpired one the administrator made (then one use is spent). */
  private Future<Boolean> spendInvite(SqlClient client, String typed) {
    if (typed == null || typed.isBlank()) {
      return Future.succeededFuture(false);
    }
    if (teacherInviteCode.isPresent() && Secrets.same(typed.strip(), teacherInviteCode.get())) {
      return Future.succeededFuture(true);
    }
    String code = InviteCodes.normalise(typed);
    if (code.isEmpty()) {
      return Future.succeededFuture(false);
    }
    return client.preparedQuery(AccountSql.SPEND_INVITE)
      .execute(Tuple.of(Secrets.sha256(code), System.currentTimeMillis()))
      .map(rows -> rows.rowCount() == 1);
  }

  /** A waiting teacher types an invite code: true, and approved at once, if the code is valid. */
  public Future<Boolean> redeemInvite(User teacher, String code) {
    return pool.withTransaction(conn -> spendInvite(conn, code).compose(valid -> valid
        ? conn.preparedQuery(AccountSql.APPROVE_SELF).execute(Tuple.of(teacher.id())).map(true)
        : Future.succeededFuture(false)))
      .onSuccess(approved -> {
        if (approved) {
          revoked();
        }
      });
  }

  /** The first teacher of a server becomes its administrator; the claim's primary key lets only one win a race. */
  private Future<User> claimAdminIfNone(User teacher) {
    return pool.preparedQuery(AccountSql.ADMIN_CLAIMED).execute().compose(rows -> {
      if (rows.iterator().next().getLong("N") > 0) {
        return Future.succeededFuture(teacher);
      }
      return pool.withTransaction(conn -> conn.preparedQuery(AccountSql.CLAIM_ADMIN)
          .execute(Tuple.of(teacher.id(), System.currentTimeMillis()))
          .compose(x -> conn.preparedQuery(AccountSql.MAKE_ADMIN).execute(Tuple.of(teacher.id()))))
        .map(x -> new User(teacher.id(), teacher.username(), teacher.displayName(), teacher.role(),
          teacher.mustChangePassword(), true, true))
        .recover(e -> Sql.isUniqueViolation(e) ? Future.succeededFuture(teacher) : Future.failedFuture(e));
    });
  }

  /**
   * Inserts an approved account whose password is already hashed (students of a roster import, the
   * demo classroom; inside a transaction).
   */
  public static Future<User> insertUser(SqlClient client, String username, String displayName, User.Role role,
                                        String hash, boolean mustChange) {
    return insertUser(client, username, displayName, role, hash, mustChange, true);
  }

  private static Future<User> insertUser(SqlClient client, String username, String displayName, User.Role role,
                                         String hash, boolean mustChange, boolean approved) {
    return client.preparedQuery(AccountSql.INSERT_USER)
      .execute(Tuple.of(username, displayName, role.code(), hash, mustChange, approved, System.currentTimeMillis()))
      .map(rows -> new User(Sql.generatedId(rows), username, displayName, role, mustChange, approved, false))
      .recover(e -> Future.failedFuture(Sql.isUniqueViolation(e) ? taken(username) : e));
  }

  private static HttpError taken(String username) {
    return HttpError.conflict("用户名 " + username + " 已被使用，请换一个。");
  }

  public Future<Boolean> usernameTaken(String username) {
    return pool.preparedQuery(AccountSql.USERNAME_EXISTS).execute(Tuple.of(normaliseUsername(username)))
      .map(rows -> rows.iterator().next().getLong("N") > 0);
  }

  /** The account if the password matches; empty otherwise (same answer for unknown users). */
  public Future<Optional<User>> authenticate(String username, String password) {
    String name = normaliseUsername(username);
    if (hashing.full()) {
      return hashing.refusal();
    }
    return pool.preparedQuery(AccountSql.USER_WITH_HASH_BY_USERNAME).execute(Tuple.of(name))
      .compose(rows -> {
        Row row = rows.iterator().hasNext() ? rows.iterator().next() : null;
        String hash = row == null ? null : row.getString("PASSWORD_HASH");
        // verify even for unknown users, so timing does not reveal which usernames exist
        return hashing.run(() -> Passwords.verify(hash != null ? hash : DummyHash.VALUE,
            password == null ? "" : password))
          .map(ok -> ok && row != null ? Optional.of(toUser(row)) : Optional.<User>empty());
      });
  }

  /** A hash to check unknown usernames against; made on first use, on a worker thread. */
  private static final class DummyHash {
    static final String VALUE = Passwords.hash("not-a-real-password-" + Secrets.newSecret());
  }

  public Future<Optional<User>> byId(long id) {
    return pool.preparedQuery(AccountSql.USER_BY_ID).execute(Tuple.of(id))
      .map(rows -> rows.iterator().hasNext() ? Optional.of(toUser(rows.iterator().next())) : Optional.empty());
  }

  /** Changes a password after checking the current one; ends the user's other sessions and tokens. */
  public Future<Void> changePassword(User user, String current, String next, String keepSessionHash) {
    Optional<String> problem = Passwords.problem(next);
    if (problem.isPresent()) {
      return Future.failedFuture(HttpError.badRequest(problem.get()));
    }
    return pool.preparedQuery(AccountSql.HASH_BY_ID).execute(Tuple.of(user.id()))
      .compose(rows -> {
        String hash = rows.iterator().next().getString("PASSWORD_HASH");
        return hashing.run(() -> {
          if (!Passwords.verify(hash, current == null ? "" : current)) {
            throw HttpError.badRequest("当前密码不对。");
          }
          return Passwords.hash(next);
        });
      })
      .compose(newHash -> pool.withTransaction(conn -> conn.preparedQuery(AccountSql.UPDATE_PASSWORD)
        .execute(Tuple.of(newHash, user.id()))
        .compose(x -> conn.preparedQuery(AccountSql.DELETE_OTHER_SESSIONS)
          .execute(Tuple.of(user.id(), keepSessionHash == null ? "" : keepSessionHash)))
        .compose(x -> conn.preparedQuery(AccountSql.DELETE_USER_TOKENS).execute(Tuple.of(user.id())))))
      .<Void>mapEmpty()
      .onSuccess(x -> revoked());
  }

  /**
   * Gives a student a temporary password (already hashed) that must be changed at the next login,
   * and ends every session and token of theirs at once. 404 unless {@code studentId} is a student.
   */
  public static Future<Void> setTemporaryPassword(Pool pool, long studentId, String hash) {
    return pool.withTransaction(conn -> conn.preparedQuery(AccountSql.SET_TEMPORARY_PASSWORD)
      .execute(Tuple.of(hash, studentId))
      .compose(rows -> rows.rowCount() == 1 ? Future.succeededFuture()
        : Future.failedFuture(HttpError.notFound("这个学生不在本班。")))
      .compose(x -> conn.preparedQuery(AccountSql.DELETE_USER_SESSIONS).execute(Tuple.of(studentId)))
      .compose(x -> conn.preparedQuery(AccountSql.DELETE_USER_TOKENS).execute(Tuple.of(studentId))))
      .<Void>mapEmpty()
      .onSuccess(x -> SessionCache.revokeHere());
  }

  /** Issues a bearer token; only its hash is stored. */
  public Future<String> issueToken(User user) {
    return issueSecret(AccountSql.INSERT_TOKEN, user, TOKEN_LIFETIME);
  }

  public Future<Optional<User>> userByToken(String token) {
    return userBySecret(AccountSql.USER_BY_TOKEN, "t:", token);
  }

  public Future<Void> revokeToken(String token) {
    return pool.preparedQuery(AccountSql.DELETE_TOKEN).execute(Tuple.of(Secrets.sha256(token))).<Void>mapEmpty()
      .onSuccess(x -> revoked());
  }

  /** Starts a web session with a brand-new id (never the one the visitor had before logging in). */
  public Future<String> startSession(User user) {
    return issueSecret(AccountSql.INSERT_SESSION, user, SESSION_LIFETIME);
  }

  public Future<Optional<User>> userBySession(String sid) {
    return userBySecret(AccountSql.USER_BY_SESSION, "s:", sid);
  }

  /** A new secret (a token or a session id) for the user; only its hash is stored. */
  private Future<String> issueSecret(String insert, User user, java.time.Duration lifetime) {
    String secret = Secrets.newSecret();
    long now = System.currentTimeMillis();
    return pool.preparedQuery(insert)
      .execute(Tuple.of(Secrets.sha256(secret), user.id(), now, now + lifetime.toMillis()))
      .map(secret);
  }

  /**
   * The user a secret (a token or a session id) still belongs to: remembered for up to a second on
   * this node (see {@link SessionCache}), else asked of the database.
   *
   * @param kind keeps tokens and session ids apart in the cache
   */
  private Future<Optional<User>> userBySecret(String query, String kind, String secret) {
    String hash = Secrets.sha256(secret);
    Supplier<Future<Optional<User>>> lookup = () -> pool.preparedQuery(query)
      .execute(Tuple.of(hash, System.currentTimeMillis()))
      .map(rows -> rows.iterator().hasNext() ? Optional.of(toUser(rows.iterator().next())) : Optional.empty());
    return sessions == null ? lookup.get() : sessions.get(kind + hash, lookup);
  }

  public Future<Void> endSession(String sid) {
    return pool.preparedQuery(AccountSql.DELETE_SESSION).execute(Tuple.of(Secrets.sha256(sid))).<Void>mapEmpty()
      .onSuccess(x -> revoked());
  }

  /** A session, token or account changed: this node forgets what it remembered at once. */
  private void revoked() {
    if (sessions != null) {
      sessions.revoke();
    }
  }

  /**
   * The installation's CSRF key, created on first start. Nodes of a cluster that start together
   * each propose a key; only the first is stored, and every node reads back that one.
   */
  public Future<String> csrfKey() {
    return setting("csrf_key").compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
      : pool.preparedQuery(AccountSql.INSERT_SETTING_IF_ABSENT).execute(Tuple.of("csrf_key", Secrets.newSecret()))
        .<Void>mapEmpty()
        .recover(e -> Sql.isUniqueViolation(e) ? Future.succeededFuture() : Future.failedFuture(e))
        .compose(x -> setting("csrf_key"))
        .compose(stored -> stored.isPresent() ? Future.succeededFuture(stored.get())
          : Future.failedFuture(new IllegalStateException("the CSRF key could not be stored"))));
  }

  private Future<Optional<String>> setting(String name) {
    return pool.preparedQuery(AccountSql.SETTING).execute(Tuple.of(name))
      .map(rows -> rows.iterator().hasNext() ? Optional.ofNullable(rows.iterator().next().getString("VAL"))
        : Optional.empty());
  }

  static User toUser(Row row) {
    return new User(row.getLong("ID"), row.getString("USERNAME"), row.getString("DISPLAY_NAME"),
      User.Role.parse(row.getString("ROLE")).orElseThrow(), Boolean.TRUE.equals(row.getBoolean("MUST_CHANGE_PW")),
      Boolean.TRUE.equals(row.getBoolean("APPROVED")), Boolean.TRUE.equals(row.getBoolean("IS_ADMIN")));
  }
}
