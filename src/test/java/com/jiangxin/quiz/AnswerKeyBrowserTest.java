package com.jiangxin.quiz;

import com.jiangxin.support.People;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A teacher in a real browser: the answer key of 篇五, and the evidence it links to. */
class AnswerKeyBrowserTest {
  private static TestServer server;
  private static Browser browser;
  private static People.Person teacher;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
    teacher = People.register(server, "teacher");
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
    page.fill("#password", teacher.password());
    page.click("form[action='/login'] button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  /** Whether the element's box lies inside the visible window, below the sticky site header. */
  private static boolean inViewport(Page page, Locator element) {
    return (Boolean) element.evaluate("el => { const r = el.getBoundingClientRect();"
      + " const top = document.querySelector('header.site').getBoundingClientRect().bottom;"
      + " return r.height > 0 && r.top >= top && r.bottom <= window.innerHeight; }");
  }

  @Test
  @DisplayName("a teacher sees the 哈里森 questions with their keys, follows an evidence link and lands on the highlighted sentence")
  void keyToEvidence() {
    for (boolean phone : new boolean[] {false, true}) {
      String size = phone ? "phone" : "desktop";
      try (BrowserContext context = phone ? browser.phone() : browser.desktop()) {
        Page page = signedIn(context);
        page.navigate(server.url("/readings/pian-05/quiz"));
        assertTrue(page.title().contains("篇五"), page.title());
        Browser.screenshot(page, "answer-key-pian-05-top-" + size);
        Question single = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", SingleChoice.class);
        String letter = ((SingleChoice) single.type()).answer();
        String keyText = com.jiangxin.support.BuiltInBank.keyText(single);
        Locator years = page.locator("#q-" + single.id());
        assertTrue(years.isVisible());
        assertTrue(years.locator(".options li.correct").innerText().contains(keyText));
        assertTrue(years.locator(".key").innerText().contains(letter + ". " + keyText));
        Question clocks = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", Numeric.class);
        Numeric n = (Numeric) clocks.type();
        assertTrue(page.locator("#q-" + clocks.id() + " .key").innerText().contains(n.answer().toPlainString() + " " + n.unit()));
        Question record = com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", TrueFalse.class);
        assertTrue(page.locator("#q-" + record.id() + " .explanation").innerText().contains("64天"));
        Question multiple = com.jiangxin.support.BuiltInBank.first("pian-05", MultipleChoice.class);
        page.locator("#q-" + multiple.id()).scrollIntoViewIfNeeded();
        Browser.screenshot(page, "answer-key-pian-05-multiple-" + size);
        page.locator("#q-" + com.jiangxin.support.BuiltInBank.first("pian-05", Ordering.class).id()).scrollIntoViewIfNeeded();
        Browser.screenshot(page, "answer-key-pian-05-ordering-" + size);
        years.scrollIntoViewIfNeeded();
        Path key = Browser.screenshot(page, "answer-key-pian-05-" + size);
        assertTrue(Files.exists(key));

        page.locator("#q-" + record.id() + " .evidence-quote a").click();
        page.waitForURL(url -> url.contains("/readings/pian-05?") && url.contains("#p"));
        page.waitForLoadState();
        Locator mark = page.locator("mark.evidence").first();
        assertTrue(mark.isVisible());
        assertEquals(record.evidence(), page.locator("mark.evidence").allInnerTexts().stream()
          .reduce("", String::concat));
        page.waitForFunction("() => { const r = document.querySelector('mark.evidence').getBoundingClientRect();"
          + " return r.top >= 0 && r.bottom <= window.innerHeight; }");
        assertTrue(inViewport(page, mark), "the highlighted sentence is on screen, not under the header");
        Browser.screenshot(page, "evidence-pian-05-" + size);
      }
    }
  }

  @Test
  @DisplayName("printed, the key page drops the site's navigation and buttons but keeps every question and its key")
  void printable() {
    try (BrowserContext context = browser.desktop()) {
      Page page = signedIn(context);
      page.navigate(server.url("/readings/pian-05/quiz"));
      assertTrue(page.locator("[data-print]").isVisible(), "the print button shows with scripts on");
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
      assertTrue(page.locator("header.site").isHidden());
      assertTrue(page.locator("[data-print]").isHidden());
      assertEquals(com.jiangxin.support.BuiltInBank.quiz("pian-05").questions().size(), page.locator(".key-q .key").count());
      assertTrue(page.locator("#q-" + com.jiangxin.support.BuiltInBank.first("pian-05", "哈里森", SingleChoice.class).id() + " .key").isVisible());
      Browser.screenshot(page, "answer-key-pian-05-print");
    }
  }

  @Test
  @DisplayName("the reading page offers a teacher the answer key and the practice button")
  void readingPageLinks() {
    try (BrowserContext context = browser.desktop()) {
      Page page = signedIn(context);
      page.navigate(server.url("/readings/pian-05"));
      Locator practice = page.locator(".reading-actions form[action='/readings/pian-05/practice'] button");
      assertTrue(practice.isVisible());
      assertEquals("练习（不计分）", practice.innerText().trim());
      Browser.screenshot(page, "reading-pian-05-teacher");
      page.locator(".reading-actions a[href='/readings/pian-05/quiz']").click();
      page.waitForURL(url -> url.endsWith("/readings/pian-05/quiz"));
      assertTrue(page.locator(".answer-key h1").innerText().contains("工匠精神"));
    }
  }
}
