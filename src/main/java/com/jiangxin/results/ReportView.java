package com.jiangxin.results;

import com.jiangxin.live.LiveResults;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.QuestionTypes;

import com.jiangxin.web.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The model of the assignment report page. */
final class ReportView {
  private ReportView() {
  }

  static void fill(Map<String, Object> model, AssignmentReport r) {
    fill(model, r, false);
  }

  /**
   * @param projector the view for the whole class on a projector: large type, and no student's name
   *                  (who has not submitted is the teacher's business, not the class's)
   */
  static void fill(Map<String, Object> model, AssignmentReport r, boolean projector) {
    model.put("projector", projector);
    long aid = r.assignment.id();
    model.put("assignmentId", aid);
    model.put("classId", r.assignment.classId());
    model.put("className", r.assignment.className());
    model.put("quizTitle", r.quiz.title());
    model.put("readingId", r.quiz.readingId());
    model.put("students", r.students);
    model.put("submitted", r.submitted);
    model.put("inProgress", r.inProgress);
    model.put("completionRate", r.students == 0 ? "—" : Numbers.percent((double) r.submitted / r.students));
    model.put("completionBar", Charts.bar("已交", r.students == 0 ? null : (double) r.submitted / r.students,
      r.submitted + " / " + r.students, "high"));
    List<String> missing = new ArrayList<>();
    r.notSubmitted.forEach(s -> missing.add(s.displayName()));
    model.put("notSubmitted", projector ? List.of() : missing);
    model.put("hasNotSubmitted", !missing.isEmpty());
    model.put("notSubmittedCount", missing.size());
    model.put("pendingToGrade", r.pendingToGrade);
    model.put("hasData", r.submitted > 0);
    // live results of the assignment are worth showing before anyone has handed in the quiz
    model.put("showItems", r.submitted > 0 || !r.live.isEmpty());
    model.put("csvUrl", "/assignments/" + aid + "/answers.csv");
    model.put("gradingUrl", "/assignments/" + aid + "/grading");
    model.put("gradebookUrl", "/classes/" + r.assignment.classId() + "/gradebook");
    model.put("maxScore", Numbers.points(r.maxScore));
    model.put("mean", Numbers.points(Format.round2(r.mean())));
    model.put("median", Numbers.points(Statistics.median(r.keptScores)));
    model.put("scoredCount", r.keptScores.size());
    model.put("histogram", Charts.histogram(r.bins, "得分分布：" + r.keptScores.size() + " 名学生（满分 "
      + Numbers.points(r.maxScore) + "）"));

    r.mostMisread().ifPresent(e -> {
      Map<String, Object> m = new HashMap<>();
      m.put("name", e.name());
      m.put("facility", Numbers.percent(e.facility()));
      m.put("evidenceUrl", e.evidenceUrl());
      m.put("paragraph", e.paragraph());
      model.put("mostMisread", m);
    });
    List<Map<String, Object>> examples = new ArrayList<>();
    for (AssignmentReport.Example e : r.examples) {
      Map<String, Object> bar = Charts.bar(e.name(), e.facility(), Numbers.percent(e.facility()), Charts.tone(e.facility()));
      bar.put("evidenceUrl", e.evidenceUrl());
      bar.put("paragraph", e.paragraph());
      bar.put("questions", e.questions());
      examples.add(bar);
    }
    model.put("examples", examples);
    List<Map<String, Object>> levels = new ArrayList<>();
    for (AssignmentReport.LevelRow l : r.levels) {
      Map<String, Object> bar = Charts.bar(l.level().chinese(), l.facility(), Numbers.percent(l.facility()),
        Charts.tone(l.facility()));
      bar.put("questions", l.questions());
      levels.add(bar);
    }
    model.put("levels", levels);

    List<Map<String, Object>> overview = new ArrayList<>();
    List<Map<String, Object>> questions = new ArrayList<>();
    for (AssignmentReport.Item i : r.items) {
      Question q = i.question();
      Map<String, Object> bar = Charts.bar("第 " + i.number() + " 题 · " + q.example(), i.facility(),
        Numbers.percent(i.facility()), Charts.tone(i.facility()));
      bar.put("anchor", "q-" + q.id());
      overview.add(bar);

      Map<String, Object> m = new HashMap<>();
      m.put("id", q.id());
      m.put("anchor", "q-" + q.id());
      m.put("number", i.number());
      m.put("prompt", q.prompt());
      m.put("type", QuestionTypes.reportLabel(q.typeName()));
      m.put("example", q.example());
      m.put("level", q.level().chinese());
      m.put("points", Numbers.points(q.points()));
      m.put("answered", i.answered());
      m.put("pending", i.pending());
      m.put("facility", Numbers.percent(i.facility()));
      m.put("tone", Charts.tone(i.facility()));
      m.put("discrimination", Numbers.coefficient(i.discrimination()));
      m.put("discriminationLabel", Statistics.discriminationLabel(i.discrimination()));
      m.put("weakDiscrimination", i.discrimination() != null && i.discrimination() < 0.2);
      m.put("evidenceUrl", i.evidenceUrl());
      m.put("paragraph", q.paragraph());
      m.put("isShort", "short".equals(q.typeName()));
      LiveResults.Item live = r.live.get(q.id());
      if (live != null) {
        m.put("live", "课堂互动答对 " + live.correct() + "/" + live.answered() + "（" + Numbers.percent(live.facility()) + "）");
      }
      List<Map<String, Object>> answers = new ArrayList<>();
      // a score distribution has no "most common wrong answer" to point at
      String topWrong = "short".equals(q.typeName()) ? null
        : i.mostCommonWrong().map(AnswerCounts.Count::key).orElse(null);
      for (AnswerCounts.Count c : i.answers()) {
        double share = i.answered() == 0 ? 0 : (double) c.count() / i.answered();
        Map<String, Object> a = Charts.bar(c.label(), share, c.count() + " 人 · " + Numbers.percent(share),
          c.correct() ? "right" : c.key().equals(topWrong) ? "top-wrong" : "wrong");
        a.put("correct", c.correct());
        answers.add(a);
      }
      m.put("answers", answers.size() > 8 ? answers.subList(0, 8) : answers);
      m.put("moreAnswers", answers.size() > 8 ? answers.size() - 8 : 0);
      if ("short".equals(q.typeName())) {
        m.put("distribution", shortAnswerSummary(i.answers(), q));
      }
      i.mostCommonWrong().filter(w -> !"short".equals(q.typeName())).ifPresent(w -> {
        String label = "ordering".equals(q.typeName()) ? w.label() : AnswerCounts.shorten(w.label(), 40);
        String what = AnswerCounts.BLANK_KEY.equals(w.key()) ? "没有作答" : "答 “" + label + "”";
        String sentence = "multiple".equals(q.typeName())
          ? "误选最多的是 “" + AnswerCounts.shorten(w.label(), 40) + "”（" + w.count() + " 人选了它）。"
          : "matching".equals(q.typeName())
          ? "最常见的错配：" + AnswerCounts.shorten(w.label(), 40) + "（" + w.count() + " 人）。"
          : "答错的 " + i.wrongCount() + " 人中，" + w.count() + " 人" + what + "。";
        m.put("misconception", sentence);
      });
      questions.add(m);
    }
    model.put("overview", overview);
    model.put("questions", questions);
  }

  /** An open question's scores in words: how many were graded, full marks, none, and the mean. */
  private static String shortAnswerSummary(List<AnswerCounts.Count> counts, Question q) {
    long graded = 0;
    long full = 0;
    long zero = 0;
    double sum = 0;
    for (AnswerCounts.Count c : counts) {
      double score;
      try {
        score = Double.parseDouble(c.key());
      } catch (NumberFormatException notAScore) {
        continue;
      }
      graded += c.count();
      sum += score * c.count();
      full += c.correct() ? c.count() : 0;
      zero += score == 0 ? c.count() : 0;
    }
    if (graded == 0) {
      return "还没有批改过的回答。";
    }
    return "已批改 " + graded + " 份，平均 " + Numbers.points(sum / graded) + " 分（满分 " + Numbers.points(q.points())
      + " 分）：" + full + " 人得满分，" + zero + " 人得 0 分。";
  }
}
