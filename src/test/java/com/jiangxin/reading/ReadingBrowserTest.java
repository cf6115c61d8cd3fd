package com.jiangxin.reading;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a student or teacher sees in a real browser: the home page, a reading, a phone, a projector. */
class ReadingBrowserTest {
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  /** The sticky header's bottom edge: anything above it is hidden behind the header. */
  private static double headerBottom(Page page) {
    BoundingBox header = page.locator("header.site").boundingBox();
    return header.y + header.height;
  }

  private static void assertReadable(Page page, Locator target, String what) {
    assertThat(target).isInViewport();
    BoundingBox box = target.boundingBox();
    assertTrue(box.y >= headerBottom(page) - 1, what + " is hidden under the header: y=" + box.y);
  }

  @Test
  @DisplayName("from the home page a click opens a reading with its title and numbered paragraphs")
  void homeToReading() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      page.navigate(server.url("/"));

      assertThat(page.locator("h1")).hasText("匠心课堂");
      assertThat(page.locator(".showcase .card h3")).hasText(new String[] {"路遥", "方仲永", "哈里森"});
      assertThat(page.locator(".reading-item")).hasCount(9);
      assertThat(page.locator(".reading-item").first()).containsText("篇一");
      Browser.screenshot(page, "home-desktop");

      page.locator(".reading-link", new Page.LocatorOptions().setHasText("篇五")).click();

      assertThat(page).hasURL(Pattern.compile("/readings/pian-05$"));
      assertThat(page.locator("h1")).hasText("工匠精神：热爱与精益求精");
      assertThat(page.locator("#p3 .pn")).hasText("3");
      assertThat(page.locator("#p3 .pn")).isVisible();
      assertThat(page.locator("#p3 mark.ex").first()).hasText("哈里森");
    }
  }

  @Test
  @DisplayName("a paragraph number is a link: following #p12 brings paragraph 12 into view below the header")
  void followsParagraphAnchor() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      page.navigate(server.url("/readings/pian-05"));
      Locator p12 = page.locator("#p12");
      assertThat(p12).not().isInViewport();

      page.evaluate("() => { location.hash = '#p12'; }");

      assertThat(page).hasURL(Pattern.compile("#p12$"));
      assertReadable(page, p12, "paragraph 12");
      assertThat(p12).containsText("钟表匠");
      Browser.screenshot(page, "reading-anchor-p12");

      page.navigate(server.url("/readings/pian-05#p1"));
      page.locator("#p3 a.pn").click();
      assertThat(page).hasURL(Pattern.compile("#p3$"));
      assertReadable(page, page.locator("#p3"), "paragraph 3");
    }
  }

  @Test
  @DisplayName("on a phone a showcase card opens the reading scrolled to the marked evidence, readable without zooming")
  void phoneEvidence() throws Exception {
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      page.navigate(server.url("/"));
      Browser.screenshot(page, "home-phone");
      assertNoSidewaysScroll(page);

      page.locator(".showcase .card h3 a", new Page.LocatorOptions().setHasText("路遥")).click();

      assertThat(page).hasURL(Pattern.compile("/readings/pian-02\\?p=4&hl=.*#p4$"));
      Locator evidence = page.locator("#p4 mark.evidence").first();
      assertThat(evidence).isVisible();
      assertReadable(page, evidence, "the marked evidence");
      String marked = backgroundOf(evidence);
      String around = backgroundOf(page.locator("#p4"));
      assertTrue(!marked.equals(around), "the evidence (" + marked + ") stands out from its paragraph (" + around + ")");
      assertThat(page.locator("#p4 .pn")).isVisible();
      assertNoSidewaysScroll(page);
      Path shot = Browser.screenshot(page, "reading-phone-evidence");
      assertTrue(Files.size(shot) > 10_000, "screenshot written");
    }
  }

  @Test
  @DisplayName("on a phone a reading opens with its title, examples and numbered paragraphs in one readable column")
  void phoneReading() {
    try (BrowserContext ctx = browser.phone()) {
      Page page = ctx.newPage();
      page.navigate(server.url("/readings/pian-02"));

      assertThat(page.locator("h1")).hasText("热爱劳动，从我做起");
      assertThat(page.locator("h1")).isInViewport();
      assertThat(page.locator(".reading-head .chips")).containsText("路遥");
      Locator firstNumber = page.locator("#p1 .pn");
      assertThat(firstNumber).isVisible();
      BoundingBox number = firstNumber.boundingBox();
      assertTrue(number.x >= 0, "paragraph numbers stay on screen: x=" + number.x);
      double fontPx = Double.parseDouble(page.locator("#p1").evaluate(
        "e => parseFloat(getComputedStyle(e).fontSize)").toString());
      assertTrue(fontPx >= 16, "body text is at least 16px on a phone: " + fontPx);
      assertNoSidewaysScroll(page);
      Browser.screenshot(page, "reading-phone");
    }
  }

  @Test
  @DisplayName("on a 1366-wide projector ?size=large sets the text clearly larger than the standard size")
  void projectorLarge() {
    try (BrowserContext ctx = browser.desktop()) {
      Page page = ctx.newPage();
      page.navigate(server.url("/readings/pian-05"));
      double standard = fontSize(page.locator("#p2"));
      Browser.screenshot(page, "reading-desktop");

      page.locator(".projector-link").click();

      assertThat(page).hasURL(Pattern.compile("\\?size=large$"));
      double large = fontSize(page.locator("#p2"));
      assertTrue(large >= standard * 1.3, "large " + large + "px vs standard " + standard + "px");
      assertThat(page.locator("h1")).isInViewport();
      assertNoSidewaysScroll(page);
      Browser.screenshot(page, "reading-projector-large");
    }
  }

  /** The colour a person sees behind an element: its own background, or the nearest one behind it. */
  private static String backgroundOf(Locator locator) {
    return locator.evaluate("e => { for (let n = e; n; n = n.parentElement) {"
      + " const c = getComputedStyle(n).backgroundColor;"
      + " if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { return c; } } return 'none'; }").toString();
  }

  private static double fontSize(Locator locator) {
    return Double.parseDouble(locator.evaluate("e => parseFloat(getComputedStyle(e).fontSize)").toString());
  }

  private static void assertNoSidewaysScroll(Page page) {
    Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertTrue(((Number) overflow).intValue() <= 0, "the page scrolls sideways by " + overflow + "px");
  }
}
