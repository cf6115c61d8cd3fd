package com.jiangxin.web;

import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.quiz.Question;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first lesson with the demo class: what a teacher and students touch on day one works. */
class DayOneBrowserTest {
  private static TestServer server;
  private static Browser browser;
  private static DemoClassroom demo;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("DEMO", "1"));
    browser = Browser.launch();
    demo = DemoClassroom.of(server);
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  @Test
  @DisplayName("one tap on a quick-score button grades the open answer and opens the next")
  void quickScoreGradesInOneTap() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      demo.logIn(page, DemoSeed.TEACHER);
      page.navigate(server.url("/assignments/" + demo.shortAnswerAssignment() + "/grading"));
      int before = Integer.parseInt(page.locator(".queue-state strong").innerText());
      String first = page.locator("#answer-h").innerText();
      page.locator(".quick-scores button", new Page.LocatorOptions().setHasText("1 分")).click();
      assertThat(page.locator(".flash")).containsText("已保存");
      assertTrue(page.locator(".done-note").count() == 1
          || Integer.parseInt(page.locator(".queue-state strong").innerText()) == before - 1,
        "one answer fewer waits after one tap");
      assertFalse(page.locator("#answer-h").count() == 1 && page.locator("#answer-h").innerText().equals(first)
        && Integer.parseInt(page.locator(".queue-state strong").innerText()) == before, "the queue moved on");
    }
  }

  @Test
  @DisplayName("the submit confirmation on the one-page quiz counts what is answered, lists the blank ones and lets the student go back")
  void confirmationCountsAnswers() {
    Accounts.Login student = demo.newStudent("确认页学生");
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      demo.logIn(page, student.username(), Accounts.PASSWORD);
      page.navigate(server.url("/assignments/" + demo.shortAnswerAssignment()));
      page.locator("#quiz form button[type=submit]").first().click();
      page.waitForURL(Pattern.compile(".*/attempts/\\d+$"));
      Locator sets = page.locator("fieldset.question");
      int total = sets.count();
      assertTrue(total >= 4);
      List<String> blank = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        Locator fs = sets.nth(i);
        if (i == 1 || i == total - 1) {
          blank.add(fs.getAttribute("id"));
          continue;
        }
        answer(fs);
      }
      assertThat(page.locator(".answered-count")).hasText(String.valueOf(total - 2));
      page.click("button.submit-button");
      Locator confirm = page.locator("#confirm");
      assertThat(confirm).isVisible();
      assertThat(confirm).containsText("已作答 " + (total - 2) + " / " + total + " 题");
      Locator links = confirm.locator(".blank-list a");
      assertEquals(2, links.count(), "both blank questions are listed");
      assertEquals("#" + blank.get(1), links.nth(1).getAttribute("href"));
      Browser.screenshot(page, "dayone-confirm-phone");
      links.nth(1).click();
      assertThat(page.locator("#" + blank.get(1))).isInViewport();
      page.click("button.submit-button");
      confirm.getByText("继续答题").click();
      assertThat(confirm).isHidden();

      // one question per screen: the server counts, after saving the question on the screen
      String url = page.url().replaceAll("[?#].*$", "");
      page.navigate(url + "?one=1&q=2");
      answer(page.locator("fieldset.question").first());
      page.click("button.submit-button");
      assertThat(page.locator("#confirm")).isVisible();
      assertThat(page.locator("#confirm")).containsText("已作答 " + (total - 1) + " / " + total + " 题");
      assertEquals(1, page.locator("#confirm .blank-list a").count());
      assertThat(page.locator("fieldset.question .qno")).hasText("2");
    }
  }

  /** Answers a question on the page as a student would, whatever its type. */
  static void answer(Locator fs) {
    String type = fs.getAttribute("data-type");
    switch (type) {
      case "single", "truefalse", "multiple" -> fs.locator("input").first().check();
      case "matching", "ordering" -> {
        Locator selects = fs.locator("select");
        for (int j = 0; j < selects.count(); j++) {
          selects.nth(j).selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(j + 1));
        }
      }
      case "short" -> fs.locator("textarea").fill("路遥坚持写作。");
      default -> fs.locator("input[type=text]").fill("12");
    }
  }

  @Test
  @DisplayName("a teacher opening a student's attempt sees whose it is, with labels for a teacher")
  void teacherSeesWhoseAttempt() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      demo.logIn(page, DemoSeed.TEACHER);
      page.navigate(server.url("/classes/" + demo.classId + "/gradebook"));
      Locator student = page.locator("table.gradebook tbody tr:has(a.score-link) th a").nth(2);
      String name = student.innerText().trim();
      student.click();
      page.locator("a", new Page.LocatorOptions().setHasText("打开这次作答")).first().click();
      page.waitForURL(Pattern.compile(".*/attempts/\\d+$"));
      assertThat(page.locator("h1")).containsText(name);
      assertThat(page.locator("main")).not().containsText("你的答案");
      assertThat(page.locator("dl.answers dt").first()).hasText("学生的答案");
      Browser.screenshot(page, "dayone-teacher-attempt-desktop");
    }
  }

  @Test
  @DisplayName("the report shows open answers as a score distribution, ordering items whole, and no score with two decimals")
  void reportWording() {
    long aid = demo.shortAnswerAssignment();
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      demo.logIn(page, DemoSeed.TEACHER);
      page.navigate(server.url("/assignments/" + aid + "/report"));
      String text = page.locator("main").innerText();
      assertFalse(Pattern.compile("答\\s*“[0-9.]+\\s*分”").matcher(text).find(), "a score is not an answer");
      Question open = demo.bank.forReading(demo.readingOf(aid)).orElseThrow().questions().stream()
        .filter(q -> q.typeName().equals("short")).findFirst().orElseThrow();
      Locator openStat = page.locator("#q-" + open.id());
      assertThat(openStat).containsText("得分分布");
      assertFalse(openStat.innerText().contains("人答"), openStat.innerText());
      openStat.evaluate("q => q.scrollIntoView()");
      Browser.screenshot(page, "dayone-report-open-question-1366");
      for (Question q : demo.bank.forReading(demo.readingOf(aid)).orElseThrow().questions()) {
        if (q.typeName().equals("ordering")) {
          page.locator("#q-" + q.id()).evaluate("q => q.scrollIntoView()");
          Browser.screenshot(page, "dayone-report-ordering-1366");
          Locator labels = page.locator("#q-" + q.id() + " .bar-label");
          for (int i = 0; i < labels.count(); i++) {
            assertFalse(labels.nth(i).innerText().contains("…"), "ordering items are whole: " + labels.nth(i).innerText());
          }
        }
      }
      String dist = page.locator("#dist-h + p.meta").innerText();
      assertFalse(Pattern.compile("\\d\\.\\d\\d|\\.0\\b").matcher(dist).find(), dist);
      page.navigate(server.url("/classes/" + demo.classId + "/gradebook"));
      String book = page.locator("table.gradebook").innerText();
      assertFalse(Pattern.compile("\\d\\.\\d\\d|\\d\\.0\\b").matcher(book).find(), "gradebook numbers: " + book);
    }
  }

  @Test
  @DisplayName("the report's projector view has large type and no student names")
  void reportProjectorView() {
    long aid = demo.shortAnswerAssignment();
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      page.setViewportSize(1920, 1080);
      demo.logIn(page, DemoSeed.TEACHER);
      page.navigate(server.url("/assignments/" + aid + "/report"));
      page.locator("a", new Page.LocatorOptions().setHasText("投影")).first().click();
      double body = ((Number) page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")).doubleValue();
      assertTrue(body >= 28, "body text on the projector is " + body + " px");
      String html = page.content();
      for (String name : DemoSeed.STUDENT_NAMES) {
        assertFalse(html.contains(name), "no student name on the projector: " + name);
      }
      Browser.screenshot(page, "dayone-report-projector-1920");
    }
  }

  @Test
  @DisplayName("messages on pages speak Chinese: an assignment form error names no field id")
  void messagesWithoutFieldIds() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      demo.logIn(page, DemoSeed.TEACHER);
      page.navigate(server.url("/assignments/" + demo.shortAnswerAssignment() + "/edit"));
      page.fill("#opensAt", "2030-05-02T08:00");
      page.fill("#dueAt", "2030-05-01T08:00");
      page.locator("main form button[type=submit]").first().click();
      Locator error = page.locator(".errors, [role=alert]").first();
      assertThat(error).isVisible();
      String message = error.innerText();
      assertTrue(message.contains("截止时间"), message);
      assertFalse(Pattern.compile("[A-Za-z]{3,}").matcher(message).find(), "no field id in: " + message);
    }
  }

  @Test
  @DisplayName("every page has an icon and asks for nothing that is missing")
  void favicon() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      List<String> missing = new ArrayList<>();
      page.onResponse(r -> {
        if (r.status() == 404) {
          missing.add(r.url());
        }
      });
      page.navigate(server.url("/"));
      String href = page.locator("link[rel=icon]").getAttribute("href");
      Response icon = page.navigate(server.url(href));
      assertEquals(200, icon.status());
      assertTrue(icon.headerValue("content-type").startsWith("image/svg+xml"), icon.headerValue("content-type"));
      page.navigate(server.url("/examples"));
      page.waitForTimeout(300);
      assertEquals(List.of(), missing);
    }
  }

  @Test
  @DisplayName("a student reaches the first question of an open assignment from the dashboard in at most two taps")
  void twoTapsToTheFirstQuestion() {
    Accounts.Login student = demo.newStudent("两步学生");
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      demo.logIn(page, student.username(), Accounts.PASSWORD);
      page.navigate(server.url("/dashboard"));
      int taps = 0;
      Locator card = page.locator(".todo-item").first();
      card.locator("form button", new Locator.LocatorOptions().setHasText("开始")).click();
      taps++;
      page.waitForURL(Pattern.compile(".*/attempts/\\d+.*"));
      Locator first = page.locator("fieldset.question").first();
      assertThat(first).isVisible();
      assertThat(first.locator(".qno")).hasText("1");
      assertTrue(taps <= 2);
      Browser.screenshot(page, "dayone-first-question-phone");

      page.navigate(server.url("/dashboard"));
      page.locator(".todo-item").first().locator("form button", new Locator.LocatorOptions().setHasText("继续")).click();
      page.waitForURL(Pattern.compile(".*/attempts/\\d+.*"));
      assertThat(page.locator("fieldset.question").first()).isVisible();
    }
  }

  @Test
  @DisplayName("the pages changed for day one fit a 360 and 390 px phone, a laptop and a projector (screenshots under target/)")
  void changedPagesAtEverySize() {
    Accounts.Login student = demo.newStudent("尺寸学生");
    String numericReading = demo.firstWithType("numeric").orElseThrow().getKey();
    long practice = demo.practice(student.token(), numericReading);
    long aid = demo.shortAnswerAssignment();
    List<String[]> pages = List.of(
      new String[] {"student", "dashboard", "/dashboard"},
      new String[] {"student", "numeric-quiz", "/attempts/" + practice},
      new String[] {"student", "confirm", "/attempts/" + practice + "?confirm=1"},
      new String[] {"teacher", "report", "/assignments/" + aid + "/report"},
      new String[] {"teacher", "report-projector", "/assignments/" + aid + "/report?view=projector"},
      new String[] {"teacher", "grading", "/assignments/" + aid + "/grading"},
      new String[] {"teacher", "gradebook", "/classes/" + demo.classId + "/gradebook"});
    List<String> problems = new ArrayList<>();
    for (int width : new int[] {360, 390, 1366, 1920}) {
      int height = width < 400 ? 800 : width == 1920 ? 1080 : 768;
      for (String who : List.of("student", "teacher")) {
        try (BrowserContext ctx = width < 400 ? browser.phone() : browser.desktop()) {
          Page page = ctx.newPage();
          page.setViewportSize(width, height);
          if (who.equals("teacher")) {
            demo.logIn(page, DemoSeed.TEACHER);
          } else {
            demo.logIn(page, student.username(), Accounts.PASSWORD);
          }
          for (String[] p : pages) {
            if (!p[0].equals(who)) {
              continue;
            }
            page.navigate(server.url(p[2]));
            int scroll = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (scroll > width) {
              problems.add(p[1] + " at " + width + ": " + scroll + " px wide");
            }
            if (p[1].equals("confirm")) {
              page.locator("#confirm").scrollIntoViewIfNeeded();
            }
            Browser.screenshot(page, "dayone-" + p[1] + "-" + width);
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }
}
