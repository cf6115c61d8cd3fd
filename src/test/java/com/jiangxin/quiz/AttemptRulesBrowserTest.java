package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attempt rules as a student and a teacher meet them in a browser. */
class AttemptRulesBrowserTest {
  private static TestServer server;
  private static Browser browser;
  private static Accounts.Login teacher;
  private static QuizBank bank;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("AUTO_SUBMIT_EVERY_MS", "200"));
    browser = Browser.launch();
    teacher = Accounts.teacher(server);
    bank = AttemptRulesFixtures.bank();
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  private static void logIn(Page page, Accounts.Login who) {
    QuizBrowserTest.logIn(page, server.url(""), who.username(), Accounts.PASSWORD);
    page.waitForURL(url -> !url.contains("/login"));
  }

  private static void noSidewaysScroll(Page page) {
    int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
    assertTrue(overflow <= 0, "the page scrolls sideways by " + overflow + " px");
  }

  @Test
  @DisplayName("a student who answers and walks away finds the attempt 自动提交 and graded after the deadline; the gradebook marks it 自")
  void autoSubmittedOnPhoneAndInGradebook() throws Exception {
    Quiz quiz = bank.quizzes().get(0);
    Accounts.Login student = Accounts.student(server, "走开的小李");
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    long a = AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "immediate",
      AttemptRulesFixtures.hoursFromNow(2));
    long attemptId;
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      logIn(page, student);
      page.navigate(server.url("/assignments/" + a));
      page.click("form[action$='/attempts'] button");
      assertTrue(page.url().matches(".*/attempts/\\d+"), page.url());
      attemptId = Long.parseLong(page.url().replaceAll(".*/attempts/(\\d+).*", "$1"));
      page.locator(".question input[type=radio]").first().check();
      assertThat(page.locator(".save-state")).containsText("已保存");
    }

    AttemptRulesFixtures.setDue(server, a, AttemptRulesFixtures.overdue());
    assertEquals("submitted", AttemptRulesFixtures.awaitRow(server, attemptId,
      r -> "submitted".equals(r.getString("STATUS"))).getString("STATUS"), "submitted while nobody looked");

    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      logIn(page, student);
      page.navigate(server.url("/attempts/" + attemptId));
      assertThat(page.locator(".review .meta")).containsText("自动提交");
      assertThat(page.locator(".scoreline")).containsText("分");
      noSidewaysScroll(page);
      Browser.screenshot(page, "auto-submitted-review-phone");
    }
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      logIn(page, teacher);
      page.navigate(server.url("/classes/" + classId + "/gradebook"));
      assertThat(page.locator("td .mark-auto")).hasCount(1);
      assertThat(page.locator("td .mark-auto")).hasAttribute("title", "自动提交");
      Browser.screenshot(page, "auto-submitted-gradebook-desktop");
    }
  }

  @Test
  @DisplayName("practice of a reading whose assignment is not yet due says so on the quiz and the review, which shows the answers handed in but no key")
  void heldPracticeOnPhone() {
    Quiz quiz = bank.quizzes().get(1);
    Accounts.Login student = Accounts.student(server);
    long classId = AttemptRulesFixtures.classWith(server, teacher, student);
    AttemptRulesFixtures.assign(server, teacher, classId, quiz.readingId(), "after_due", AttemptRulesFixtures.hoursFromNow(24));
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      logIn(page, student);
      page.navigate(server.url("/readings/" + quiz.readingId()));
      page.click("form[action='/readings/" + quiz.readingId() + "/practice'] button");
      assertThat(page.locator(".quiz-head .notice")).containsText("本篇有未到期的作业");
      page.locator(".question input[type=radio]").first().check();
      assertThat(page.locator(".save-state")).containsText("已保存");
      page.click("button.submit-button");
      page.click("#confirm button[type=submit]");
      assertThat(page.locator(".quiz-head .notice")).containsText("练习暂不显示答案和得分");
      assertThat(page.locator(".own-answers li")).hasCount(quiz.questions().size());
      assertThat(page.locator(".verdict")).hasCount(0);
      assertThat(page.locator(".evidence-link")).hasCount(0);
      noSidewaysScroll(page);
      Browser.screenshot(page, "practice-held-review-phone");
    }
  }
}
