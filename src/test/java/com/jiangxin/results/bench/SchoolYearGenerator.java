package com.jiangxin.results.bench;

import com.jiangxin.config.Config;
import com.jiangxin.content.Content;
import com.jiangxin.account.Passwords;
import com.jiangxin.content.Reading;
import com.jiangxin.db.Database;
import com.jiangxin.quiz.AttemptService;
import com.jiangxin.quiz.Choice;
import com.jiangxin.quiz.MultipleChoice;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.SingleChoice;
import com.jiangxin.quiz.TrueFalse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills a data folder with a whole school year of synthetic results, written straight into H2
 * with JDBC batches before any server opens it: one benchmark class of 60 students with the nine
 * readings assigned once (teacher {@value #TEACHER}, password {@value #PASSWORD}), and 100 more
 * classes of 55 students that had each reading assigned twice over the year — about a million
 * rows in {@code responses}. Answers are graded by the real {@link AttemptService#grade}.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dmain.class=com.jiangxin.results.bench.SchoolYearGenerator -Dexec.args="target/bench-data"</pre>
 */
public final class SchoolYearGenerator {
  public static final String TEACHER = "bench-teacher";
  public static final String PASSWORD = "bench-password-1";
  public static final String BENCH_CLASS = "基准（1）班";
  static final int BENCH_STUDENTS = 60;
  static final int OTHER_CLASSES = 100;
  static final int OTHER_STUDENTS = 55;
  static final int ROUNDS_PER_YEAR = 2;
  private static final long DAY = 86_400_000L;
  private static final int BATCH = 5_000;

  private final Connection db;
  private final QuizBank bank;
  private final List<Quiz> quizzes;
  private final Random random = new Random(2025_09_01L);
  private final long yearStart = System.currentTimeMillis() - 300 * DAY;
  private long nextUser = 1;
  private long nextClass = 1;
  private long nextAssignment = 1;
  private long nextAttempt = 1;
  private long responses;
  private final PreparedStatement insertAttempt;
  private final PreparedStatement insertResponse;
  private int pendingAttempts;
  private int pendingResponses;

  /** What was generated. */
  public record Summary(long users, long classes, long assignments, long attempts, long responses, long millis) {
  }

  private SchoolYearGenerator(Connection db, QuizBank bank) throws SQLException {
    this.db = db;
    this.bank = bank;
    this.quizzes = bank.quizzes();
    this.insertAttempt = db.prepareStatement("INSERT INTO attempts (id, assignment_id, reading_id, user_id, "
      + "quiz_version, status, started_at, saved_at, submitted_at, deadline, score, max_score, pending, late, answers, "
      + "option_order, graded_version) VALUES (?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)");
    this.insertResponse = db.prepareStatement("INSERT INTO responses (attempt_id, question_id, example, answer, "
      + "fraction, points, max_points, pending, comment, graded_by, graded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-data").toAbsolutePath();
    Summary s = generate(dir);
    System.out.printf("Generated %,d responses in %,d attempts (%,d users, %,d classes, %,d assignments) in %.1f s into %s%n",
      s.responses(), s.attempts(), s.users(), s.classes(), s.assignments(), s.millis() / 1000.0, dir);
  }

  /** Creates the data folder afresh and fills it. */
  public static Summary generate(Path dir) throws Exception {
    long begin = System.currentTimeMillis();
    if (Files.exists(dir)) {
      com.jiangxin.support.TestServer.deleteTree(dir);
    }
    Files.createDirectories(dir);
    Config config = Config.from(Map.of("DATA_DIR", dir.toString(), "PORT", "0"));
    Database.migrate(config);
    Path content = Content.locate(config);
    List<Reading> readings = Content.loadReadings(content);
    QuizBank bank = QuizBank.load(content, readings);
    try (Connection db = Database.connect(config)) {
      db.setAutoCommit(false);
      SchoolYearGenerator g = new SchoolYearGenerator(db, bank);
      g.fill();
      db.commit();
      try (Statement st = db.createStatement()) {
        st.execute("ALTER TABLE users ALTER COLUMN id RESTART WITH " + g.nextUser);
        st.execute("ALTER TABLE classes ALTER COLUMN id RESTART WITH " + g.nextClass);
        st.execute("ALTER TABLE assignments ALTER COLUMN id RESTART WITH " + g.nextAssignment);
        st.execute("ALTER TABLE attempts ALTER COLUMN id RESTART WITH " + g.nextAttempt);
        st.execute("ANALYZE");
      }
      db.commit();
      return new Summary(g.nextUser - 1, g.nextClass - 1, g.nextAssignment - 1, g.nextAttempt - 1, g.responses,
        System.currentTimeMillis() - begin);
    }
  }

  private void fill() throws SQLException {
    String hash = Passwords.hash(PASSWORD);
    long benchTeacher = user(TEACHER, "基准老师", "teacher", hash);
    schoolClass(benchTeacher, BENCH_CLASS, BENCH_STUDENTS, 1, hash);
    for (int c = 1; c <= OTHER_CLASSES; c++) {
      long teacher = user("teacher-" + c, "老师" + c, "teacher", hash);
      schoolClass(teacher, "第 " + c + " 班", OTHER_STUDENTS, ROUNDS_PER_YEAR, hash);
      if (c % 10 == 0) {
        flush();
        db.commit();
        System.out.printf("  %d of %d classes, %,d responses%n", c, OTHER_CLASSES, responses);
      }
    }
    flush();
  }

  private long user(String username, String name, String role, String hash) throws SQLException {
    long id = nextUser++;
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO users (id, username, display_name, role, "
      + "password_hash, must_change_pw, created_at) VALUES (?, ?, ?, ?, ?, FALSE, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, username);
      ps.setString(3, name);
      ps.setString(4, role);
      ps.setString(5, hash);
      ps.setLong(6, yearStart);
      ps.executeUpdate();
    }
    return id;
  }

  private void schoolClass(long teacher, String name, int size, int rounds, String hash) throws SQLException {
    long classId = nextClass++;
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO classes (id, teacher_id, name, join_code, join_open, "
      + "created_at) VALUES (?, ?, ?, ?, FALSE, ?)")) {
      ps.setLong(1, classId);
      ps.setLong(2, teacher);
      ps.setString(3, name);
      ps.setString(4, "B" + classId + "X");
      ps.setLong(5, yearStart);
      ps.executeUpdate();
    }
    List<long[]> students = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("INSERT INTO class_members (class_id, student_id, joined_at) "
      + "VALUES (?, ?, ?)")) {
      for (int i = 1; i <= size; i++) {
        long id = user("s" + classId + "-" + i, "学生" + classId + "-" + i, "student", hash);
        ps.setLong(1, classId);
        ps.setLong(2, id);
        ps.setLong(3, yearStart);
        ps.addBatch();
        // ability in hundredths, spread like a real class
        students.add(new long[] {id, Math.round(random.nextGaussian() * 100)});
      }
      ps.executeBatch();
    }
    int index = 0;
    for (int round = 0; round < rounds; round++) {
      for (Quiz quiz : quizzes) {
        long due = yearStart + (long) (++index) * 14 * DAY;
        long assignmentId = nextAssignment++;
        int maxAttempts = index % 3 == 0 ? 1 : 3;
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO assignments (id, class_id, reading_id, due_at, "
          + "max_attempts, feedback, keep_score, closed, created_at) VALUES (?, ?, ?, ?, ?, 'immediate', ?, TRUE, ?)")) {
          ps.setLong(1, assignmentId);
          ps.setLong(2, classId);
          ps.setString(3, quiz.readingId());
          ps.setLong(4, due);
          ps.setInt(5, maxAttempts);
          ps.setString(6, index % 4 == 0 ? "latest" : "best");
          ps.setLong(7, due - 7 * DAY);
          ps.executeUpdate();
        }
        for (long[] s : students) {
          if (random.nextDouble() < 0.04) {
            continue;
          }
          int tries = maxAttempts == 1 ? 1 : random.nextDouble() < 0.2 ? 2 : random.nextDouble() < 0.05 ? 3 : 1;
          for (int t = 0; t < tries; t++) {
            attempt(assignmentId, quiz, s[0], s[1] / 100.0 + t * 0.5, due, teacher);
          }
        }
      }
    }
  }

  private void attempt(long assignmentId, Quiz quiz, long userId, double ability, long due, long teacher)
    throws SQLException {
    JsonObject answers = new JsonObject();
    for (Question q : quiz.questions()) {
      double p = 1 / (1 + Math.exp(-1.7 * (ability + 0.8 - (q.id().hashCode() % 7) / 5.0)));
      Object a = random.nextDouble() < p ? q.key() : wrong(q);
      if (a != null) {
        answers.put(q.id(), a);
      }
    }
    AttemptService.Graded graded = AttemptService.grade(quiz, answers);
    long id = nextAttempt++;
    long submitted = due - (long) (random.nextDouble() * 6 * DAY) + (random.nextDouble() < 0.05 ? DAY : 0);
    boolean late = submitted > due;
    double score = 0;
    int pending = 0;
    for (AttemptService.QuestionGrade g : graded.questions()) {
      Question q = g.question();
      boolean open = g.pending();
      // nearly all open answers of a past assignment have been graded; a few wait
      boolean stillWaiting = open && random.nextDouble() < 0.03;
      double points = open && !stillWaiting ? Math.round(random.nextDouble() * q.points()) : g.points();
      insertResponse.setLong(1, id);
      insertResponse.setString(2, q.id());
      insertResponse.setString(3, q.example());
      if (g.answer() == null) {
        insertResponse.setNull(4, Types.CLOB);
      } else {
        insertResponse.setString(4, Json.encode(g.answer()));
      }
      insertResponse.setDouble(5, open && !stillWaiting ? points / q.points() : g.fraction());
      insertResponse.setDouble(6, points);
      insertResponse.setDouble(7, q.points());
      insertResponse.setBoolean(8, stillWaiting);
      insertResponse.setString(9, open && !stillWaiting ? "已阅" : null);
      if (open && !stillWaiting) {
        insertResponse.setLong(10, teacher);
        insertResponse.setLong(11, submitted + DAY);
      } else {
        insertResponse.setNull(10, Types.BIGINT);
        insertResponse.setNull(11, Types.BIGINT);
      }
      insertResponse.addBatch();
      responses++;
      pendingResponses++;
      score += points;
      pending += stillWaiting ? 1 : 0;
    }
    insertAttempt.setLong(1, id);
    insertAttempt.setLong(2, assignmentId);
    insertAttempt.setString(3, quiz.readingId());
    insertAttempt.setLong(4, userId);
    insertAttempt.setString(5, quiz.version());
    insertAttempt.setLong(6, submitted - 15 * 60_000L);
    insertAttempt.setLong(7, submitted);
    insertAttempt.setLong(8, submitted);
    insertAttempt.setLong(9, due + AttemptService.GRACE_MS);
    insertAttempt.setDouble(10, Math.round(score * 100) / 100.0);
    insertAttempt.setDouble(11, graded.max());
    insertAttempt.setInt(12, pending);
    insertAttempt.setBoolean(13, late);
    insertAttempt.setString(14, answers.encode());
    insertAttempt.setString(15, quiz.version());
    insertAttempt.addBatch();
    pendingAttempts++;
    if (pendingResponses >= BATCH) {
      flush();
    }
  }

  /** Attempts first: responses refer to them. */
  private void flush() throws SQLException {
    if (pendingAttempts > 0) {
      insertAttempt.executeBatch();
      pendingAttempts = 0;
    }
    if (pendingResponses > 0) {
      insertResponse.executeBatch();
      pendingResponses = 0;
    }
  }

  private Object wrong(Question q) {
    if (q.type() instanceof SingleChoice s) {
      List<Choice> others = s.options().stream().filter(o -> !o.id().equals(s.answer())).toList();
      return others.get(random.nextInt(others.size())).id();
    }
    if (q.type() instanceof MultipleChoice m) {
      return new JsonArray().add(m.options().get(random.nextInt(m.options().size())).id());
    }
    if (q.type() instanceof TrueFalse t) {
      return !t.answer();
    }
    return random.nextDouble() < 0.5 ? null : "不知道";
  }
}
