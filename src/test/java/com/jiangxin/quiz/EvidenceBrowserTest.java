package com.jiangxin.quiz;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An evidence question end to end in a real browser: taken on a phone, reviewed, and counted in the report. */
class EvidenceBrowserTest {
  private static TestServer server;
  private static Browser browser;
  private static Accounts.Login teacher;
  private static Accounts.Login student;
  private static long assignmentId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
    teacher = Accounts.teacher(server);
    student = Accounts.student(server);
    assignmentId = EvidenceFlowTest.assignPian02(server, teacher, student);
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

  private static void assertNoSidewaysScroll(Page page, String where) {
    Object wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertTrue(((Number) wide).intValue() <= 0, where + " scrolls sideways by " + wide + " px");
  }

  @Test
  @DisplayName("a student taps a sentence on a phone, submits, sees both the chosen and the key sentence marked, and the teacher's report counts it")
  void tapSubmitReviewReport() {
    Question q = EvidenceFlowTest.QUESTION;
    Evidence type = EvidenceFlowTest.TYPE;
    String chosen = EvidenceFlowTest.otherSentence();
    String chosenText = type.sentence(chosen).orElseThrow();
    String keyText = type.sentence(type.answer()).orElseThrow();
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      logIn(page, student);
      page.navigate(server.url("/assignments/" + assignmentId));
      page.click("form[action$='/attempts'] button");
      assertTrue(page.url().matches(".*/attempts/\\d+"), page.url());

      Locator question = page.locator("#question-" + q.id());
      question.scrollIntoViewIfNeeded();
      Locator radio = page.locator("#q-" + q.id() + "-" + chosen);
      assertTrue(radio.boundingBox().width <= 2, "with JavaScript the radio gives way to the sentence itself");
      Locator sentence = question.locator("label.ev-sentence", new Locator.LocatorOptions().setHasText(chosenText));
      String before = (String) sentence.evaluate("e => getComputedStyle(e).backgroundColor");
      sentence.click();
      assertTrue(radio.isChecked(), "tapping the sentence chooses it");
      assertNotEquals(before, sentence.evaluate("e => getComputedStyle(e).backgroundColor"), "the chosen sentence is highlighted");
      assertThat(page.locator(".save-state")).containsText("已保存");
      assertNoSidewaysScroll(page, "the quiz at 390 px");
      Browser.screenshot(page, "evidence-take-phone");

      page.click("button.submit-button");
      page.click("#confirm button[type=submit]");
      assertThat(page.locator(".scoreline")).isVisible();
      Locator fb = page.locator("#fb-" + q.id());
      assertThat(fb.locator(".ev-chosen")).containsText(chosenText);
      assertThat(fb.locator(".ev-key")).containsText(keyText);
      assertThat(fb.locator(".ev-tag-key")).isVisible();
      assertThat(fb.locator(".ev-tag-chosen")).isVisible();
      assertNotEquals(fb.locator(".ev-chosen").evaluate("e => getComputedStyle(e).backgroundColor"),
        fb.locator(".ev-key").evaluate("e => getComputedStyle(e).backgroundColor"), "the two marks look different");
      fb.scrollIntoViewIfNeeded();
      assertNoSidewaysScroll(page, "the review at 390 px");
      Browser.screenshot(page, "evidence-review-phone");
    }
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      logIn(page, teacher);
      page.navigate(server.url("/assignments/" + assignmentId + "/report"));
      Locator item = page.locator("li.qstat").filter(new Locator.FilterOptions().setHasText(q.prompt()));
      assertThat(item.locator(".tag").first()).hasText(QuestionTypes.reportLabel(Evidence.NAME));
      Locator bar = item.locator(".answer-bars li").filter(new Locator.FilterOptions().setHasText(Evidence.place(chosen)));
      assertThat(bar).containsText("1 人");
      Browser.screenshot(page, "evidence-report");
    }
  }
}
