package com.jiangxin.live;

import com.jiangxin.account.Secrets;
import com.jiangxin.db.Sql;
import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live tables. Every rule that must hold when several instances or nodes serve one session is a
 * conditional update or a unique key here: one answer per player and question, answers only to the
 * current open question, moving on only from the question the teacher saw.
 */
final class LiveRepository {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int PIN_TRIES = 8;

  private final Pool pool;

  LiveRepository(Pool pool) {
    this.pool = pool;
  }

  /** A player of a session; {@code userId} is null for a guest. */
  record Player(long id, long sessionId, Long userId, String name, boolean removed) {
    static Player from(Row r) {
      return new Player(r.getLong("ID"), r.getLong("SESSION_ID"), r.getLong("USER_ID"), r.getString("NAME"),
        Boolean.TRUE.equals(r.getBoolean("REMOVED")));
    }

    boolean guest() {
      return userId == null;
    }
  }

  /** A player just joined, with the secret their device keeps. */
  record Joined(Player player, String token) {
  }

  /** One player's standing: correct answers, the time those took, and how many they answered. */
  record Score(long playerId, String name, Long userId, int correct, long correctMs, double fractions, int answered) {
  }

  /** An answer as stored: its JSON and its grade. */
  record Answer(Object answer, double fraction) {
  }

  /** Creates a session in the lobby with a fresh 6-digit PIN that no running session uses. */
  Future<LiveSession> create(long teacherId, String readingId, Long assignmentId, Long classId, boolean guests,
                             boolean speedBonus, int countdown, long now) {
    return createTry(teacherId, readingId, assignmentId, classId, guests, speedBonus, countdown, now, 0);
  }

  private Future<LiveSession> createTry(long teacherId, String readingId, Long assignmentId, Long classId,
                                        boolean guests, boolean speedBonus, int countdown, long now, int tried) {
    String pin = String.format("%06d", RANDOM.nextInt(1_000_000));
    return pool.preparedQuery(LiveSql.INSERT_SESSION)
      .execute(Tuple.from(new Object[] {teacherId, readingId, assignmentId, classId, pin, pin, guests, speedBonus,
        countdown, now}))
      .compose(rows -> session(Sql.generatedId(rows)).map(Optional::get))
      .recover(e -> Sql.isUniqueViolation(e) && tried + 1 < PIN_TRIES
        ? createTry(teacherId, readingId, assignmentId, classId, guests, speedBonus, countdown, now, tried + 1)
        : Future.failedFuture(e));
  }

  Future<Optional<LiveSession>> session(long id) {
    return pool.preparedQuery(LiveSql.SESSION).execute(Tuple.of(id)).map(rows -> first(rows).map(LiveSession::from));
  }

  /** The running session with this PIN. */
  Future<Optional<LiveSession>> byPin(String pin) {
    return pool.preparedQuery(LiveSql.SESSION_BY_PIN).execute(Tuple.of(pin)).map(rows -> first(rows).map(LiveSession::from));
  }

  /**
   * Adds a player. A student who joins again (another device, a lost token) is the same player with
   * their answers, under a new token.
   */
  Future<Joined> join(long sessionId, Long userId, String name, long now) {
    String token = Secrets.newSecret();
    String hash = Secrets.sha256(token);
    Future<Optional<Player>> existing = userId == null ? Future.succeededFuture(Optional.empty())
      : pool.preparedQuery(LiveSql.PLAYER_OF_USER).execute(Tuple.of(sessionId, userId)).map(r -> first(r).map(Player::from));
    return existing.compose(found -> {
      if (found.isPresent()) {
        Player p = found.get();
        return pool.preparedQuery(LiveSql.RENEW_PLAYER).execute(Tuple.of(hash, p.id()))
          .map(x -> new Joined(new Player(p.id(), sessionId, userId, p.name(), false), token));
      }
      return pool.preparedQuery(LiveSql.INSERT_PLAYER).execute(Tuple.of(sessionId, userId, name, hash, now))
        .map(rows -> new Joined(new Player(Sql.generatedId(rows), sessionId, userId, name, false), token))
        .recover(e -> userId != null && Sql.isUniqueViolation(e)
          ? join(sessionId, userId, name, now) // the same student joined twice at once
          : Future.failedFuture(e));
    });
  }

  Future<Optional<Player>> playerByToken(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(LiveSql.PLAYER_BY_TOKEN).execute(Tuple.of(Secrets.sha256(token.strip())))
      .map(rows -> first(rows).map(Player::from));
  }

  Future<List<Player>> players(long sessionId) {
    return pool.preparedQuery(LiveSql.PLAYERS).execute(Tuple.of(sessionId)).map(rows -> {
      List<Player> list = new ArrayList<>();
      rows.forEach(r -> list.add(Player.from(r)));
      return list;
    });
  }

  Future<Integer> countPlayers(long sessionId) {
    return count(LiveSql.COUNT_PLAYERS, Tuple.of(sessionId));
  }

  /** True if the player was in the session (and now is not). */
  Future<Boolean> removePlayer(long sessionId, long playerId) {
    return pool.preparedQuery(LiveSql.REMOVE_PLAYER).execute(Tuple.of(playerId, sessionId)).map(r -> r.rowCount() > 0);
  }

  /** Shows question {@code to}, if the session is still at {@code from}; false when someone moved first. */
  Future<Boolean> showQuestion(long sessionId, int from, int to, long now) {
    return pool.preparedQuery(LiveSql.SHOW_QUESTION).execute(Tuple.of(to, now, sessionId, from)).map(r -> r.rowCount() > 0);
  }

  Future<Boolean> reveal(long sessionId, int index) {
    return pool.preparedQuery(LiveSql.REVEAL).execute(Tuple.of(sessionId, index)).map(r -> r.rowCount() > 0);
  }

  /** Ends the session; false when it had already ended. */
  Future<Boolean> finish(long sessionId, long now) {
    return pool.preparedQuery(LiveSql.FINISH).execute(Tuple.of(now, sessionId)).map(r -> r.rowCount() > 0);
  }

  /**
   * Stores a graded answer to the question at {@code index}. Fails with 409 when the question is not
   * the current open one, or the player already answered it.
   */
  Future<Void> answer(long sessionId, int index, long playerId, String questionId, Object answer, double fraction, long now) {
    return pool.preparedQuery(LiveSql.INSERT_ANSWER)
      .execute(Tuple.from(new Object[] {playerId, questionId, Json.encode(answer), fraction, now, now, sessionId, index}))
      .recover(e -> Future.failedFuture(Sql.isUniqueViolation(e)
        ? HttpError.conflict("这道题你已经答过了。") : e))
      .compose(rows -> rows.rowCount() > 0 ? Future.<Void>succeededFuture()
        : Future.failedFuture(HttpError.conflict("这道题现在不能作答了。")));
  }

  Future<Integer> countAnswers(long sessionId, String questionId) {
    return count(LiveSql.COUNT_ANSWERS, Tuple.of(sessionId, questionId));
  }

  Future<List<Answer>> answersTo(long sessionId, String questionId) {
    return pool.preparedQuery(LiveSql.ANSWERS_TO).execute(Tuple.of(sessionId, questionId)).map(rows -> {
      List<Answer> list = new ArrayList<>();
      rows.forEach(r -> list.add(new Answer(Json.decodeValue(r.getString("ANSWER")), r.getDouble("FRACTION"))));
      return list;
    });
  }

  Future<Optional<Answer>> answerOf(long playerId, String questionId) {
    return pool.preparedQuery(LiveSql.ANSWER_OF).execute(Tuple.of(playerId, questionId))
      .map(rows -> first(rows).map(r -> new Answer(Json.decodeValue(r.getString("ANSWER")), r.getDouble("FRACTION"))));
  }

  Future<List<Score>> scores(long sessionId) {
    return pool.preparedQuery(LiveSql.SCORES).execute(Tuple.of(sessionId)).map(rows -> {
      List<Score> list = new ArrayList<>();
      rows.forEach(r -> list.add(new Score(r.getLong("ID"), r.getString("NAME"), r.getLong("USER_ID"),
        r.getNumeric("CORRECT").intValue(), r.getNumeric("CORRECT_MS").longValue(),
        r.getNumeric("FRACTIONS").doubleValue(), r.getNumeric("ANSWERED").intValue())));
      return list;
    });
  }

  /** The teacher's classes as id and name, for the start page. */
  Future<List<Object[]>> classesOf(long teacherId) {
    return pool.preparedQuery(LiveSql.CLASSES_OF_TEACHER).execute(Tuple.of(teacherId)).map(rows -> {
      List<Object[]> list = new ArrayList<>();
      rows.forEach(r -> list.add(new Object[] {r.getLong("ID"), r.getString("NAME")}));
      return list;
    });
  }

  Future<Boolean> teaches(long teacherId, long classId) {
    return pool.preparedQuery(LiveSql.CLASS_OWNED).execute(Tuple.of(classId, teacherId)).map(r -> r.iterator().hasNext());
  }

  Future<Boolean> isMember(long classId, long studentId) {
    return pool.preparedQuery(LiveSql.IS_MEMBER).execute(Tuple.of(classId, studentId)).map(r -> r.iterator().hasNext());
  }

  private Future<Integer> count(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).map(rows -> rows.iterator().next().getNumeric("N").intValue());
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty();
  }
}
