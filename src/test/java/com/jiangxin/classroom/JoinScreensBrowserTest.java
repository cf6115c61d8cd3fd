package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a teacher shows students in class, in a real browser: the projector's join code, the print
 * buttons and the login slips.
 */
class JoinScreensBrowserTest {
  private static TestServer server;
  private static Browser browser;
  private static Accounts.Login teacher;

  @BeforeAll
  static void start() {
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

  private static Page signedIn(BrowserContext context) {
    Page page = context.newPage();
    page.navigate(server.url("/login"));
    page.fill("#username", teacher.username());
    page.fill("#password", Accounts.PASSWORD);
    page.click("form[action='/login'] button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  private static JsonObject newClass(String name) {
    return ClassroomFixtures.createClass(server, teacher, name);
  }

  /** The element's box, as the browser lays it out. */
  @SuppressWarnings("unchecked")
  private static Map<String, Number> box(Locator element) {
    return (Map<String, Number>) element.evaluate("el => { const r = el.getBoundingClientRect();"
      + " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height, width: r.width}; }");
  }

  private static double d(Map<String, Number> box, String key) {
    return box.get(key).doubleValue();
  }

  @Test
  @DisplayName("the projector shows class code, QR code and join address on one screen, the code on one line, at 1024×768, 1366×768 and 1920×1080")
  void projectorFitsOneScreen() {
    JsonObject cls = newClass("高一（3）班 语文");
    String code = cls.getString("joinCode");
    try (BrowserContext context = browser.desktop()) {
      Page page = signedIn(context);
      for (int[] size : new int[][] {{1920, 1080}, {1366, 768}, {1024, 768}}) {
        String name = size[0] + "x" + size[1];
        page.setViewportSize(size[0], size[1]);
        page.navigate(server.url("/classes/" + cls.getLong("id") + "/code"));
        Browser.screenshot(page, "projector-code-" + name);
        int innerHeight = ((Number) page.evaluate("window.innerHeight")).intValue();
        int scrollHeight = ((Number) page.evaluate("document.documentElement.scrollHeight")).intValue();
        assertTrue(scrollHeight <= innerHeight, name + ": the page is " + scrollHeight + " px tall on a "
          + innerHeight + " px screen");
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertTrue(scrollWidth <= size[0], name + ": the page is " + scrollWidth + " px wide");

        Locator codeEl = page.locator(".join-code");
        assertEquals(code, codeEl.innerText().replaceAll("\\s", ""), name);
        double fontSize = ((Number) codeEl.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")).doubleValue();
        double lineHeight = ((Number) codeEl.evaluate("el => { const s = getComputedStyle(el);"
          + " return s.lineHeight === 'normal' ? 1.2 * parseFloat(s.fontSize) : parseFloat(s.lineHeight); }")).doubleValue();
        Map<String, Number> codeBox = box(codeEl);
        assertTrue(d(codeBox, "height") < 1.5 * lineHeight, name + ": the code takes one line, not "
          + d(codeBox, "height") + " px for a " + lineHeight + " px line");
        List<Map<String, Number>> halves = List.of(box(codeEl.locator("span").first()), box(codeEl.locator("span").last()));
        assertTrue(Math.abs(d(halves.get(0), "top") - d(halves.get(1), "top")) < 2, name + ": both halves of the code on one line");
        assertTrue(fontSize >= 0.15 * innerHeight, name + ": the code is large: " + fontSize + " px");
        assertTrue(d(codeBox, "bottom") <= innerHeight && d(codeBox, "top") >= 0, name + ": the code is on screen");

        Map<String, Number> qr = box(page.locator(".projector-code svg.qr"));
        assertTrue(d(qr, "height") >= 0.3 * innerHeight, name + ": the QR code is large: " + d(qr, "height") + " px");
        assertTrue(d(qr, "top") >= 0 && d(qr, "bottom") <= innerHeight && d(qr, "right") <= size[0], name + ": the QR code is on screen");

        Locator url = page.locator(".projector-code .join-url");
        assertTrue(url.innerText().endsWith("/join"), url.innerText());
        Map<String, Number> urlBox = box(url);
        assertTrue(d(urlBox, "top") >= 0 && d(urlBox, "bottom") <= innerHeight, name + ": the address is on screen");
        double urlSize = ((Number) url.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")).doubleValue();
        assertTrue(urlSize >= 0.035 * innerHeight, name + ": the address is readable from the back: " + urlSize + " px");
      }
      page.setViewportSize(390, 844);
      page.navigate(server.url("/classes/" + cls.getLong("id") + "/code"));
      Browser.screenshot(page, "projector-code-390");
      int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
      assertTrue(scrollWidth <= 390, "the code page fits a phone: " + scrollWidth);
    }
  }

  /** Replaces the print dialog with a counter, clicks the page's print button, and returns the count. */
  private static int printsPerClick(Page page) {
    page.evaluate("() => { window.__prints = 0; window.print = () => { window.__prints++; }; }");
    Locator button = page.locator("button[data-print]");
    assertEquals(1, button.count());
    assertTrue(button.isVisible(), "the print button shows once the script has run");
    button.click();
    page.waitForTimeout(300);
    return ((Number) page.evaluate("window.__prints")).intValue();
  }

  @Test
  @DisplayName("a print button (答案, 登录条) opens the print dialog once per click")
  void printOncePerClick() {
    JsonObject cls = newClass("打印测试班");
    try (BrowserContext context = browser.desktop()) {
      Page page = signedIn(context);
      page.navigate(server.url("/readings/pian-01/quiz"));
      assertEquals(1, printsPerClick(page), "the answer key prints once");

      page.navigate(server.url("/classes/" + cls.getLong("id")));
      page.fill("#csv", "用户名,姓名\nprint-once-1,张雨桐\n");
      page.click("#import button[type=submit]");
      page.waitForSelector(".slip");
      assertEquals(1, printsPerClick(page), "the login slips print once");
    }
  }

  @Test
  @DisplayName("login slips show 姓名, 用户名, 初始密码, 班级码, 网址 on rows of their own and a QR code, on screen and on paper")
  void slipsReadLikePaper() {
    JsonObject cls = newClass("初二（5）班");
    try (BrowserContext context = browser.desktop()) {
      Page page = signedIn(context);
      page.navigate(server.url("/classes/" + cls.getLong("id")));
      page.fill("#csv", "用户名,姓名\nzhang-yutong-2024,张雨桐\nouyang-nana-long-name,\"欧阳, 娜\"\nli-x,李想\n");
      page.click("#import button[type=submit]");
      page.waitForSelector(".slip");
      assertEquals(3, page.locator(".slip").count());
      String[][] sizes = {{"1366", "900", "screen"}, {"1024", "768", "screen"}, {"390", "844", "screen"}, {"794", "1123", "print"}};
      for (String[] size : sizes) {
        String name = size[0] + "-" + size[2];
        page.setViewportSize(Integer.parseInt(size[0]), Integer.parseInt(size[1]));
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia("print".equals(size[2]) ? Media.PRINT : Media.SCREEN));
        Browser.screenshot(page, "slips-" + name);
        for (int i = 0; i < 3; i++) {
          Locator slip = page.locator(".slip").nth(i);
          slip.scrollIntoViewIfNeeded();
          List<String> labels = slip.locator("dt").allInnerTexts().stream().map(String::strip).toList();
          assertEquals(List.of("姓名", "用户名", "初始密码", "班级码", "网址"), labels, name);
          Map<String, Number> slipBox = box(slip);
          Locator dts = slip.locator("dt");
          Locator dds = slip.locator("dd");
          double previousBottom = Double.NEGATIVE_INFINITY;
          for (int row = 0; row < 5; row++) {
            Map<String, Number> dt = box(dts.nth(row));
            Map<String, Number> dd = box(dds.nth(row));
            assertTrue(d(dt, "right") <= d(dd, "left") + 1, name + ": label " + labels.get(row) + " stands before its value");
            assertTrue(d(dd, "top") >= previousBottom - 1, name + ": " + labels.get(row) + " starts a row of its own");
            assertTrue(d(dd, "right") <= d(slipBox, "right"), name + ": " + labels.get(row) + " stays inside the slip");
            previousBottom = Math.max(d(dt, "bottom"), d(dd, "bottom"));
          }
          Map<String, Number> qr = box(slip.locator("svg.qr"));
          assertTrue(d(qr, "width") >= 60 && d(qr, "right") <= d(slipBox, "right"), name + ": the slip carries a QR code");
        }
        Browser.screenshot(page, "slips-" + name + "-last");
      }
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
      Locator first = page.locator(".slip").first();
      assertEquals("张雨桐", first.locator("dd").nth(0).innerText().strip());
      assertEquals("zhang-yutong-2024", first.locator("dd").nth(1).innerText().strip());
      assertEquals(cls.getString("joinCode"), first.locator("dd").nth(3).innerText().strip());
      assertTrue(first.locator("dd").nth(4).innerText().strip().endsWith("/join"));
    }
  }

  @Test
  @DisplayName("the class page shows the join address and a QR code of it beside the code, from a phone to a projector")
  void classPageShowsTheQrCode() {
    JsonObject cls = newClass("高二（1）班");
    try (BrowserContext context = browser.desktop()) {
      Page page = signedIn(context);
      for (int[] size : new int[][] {{360, 740}, {390, 844}, {1024, 768}, {1366, 768}, {1920, 1080}}) {
        String name = size[0] + "x" + size[1];
        page.setViewportSize(size[0], size[1]);
        page.navigate(server.url("/classes/" + cls.getLong("id")));
        Browser.screenshot(page, "class-page-" + name);
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertTrue(scrollWidth <= size[0], name + ": no sideways scrolling, the page is " + scrollWidth + " px wide");
        Locator qr = page.locator(".join-panel svg.qr");
        assertTrue(qr.isVisible(), name);
        assertEquals("img", qr.getAttribute("role"));
        assertTrue(qr.getAttribute("aria-label").contains(cls.getString("joinCode")), qr.getAttribute("aria-label"));
        Map<String, Number> qrBox = box(qr);
        assertTrue(d(qrBox, "width") >= 120 && d(qrBox, "bottom") <= size[1], name + ": the QR code is large enough to scan and on screen");
        assertTrue(page.locator(".join-panel .join-url").innerText().endsWith("/join"), name);
      }
    }
  }
}
