package com.jiangxin.results;

import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.results.Records.AssignmentRef;
import com.jiangxin.results.Records.ClassRef;
import com.jiangxin.results.Records.Kept;
import com.jiangxin.results.Records.Student;
import com.jiangxin.web.HttpError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.jiangxin.discussion.Participation;
import com.jiangxin.live.LiveResults;

/**
 * A class's gradebook: its students × its assignments, each cell the kept score of one student at
 * one assignment with the attempts used, a late mark and the open answers still to grade.
 */
final class Gradebook {
  private static final Collator PINYIN = Collator.getInstance(Locale.CHINA);

  /** An assignment as a column: its reading and what it is out of. */
  record Column(AssignmentRef assignment, String pian, String title, double maxScore) {
    long id() {
      return assignment.id();
    }
  }

  /** A student's row: the kept result of each assignment they submitted, and the sum. */
  record Line(Student student, Map<Long, Kept> results, double total) {
  }

  /** How the rows are ordered: by name, by total, or by one assignment's score. */
  record Sort(String key, boolean descending) {
    static final Sort DEFAULT = new Sort("name", false);

    /**
     * Reads {@code ?sort=name|total|<assignmentId>&dir=asc|desc}; totals and scores sort high to
     * low unless asked otherwise.
     *
     * @throws HttpError 400 for anything else
     */
    static Sort parse(String sort, String dir, List<Column> columns) {
      String key = sort == null || sort.isBlank() ? "name" : sort.strip();
      boolean known = key.equals("name") || key.equals("total")
        || columns.stream().anyMatch(c -> Long.toString(c.id()).equals(key));
      if (!known) {
        throw HttpError.badRequest("不能按“" + AnswerCounts.shorten(key, 20)
          + "”排序：请用 name（姓名）、total（总分）或本班一个作业的编号。");
      }
      if (dir != null && !dir.isBlank() && !dir.equals("asc") && !dir.equals("desc")) {
        throw HttpError.badRequest("排序方向只能是升序或降序。");
      }
      boolean descending = dir == null || dir.isBlank() ? !key.equals("name") : dir.equals("desc");
      return new Sort(key, descending);
    }
  }

  private final ClassRef cls;
  private final List<Column> columns;
  private final List<Line> lines;
  private final double totalMax;
  /** Discussion participation: student id → assignment id → counts. */
  private final Map<Long, Map<Long, Participation>> participation;

  /** The class's finished live sessions (source "live"), shown beside the scores and never counted in them. */
  private final List<LiveResults.Session> live;

  private Gradebook(ClassRef cls, List<Column> columns, List<Line> lines,
                    Map<Long, Map<Long, Participation>> participation, List<LiveResults.Session> live) {
    this.cls = cls;
    this.columns = columns;
    this.lines = lines;
    this.totalMax = columns.stream().mapToDouble(Column::maxScore).sum();
    this.participation = participation;
    this.live = live;
  }

  /** The same gradebook with each student's discussion participation per assignment. */
  Gradebook withParticipation(Map<Long, Map<Long, Participation>> byStudent) {
    return new Gradebook(cls, columns, lines, byStudent, live);
  }

  /** The same gradebook with the class's live sessions. */
  Gradebook withLive(List<LiveResults.Session> sessions) {
    return new Gradebook(cls, columns, lines, participation, sessions);
  }

  List<LiveResults.Session> live() {
    return live;
  }

  /** A student's participation in an assignment's discussion (zeros when none). */
  Participation participation(long studentId, long assignmentId) {
    return participation.getOrDefault(studentId, Map.of()).getOrDefault(assignmentId, Participation.NONE);
  }

  static Gradebook build(ClassRef cls, List<AssignmentRef> assignments, List<Student> students, List<Kept> kept,
                         QuizBank bank, ReadingCatalog catalog) {
    List<Column> columns = new ArrayList<>();
    for (AssignmentRef a : assignments) {
      Reading r = catalog.byId(a.readingId()).orElse(null);
      double max = bank.forReading(a.readingId()).map(Quiz::totalPoints).orElse(0.0);
      columns.add(new Column(a, r == null ? a.readingId() : r.pianLabel(), r == null ? a.readingId() : r.title(),
        Math.round(max * 100) / 100.0));
    }
    Map<Long, Map<Long, Kept>> byStudent = new HashMap<>();
    for (Kept k : kept) {
      byStudent.computeIfAbsent(k.userId(), x -> new HashMap<>()).put(k.assignmentId(), k);
    }
    List<Line> lines = new ArrayList<>();
    for (Student s : students) {
      Map<Long, Kept> results = byStudent.getOrDefault(s.id(), Map.of());
      double total = 0;
      for (Column c : columns) {
        Kept k = results.get(c.id());
        if (k != null && k.score() != null) {
          total += k.score();
        }
      }
      lines.add(new Line(s, results, Math.round(total * 100) / 100.0));
    }
    return new Gradebook(cls, columns, lines, Map.of(), List.of());
  }

  ClassRef cls() {
    return cls;
  }

  List<Column> columns() {
    return columns;
  }

  List<Line> lines() {
    return lines;
  }

  double totalMax() {
    return totalMax;
  }

  /** The rows in the asked order; ties (and missing scores, always last) fall back to name order. */
  List<Line> sorted(Sort sort) {
    Comparator<Line> byName = Comparator.comparing((Line l) -> l.student().displayName(), PINYIN)
      .thenComparing(l -> l.student().username());
    List<Line> out = new ArrayList<>(lines);
    if (sort.key().equals("name")) {
      out.sort(sort.descending() ? byName.reversed() : byName);
      return out;
    }
    Comparator<Double> numbers = Comparator.nullsLast(sort.descending() ? Comparator.<Double>reverseOrder()
      : Comparator.<Double>naturalOrder());
    if (sort.key().equals("total")) {
      out.sort(Comparator.comparing((Line l) -> l.total(), numbers).thenComparing(byName));
    } else {
      long id = Long.parseLong(sort.key());
      out.sort(Comparator.comparing((Line l) -> {
        Kept k = l.results().get(id);
        return k == null ? null : k.score();
      }, numbers).thenComparing(byName));
    }
    return out;
  }

  /** The class mean of the kept scores of one assignment (over students who submitted), or null. */
  Double mean(long assignmentId) {
    double sum = 0;
    int n = 0;
    for (Line l : lines) {
      Kept k = l.results().get(assignmentId);
      if (k != null && k.score() != null) {
        sum += k.score();
        n++;
      }
    }
    return n == 0 ? null : sum / n;
  }

  long submitted(long assignmentId) {
    return lines.stream().filter(l -> l.results().containsKey(assignmentId)).count();
  }

  JsonObject toJson(Sort sort) {
    JsonArray cols = new JsonArray();
    for (Column c : columns) {
      AssignmentRef a = c.assignment();
      cols.add(new JsonObject().put("id", a.id()).put("readingId", a.readingId()).put("pian", c.pian())
        .put("title", c.title()).put("dueAt", a.dueAt()).put("maxScore", c.maxScore())
        .put("maxAttempts", a.maxAttempts()).put("keepScore", a.keepScore()).put("closed", a.closed())
        .put("submitted", submitted(a.id())).put("mean", Format.round2(mean(a.id()))));
    }
    JsonArray students = new JsonArray();
    for (Line l : sorted(sort)) {
      JsonObject results = new JsonObject();
      for (Column c : columns) {
        Kept k = l.results().get(c.id());
        Participation p = participation(l.student().id(), c.id());
        JsonObject talk = new JsonObject().put("posts", p.posts()).put("replies", p.replies())
          .put("comments", p.comments()).put("score", p.score());
        results.put(Long.toString(c.id()), (k == null
          ? new JsonObject().put("score", null).put("maxScore", c.maxScore()).put("attempts", 0)
            .put("late", false).put("autoSubmitted", false).put("pending", 0).put("attemptId", null)
          : new JsonObject().put("score", k.score()).put("maxScore", k.maxScore() == null ? c.maxScore() : k.maxScore())
            .put("attempts", k.attempts()).put("late", k.late()).put("autoSubmitted", k.autoSubmitted())
            .put("pending", k.pending())
            .put("attemptId", k.attemptId())).put("participation", talk));
      }
      students.add(new JsonObject().put("id", l.student().id()).put("username", l.student().username())
        .put("displayName", l.student().displayName()).put("total", l.total()).put("results", results));
    }
    JsonArray liveSessions = new JsonArray();
    live.forEach(session -> liveSessions.add(session.toJson()));
    return new JsonObject()
      .put("live", liveSessions)
      .put("class", new JsonObject().put("id", cls.id()).put("name", cls.name()))
      .put("sort", sort.key()).put("dir", sort.descending() ? "desc" : "asc")
      .put("totalMax", Math.round(totalMax * 100) / 100.0)
      .put("assignments", cols)
      .put("students", students);
  }
}
