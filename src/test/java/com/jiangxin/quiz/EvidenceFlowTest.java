package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.BuiltInBank;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An evidence question over plain HTTP, as a browser without JavaScript posts it: a radio per sentence. */
class EvidenceFlowTest {
  private static TestServer server;
  private static Accounts.Login teacher;
  private static Accounts.Login student;
  private static long assignmentId;

  /** 篇二's first evidence question, and a sentence it shows that is not the key. */
  static final Question QUESTION = BuiltInBank.first("pian-02", Evidence.class);
  static final Evidence TYPE = (Evidence) QUESTION.type();

  /** A listed neighbour if the question has one, else the first sentence that is not the key. */
  static String otherSentence() {
    return TYPE.partial().keySet().stream().sorted().findFirst().orElseGet(() -> sentenceIds().stream()
      .filter(id -> !id.equals(TYPE.answer())).findFirst().orElseThrow());
  }

  static List<String> sentenceIds() {
    List<String> ids = new ArrayList<>();
    for (Evidence.Shown p : TYPE.paragraphs()) {
      for (int i = 1; i <= p.sentences().size(); i++) {
        ids.add("p" + p.n() + "s" + i);
      }
    }
    return ids;
  }

  /** A teacher's class with a student and an assignment of 篇二 that shows feedback at once. */
  static long assignPian02(TestServer server, Accounts.Login teacher, Accounts.Login student) {
    JsonObject created = server.postJson("/api/v1/classes", new JsonObject().put("name", "初一（3）班"), teacher.token())
      .bodyAsJsonObject();
    server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", created.getString("joinCode")), student.token());
    return server.postJson("/api/v1/classes/" + created.getLong("id") + "/assignments",
      new JsonObject().put("readingId", "pian-02").put("feedback", "immediate"), teacher.token())
      .bodyAsJsonObject().getLong("id");
  }

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = Accounts.teacher(server);
    student = Accounts.student(server);
    assignmentId = assignPian02(server, teacher, student);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("without JavaScript: a radio per sentence, no mark of the key; the posted choice is graded and the review marks both sentences")
  void radioPerSentence() {
    Accounts.Session session = Accounts.session(server, student);
    HttpResponse<Buffer> started = Accounts.post(server, session, "/assignments/" + assignmentId + "/attempts", Accounts.form());
    assertEquals(303, started.statusCode(), started.bodyAsString());
    String attempt = started.getHeader("Location");
    assertTrue(attempt.matches("/attempts/\\d+"), attempt);

    String page = Accounts.get(server, session, attempt).bodyAsString();
    String qid = QUESTION.id();
    for (String id : sentenceIds()) {
      assertTrue(page.contains("<input type=\"radio\" class=\"ev-radio\" id=\"q-" + qid + "-" + id + "\" name=\"q." + qid
        + "\" value=\"" + id + "\""), "a radio for " + id);
      assertTrue(page.contains(TYPE.sentence(id).orElseThrow()), "the text of " + id);
    }
    for (Evidence.Shown p : TYPE.paragraphs()) {
      assertTrue(page.contains("<span class=\"ev-pno\">第" + p.n() + "段</span>"), "paragraph " + p.n() + " is numbered");
    }
    String section = page.substring(page.indexOf("id=\"question-" + qid + "\""));
    section = section.substring(0, section.indexOf("</fieldset>"));
    assertFalse(section.contains("checked") || section.contains("ev-key") || section.contains("correct"),
      "nothing on the form tells the key sentence apart");

    String chosen = otherSentence();
    HttpResponse<Buffer> submitted = Accounts.post(server, session, attempt + "/submit",
      Accounts.form("shown", qid, "q." + qid, chosen));
    assertEquals(303, submitted.statusCode(), submitted.bodyAsString());

    String review = Accounts.get(server, session, attempt).bodyAsString();
    String fb = review.substring(review.indexOf("id=\"fb-" + qid + "\""));
    fb = fb.substring(0, fb.indexOf("</li>"));
    Grade grade = QUESTION.grade(chosen);
    String verdict = grade.fraction() > 0 ? "部分正确" : "✗ 答错";
    assertTrue(fb.contains(verdict), fb);
    assertTrue(fb.contains("<span class=\"ev-sentence ev-chosen\">" + TYPE.sentence(chosen).orElseThrow()), "the chosen sentence is marked");
    assertTrue(fb.contains("<span class=\"ev-sentence ev-key\">" + TYPE.sentence(TYPE.answer()).orElseThrow()), "the key sentence is marked");
    assertTrue(fb.contains(Evidence.place(chosen) + "：“"), "your answer in words");

    Accounts.Session teacherSession = Accounts.session(server, teacher);
    String report = Accounts.get(server, teacherSession, "/assignments/" + assignmentId + "/report").bodyAsString();
    assertTrue(report.contains(Evidence.place(chosen)), "the report counts the sentence chosen");
    JsonObject json = server.get("/api/v1/assignments/" + assignmentId + "/report", teacher.token()).bodyAsJsonObject();
    assertTrue(json.encode().contains("\"" + chosen + "\""), json.encode());
  }

  @Test
  @DisplayName("the key sentence posted without JavaScript in practice earns the full points, and the review marks it as chosen and right")
  void keySentenceEarnsFull() {
    Accounts.Login other = Accounts.student(server);
    Accounts.Session session = Accounts.session(server, other);
    long practice = server.postJson("/api/v1/readings/pian-02/practice", new JsonObject(), other.token())
      .bodyAsJsonObject().getLong("id");
    String qid = QUESTION.id();
    HttpResponse<Buffer> submitted = Accounts.post(server, session, "/attempts/" + practice + "/submit",
      Accounts.form("shown", qid, "q." + qid, TYPE.answer()));
    assertEquals(303, submitted.statusCode(), submitted.bodyAsString());
    String review = Accounts.get(server, session, "/attempts/" + practice).bodyAsString();
    String fb = review.substring(review.indexOf("id=\"fb-" + qid + "\""));
    fb = fb.substring(0, fb.indexOf("</li>"));
    assertTrue(fb.contains("✓ 答对"), fb);
    assertTrue(fb.contains("ev-sentence ev-chosen ev-key"), "one sentence, chosen and key");
  }
}
