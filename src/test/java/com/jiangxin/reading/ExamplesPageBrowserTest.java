package com.jiangxin.reading;

import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A visitor in a real browser goes from a reading's example chip to the examples page and back. */
class ExamplesPageBrowserTest {
  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  @Test
  @DisplayName("the 哈里森 chip of 篇五 opens his entry on the examples page, on screen, and its sentence leads back to 篇五")
  void chipToExampleAndBack() {
    for (boolean phone : new boolean[] {false, true}) {
      try (BrowserContext context = phone ? browser.phone() : browser.desktop()) {
        Page page = context.newPage();
        page.navigate(server.url("/readings/pian-05"));
        page.locator(".chips a", new Page.LocatorOptions().setHasText("哈里森")).click();
        page.waitForURL(url -> url.contains("/examples#"));
        Locator entry = page.locator("section.example:target");
        assertEquals("哈里森", entry.locator("h3").innerText());
        assertTrue((Boolean) entry.evaluate("el => { const r = el.getBoundingClientRect();"
          + " return r.top >= 0 && r.top < window.innerHeight / 2; }"), "the entry is at the top of the screen");
        assertTrue(entry.locator(".citations").innerText().contains("航海钟"));
        String firstPrompt = com.jiangxin.support.BuiltInBank.bank().forExample("哈里森").get(0).question().prompt();
        assertTrue(entry.locator(".example-questions").innerText().contains(firstPrompt), firstPrompt);
        Browser.screenshot(page, "examples-harrison-" + (phone ? "phone" : "desktop"));
        entry.locator(".citations a").first().click();
        page.waitForURL(url -> url.contains("/readings/pian-05#p"));
        assertTrue(page.locator(".para:target").innerText().contains("哈里森"));
      }
    }
  }

  @Test
  @DisplayName("the examples page opens with the three showcase examples")
  void showcaseFirst() {
    try (BrowserContext context = browser.desktop()) {
      Page page = context.newPage();
      page.navigate(server.url("/examples"));
      assertEquals(java.util.List.of("路遥", "方仲永", "哈里森"),
        page.locator("#showcase section.example h3").allInnerTexts());
      Browser.screenshot(page, "examples-top-desktop");
    }
  }
}
