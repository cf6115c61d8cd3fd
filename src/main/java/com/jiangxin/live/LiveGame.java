package com.jiangxin.live;

import com.jiangxin.account.User;
import com.jiangxin.classroom.AssignmentRepository;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rules of a live session: who may do what, what each screen may see, and the events each
 * change sends. The session's state is read from the database on every call, so any instance or
 * node can serve any screen; the only thing kept here is the quizzes prepared for live play, which
 * the quiz bank can always rebuild.
 */
final class LiveGame {
  /** A guest's nickname: at most this many characters. */
  static final int NICKNAME_MAX = 20;
  /** The speed bonus tops up the points of equal correct counts without ever reaching one more correct answer. */
  static final int POINTS_PER_CORRECT = 1000;
  /** An answer this long after the question (or later) earns no speed bonus. */
  static final long SPEED_WINDOW_MS = 30_000;
  /** The projector's "how many have answered" is brought up to date at most this often. */
  static final long ANSWERED_EVERY_MS = 250;
  /** With a countdown, an answer is still taken this long after it ran out: the network and a busy Wi-Fi take time. */
  static final long COUNTDOWN_GRACE_MS = 1_000;

  private final LiveRepository repo;
  private final LiveEvents events;
  private final QuizBank bank;
  private final ReadingCatalog catalog;
  private final AssignmentRepository assignments;
  private final ConcurrentMap<String, LiveQuiz> quizzes = new ConcurrentHashMap<>();

  LiveGame(LiveRepository repo, LiveEvents events, QuizBank bank, ReadingCatalog catalog, AssignmentRepository assignments) {
    this.repo = repo;
    this.events = events;
    this.bank = bank;
    this.catalog = catalog;
    this.assignments = assignments;
  }

  /** Who calls: a signed-in user, a player (by their token), or both, or neither. */
  record Caller(User user, LiveRepository.Player player) {
    boolean isPlayerOf(LiveSession s) {
      return player != null && player.sessionId() == s.id() && !player.removed();
    }

    boolean isHostOf(LiveSession s) {
      return user != null && user.isTeacher() && user.id() == s.teacherId();
    }
  }

  LiveRepository repo() {
    return repo;
  }

  LiveEvents events() {
    return events;
  }

  /** The reading's quiz as played live; 404 when the reading has none. */
  LiveQuiz quiz(String readingId) {
    // a teacher's own quiz may have been published again since it was cached
    Quiz current = bank.forReading(readingId).orElse(null);
    LiveQuiz q = current == null ? null : quizzes.compute(readingId, (id, cached) -> cached != null && cached.quiz() == current
      ? cached : new LiveQuiz(current, catalog.byId(id).orElse(null)));
    if (q == null) {
      throw HttpError.notFound("这篇没有测验题：" + readingId);
    }
    return q;
  }

  Future<Caller> caller(User user, String playerToken) {
    if (playerToken == null) {
      return Future.succeededFuture(new Caller(user, null));
    }
    return repo.playerByToken(playerToken).compose(p -> p.isPresent()
      ? Future.succeededFuture(new Caller(user, p.get()))
      : Future.failedFuture(new HttpError(401, "这台设备的加入凭据已失效，请重新输入 PIN 加入。")));
  }

  private Future<LiveSession> session(long id) {
    return repo.session(id).compose(s -> s.isPresent() ? Future.succeededFuture(s.get())
      : Future.failedFuture(HttpError.notFound("没有这场课堂互动。")));
  }

  /** The session if the caller hosts it: 401 without a caller, 403 for its players, 404 for anyone else. */
  Future<LiveSession> hosted(Caller c, long id) {
    return session(id).compose(s -> {
      if (c.isHostOf(s)) {
        return Future.succeededFuture(s);
      }
      if (c.user() == null && c.player() == null) {
        return Future.failedFuture(new HttpError(401, "请先登录。"));
      }
      if (c.isPlayerOf(s)) {
        return Future.failedFuture(HttpError.forbidden("只有主持这场互动的老师可以这样做。"));
      }
      return Future.failedFuture(HttpError.notFound("没有这场课堂互动。"));
    });
  }

  /** The session if the caller hosts it or plays in it. */
  Future<LiveSession> visible(Caller c, long id) {
    return session(id).compose(s -> {
      if (c.isHostOf(s) || c.isPlayerOf(s)) {
        return Future.succeededFuture(s);
      }
      if (c.user() == null && c.player() == null) {
        return Future.failedFuture(new HttpError(401, "请先加入这场课堂互动。"));
      }
      if (c.player() != null && c.player().sessionId() == id) {
        return Future.failedFuture(HttpError.forbidden("老师已把你移出这场互动。"));
      }
      return Future.failedFuture(HttpError.notFound("没有这场课堂互动。"));
    });
  }

  // ---- starting and joining ----

  /** What a teacher asks for when starting a session. */
  record Start(String readingId, Long assignmentId, Long classId, boolean guests, boolean speedBonus, int countdown) {
  }

  Future<LiveSession> start(User teacher, Start req) {
    if (!teacher.isTeacher()) {
      return Future.failedFuture(HttpError.forbidden("只有老师可以开始课堂互动。"));
    }
    Future<String[]> target;
    if (req.assignmentId() != null) {
      target = assignments.visibleTo(teacher, req.assignmentId())
        .map(a -> new String[] {a.readingId(), String.valueOf(a.classId())});
    } else if (req.classId() != null) {
      target = repo.teaches(teacher.id(), req.classId()).compose(ok -> ok
        ? Future.succeededFuture(new String[] {req.readingId(), String.valueOf(req.classId())})
        : Future.failedFuture(HttpError.notFound("没有这个班级。")));
    } else {
      target = Future.succeededFuture(new String[] {req.readingId(), null});
    }
    // an own reading, or its quiz, may have been written on another node
    return target.compose(t -> catalog.refresh(t[0]).map(t)).compose(t -> {
      // a teacher's own reading is played by its owner alone (or through an assignment of it)
      if (req.assignmentId() == null && !catalog.assignableBy(t[0], teacher.id())) {
        return Future.failedFuture(HttpError.notFound("没有这篇文章：" + t[0]));
      }
      LiveQuiz quiz = quiz(t[0]);
      if (quiz.size() == 0) {
        return Future.failedFuture(HttpError.badRequest("这篇的测验里没有能现场作答的题。"));
      }
      return repo.create(teacher.id(), t[0], req.assignmentId(), t[1] == null ? null : Long.valueOf(t[1]),
        req.guests(), req.speedBonus(), req.countdown(), System.currentTimeMillis());
    });
  }

  /** A nickname as shown: control and format characters removed, spaces collapsed; 400 if empty or too long. */
  static String nickname(String typed) {
    String cleaned = typed == null ? "" : typed.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]", "")
      .replaceAll("\\s+", " ").strip();
    if (cleaned.isEmpty()) {
      throw HttpError.badRequest("请输入一个昵称。");
    }
    if (cleaned.codePointCount(0, cleaned.length()) > NICKNAME_MAX) {
      throw HttpError.badRequest("昵称最多 " + NICKNAME_MAX + " 个字。");
    }
    return cleaned;
  }

  Future<LiveRepository.Joined> join(User user, String pin, String typedNickname) {
    if (pin == null || !pin.strip().matches("\\d{6}")) {
      return Future.failedFuture(HttpError.notFound("没有这个 PIN：请看投影上的 6 位数字。"));
    }
    return repo.byPin(pin.strip()).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(HttpError.notFound("没有这个 PIN：请看投影上的 6 位数字。"));
      }
      LiveSession s = found.get();
      if (user != null && !user.isStudent()) {
        return Future.failedFuture(HttpError.forbidden("老师请在投影页主持；学生用手机加入。"));
      }
      if (user == null && !s.guests()) {
        return Future.failedFuture(HttpError.forbidden("这场互动只允许登录的学生加入：请先登录。"));
      }
      String name = user != null ? user.displayName() : nickname(typedNickname);
      return repo.join(s.id(), user == null ? null : user.id(), name, System.currentTimeMillis())
        .compose(j -> announce(s.id(), new JsonObject().put("joined", playerJson(j.player()))).map(j));
    });
  }

  Future<Void> remove(LiveSession s, long playerId) {
    return repo.removePlayer(s.id(), playerId).compose(removed -> {
      if (!removed) {
        return Future.failedFuture(HttpError.notFound("这场互动里没有这位玩家。"));
      }
      events.publishToPlayer(s.id(), playerId, LiveEvents.REMOVED, new JsonObject().put("message", "老师已把你移出这场互动。"));
      return announce(s.id(), new JsonObject().put("removed", playerId));
    });
  }

  /** Tells the host who arrived or left and how many play now (one count, not the whole list: classes can be large). */
  private Future<Void> announce(long sessionId, JsonObject change) {
    return repo.countPlayers(sessionId).map(n -> {
      events.publishToHost(sessionId, "players", change.put("players", n));
      return null;
    });
  }

  static JsonObject playerJson(LiveRepository.Player p) {
    return new JsonObject().put("id", p.id()).put("name", p.name()).put("guest", p.guest());
  }

  // ---- playing ----

  /** Shows the next question, or ends the session after the last. */
  Future<JsonObject> next(LiveSession s) {
    if (s.finished()) {
      return Future.succeededFuture(new JsonObject().put("status", LiveSession.FINISHED));
    }
    LiveQuiz quiz = quiz(s.readingId());
    int to = s.index() + 1;
    if (to >= quiz.size()) {
      return end(s).map(x -> new JsonObject().put("status", LiveSession.FINISHED));
    }
    long now = System.currentTimeMillis();
    return repo.showQuestion(s.id(), s.index(), to, now).compose(moved -> {
      if (!moved) {
        return Future.failedFuture(HttpError.conflict("题目已经换过了，请刷新。"));
      }
      JsonObject question = quiz.playerQuestion(to);
      JsonObject shown = new JsonObject().put("index", to).put("question", question)
        .put("count", quiz.size()).put("countdown", s.countdown()).put("questionAt", now).put("serverNow", now);
      events.publish(s.id(), "question", shown);
      return Future.succeededFuture(shown);
    });
  }

  /** Stores a player's answer to the current question, graded on the server. */
  Future<Void> answer(LiveSession s, LiveRepository.Player p, String questionId, Object answer) {
    LiveQuiz quiz = quiz(s.readingId());
    Question q = quiz.at(s.index());
    if (!LiveSession.QUESTION.equals(s.status()) || q == null || !q.id().equals(questionId)) {
      return Future.failedFuture(HttpError.conflict("这道题现在不能作答了。"));
    }
    long now = System.currentTimeMillis();
    if (timeIsUp(s, now)) {
      return Future.failedFuture(HttpError.conflict("时间到了：这道题的 " + s.countdown() + " 秒倒计时已经结束，答案没有计入。"));
    }
    if (answer == null) {
      return Future.failedFuture(HttpError.badRequest("请先选择或填写答案。"));
    }
    Optional<String> wrong = q.checkShape(answer).or(() -> q.checkSize(answer));
    if (wrong.isPresent()) {
      return Future.failedFuture(HttpError.badRequest(wrong.get()));
    }
    double fraction = q.grade(answer).fraction();
    return repo.answer(s.id(), s.index(), p.id(), q.id(), answer, fraction, now)
      .onSuccess(x -> events.coalesce(s.id(), ANSWERED_EVERY_MS, () -> repo.countAnswers(s.id(), q.id())
        .compose(n -> repo.countPlayers(s.id()).map(players -> {
          events.publishToHost(s.id(), "answered", new JsonObject().put("questionId", q.id())
            .put("answered", n).put("players", players));
          return null;
        }))));
  }

  /** Whether the session's countdown (if the host set one) ran out for the current question, grace included. */
  static boolean timeIsUp(LiveSession s, long now) {
    return s.countdown() > 0 && s.questionAt() != null
      && now > s.questionAt() + s.countdown() * 1000L + COUNTDOWN_GRACE_MS;
  }

  Future<JsonObject> reveal(LiveSession s) {
    LiveQuiz quiz = quiz(s.readingId());
    Question q = quiz.at(s.index());
    if (q == null || LiveSession.LOBBY.equals(s.status()) || s.finished()) {
      return Future.failedFuture(HttpError.conflict("现在没有可以揭晓的题。"));
    }
    return repo.reveal(s.id(), s.index()).compose(ok -> {
      if (!ok) {
        return Future.failedFuture(HttpError.conflict("现在没有可以揭晓的题。"));
      }
      return revealed(s.id(), quiz, s.index());
    }).onSuccess(r -> events.publish(s.id(), "reveal", r));
  }

  /** The reveal of question {@code index}: counts, the key and the evidence in its paragraph. */
  private Future<JsonObject> revealed(long sessionId, LiveQuiz quiz, int index) {
    Question q = quiz.at(index);
    return repo.answersTo(sessionId, q.id()).compose(answers -> repo.countPlayers(sessionId).map(players -> {
      int correct = (int) answers.stream().filter(a -> a.fraction() >= 0.999).count();
      List<Object> given = new ArrayList<>();
      answers.forEach(a -> given.add(a.answer()));
      JsonObject view = quiz.playerQuestion(index);
      return new JsonObject()
        .put("questionId", q.id())
        .put("index", index)
        .put("answered", answers.size())
        .put("players", players)
        .put("correct", correct)
        .put("counts", LiveQuiz.counts(q, given))
        .put("answer", q.key())
        .put("answerText", LiveQuiz.keyText(q))
        .put("evidence", q.evidence())
        .put("paragraph", q.paragraph())
        .put("paragraphText", quiz.paragraph(q))
        .put("explanation", q.explanation())
        .put("question", view);
    }));
  }

  /** What a screen sees now. A player sees no key, correctness or counts before the reveal. */
  Future<JsonObject> state(LiveSession s, Caller c) {
    LiveQuiz quiz = quiz(s.readingId());
    Question q = quiz.at(s.index());
    boolean host = c.isHostOf(s);
    JsonObject out = new JsonObject()
      .put("id", s.id())
      .put("status", s.status())
      .put("index", s.index())
      .put("count", quiz.size())
      .put("countdown", s.countdown())
      .put("speedBonus", s.speedBonus())
      .put("serverNow", System.currentTimeMillis());
    if (q != null && !s.finished()) {
      out.put("question", quiz.playerQuestion(s.index())).put("questionAt", s.questionAt());
    }
    Future<Integer> counted = host
      ? repo.players(s.id()).map(players -> {
        JsonArray names = new JsonArray();
        players.forEach(p -> names.add(playerJson(p)));
        out.put("names", names).put("pin", s.finished() ? null : s.pin())
          .put("guests", s.guests()).put("skipped", quiz.skippedNote()).put("title", title(quiz));
        return players.size();
      })
      : repo.countPlayers(s.id());
    Future<Void> more = counted.compose(players -> {
      out.put("players", players);
      return q == null ? Future.succeededFuture(0) : repo.countAnswers(s.id(), q.id());
    }).compose(answered -> {
      out.put("answered", answered);
      boolean revealed = LiveSession.REVEALED.equals(s.status());
      Future<Void> mine = Future.succeededFuture();
      if (c.isPlayerOf(s)) {
        out.put("me", new JsonObject().put("playerId", c.player().id()).put("name", c.player().name()));
        if (q != null && !s.finished()) {
          mine = repo.answerOf(c.player().id(), q.id()).map(a -> {
            JsonObject m = new JsonObject().put("answered", a.isPresent());
            if (a.isPresent()) {
              m.put("answer", a.get().answer());
              if (revealed) {
                m.put("correct", a.get().fraction() >= 0.999).put("fraction", a.get().fraction());
              }
            }
            out.put("mine", m);
            return null;
          });
        }
      }
      Future<Void> reveal = revealed
        ? revealed(s.id(), quiz, s.index()).map(r -> {
          out.put("reveal", r);
          return null;
        })
        : Future.succeededFuture();
      return Future.all(mine, reveal).mapEmpty();
    });
    return more.map(out);
  }

  private static String title(LiveQuiz quiz) {
    Reading r = quiz.reading();
    return r == null ? quiz.quiz().title() : r.pianLabel() + " · " + r.title();
  }

  /** The players by correct answers; with the speed bonus on, faster correct answers break ties. */
  Future<JsonArray> leaderboard(LiveSession s) {
    return repo.scores(s.id()).map(scores -> {
      List<JsonObject> rows = new ArrayList<>();
      for (LiveRepository.Score sc : scores) {
        rows.add(new JsonObject().put("name", sc.name()).put("correct", sc.correct())
          .put("points", points(sc, s.speedBonus())).put("answered", sc.answered()).put("guest", sc.userId() == null));
      }
      rows.sort(Comparator.<JsonObject>comparingLong(r -> -r.getLong("points"))
        .thenComparing(r -> r.getString("name")));
      return new JsonArray(new ArrayList<>(rows));
    });
  }

  /**
   * {@value #POINTS_PER_CORRECT} per correct answer; with the speed bonus, up to
   * {@code POINTS_PER_CORRECT - 1} more for how fast the correct answers came on average, so speed
   * only ever orders players with the same number of correct answers.
   */
  static long points(LiveRepository.Score sc, boolean speedBonus) {
    long base = (long) sc.correct() * POINTS_PER_CORRECT;
    if (!speedBonus || sc.correct() == 0) {
      return base;
    }
    double avg = (double) sc.correctMs() / sc.correct();
    double speed = Math.max(0, 1 - avg / SPEED_WINDOW_MS);
    return base + Math.min(POINTS_PER_CORRECT - 1, Math.round(speed * (POINTS_PER_CORRECT - 1)));
  }

  /** Ends the session: the PIN is freed, every screen hears it, and the results stay in the live tables. */
  Future<JsonObject> end(LiveSession s) {
    return repo.finish(s.id(), System.currentTimeMillis())
      .compose(changed -> leaderboard(s).map(board -> {
        JsonObject done = new JsonObject().put("id", s.id()).put("status", LiveSession.FINISHED).put("leaderboard", board);
        if (changed) {
          events.publish(s.id(), "state", new JsonObject().put("status", LiveSession.FINISHED).put("leaderboard", board));
        }
        return done;
      }));
  }
}
