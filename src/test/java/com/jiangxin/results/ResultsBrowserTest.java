package com.jiangxin.results;

import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo class (DEMO=1) as a teacher and a student see its results, on a projector and a phone. */
class ResultsBrowserTest {
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("DEMO", "1"));
    browser = Browser.launch();
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  private static void logIn(Page page, String username) {
    page.navigate(server.url("/login"));
    page.fill("#username", username);
    page.fill("#password", DemoSeed.PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
  }

  /** The numeric question about 哈里森's clocks in 篇五, whose commonest wrong answer in the demo is 3. */
  private static final String CLOCKS = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森",
    com.jiangxin.quiz.Numeric.class).id();

  private static void openReport(Page page, String readingTitlePart) {
    page.navigate(server.url("/dashboard"));
    page.locator("a.assignment-title", new Page.LocatorOptions().setHasText(readingTitlePart)).first().click();
    page.click("a[href$='/report']");
    assertTrue(page.url().matches(".*/assignments/\\d+/report"), page.url());
  }

  @Test
  @DisplayName("a teacher opens the 篇五 report of the demo class on a projector and sees the charts and the misread example")
  void reportOnProjector() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      logIn(page, DemoSeed.TEACHER);
      openReport(page, "工匠精神");
      assertThat(page.locator(".headline h2")).containsText("哈里森");
      Locator histogram = page.locator("svg.histogram");
      assertThat(histogram).isVisible();
      assertTrue(histogram.locator("rect.hist-bar").count() > 5, "one bar per score");
      assertThat(histogram.locator("title")).containsText("得分分布");
      assertTrue(page.locator(".example-bars .bar-row").count() >= 5);
      assertThat(page.locator("#q-" + CLOCKS + " .misconception")).containsText("3");
      Browser.screenshot(page, "results-report-projector");
      page.locator("#examples-h").evaluate("h => h.scrollIntoView()");
      Browser.screenshot(page, "results-report-examples-projector");
      page.locator("#q-" + CLOCKS).evaluate("q => q.scrollIntoView()");
      Browser.screenshot(page, "results-report-question-projector");
    }
  }

  @Test
  @DisplayName("the report reads on a phone: the histogram fits the screen and the bars stack under their labels")
  void reportOnPhone() {
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      logIn(page, DemoSeed.TEACHER);
      openReport(page, "工匠精神");
      Locator histogram = page.locator("svg.histogram");
      histogram.scrollIntoViewIfNeeded();
      assertTrue(histogram.boundingBox().width <= 390, "the chart is no wider than the phone");
      Browser.screenshot(page, "results-report-phone");
      page.locator("#examples-h").evaluate("h => h.scrollIntoView()");
      Browser.screenshot(page, "results-report-examples-phone");
      page.locator("#q-" + CLOCKS).evaluate("q => q.scrollIntoView()");
      Browser.screenshot(page, "results-report-question-phone");
      page.navigate(server.url("/dashboard"));
      page.click("a[href$='/gradebook']");
      assertThat(page.locator("table.gradebook")).isVisible();
      Browser.screenshot(page, "results-gradebook-phone");
    }
  }

  @Test
  @DisplayName("the gradebook shows every demo student, sorts by total without JavaScript, and grading moves on with Enter")
  void gradebookAndGrading() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      logIn(page, DemoSeed.TEACHER);
      page.navigate(server.url("/dashboard"));
      page.click("a[href$='/gradebook']");
      assertThat(page.locator("table.gradebook tbody tr")).hasCount(DemoSeed.STUDENT_NAMES.size());
      page.click("th.total-col a");
      assertThat(page.locator("th.total-col")).hasAttribute("aria-sort", "descending");
      Browser.screenshot(page, "results-gradebook-projector");

      openReport(page, "热爱劳动");
      page.click("a[href$='/grading']");
      Locator points = page.locator("#points");
      assertThat(points).isFocused();
      String before = page.locator(".queue-state strong").innerText();
      Browser.screenshot(page, "results-grading-projector");
      page.keyboard().type("2");
      page.keyboard().press("Enter");
      assertThat(page.locator(".flash")).containsText("已保存");
      // the last answer graded leaves the "all done" note instead of the queue count
      assertTrue(page.locator(".done-note").count() == 1
        || Integer.parseInt(page.locator(".queue-state strong").innerText()) == Integer.parseInt(before) - 1,
        "one answer fewer waits");
    }
  }

  @Test
  @DisplayName("a demo student sees only their own scores on a phone")
  void studentResultsOnPhone() {
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      logIn(page, DemoSeed.studentUsername(2));
      page.navigate(server.url("/results"));
      assertThat(page.locator("h1")).hasText("我的成绩");
      assertTrue(page.locator(".my-score").count() >= 2);
      assertTrue(page.locator(".my-points").count() >= 1, "a demo student has scores");
      assertTrue(!page.content().contains(DemoSeed.STUDENT_NAMES.get(2)), "no other student's name");
      Browser.screenshot(page, "results-mine-phone");
      page.navigate(server.url("/classes/1/gradebook"));
      assertThat(page.locator("h1")).not().hasText("成绩册 · " + DemoSeed.CLASS_NAME);
    }
  }
}
