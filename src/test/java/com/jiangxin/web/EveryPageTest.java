package com.jiangxin.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of page of the demo classroom, as a visitor, a student and the teacher see it: none
 * scrolls sideways on a 360 px phone, and axe-core finds no serious or critical accessibility
 * violation on any of them.
 */
class EveryPageTest {
  private static TestServer server;
  private static Browser browser;
  private static DemoClassroom demo;
  private static Accounts.Login student;
  private static final List<Visit> PAGES = new ArrayList<>();

  /** A page to visit: who looks at it, a readable name, the address. */
  record Visit(String who, String name, String path) {
  }

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("DEMO", "1"));
    browser = Browser.launch();
    demo = DemoClassroom.of(server);
    student = demo.newStudent("巡查学生");
    long assignment = demo.shortAnswerAssignment();
    String reading = demo.readingOf(assignment);
    long classId = demo.classId;

    PAGES.add(new Visit("", "home", "/"));
    PAGES.add(new Visit("", "reading", "/readings/" + reading));
    PAGES.add(new Visit("", "examples", "/examples"));
    PAGES.add(new Visit("", "login", "/login"));
    PAGES.add(new Visit("", "register", "/register"));

    PAGES.add(new Visit("student", "student dashboard", "/dashboard"));
    PAGES.add(new Visit("student", "join", "/join"));
    PAGES.add(new Visit("student", "assignment (student)", "/assignments/" + assignment));
    // the quiz: the assignment's questions, then practice on readings with the types it lacks
    long attempt = startAttempt(assignment);
    Quiz quiz = demo.bank.forReading(reading).orElseThrow();
    PAGES.add(new Visit("student", "quiz, all on one page", "/attempts/" + attempt));
    PAGES.add(new Visit("student", "quiz, submit confirmation", "/attempts/" + attempt + "?confirm=1"));
    Set<String> types = new LinkedHashSet<>();
    for (int i = 0; i < quiz.questions().size(); i++) {
      if (types.add(quiz.questions().get(i).typeName())) {
        PAGES.add(new Visit("student", "quiz, one per screen: " + quiz.questions().get(i).typeName(),
          "/attempts/" + attempt + "?one=1&q=" + (i + 1)));
      }
    }
    for (String type : List.of("single", "multiple", "truefalse", "fill", "numeric", "matching", "ordering", "short")) {
      if (types.contains(type)) {
        continue;
      }
      demo.firstWithType(type).ifPresent(found -> {
        long practice = demo.practice(student.token(), found.getKey());
        types.add(type);
        PAGES.add(new Visit("student", "quiz, all on one page: " + type, "/attempts/" + practice));
        PAGES.add(new Visit("student", "quiz, one per screen: " + type,
          "/attempts/" + practice + "?one=1&q=" + found.getValue()));
      });
    }
    long reviewed = demo.practice(student.token(), reading);
    server.postJson("/api/v1/attempts/" + reviewed + "/submit", new JsonObject(), student.token());
    PAGES.add(new Visit("student", "review", "/attempts/" + reviewed));
    PAGES.add(new Visit("student", "my results", "/results"));
    PAGES.add(new Visit("student", "discussion (student)", "/assignments/" + assignment + "/discussion"));
    PAGES.add(new Visit("student", "margin comments (student)", "/readings/" + reading + "?assignment=" + assignment));

    String demoToken = Accounts.token(server, DemoSeed.studentUsername(2), DemoSeed.PASSWORD);
    long demoStudent = server.get("/api/v1/me", demoToken).bodyAsJsonObject().getLong("id");
    Long demoAttempt = null;
    for (Object o : server.get("/api/v1/results", demoToken).bodyAsJsonObject().getJsonArray("results")) {
      JsonObject r = (JsonObject) o;
      if (r.getLong("assignmentId") == assignment) {
        demoAttempt = r.getLong("attemptId");
      }
    }
    PAGES.add(new Visit("teacher", "teacher dashboard", "/dashboard"));
    PAGES.add(new Visit("teacher", "class and roster", "/classes/" + classId));
    PAGES.add(new Visit("teacher", "assignment (teacher)", "/assignments/" + assignment));
    PAGES.add(new Visit("teacher", "assignment edit", "/assignments/" + assignment + "/edit"));
    PAGES.add(new Visit("teacher", "gradebook", "/classes/" + classId + "/gradebook"));
    PAGES.add(new Visit("teacher", "report", "/assignments/" + assignment + "/report"));
    PAGES.add(new Visit("teacher", "report on the projector", "/assignments/" + assignment + "/report?view=projector"));
    PAGES.add(new Visit("teacher", "grading", "/assignments/" + assignment + "/grading"));
    PAGES.add(new Visit("teacher", "a student's results", "/classes/" + classId + "/students/" + demoStudent + "/results"));
    if (demoAttempt != null) {
      PAGES.add(new Visit("teacher", "a student's attempt", "/attempts/" + demoAttempt));
    }
    PAGES.add(new Visit("teacher", "answer key", "/readings/" + reading + "/quiz"));
    PAGES.add(new Visit("teacher", "discussion (teacher)", "/assignments/" + assignment + "/discussion"));
    JsonArray threads = server.get("/api/v1/assignments/" + assignment + "/threads", demo.teacherToken).bodyAsJsonArray();
    if (!threads.isEmpty()) {
      PAGES.add(new Visit("teacher", "a discussion thread", "/threads/" + threads.getJsonObject(0).getLong("id")));
    }
    PAGES.add(new Visit("teacher", "participation", "/assignments/" + assignment + "/participation"));
    PAGES.add(new Visit("teacher", "margin comments (teacher)", "/readings/" + reading + "?assignment=" + assignment));
    PAGES.add(new Visit("teacher", "margin comments of a paragraph", "/assignments/" + assignment + "/margin/3"));
  }

  private static long startAttempt(long assignment) {
    var r = server.postJson("/api/v1/assignments/" + assignment + "/attempts", new JsonObject(), student.token());
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getLong("id");
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  /** Visits every page with one context per person; returns the problems {@code check} reports. */
  private static List<String> tour(Function<Boolean, BrowserContext> newContext, Function<Page, List<String>> check,
                                   String shotSuffix) {
    List<String> problems = new ArrayList<>();
    Map<String, BrowserContext> contexts = new java.util.HashMap<>();
    try {
      for (Visit v : PAGES) {
        BrowserContext ctx = contexts.computeIfAbsent(v.who(), who -> {
          BrowserContext c = newContext.apply(true);
          if (!who.isEmpty()) {
            Page login = c.newPage();
            if (who.equals("teacher")) {
              demo.logIn(login, DemoSeed.TEACHER);
            } else {
              demo.logIn(login, student.username(), Accounts.PASSWORD);
            }
            login.close();
          }
          return c;
        });
        Page page = ctx.newPage();
        Response r = page.navigate(server.url(v.path()));
        if (r == null || r.status() != 200) {
          problems.add(v.name() + " " + v.path() + ": HTTP " + (r == null ? "none" : r.status()));
        } else {
          check.apply(page).forEach(p -> problems.add(v.name() + " " + v.path() + ": " + p));
          if (shotSuffix != null) {
            Browser.screenshot(page, "tour-" + v.name().replaceAll("[^A-Za-z0-9]+", "-") + "-" + shotSuffix);
          }
        }
        page.close();
      }
    } finally {
      contexts.values().forEach(BrowserContext::close);
    }
    return problems;
  }

  @Test
  @DisplayName("no page scrolls sideways on a 360 px phone: every question type in both layouts, the review, every teacher page")
  void noSideScrollingAt360() {
    List<String> problems = tour(x -> browser.phone(), page -> {
      page.setViewportSize(360, 740);
      Number width = (Number) page.evaluate("() => document.documentElement.scrollWidth");
      return width.intValue() <= 360 ? List.of() : List.of("scrolls sideways: " + width + " px wide");
    }, "360");
    assertTrue(PAGES.size() > 30, "the tour visits every page kind");
    assertEquals(List.of(), problems);
  }

  @Test
  @DisplayName("axe-core finds no serious or critical accessibility violation on any page kind")
  void noSeriousAccessibilityViolations() {
    List<String> problems = tour(x -> browser.desktop(), page -> {
      AxeResults results = new AxeBuilder(page).analyze();
      List<String> out = new ArrayList<>();
      for (Rule rule : results.getViolations()) {
        if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
          StringBuilder where = new StringBuilder();
          rule.getNodes().stream().limit(3).forEach(n -> where.append(" | ").append(n.getTarget()));
          out.add(rule.getImpact() + " " + rule.getId() + " (" + rule.getNodes().size() + "×)" + where);
        }
      }
      return out;
    }, null);
    assertEquals(List.of(), problems, String.join("\n", problems));
  }
}
