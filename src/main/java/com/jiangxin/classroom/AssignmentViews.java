package com.jiangxin.classroom;

import com.jiangxin.account.User;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.Times;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An assignment as JSON and as a page model, for its teacher or for a student. */
final class AssignmentViews {
  private AssignmentViews() {
  }

  static String feedbackLabel(String feedback) {
    return switch (feedback) {
      case "immediate" -> "交卷后立即看到对错和解析";
      case "after_due" -> "截止后才公布对错和解析";
      case "never" -> "不公布对错和解析";
      default -> feedback;
    };
  }

  static String keepScoreLabel(String keepScore) {
    return "latest".equals(keepScore) ? "取最后一次" : "取最高分";
  }

  static JsonObject json(Assignment a, ReadingCatalog catalog, User viewer, long now) {
    JsonObject o = new JsonObject()
      .put("id", a.id())
      .put("classId", a.classId())
      .put("className", a.className())
      .put("readingId", a.readingId())
      .put("readingTitle", catalog.byId(a.readingId()).map(Reading::title).orElse(a.readingId()))
      .put("opensAt", Times.iso(a.opensAt()))
      .put("dueAt", Times.iso(a.dueAt()))
      .put("maxAttempts", a.maxAttempts())
      .put("feedback", a.feedback())
      .put("instructions", a.instructions())
      .put("shuffle", a.shuffle())
      .put("keepScore", a.keepScore())
      .put("closed", a.closed());
    if (viewer.isTeacher()) {
      o.put("completion", new JsonObject().put("submitted", a.submitted()).put("students", a.students()));
    } else {
      o.put("status", a.status(now).code());
    }
    return o;
  }

  static Map<String, Object> model(Assignment a, ReadingCatalog catalog, User viewer, long now) {
    Map<String, Object> m = new HashMap<>();
    Reading r = catalog.byId(a.readingId()).orElse(null);
    m.put("id", a.id());
    m.put("classId", a.classId());
    m.put("className", a.className());
    m.put("readingId", a.readingId());
    m.put("readingTitle", r == null ? a.readingId() : r.title());
    m.put("pian", r == null ? "" : r.pianLabel());
    m.put("opensAt", Times.display(a.opensAt()));
    m.put("dueAt", Times.display(a.dueAt()));
    m.put("opensAtInput", Times.inputValue(a.opensAt()));
    m.put("dueAtInput", Times.inputValue(a.dueAt()));
    m.put("notYetOpen", a.opensAt() != null && now < a.opensAt());
    m.put("maxAttempts", a.maxAttempts());
    m.put("feedback", a.feedback());
    m.put("feedbackLabel", feedbackLabel(a.feedback()));
    m.put("instructions", a.instructions());
    m.put("shuffle", a.shuffle());
    m.put("keepScore", a.keepScore());
    m.put("keepScoreLabel", keepScoreLabel(a.keepScore()));
    m.put("closed", a.closed());
    if (viewer.isTeacher()) {
      m.put("submitted", a.submitted());
      m.put("students", a.students());
      m.put("progressMax", Math.max(1, a.students()));
      m.put("percentDone", a.students() == 0 ? 0 : Math.round(100.0 * a.submitted() / a.students()));
    } else {
      AssignmentStatus s = a.status(now);
      m.put("status", s.code());
      m.put("statusLabel", a.closed() && s != AssignmentStatus.DONE ? "已关闭" : s.label());
      m.put("statusClass", a.closed() && s != AssignmentStatus.DONE ? "closed" : s.code());
      m.put("canStart", !a.closed() && (s == AssignmentStatus.TODO || s == AssignmentStatus.OVERDUE));
    }
    return m;
  }

  /** The readings as choices of a select, with one selected. */
  static List<Map<String, Object>> readingOptions(ReadingCatalog catalog, String selected) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Reading r : catalog.all()) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", r.id());
      m.put("label", r.pianLabel() + " · " + r.title());
      m.put("selected", r.id().equals(selected));
      out.add(m);
    }
    return out;
  }

  /**
   * The assignment form's values: what was typed (after an error), or an assignment's, or the
   * defaults. Choices become booleans the template can test.
   */
  static Map<String, Object> formModel(ReadingCatalog catalog, String readingId, String opensAt, String dueAt,
                                       String maxAttempts, String feedback, String instructions, boolean shuffle,
                                       String keepScore) {
    Map<String, Object> m = new HashMap<>();
    m.put("readings", readingOptions(catalog, readingId));
    m.put("opensAtInput", opensAt == null ? "" : opensAt);
    m.put("dueAtInput", dueAt == null ? "" : dueAt);
    m.put("maxAttempts", maxAttempts == null || maxAttempts.isBlank() ? "1" : maxAttempts);
    m.put("feedbackImmediate", feedback == null || "immediate".equals(feedback));
    m.put("feedbackAfterDue", "after_due".equals(feedback));
    m.put("feedbackNever", "never".equals(feedback));
    m.put("instructions", instructions == null ? "" : instructions);
    m.put("shuffle", shuffle);
    m.put("keepLatest", "latest".equals(keepScore));
    return m;
  }

  /** The form filled from what was posted. */
  static Map<String, Object> formModel(ReadingCatalog catalog, io.vertx.core.MultiMap form) {
    return formModel(catalog, form.get("readingId"), form.get("opensAt"), form.get("dueAt"), form.get("maxAttempts"),
      form.get("feedback"), form.get("instructions"), form.contains("shuffle"), form.get("keepScore"));
  }

  /** The form filled from a stored assignment. */
  static Map<String, Object> formModel(ReadingCatalog catalog, Assignment a) {
    return formModel(catalog, a.readingId(), Times.inputValue(a.opensAt()), Times.inputValue(a.dueAt()),
      Integer.toString(a.maxAttempts()), a.feedback(), a.instructions(), a.shuffle(), a.keepScore());
  }
}
