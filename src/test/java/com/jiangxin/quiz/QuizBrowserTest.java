package com.jiangxin.quiz;

import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuizBrowserTest {
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
    server.postJson("/api/v1/auth/register", new JsonObject().put("username", "xiaoming").put("password", "password-xm")
      .put("displayName", "小明").put("role", "student"), null);
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  static void logIn(Page page, String base, String username, String password) {
    page.navigate(base + "/login");
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("button[type=submit]");
  }

  @Test
  @DisplayName("a student practises 篇三 on a phone: answers are autosaved, survive a reload, and the review links back to the text")
  void practiceOnPhone() {
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      String base = server.url("");
      logIn(page, base, "xiaoming", "password-xm");
      page.navigate(base + "/readings/pian-03");
      page.click("form[action='/readings/pian-03/practice'] button");
      assertTrue(page.url().matches(".*/attempts/\\d+"), page.url());

      Locator first = page.locator("fieldset.question").first();
      first.locator("input").first().check();
      assertThat(page.locator(".save-state")).containsText("已保存");
      assertThat(page.locator(".answered-count")).hasText("1");
      Browser.screenshot(page, "quiz-take-phone");

      page.reload();
      assertTrue(page.locator("fieldset.question").first().locator("input").first().isChecked(),
        "the saved answer is restored after a reload");

      page.click("button.submit-button");
      assertThat(page.locator("#confirm")).isVisible();
      page.click("#confirm button[type=submit]");
      assertThat(page.locator(".scoreline")).isVisible();
      Browser.screenshot(page, "quiz-review-phone");

      Locator link = page.locator("a.evidence-link").first();
      link.click();
      Locator mark = page.locator("mark.evidence").first();
      assertThat(mark).isVisible();
      assertThat(mark).isInViewport();
      Browser.screenshot(page, "quiz-evidence-phone");
      assertEquals(1, page.locator("p.has-evidence").count());
    }
  }
}
