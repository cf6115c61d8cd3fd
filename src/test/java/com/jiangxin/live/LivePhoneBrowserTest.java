package com.jiangxin.live;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.jiangxin.live.LiveFixtures.start;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a phone shows of the countdown, and of the same session opened on a second page. */
class LivePhoneBrowserTest {
  private static TestServer server;
  private static Browser browser;
  private static Accounts.Login teacher;

  @BeforeAll
  static void launch() {
    server = TestServer.start();
    browser = Browser.launch();
    teacher = Accounts.teacher(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  private static final LocatorAssertions.IsVisibleOptions VISIBLE = new LocatorAssertions.IsVisibleOptions().setTimeout(15_000);
  private static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

  private static Page joinAsGuest(BrowserContext phone, String pin, String nickname) {
    Page page = phone.newPage();
    page.navigate(server.url("/live?pin=" + pin));
    page.fill("#lp-nick", nickname);
    page.click("#lp-join-form button[type=submit]");
    assertThat(page.locator("#lp-wait")).isVisible(VISIBLE);
    return page;
  }

  @Test
  @DisplayName("with a countdown the phone counts down, closes its inputs at zero; the same phone opened on a second page continues there and the first steps back")
  void countdownAndSecondPage() {
    JsonObject s = start(server, teacher.token(), new JsonObject().put("readingId", LiveFixtures.READING)
      .put("guests", true).put("countdown", 8));
    long id = s.getLong("id");
    try (BrowserContext phone = browser.phone()) {
      Page page = joinAsGuest(phone, s.getString("pin"), "计时");
      assertEquals(200, server.postJson("/api/v1/live/" + id + "/next", new JsonObject(), teacher.token()).statusCode());
      assertThat(page.locator("#lp-timer")).containsText("还剩", WAIT);
      assertTrue(page.locator("#lp-question button").first().isEnabled(), "the answer buttons work while time is left");
      Browser.screenshot(page, "live-phone-countdown");
      assertThat(page.locator("#lp-timer")).containsText("时间到", new LocatorAssertions.ContainsTextOptions().setTimeout(25_000));
      assertThat(page.locator("#lp-question button").first()).isDisabled();

      // the same phone opens the session in another tab: that tab plays, the first one steps back
      Page second = phone.newPage();
      second.navigate(server.url("/live"));
      assertThat(second.locator("#lp-name")).containsText("计时", WAIT);
      assertThat(page.locator("#lp-replaced")).isVisible(VISIBLE);
      assertThat(page.locator("#lp-replaced")).containsText("另一个页面");
      assertThat(second.locator("#lp-question")).isVisible(VISIBLE);
      assertTrue(second.locator("#lp-replaced").isHidden(), "the newer page plays on");
      page.click("#lp-here");
      assertThat(second.locator("#lp-replaced")).isVisible(VISIBLE);
      assertThat(page.locator("#lp-replaced")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
      assertThat(page.locator("#lp-question")).isVisible(VISIBLE);
    }
  }
}
