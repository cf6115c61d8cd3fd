package com.jiangxin.results;

import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Grading;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.discussion.DiscussionRepository;
import com.jiangxin.discussion.Participation;
import com.jiangxin.live.LiveResults;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.results.Records.AssignmentRef;
import com.jiangxin.results.Records.ClassRef;
import com.jiangxin.results.Records.Kept;
import com.jiangxin.results.Records.Student;
import com.jiangxin.web.HttpError;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class results for the pages and the API alike: gradebooks, reports, the grading queue, a
 * student's own scores. Each call checks the caller first and then runs its queries in parallel.
 */
final class ResultsService {
  /** The longest teacher comment kept (the column's size). */
  static final int COMMENT_MAX = 2000;

  private final ResultsRepository repo;
  private final Grading grading;
  private final QuizBank bank;
  private final ReadingCatalog catalog;

  private DiscussionRepository discussion;
  private LiveResults live;

  /** Shows the class's finished live sessions in the gradebook, beside (never inside) the scores. */
  ResultsService withLive(LiveResults live) {
    this.live = live;
    return this;
  }

  /** Shows each student's discussion participation in the gradebook. */
  ResultsService withDiscussion(DiscussionRepository discussion) {
    this.discussion = discussion;
    return this;
  }

  ResultsService(ResultsRepository repo, Grading grading, QuizBank bank, ReadingCatalog catalog) {
    this.repo = repo;
    this.grading = grading;
    this.bank = bank;
    this.catalog = catalog;
  }

  QuizBank bank() {
    return bank;
  }

  ReadingCatalog catalog() {
    return catalog;
  }

  // ---- gradebook ----

  Future<Gradebook> gradebook(long classId, User teacher) {
    return repo.classForTeacher(classId, teacher).compose(c -> gradebookOf(c));
  }

  Future<Gradebook> gradebookOf(ClassRef c) {
    Future<List<AssignmentRef>> as = withReadings(repo.assignmentsOfClass(c.id()));
    Future<List<Student>> ss = repo.students(c.id());
    Future<List<Kept>> ks = repo.keptOfClass(c.id());
    Future<Map<Long, Map<Long, Participation>>> talk = discussion == null
      ? Future.succeededFuture(Map.of()) : discussion.participationByClass(c.id());
    Future<List<LiveResults.Session>> lv = live == null ? Future.succeededFuture(List.of()) : live.ofClass(c.id());
    return Future.all(List.of(as, ss, ks, talk, lv)).map(x -> Gradebook.build(c, as.result(), ss.result(), ks.result(), bank, catalog)
      .withParticipation(talk.result()).withLive(lv.result()));
  }

  /** One student's attempts in a class, each with every answer, for the class's teacher. */
  record StudentAttempts(ClassRef cls, Student student, List<AssignmentRef> assignments, RowSet<Row> attempts,
                         Map<Long, List<Row>> responses) {
  }

  Future<StudentAttempts> studentAttempts(long classId, long studentId, User teacher) {
    return repo.classForTeacher(classId, teacher).compose(c -> repo.isMember(c.id(), studentId).compose(member -> {
      if (!member) {
        return Future.failedFuture(HttpError.notFound("这个班没有这名学生。"));
      }
      Future<Student> s = repo.user(studentId);
      Future<List<AssignmentRef>> as = withReadings(repo.assignmentsOfClass(c.id()));
      Future<RowSet<Row>> ts = repo.attemptsOfStudentInClass(c.id(), studentId);
      Future<RowSet<Row>> rs = repo.responsesOfStudentInClass(c.id(), studentId);
      return Future.all(s, as, ts, rs).map(x -> {
        Map<Long, List<Row>> byAttempt = new HashMap<>();
        rs.result().forEach(r -> byAttempt.computeIfAbsent(r.getLong("ATTEMPT_ID"), k -> new ArrayList<>()).add(r));
        return new StudentAttempts(c, s.result(), as.result(), ts.result(), byAttempt);
      });
    }));
  }

  // ---- a student's own results ----

  /** A student's assignments with their kept results; only their own, in classes they belong to. */
  record OwnResults(List<AssignmentRef> assignments, Map<Long, Kept> kept) {
  }

  Future<OwnResults> own(User student) {
    Future<List<AssignmentRef>> as = withReadings(repo.assignmentsOfStudent(student.id()));
    Future<List<Kept>> ks = repo.keptOfStudent(student.id());
    return Future.all(as, ks).map(x -> {
      Map<Long, Kept> byAssignment = new HashMap<>();
      ks.result().forEach(k -> byAssignment.put(k.assignmentId(), k));
      return new OwnResults(as.result(), byAssignment);
    });
  }

  /** The assignments with their readings read again where they are teachers' own (another node may have written them). */
  private Future<List<AssignmentRef>> withReadings(Future<List<AssignmentRef>> assignments) {
    return assignments.compose(list -> catalog.refreshAll(list.stream().map(AssignmentRef::readingId).toList()).map(list));
  }

  // ---- report ----

  /** The assignment if the caller teaches its class, its reading and quiz read again if they are a teacher's own. */
  private Future<AssignmentRef> assignmentForTeacher(long assignmentId, User teacher) {
    return repo.assignmentForTeacher(assignmentId, teacher).compose(a -> catalog.refresh(a.readingId()).map(a));
  }

  Future<AssignmentReport> report(long assignmentId, User teacher) {
    return assignmentForTeacher(assignmentId, teacher).compose(this::reportOf);
  }

  Future<AssignmentReport> reportOf(AssignmentRef a) {
    Quiz quiz = quizOf(a);
    Reading reading = catalog.byId(a.readingId()).orElse(null);
    Future<Row> completion = repo.completion(a);
    Future<List<Student>> notSubmitted = repo.notSubmitted(a);
    Future<List<Student>> members = repo.students(a.classId());
    Future<List<Kept>> kept = repo.keptOfAssignment(a.id());
    Future<RowSet<Row>> moments = repo.itemMoments(a);
    Future<RowSet<Row>> answers = repo.answerCounts(a);
    Future<RowSet<Row>> examples = repo.exampleFacility(a);
    Future<Long> pending = repo.pendingCount(a.id());
    Future<Map<String, LiveResults.Item>> liveItems = live == null ? Future.succeededFuture(Map.of()) : live.ofAssignment(a.id());
    return Future.all(List.of(completion, notSubmitted, members, kept, moments, answers, examples, pending, liveItems))
      .map(x -> AssignmentReport.build(a, quiz, reading, completion.result(), notSubmitted.result(),
        members.result(), kept.result(), moments.result(), answers.result(), examples.result(), pending.result())
        .withLive(liveItems.result()));
  }

  Quiz quizOf(AssignmentRef a) {
    return bank.forReading(a.readingId())
      .orElseThrow(() -> HttpError.notFound("这篇文章还没有测验：" + a.readingId()));
  }

  // ---- exports ----

  Future<String> gradebookCsv(long classId, User teacher) {
    return gradebook(classId, teacher).map(CsvExport::gradebook);
  }

  Future<String> answersCsv(long assignmentId, User teacher) {
    return assignmentForTeacher(assignmentId, teacher)
      .compose(a -> repo.answerRows(a).map(rows -> CsvExport.answers(quizOf(a), rows)));
  }

  // ---- grading ----

  /** An open answer waiting for a grade, with what the teacher needs beside it. */
  record PendingAnswer(long attemptId, long userId, String username, String displayName, Long submittedAt,
                       Question question, int number, String answer, double maxPoints, double attemptScore,
                       double attemptMax) {
  }

  /** The grading queue: how many answers wait, and a page of them. */
  record Queue(AssignmentRef assignment, Quiz quiz, long pending, List<PendingAnswer> answers) {
  }

  Future<Queue> queue(long assignmentId, User teacher, int limit, int offset) {
    return assignmentForTeacher(assignmentId, teacher).compose(a -> {
      Quiz quiz = quizOf(a);
      Future<Long> count = repo.pendingCount(a.id());
      Future<RowSet<Row>> page = repo.pendingAnswers(a.id(), limit, offset);
      return Future.all(count, page).map(x -> {
        List<PendingAnswer> list = new ArrayList<>();
        for (Row r : page.result()) {
          String qid = r.getString("QUESTION_ID");
          int number = 0;
          Question question = null;
          for (int i = 0; i < quiz.questions().size(); i++) {
            if (quiz.questions().get(i).id().equals(qid)) {
              question = quiz.questions().get(i);
              number = i + 1;
            }
          }
          if (question == null) {
            continue;
          }
          String json = r.getString("ANSWER");
          list.add(new PendingAnswer(r.getLong("ATTEMPT_ID"), r.getLong("USER_ID"), r.getString("USERNAME"),
            r.getString("DISPLAY_NAME"), r.getLong("SUBMITTED_AT"), question, number,
            AnswerCounts.describe(question, json), r.getDouble("MAX_POINTS"), Records.number(r, "SCORE"),
            Records.number(r, "MAX_SCORE")));
        }
        return new Queue(a, quiz, count.result(), list);
      });
    });
  }

  /** The assignment of a submitted attempt, if the caller teaches its class. */
  Future<AssignmentRef> assignmentOfAttempt(long attemptId, User teacher) {
    return repo.assignmentOfAttemptForTeacher(attemptId, teacher);
  }

  /**
   * A teacher's grade of one open answer; the attempt's total and pending count change in the same
   * transaction.
   *
   * @throws HttpError 400 for points outside 0..max, a question graded automatically, or a long comment
   */
  Future<Grading.Totals> grade(long attemptId, String questionId, Double points, String comment, User teacher) {
    if (questionId == null || questionId.isBlank()) {
      return Future.failedFuture(HttpError.badRequest("缺少要批改的题目。"));
    }
    if (points == null || points.isNaN() || points.isInfinite()) {
      return Future.failedFuture(HttpError.badRequest("请给出分数（一个数字）。"));
    }
    String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
    if (cleanComment != null && cleanComment.length() > COMMENT_MAX) {
      return Future.failedFuture(HttpError.badRequest("评语最多 " + COMMENT_MAX + " 个字。"));
    }
    return grading.gradeOpenAnswer(attemptId, questionId, points, cleanComment, teacher);
  }
}
