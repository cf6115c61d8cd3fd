package com.jiangxin.results;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.results.Records.Kept;
import com.jiangxin.web.Numbers;
import io.vertx.sqlclient.Row;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreadsheets for teachers: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF line
 * ends, and fields quoted when they hold commas, quotes or line breaks (Commons CSV's Excel
 * format). A text cell that starts like a formula ({@code = + - @}) gets a leading apostrophe,
 * so a name such as {@code =HYPERLINK(...)} is shown, not run.
 */
final class CsvExport {
  static final String BOM = "\uFEFF";
  static final String CONTENT_TYPE = "text/csv; charset=utf-8";

  private CsvExport() {
  }

  /**
   * One row per student: username, name, each assignment's kept score, the total, open answers
   * waiting, late submissions, and kept results the server submitted at the deadline or on closing.
   */
  static String gradebook(Gradebook gb) {
    List<String> header = new ArrayList<>(List.of("用户名", "姓名"));
    Map<String, Integer> seen = new HashMap<>();
    for (Gradebook.Column c : gb.columns()) {
      // the same reading assigned twice (practice, then a test) must not give two columns one name
      String name = c.pian() + " " + c.title();
      int n = seen.merge(name, 1, Integer::sum);
      String which = n == 1 ? "" : "第 " + n + " 次布置，";
      header.add(name + "（" + which + "满分 " + Numbers.exact(c.maxScore()) + "）");
    }
    header.add("总分（满分 " + Numbers.exact(gb.totalMax()) + "）");
    header.add("待批改");
    header.add("迟交");
    header.add("自动提交");
    return write(header, printer -> {
      for (Gradebook.Line l : gb.sorted(Gradebook.Sort.DEFAULT)) {
        List<Object> row = new ArrayList<>();
        row.add(text(l.student().username()));
        row.add(text(l.student().displayName()));
        int pending = 0;
        int late = 0;
        int auto = 0;
        for (Gradebook.Column c : gb.columns()) {
          Kept k = l.results().get(c.id());
          row.add(k == null || k.score() == null ? "" : Numbers.exact(k.score()));
          if (k != null) {
            pending += k.pending();
            late += k.late() ? 1 : 0;
            auto += k.autoSubmitted() ? 1 : 0;
          }
        }
        row.add(Numbers.exact(l.total()));
        row.add(pending);
        row.add(late);
        row.add(auto);
        printer.printRecord(row);
      }
    });
  }

  /** One row per answer of every submitted attempt, in student then attempt then question order. */
  static String answers(Quiz quiz, Iterable<Row> rows) {
    Map<String, Integer> order = new HashMap<>();
    Map<String, Question> questions = new HashMap<>();
    for (int i = 0; i < quiz.questions().size(); i++) {
      order.put(quiz.questions().get(i).id(), i + 1);
      questions.put(quiz.questions().get(i).id(), quiz.questions().get(i));
    }
    List<Row> sorted = new ArrayList<>();
    rows.forEach(sorted::add);
    sorted.sort(Comparator.comparing((Row r) -> r.getString("USERNAME"))
      .thenComparingLong(r -> r.getLong("ATTEMPT_ID"))
      .thenComparingInt(r -> order.getOrDefault(r.getString("QUESTION_ID"), Integer.MAX_VALUE)));
    // each student's attempts numbered 1, 2, … in the order they were made
    Map<Long, Integer> attemptNo = new HashMap<>();
    Map<Long, Integer> perStudent = new HashMap<>();
    for (Row r : sorted) {
      attemptNo.computeIfAbsent(r.getLong("ATTEMPT_ID"), id -> perStudent.merge(r.getLong("USER_ID"), 1, Integer::sum));
    }
    List<String> header = List.of("用户名", "姓名", "作答编号", "第几次", "提交时间", "迟交", "本次总分",
      "题号", "题目编号", "题型", "例子", "答案", "得分", "满分", "待批改", "老师评语", "自动提交");
    return write(header, printer -> {
      for (Row r : sorted) {
        String qid = r.getString("QUESTION_ID");
        Question q = questions.get(qid);
        String json = r.getString("ANSWER");
        printer.printRecord(
          text(r.getString("USERNAME")),
          text(r.getString("DISPLAY_NAME")),
          r.getLong("ATTEMPT_ID"),
          attemptNo.get(r.getLong("ATTEMPT_ID")),
          Format.csvTime(r.getLong("SUBMITTED_AT")),
          Boolean.TRUE.equals(r.getBoolean("LATE")) ? "是" : "",
          Numbers.exact(Records.number(r, "SCORE")),
          order.containsKey(qid) ? order.get(qid) : "",
          qid,
          q == null ? "" : q.typeName(),
          text(r.getString("EXAMPLE")),
          text(q == null ? String.valueOf(json) : AnswerCounts.describe(q, json)),
          Boolean.TRUE.equals(r.getBoolean("PENDING")) ? "" : Numbers.exact(Records.number(r, "POINTS")),
          Numbers.exact(Records.number(r, "MAX_POINTS")),
          Boolean.TRUE.equals(r.getBoolean("PENDING")) ? "是" : "",
          text(r.getString("COMMENT")),
          Boolean.TRUE.equals(r.getBoolean("AUTO_SUBMITTED")) ? "是" : "");
      }
    });
  }

  /** A text cell as a spreadsheet should show it: never as a formula. */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    char c = s.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
  }

  /** Writes rows to a printer; IO cannot fail on a string. */
  interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  private static String write(List<String> header, Rows rows) {
    StringWriter out = new StringWriter();
    out.write(BOM);
    CSVFormat format = CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      rows.print(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Sends a CSV as a download (UTF-8; the body already starts with a byte-order mark). */
  static void send(RoutingContext ctx, String fileName, String body) {
    ctx.response()
      .putHeader("Content-Type", CsvExport.CONTENT_TYPE)
      .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
      .putHeader("Cache-Control", "no-store")
      .end(io.vertx.core.buffer.Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }
}
