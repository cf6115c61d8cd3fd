package com.jiangxin.results;

import com.jiangxin.content.Reading;
import com.jiangxin.live.LiveResults;
import com.jiangxin.quiz.AttemptService;
import com.jiangxin.quiz.Level;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.results.Records.AssignmentRef;
import com.jiangxin.results.Records.Kept;
import com.jiangxin.results.Records.Student;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one assignment shows its teacher: who has finished, how the scores spread, and per
 * question, per cited example and per level what the class knows and what it misread.
 *
 * <p>The score distribution uses each student's kept score (what the gradebook shows). The item
 * analysis — facility, discrimination, the answers given, the examples — uses each student's
 * <em>first</em> submitted attempt, so that later attempts made after seeing feedback do not hide
 * what the class first understood.
 */
final class AssignmentReport {
  static final String BASIS = "first-submitted-attempt";

  /** One question's statistics. */
  record Item(Question question, int number, long answered, long graded, long pending, Double facility,
              Double discrimination, List<AnswerCounts.Count> answers, Optional<AnswerCounts.Count> mostCommonWrong,
              long wrongCount, String evidenceUrl) {
  }

  /** How the class did on the questions of one level (recall, understand, infer). */
  record LevelRow(Level level, long responses, long questions, Double facility) {
  }

  /** How the class did on the questions about one cited example. */
  record Example(String name, long responses, long questions, Double facility, String evidenceUrl, int paragraph) {
  }

  final AssignmentRef assignment;
  final Quiz quiz;
  final Reading reading;
  final long students;
  final long submitted;
  final long inProgress;
  final List<Student> notSubmitted;
  final List<Double> keptScores;
  final double maxScore;
  final List<Statistics.Bin> bins;
  final List<Item> items;
  final List<Example> examples;
  final List<LevelRow> levels;
  final long pendingToGrade;
  /** Per question id, how the class did on it in live sessions of this assignment (kept apart from attempts). */
  Map<String, LiveResults.Item> live = Map.of();

  /** The report with the class's live results per question beside the attempts' item analysis. */
  AssignmentReport withLive(Map<String, LiveResults.Item> items) {
    this.live = items;
    return this;
  }

  private AssignmentReport(AssignmentRef assignment, Quiz quiz, Reading reading, long students, long submitted,
                           long inProgress, List<Student> notSubmitted, List<Double> keptScores, List<Item> items,
                           List<Example> examples, List<LevelRow> levels, long pendingToGrade) {
    this.assignment = assignment;
    this.quiz = quiz;
    this.reading = reading;
    this.students = students;
    this.submitted = submitted;
    this.inProgress = inProgress;
    this.notSubmitted = notSubmitted;
    this.keptScores = keptScores;
    this.maxScore = Math.round(quiz.totalPoints() * 100) / 100.0;
    this.bins = Statistics.histogram(keptScores, maxScore);
    this.items = items;
    this.examples = examples;
    this.levels = levels;
    this.pendingToGrade = pendingToGrade;
  }

  /** Builds the report from the aggregate rows the repository returns. */
  static AssignmentReport build(AssignmentRef a, Quiz quiz, Reading reading, Row completion, List<Student> notSubmitted,
                                List<Student> members, List<Kept> kept, Iterable<Row> moments, Iterable<Row> answers,
                                Iterable<Row> exampleRows, long pendingToGrade) {
    java.util.Set<Long> memberIds = new java.util.HashSet<>();
    members.forEach(s -> memberIds.add(s.id()));
    List<Double> scores = new ArrayList<>();
    kept.stream().filter(k -> memberIds.contains(k.userId()) && k.score() != null).forEach(k -> scores.add(k.score()));

    Map<String, Row> momentsByQ = new HashMap<>();
    moments.forEach(r -> momentsByQ.put(r.getString("QUESTION_ID"), r));
    Map<String, List<AnswerCounts.Given>> givenByQ = new HashMap<>();
    answers.forEach(r -> givenByQ.computeIfAbsent(r.getString("QUESTION_ID"), x -> new ArrayList<>())
      .add(new AnswerCounts.Given(r.getString("ANSWER"), Records.count(r, "N"), Records.count(r, "PENDING"),
        Records.number(r, "FRACTION"))));

    List<Item> items = new ArrayList<>();
    int number = 0;
    for (Question q : quiz.questions()) {
      number++;
      Row m = momentsByQ.get(q.id());
      Statistics.Moments mo = m == null ? Statistics.Moments.EMPTY : new Statistics.Moments(Records.count(m, "N"),
        Records.number(m, "SX"), Records.number(m, "SY"), Records.number(m, "SXX"), Records.number(m, "SYY"),
        Records.number(m, "SXY"));
      List<AnswerCounts.Count> counts = AnswerCounts.of(q, givenByQ.getOrDefault(q.id(), List.of()));
      long wrong = 0;
      for (AnswerCounts.Given g : givenByQ.getOrDefault(q.id(), List.of())) {
        if (g.pending() == 0 && g.fraction() < 0.999) {
          wrong += g.count();
        }
      }
      items.add(new Item(q, number, m == null ? 0 : Records.count(m, "ANSWERED"), mo.n(),
        m == null ? 0 : Records.count(m, "PENDING"), mo.meanX(), mo.correlation(), counts,
        AnswerCounts.mostCommonWrong(counts), wrong, AttemptService.evidenceUrl(quiz.readingId(), q)));
    }

    List<Example> examples = new ArrayList<>();
    for (Row r : exampleRows) {
      String name = r.getString("EXAMPLE");
      long n = Records.count(r, "N");
      // re-teach from the evidence of the example's hardest question
      Item hardest = items.stream().filter(i -> i.question().example().equals(name) && i.facility() != null)
        .min(Comparator.comparingDouble(Item::facility))
        .orElse(items.stream().filter(i -> i.question().example().equals(name)).findFirst().orElse(null));
      examples.add(new Example(name, n, Records.count(r, "QUESTIONS"), n == 0 ? null : Records.number(r, "SX") / n,
        hardest == null ? null : hardest.evidenceUrl(), hardest == null ? 0 : hardest.question().paragraph()));
    }
    examples.sort(Comparator.comparing(Example::facility, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Example::name));
    return new AssignmentReport(a, quiz, reading, Records.count(completion, "STUDENTS"),
      Records.count(completion, "SUBMITTED"), Records.count(completion, "IN_PROGRESS"), notSubmitted, scores,
      items, examples, levels(quiz, momentsByQ), pendingToGrade);
  }

  /**
   * Facility by level over the graded first-attempt answers to the quiz's questions, in level order;
   * a level no question of the quiz has is left out.
   */
  private static List<LevelRow> levels(Quiz quiz, Map<String, Row> momentsByQ) {
    List<LevelRow> rows = new ArrayList<>();
    for (Level level : Level.values()) {
      long questions = 0;
      long n = 0;
      double sx = 0;
      for (Question q : quiz.questions()) {
        if (q.level() != level) {
          continue;
        }
        questions++;
        Row m = momentsByQ.get(q.id());
        if (m != null) {
          n += Records.count(m, "N");
          sx += Records.number(m, "SX");
        }
      }
      if (questions > 0) {
        rows.add(new LevelRow(level, n, questions, n == 0 ? null : sx / n));
      }
    }
    return rows;
  }

  Double mean() {
    return keptScores.isEmpty() ? null : keptScores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /** The example with the lowest facility, if any was answered. */
  Optional<Example> mostMisread() {
    return examples.stream().filter(e -> e.facility() != null).findFirst();
  }

  JsonObject toJson() {
    JsonArray notDone = new JsonArray();
    notSubmitted.forEach(s -> notDone.add(new JsonObject().put("id", s.id()).put("displayName", s.displayName())));
    JsonObject completion = new JsonObject().put("students", students).put("submitted", submitted)
      .put("inProgress", inProgress).put("notSubmitted", notDone)
      .put("rate", students == 0 ? null : Format.round3((double) submitted / students));
    JsonArray binJson = new JsonArray();
    bins.forEach(b -> binJson.add(new JsonObject().put("from", Format.round2(b.from())).put("to", Format.round2(b.to()))
      .put("label", Charts.binLabel(b)).put("count", b.count())));
    JsonObject distribution = new JsonObject().put("basis", "kept-score").put("maxScore", maxScore)
      .put("count", keptScores.size()).put("mean", Format.round2(mean()))
      .put("median", Format.round2(Statistics.median(keptScores))).put("bins", binJson);
    JsonArray questions = new JsonArray();
    for (Item i : items) {
      Question q = i.question();
      JsonObject counts = new JsonObject();
      JsonArray list = new JsonArray();
      for (AnswerCounts.Count c : i.answers()) {
        counts.put(c.key(), c.count());
        list.add(new JsonObject().put("key", c.key()).put("label", c.label()).put("count", c.count())
          .put("correct", c.correct()));
      }
      JsonObject item = new JsonObject().put("id", q.id()).put("number", i.number()).put("type", q.typeName())
        .put("prompt", q.prompt()).put("example", q.example()).put("level", q.level().label()).put("points", q.points())
        .put("answered", i.answered()).put("graded", i.graded()).put("pending", i.pending())
        .put("facility", Format.round3(i.facility())).put("discrimination", Format.round3(i.discrimination()))
        .put("answers", counts).put("answerList", list)
        .put("paragraph", q.paragraph()).put("evidenceUrl", i.evidenceUrl());
      if (live.containsKey(q.id())) {
        item.put("live", live.get(q.id()).toJson());
      }
      i.mostCommonWrong().ifPresent(w -> item.put("mostCommonWrong", new JsonObject().put("key", w.key())
        .put("label", w.label()).put("count", w.count())
        .put("shareOfWrong", i.wrongCount() == 0 ? null : Format.round3((double) w.count() / i.wrongCount()))));
      questions.add(item);
    }
    JsonArray exampleJson = new JsonArray();
    examples.forEach(e -> exampleJson.add(new JsonObject().put("example", e.name())
      .put("facility", Format.round3(e.facility())).put("responses", e.responses()).put("questions", e.questions())
      .put("evidenceUrl", e.evidenceUrl())));
    JsonArray levelJson = new JsonArray();
    levels.forEach(l -> levelJson.add(new JsonObject().put("level", l.level().label())
      .put("facility", Format.round3(l.facility())).put("responses", l.responses()).put("questions", l.questions())));
    Map<String, Object> top = new LinkedHashMap<>();
    mostMisread().ifPresent(e -> top.put("mostMisread", e.name()));
    return new JsonObject()
      .put("assignment", new JsonObject().put("id", assignment.id()).put("classId", assignment.classId())
        .put("readingId", assignment.readingId()).put("title", quiz.title()).put("keepScore", assignment.keepScore()))
      .put("itemBasis", BASIS)
      .put("completion", completion)
      .put("distribution", distribution)
      .put("pendingToGrade", pendingToGrade)
      .put("mostMisread", top.get("mostMisread"))
      .put("questions", questions)
      .put("examples", exampleJson)
      .put("levels", levelJson);
  }
}
