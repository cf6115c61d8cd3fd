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

class AssignmentBrowserTest {
  /** 篇二's fill-in about 方仲永 and single-choice questions about 路遥 and 赵普. */
  private static final Question FANG = com.jiangxin.support.BuiltInBank.first("pian-02", "方仲永", FillIn.class);
  private static final String FANG_KEY = (String) FANG.key();
  private static final String LUYAO = com.jiangxin.support.BuiltInBank.first("pian-02", "路遥", SingleChoice.class).id();
  private static final String ZHAOPU = com.jiangxin.support.BuiltInBank.first("pian-02", "赵普", SingleChoice.class).id();
  private static TestServer server;
  private static Browser browser;
  private static long assignmentId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
    String teacher = AssignmentAttemptTestSupport.register(server, "laoshi", "teacher");
    JsonObject created = server.postJson("/api/v1/classes", new JsonObject().put("name", "初一（2）班"), teacher).bodyAsJsonObject();
    String student = AssignmentAttemptTestSupport.register(server, "xiaohong", "student");
    server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", created.getString("joinCode")), student);
    assignmentId = server.postJson("/api/v1/classes/" + created.getLong("id") + "/assignments",
      new JsonObject().put("readingId", "pian-02").put("feedback", "immediate"), teacher).bodyAsJsonObject().getLong("id");
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  @Test
  @DisplayName("a student takes the 篇二 quiz on a phone, loses the connection, reloads to find the answers, submits, and follows the evidence to 方仲永")
  void takeQuizOnPhone() {
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      QuizBrowserTest.logIn(page, server.url(""), "xiaohong", "password-xiaohong");
      page.navigate(server.url("/assignments/" + assignmentId));
      page.click("form[action$='/attempts'] button");
      assertTrue(page.url().matches(".*/attempts/\\d+"), page.url());

      page.fill("#f-" + FANG.id(), FANG_KEY);
      page.locator("#question-" + LUYAO + " input").first().check();
      assertThat(page.locator(".save-state")).containsText("已保存");

      ctx.setOffline(true);
      page.locator("#question-" + ZHAOPU + " input").first().check();
      assertThat(page.locator(".save-state")).containsText("网络断开");
      Browser.screenshot(page, "quiz-offline-phone");
      ctx.setOffline(false);

      page.reload();
      assertEquals(FANG_KEY, page.inputValue("#f-" + FANG.id()), "the answer saved before the drop is restored");
      assertTrue(page.locator("#question-" + LUYAO + " input").first().isChecked());

      page.click("button.submit-button");
      page.click("#confirm button[type=submit]");
      assertThat(page.locator(".scoreline")).isVisible();
      Locator fb = page.locator("#fb-" + FANG.id());
      assertThat(fb).hasClass(java.util.regex.Pattern.compile(".*\\bright\\b.*"));
      Browser.screenshot(page, "quiz-review-assignment-phone");

      fb.locator("a.evidence-link").click();
      Locator mark = page.locator("mark.evidence");
      assertThat(mark.first()).isInViewport();
      assertThat(page.locator("p.has-evidence")).containsText("方仲永");
      String highlighted = String.join("", page.locator("p.has-evidence mark.evidence").allTextContents());
      assertTrue(highlighted.contains(FANG_KEY), "the highlighted quote: " + highlighted);
      Browser.screenshot(page, "quiz-evidence-fangzhongyong-phone");
    }
  }
}
