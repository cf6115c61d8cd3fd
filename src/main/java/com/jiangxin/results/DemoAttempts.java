package com.jiangxin.results;

import com.jiangxin.quiz.AttemptRecords;
import com.jiangxin.quiz.AttemptService;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import io.vertx.core.Future;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Simulated work for the demo class ({@code DEMO=1}), so a newcomer's first gradebook and reports
 * are alive: most students have submitted the showcase assignments with a spread of scores, many
 * misread the same example (哈里森's five clocks become three, and what he is cited for is missed), a
 * few try twice, and a few open answers wait in the grading queue. Answers are graded by the real {@link AttemptService#grade};
 * attempts are written by the quiz feature ({@link AttemptRecords}), steps and all. An assignment that already has attempts is left alone, so a restart
 * adds nothing. The same seed gives the same class every time. The first student (whose login the
 * demo prints first) is left without attempts, so a newcomer can take the quizzes as a student.
 */
public final class DemoAttempts {
  private static final Logger LOG = LoggerFactory.getLogger(DemoAttempts.class);
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  /*
   * The maps below name questions as "reading#id" (ids are unique only within a quiz). Misreadings
   * cluster on 哈里森 (pian-05): his five clocks become three, his 40 years become 30, and the
   * understanding questions about what the speech cites him for are the hardest of the quiz.
   */

  /** How likely a student of average ability gets a question right depends on this (higher is harder). */
  private static final Map<String, Double> DIFFICULTY = Map.ofEntries(
    // pian-05: 哈里森 q02 clocks, q03 why beside our craftsmen, q04 why he kept building, q05 longitude, q06 last clock
    Map.entry("pian-05#q02", 1.2), Map.entry("pian-05#q03", 0.8), Map.entry("pian-05#q04", 1.0),
    Map.entry("pian-05#q05", 0.8), Map.entry("pian-05#q06", 0.6), Map.entry("pian-05#q07", 0.2),
    Map.entry("pian-05#q08", 0.1), Map.entry("pian-05#q09", 0.2), Map.entry("pian-05#q10", 0.3),
    Map.entry("pian-05#q13", 0.3),
    // pian-02: q04 赵普, q05 路遥, q06 《平凡的世界》, q07 李白, q08 泯然众人, q09 方仲永, q11 roles, q12 argument order
    Map.entry("pian-02#q02", 0.1), Map.entry("pian-02#q04", 0.2), Map.entry("pian-02#q05", -0.4),
    Map.entry("pian-02#q06", -0.6), Map.entry("pian-02#q07", 0.5), Map.entry("pian-02#q08", 0.3),
    Map.entry("pian-02#q09", 0.1), Map.entry("pian-02#q10", 0.2), Map.entry("pian-02#q11", 0.6),
    Map.entry("pian-02#q12", 0.5), Map.entry("pian-02#q13", 0.3));

  /** The wrong answers students really give, with weights: the misconceptions a report should surface. */
  private static final Map<String, List<Object>> MISREADINGS = Map.ofEntries(
    Map.entry("pian-05#q02", List.of(3, 3, 3, 3, 3, 3, 4, 4, 40)),
    // 精益求精 read as "foreign craftsmen are better" or "making clocks is harder than welding"
    Map.entry("pian-05#q03", List.of("C", "C", "C", "A", "B")),
    // the clocks read as a business: the earlier ones did not sell, or he wanted more money
    Map.entry("pian-05#q04", List.of("A", "A", "A", "C", "C", "D")),
    Map.entry("pian-05#q05", List.of("A", "A", "A", "A", "B")),
    Map.entry("pian-05#q08", List.of(24, 24, 24, 63)),
    Map.entry("pian-05#q09", List.of("B", "B", "C")),
    Map.entry("pian-05#q12", List.of("A", "A", "B")),
    Map.entry("pian-02#q04", List.of("A", "A", "C")),
    Map.entry("pian-02#q05", List.of("C", "C", "B")),
    Map.entry("pian-02#q06", List.of("人生", "人生", "人生", "平凡的人生")),
    Map.entry("pian-02#q07", List.of("A", "A", "A", "B")),
    Map.entry("pian-02#q08", List.of("泯然于众", "江郎才尽", "江郎才尽")),
    Map.entry("pian-02#q09", List.of("A", "A", "A", "B")));

  /** Open answers of varying quality, best first, with what a teacher gave them. */
  private static final Map<String, List<String>> OPEN_ANSWERS = Map.of(
    "pian-02#q15", List.of(
      "路遥身患重病还深入煤窝和矿工同吃同住，几十年如一日地写，终于写出《平凡的世界》；方仲永小时候很有才华，却少于练习，最后泯然众人。两人一正一反，说明成功靠的不是天赋，而是勤劳，勤劳是通向成功的基石。",
      "路遥坚持写作写出了《平凡的世界》，方仲永不练习最后泯然众人。说明要勤劳。",
      "路遥很努力，方仲永很聪明但是后来不行了。",
      "两个人都很有名。"),
    "pian-05#q11", List.of(
      "必须有别人难以替代的技术水准。胡双钱只是工人，可他只凭一双手和一台老铣钻床，一个多小时就打完36个精度0.24毫米的孔，一次通过检验，所以他是大飞机团队里不可缺少的人。",
      "要有别人难以替代的技术。胡双钱一个多小时打完了36个孔。",
      "要有很高的技术，胡双钱很厉害。",
      "要当领导。"));
  private static final List<String> COMMENTS = List.of("事例和道理都说到了，很完整。", "事例说清楚了，道理还可以再归纳一句。",
    "只复述了事例，回到原文看看作者想说明什么。", "没有回答题目的问题，请重读原文。");

  private DemoAttempts() {
  }

  /**
   * What in the maps above no longer fits the bank: a name with no such question, a misreading that
   * the question grades as right, an open answer for a question that is not open. Empty when the
   * demo follows the bank.
   */
  static List<String> staleEntries(QuizBank bank) {
    List<String> stale = new ArrayList<>();
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    names.addAll(DIFFICULTY.keySet());
    names.addAll(MISREADINGS.keySet());
    names.addAll(OPEN_ANSWERS.keySet());
    for (String name : names) {
      String[] parts = name.split("#", 2);
      java.util.Optional<Question> q = bank.forReading(parts[0])
        .flatMap(quiz -> quiz.questions().stream().filter(x -> x.id().equals(parts[1])).findFirst());
      if (q.isEmpty()) {
        stale.add(name + ": no such question");
        continue;
      }
      for (Object answer : MISREADINGS.getOrDefault(name, List.of())) {
        if (q.get().checkShape(answer).isPresent() || q.get().grade(answer).fraction() > 0) {
          stale.add(name + ": the misreading " + answer + " is not a wrong answer");
        }
      }
      if (OPEN_ANSWERS.containsKey(name) && q.get().type().autoGraded()) {
        stale.add(name + ": open answers for a question that is not open");
      }
    }
    return stale;
  }

  /** What the demo seed made: the class, its teacher, the showcase assignments. */
  private record Demo(long classId, long teacherId, List<Row> assignments, List<Long> students) {
  }

  /**
   * Adds simulated attempts to the demo class's showcase assignments that have none yet.
   *
   * @param teacherUsername the demo teacher's username; the demo class is the first class they teach
   */
  public static Future<Void> run(Pool pool, QuizBank bank, String teacherUsername, long now) {
    return pool.preparedQuery(ResultsSql.DEMO_CLASS)
      .execute(Tuple.of(teacherUsername)).compose(rows -> {
        if (!rows.iterator().hasNext()) {
          return Future.succeededFuture();
        }
        Row c = rows.iterator().next();
        long classId = c.getLong("CLASS_ID");
        Future<io.vertx.sqlclient.RowSet<Row>> as = pool.preparedQuery(ResultsSql.DEMO_ASSIGNMENTS).execute(Tuple.of(classId));
        Future<io.vertx.sqlclient.RowSet<Row>> ss = pool.preparedQuery(ResultsSql.DEMO_STUDENTS).execute(Tuple.of(classId));
        return Future.all(as, ss).compose(x -> {
          List<Row> fresh = new ArrayList<>();
          as.result().forEach(r -> {
            if (r.getLong("ATTEMPTS") == 0 && bank.forReading(r.getString("READING_ID")).isPresent()) {
              fresh.add(r);
            }
          });
          List<Long> students = new ArrayList<>();
          ss.result().forEach(r -> students.add(r.getLong("ID")));
          // the first student's login is the one printed first: keep it fresh for a newcomer to try the quiz
          if (!students.isEmpty()) {
            students.remove(0);
          }
          if (fresh.isEmpty() || students.isEmpty()) {
            return Future.succeededFuture();
          }
          Demo demo = new Demo(classId, c.getLong("TEACHER_ID"), fresh, students);
          return pool.withTransaction(conn -> simulate(conn, demo, bank, now)).map(n -> {
            LOG.info("DEMO: simulated {} attempts on {} assignments of the demo class.", n, fresh.size());
            return null;
          });
        });
      });
  }

  /** One simulated attempt, graded, ready to insert. */
  private record Planned(long assignmentId, long userId, Quiz quiz, JsonObject answers, boolean submitted,
                         long startedAt, long submittedAt, Long dueAt) {
  }

  private static Future<Integer> simulate(SqlConnection conn, Demo demo, QuizBank bank, long now) {
    Random random = new Random(20240905L);
    // a fixed spread of abilities, shuffled the same way every time
    List<Double> abilities = new ArrayList<>();
    for (int i = 0; i < demo.students().size(); i++) {
      abilities.add(-1.6 + 3.4 * i / Math.max(1, demo.students().size() - 1));
    }
    Collections.shuffle(abilities, random);
    List<Planned> plans = new ArrayList<>();
    int index = 0;
    for (Row a : demo.assignments()) {
      index++;
      Quiz quiz = bank.forReading(a.getString("READING_ID")).orElseThrow();
      long assignmentId = a.getLong("ID");
      Long dueAt = a.getLong("DUE_AT");
      int maxAttempts = a.getInteger("MAX_ATTEMPTS");
      // the earlier assignment is nearly done; a later one is under way
      double participation = index == 1 ? 0.9 : 0.72;
      long window = index == 1 ? 60 * HOUR : 30 * HOUR;
      boolean oneInProgress = false;
      for (int s = 0; s < demo.students().size(); s++) {
        long userId = demo.students().get(s);
        double ability = abilities.get(s);
        if (random.nextDouble() > participation) {
          if (!oneInProgress) {
            oneInProgress = true;
            long started = now - 20 * MINUTE;
            plans.add(new Planned(assignmentId, userId, quiz, answers(quiz, ability, 0.4, random), false, started, 0, dueAt));
          }
          continue;
        }
        long submittedAt = now - HOUR - (long) (random.nextDouble() * window);
        JsonObject first = answers(quiz, ability, 1.0, random);
        plans.add(new Planned(assignmentId, userId, quiz, first, true, submittedAt - (8 + random.nextInt(18)) * MINUTE,
          submittedAt, dueAt));
        double firstShare = AttemptService.grade(quiz, first).score() / quiz.totalPoints();
        if (maxAttempts > 1 && firstShare < 0.7 && random.nextDouble() < 0.45) {
          // tried again after the feedback, and learned something from it
          long again = Math.min(now - 10 * MINUTE, submittedAt + (2 + random.nextInt(20)) * HOUR);
          plans.add(new Planned(assignmentId, userId, quiz, answers(quiz, ability + 0.9, 1.0, random), true,
            again - (6 + random.nextInt(10)) * MINUTE, again, dueAt));
        }
      }
    }
    // the latest open answers of each assignment wait for the teacher; the rest were graded
    Map<Long, List<Planned>> byAssignment = new LinkedHashMap<>();
    plans.stream().filter(Planned::submitted).forEach(p -> byAssignment.computeIfAbsent(p.assignmentId(),
      k -> new ArrayList<>()).add(p));
    java.util.Set<Planned> waiting = new java.util.HashSet<>();
    byAssignment.values().forEach(list -> list.stream()
      .sorted((x, y) -> Long.compare(y.submittedAt(), x.submittedAt())).limit(3).forEach(waiting::add));
    Future<Void> chain = Future.succeededFuture();
    for (Planned p : plans) {
      chain = chain.compose(x -> insert(conn, p, !waiting.contains(p), demo.teacherId(), random));
    }
    return chain.map(plans.size());
  }

  /** Answers of a student of the given ability; {@code reach} is the share of questions they got to. */
  private static JsonObject answers(Quiz quiz, double ability, double reach, Random random) {
    JsonObject out = new JsonObject();
    for (Question q : quiz.questions()) {
      if (random.nextDouble() > reach) {
        continue;
      }
      double difficulty = DIFFICULTY.getOrDefault(name(quiz, q), -0.7);
      double p = 1 / (1 + Math.exp(-1.7 * (ability - difficulty)));
      boolean right = random.nextDouble() < p;
      Object answer = !q.type().autoGraded() ? openAnswer(name(quiz, q), ability, random)
        : right ? q.type().demoRight() : wrong(quiz, q, random);
      if (answer != null) {
        out.put(q.id(), answer);
      }
    }
    return out;
  }

  /** How the maps above name a question: its reading and its id. */
  private static String name(Quiz quiz, Question q) {
    return quiz.readingId() + "#" + q.id();
  }

  private static Object openAnswer(String name, double ability, Random random) {
    List<String> texts = OPEN_ANSWERS.get(name);
    if (texts == null || random.nextDouble() < 0.08) {
      return null;
    }
    int level = ability + random.nextGaussian() * 0.6 > 0.8 ? 0 : ability > -0.2 ? 1 : ability > -1.0 ? 2 : 3;
    return texts.get(Math.min(texts.size() - 1, level));
  }

  private static Object wrong(Quiz quiz, Question q, Random random) {
    List<Object> known = MISREADINGS.get(name(quiz, q));
    if (known != null) {
      return known.get(random.nextInt(known.size()));
    }
    return q.type().demoWrong(random);
  }

  /**
   * Records the planned attempt through the quiz feature; a submitted one not among the waiting has
   * its open answers graded by the teacher a few hours after the submit.
   */
  private static Future<Void> insert(SqlConnection conn, Planned p, boolean teacherGraded, long teacherId, Random random) {
    Quiz quiz = p.quiz();
    if (!p.submitted()) {
      return AttemptRecords.recordOpen(conn, p.assignmentId(), p.userId(), quiz, p.answers(), p.startedAt(),
        p.startedAt() + 5 * MINUTE, p.dueAt());
    }
    Map<String, AttemptRecords.TeacherGrade> grades = new LinkedHashMap<>();
    if (teacherGraded) {
      for (AttemptService.QuestionGrade g : AttemptService.grade(quiz, p.answers()).questions()) {
        Question q = g.question();
        if (!g.pending()) {
          continue;
        }
        int level = OPEN_ANSWERS.getOrDefault(name(quiz, q), List.of()).indexOf(String.valueOf(g.answer()));
        double share = level < 0 ? 0.34 : Math.max(0, 1 - level / 3.0);
        grades.put(q.id(), new AttemptRecords.TeacherGrade(Math.round(share * q.points() * 2) / 2.0,
          COMMENTS.get(Math.max(0, Math.min(COMMENTS.size() - 1, level))), teacherId,
          p.submittedAt() + (1 + random.nextInt(5)) * HOUR));
      }
    }
    return AttemptRecords.recordSubmitted(conn, p.assignmentId(), p.userId(), quiz, p.answers(), p.startedAt(),
      p.submittedAt(), p.dueAt(), grades);
  }
}
