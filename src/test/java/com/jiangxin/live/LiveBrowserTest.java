package com.jiangxin.live;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live lesson in real browsers: a projector and three phones (two students, one guest) play a
 * three-question quiz of the test's own to the end, one phone reloading mid-question.
 */
class LiveBrowserTest {
  /** Three live questions and one the projector skips, on the built-in reading 篇一. */
  private static final String QUIZ = """
    ---
    reading: pian-01
    title: 篇一 · 课堂互动小测
    ---

    discuss: 收费员的工作里也能有“工匠心”吗？
    discuss: 你怎样看待“重复”和“精益求精”之间的关系？

    ## one
    type: single
    example: 王浩然
    level: recall
    points: 1
    prompt: 演讲者王浩然在单位担任什么职务？
    option A: 石花管理所所长
    option B: 收费二班的收费班长
    option C: 新员工培训讲师
    answer: B
    evidence: 石花管理所收费二班的收费班长王浩然
    explanation: 第{p}段开头，演讲者作了自我介绍。

    ## two
    type: truefalse
    example: 王浩然
    level: understand
    points: 1
    prompt: 王浩然同意“工匠精神就是机械重复的工作模式”。
    answer: false
    evidence: 很多人认为工匠精神意味着机械重复的工作模式，其实工匠精神有着更深远的意思
    explanation: 第{p}段用“其实”反驳了这种看法。

    ## three
    type: fill
    example: 王浩然
    level: recall
    points: 1
    prompt: 王浩然说自己“干一行、爱一行、____、精一行”。请填出空缺的三个字。
    answer: 专一行
    evidence: 我干一行、爱一行、专一行、精一行
    explanation: 第{p}段中演讲者这样说。

    ## four
    type: short
    example: 王浩然
    level: infer
    points: 2
    prompt: 你怎样理解“工匠心”？
    rubric: 说出精益求精即可（2分）。
    answer: 工匠心就是干一行、爱一行、专一行、精一行。
    evidence: 我干一行、爱一行、专一行、精一行
    explanation: 第{p}段。
    """;

  private static Path content;
  private static TestServer server;
  private static Browser browser;
  private static Accounts.Login teacher;
  private static Accounts.Login liu;
  private static Accounts.Login zhao;

  @BeforeAll
  static void start() throws IOException {
    content = Files.createTempDirectory("live-quiz");
    Files.copy(Path.of("quizzes", "pian-01.md"), content.resolve("pian-01.md"));
    Files.writeString(content.resolve("pian-01.quiz.md"), QUIZ.stripIndent());
    server = TestServer.start(Map.of("QUIZZES_DIR", content.toString()));
    browser = Browser.launch();
    teacher = Accounts.teacher(server);
    liu = Accounts.student(server, "刘一");
    zhao = Accounts.student(server, "赵二");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    TestServer.deleteTree(content);
  }

  private static Page login(BrowserContext context, String username, String next) {
    Page page = context.newPage();
    page.navigate(server.url("/login?next=" + next));
    page.fill("#username", username);
    page.fill("#password", Accounts.PASSWORD);
    page.click("form[action='/login'] button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  private static void waitText(Page page, String selector, String text) {
    assertThat(page.locator(selector)).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
  }

  private static void visible(Page page, String selector) {
    page.waitForSelector(selector, new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
  }

  private static boolean fitsScreen(Page page) {
    return (Boolean) page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight + 1"
      + " && document.documentElement.scrollWidth <= window.innerWidth + 1");
  }

  /** Serious or critical axe-core findings on the page as it is now. */
  private static List<String> accessibility(Page page) {
    List<String> out = new ArrayList<>();
    for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        out.add(rule.getImpact() + " " + rule.getId() + " " + rule.getNodes().get(0).getTarget());
      }
    }
    return out;
  }

  private static boolean noSidewaysScroll(Page page) {
    return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
  }

  @Test
  @DisplayName("a projector and three phones (one a guest) play three questions to the end; a phone reloads mid-question; a guest is removed; the evidence is highlighted")
  void aLiveLesson() {
    // the teacher starts the session from the start page and lands on the projector
    BrowserContext projector = browser.desktop();
    Page host = login(projector, teacher.username(), "/live/new");
    host.navigate(server.url("/live/new"));
    host.selectOption("select[name=readingId]", "pian-01");
    host.check("input[name=guests]");
    host.click("form[action='/live/new'] button[type=submit]");
    host.waitForURL(url -> url.matches(".*/live/\\d+/host$"));
    host.setViewportSize(1920, 1080);
    String pin = host.locator(".lh-pin").textContent().replaceAll("\\D", "");
    assertEquals(6, pin.length(), pin);
    assertTrue(host.locator(".join-qr svg path").count() == 1, "a QR code of the join link");
    waitText(host, ".lh-note", "跳过 1 道");
    assertTrue(fitsScreen(host), "the lobby fits one 1920×1080 screen");

    // two students and a guest join on their phones
    BrowserContext phoneA = browser.phone();
    Page a = login(phoneA, liu.username(), "/live");
    a.navigate(server.url("/live?pin=" + pin));
    a.click("#lp-join-form button[type=submit]");
    visible(a, "#lp-wait");
    BrowserContext phoneB = browser.phone();
    Page b = login(phoneB, zhao.username(), "/live");
    b.navigate(server.url("/live"));
    b.fill("#lp-pin", pin);
    b.click("#lp-join-form button[type=submit]");
    visible(b, "#lp-wait");
    BrowserContext phoneC = browser.phone();
    Page c = phoneC.newPage();
    c.setViewportSize(360, 740);
    c.navigate(server.url("/live?pin=" + pin));
    assertTrue(noSidewaysScroll(c), "the join page fits a 360 px phone");
    assertEquals(List.of(), accessibility(c), "the join page");
    c.fill("#lp-nick", "小\u0007猫");
    c.click("#lp-join-form button[type=submit]");
    visible(c, "#lp-wait");
    assertEquals("小猫", c.locator("#lp-name").textContent());
    // a fourth phone joins with a rude nickname; the teacher removes it from the projector
    BrowserContext phoneD = browser.phone();
    Page d = phoneD.newPage();
    d.navigate(server.url("/live?pin=" + pin));
    d.fill("#lp-nick", "捣乱的");
    d.click("#lp-join-form button[type=submit]");
    visible(d, "#lp-wait");
    waitText(host, "#lh-players", "4");
    host.click("button[aria-label='移出 捣乱的']");
    waitText(d, "#lp-error", "移出");
    visible(d, "#lp-join");
    phoneD.close();
    waitText(host, "#lh-players", "3");
    assertEquals(0, host.locator("#lh-names >> text=捣乱的").count());
    for (String name : List.of("刘一", "赵二", "小猫")) {
      waitText(host, "#lh-names", name);
    }
    Browser.screenshot(host, "live-lobby-1920");
    assertEquals(List.of(), accessibility(host), "the projector's lobby");

    // question 1 (single): A right, B reloads before answering and then answers wrong, C right
    host.click("#lh-next");
    for (Page p : List.of(a, b, c)) {
      waitText(p, "#lp-prompt", "担任什么职务");
    }
    assertTrue(fitsScreen(host), "the question fits one 1920×1080 screen");
    host.setViewportSize(1024, 768);
    assertTrue(fitsScreen(host), "the question fits one 1024×768 screen");
    host.setViewportSize(1920, 1080);
    assertTrue(noSidewaysScroll(a), "the phone does not scroll sideways");
    assertTrue(noSidewaysScroll(c), "nor at 360 px");
    assertEquals(List.of(), accessibility(a), "the phone's question");
    Browser.screenshot(a, "live-phone-question");
    a.click(".lp-choice >> text=收费二班的收费班长");
    visible(a, "#lp-sent");
    b.reload();
    waitText(b, "#lp-prompt", "担任什么职务");
    b.click(".lp-choice >> text=石花管理所所长");
    visible(b, "#lp-sent");
    c.click(".lp-choice >> text=收费二班的收费班长");
    visible(c, "#lp-sent");
    a.reload();
    visible(a, "#lp-sent"); // a reloaded phone keeps its answer
    waitText(host, "#lh-answered", "3");
    assertEquals(0, host.locator("#lh-question").locator("text=刘一").count(), "the projector never shows who answered");

    host.click("#lh-reveal-btn");
    visible(host, "#lh-paragraph mark.evidence");
    assertEquals("石花管理所收费二班的收费班长王浩然", host.locator("#lh-paragraph mark.evidence").textContent());
    assertTrue(host.locator("#lh-paragraph").textContent().length() > 20, "the whole paragraph around the evidence");
    waitText(host, "#lh-tally", "2 人答对");
    assertTrue(fitsScreen(host), "the reveal fits one 1920×1080 screen");
    Browser.screenshot(host, "live-reveal-1920");
    assertEquals(List.of(), accessibility(host), "the projector's reveal");
    host.setViewportSize(1024, 768);
    assertTrue(fitsScreen(host), "the reveal fits one 1024×768 screen");
    assertTrue(host.locator("#lh-paragraph mark.evidence").isVisible());
    Browser.screenshot(host, "live-reveal-1024");
    host.setViewportSize(1920, 1080);
    waitText(a, "#lp-verdict", "答对了");
    waitText(b, "#lp-verdict", "没答对");
    waitText(b, "#lp-evidence", "收费班长王浩然");
    waitText(c, "#lp-verdict", "答对了");

    // question 2 (true/false): the guest reloads mid-question and still answers as 小猫
    host.click("#lh-next");
    for (Page p : List.of(a, b, c)) {
      waitText(p, "#lp-prompt", "机械重复");
    }
    c.reload();
    waitText(c, "#lp-prompt", "机械重复");
    assertEquals("小猫", c.locator("#lp-name").textContent());
    a.click(".lp-choice >> text=错");
    b.click(".lp-choice >> text=错");
    c.click(".lp-choice >> text=对");
    waitText(host, "#lh-answered", "3");
    host.click("#lh-reveal-btn");
    waitText(host, "#lh-tally", "2 人答对");
    waitText(c, "#lp-verdict", "没答对");

    // question 3 (fill): typed on the phone
    host.click("#lh-next");
    for (Page p : List.of(a, b, c)) {
      waitText(p, "#lp-prompt", "空缺的三个字");
    }
    for (Page p : List.of(a, b)) {
      p.fill("#lp-text", "专一行");
      p.click("#lp-send");
      visible(p, "#lp-sent");
    }
    waitText(host, "#lh-answered", "2");
    host.click("#lh-reveal-btn");
    waitText(host, "#lh-tally", "2 / 3 人作答，2 人答对");
    waitText(c, "#lp-verdict", "这题没有作答");

    // after the last question: the leaderboard, by correct answers
    waitText(host, "#lh-next", "结束并看排行榜");
    host.click("#lh-next");
    waitText(host, "#lh-board-title", "本场结束");
    Locator leaders = host.locator("#lh-leaders li");
    assertEquals(3, leaders.count());
    assertTrue(leaders.nth(0).textContent().startsWith("刘一"), leaders.nth(0).textContent());
    assertTrue(leaders.nth(0).textContent().contains("答对 3 题"), leaders.nth(0).textContent());
    Browser.screenshot(host, "live-leaderboard-1920");
    waitText(a, "#lp-rank", "排第 1 名");
    waitText(c, "#lp-end", "本场结束");
    projector.close();
    phoneA.close();
    phoneB.close();
    phoneC.close();
  }
}
