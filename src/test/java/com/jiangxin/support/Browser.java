package com.jiangxin.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java. The browser is never downloaded by the test
 * tool: it must be installed (see {@code .ci/run}). Screenshots go under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  private Browser() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException("Browser tests need Debian's chromium at " + CHROMIUM
        + " (apt-get install chromium fonts-wqy-microhei; .ci/run does this)");
    }
    playwright = Playwright.create(new Playwright.CreateOptions()
      .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
      .setExecutablePath(CHROMIUM)
      .setHeadless(true)
      .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
        "--disable-dev-shm-usage")));
  }

  public static Browser launch() {
    return new Browser();
  }

  /** A fresh context (own cookies) at a phone's size: 390×844, as an iPhone 12-14 shows pages. */
  public BrowserContext phone() {
    return browser.newContext(new NewContextOptions()
      .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
      .setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
  }

  /** A fresh context at a laptop or projector size. */
  public BrowserContext desktop() {
    return browser.newContext(new NewContextOptions()
      .setViewportSize(1366, 900).setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
  }

  public static Path screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
    return file;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
