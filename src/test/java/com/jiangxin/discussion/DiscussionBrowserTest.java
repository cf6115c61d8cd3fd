package com.jiangxin.discussion;

import com.jiangxin.discussion.DiscussionFixtures.Room;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.marginThread;
import static com.jiangxin.discussion.DiscussionFixtures.post;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.replied;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The discussion in a real browser at phone size: hostile text stays text, posts arrive live, the margin reads well. */
class DiscussionBrowserTest {
  private static final List<String> HOSTILE = List.of(
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "{{{x}}}",
    "javascript:alert(1)",
    "[点我](javascript:alert(1)) <a href=\"javascript:alert(1)\">链接</a>");

  private static TestServer server;
  private static Browser browser;
  private static Room room;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    browser = Browser.launch();
    room = room(server, "pian-02", "李明", "王芳", "张伟");
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  static Page logIn(BrowserContext ctx, Accounts.Login who) {
    Page page = ctx.newPage();
    page.navigate(server.url("/login"));
    page.fill("#username", who.username());
    page.fill("#password", Accounts.PASSWORD);
    page.click("button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  /** Fails the test if the page ever opens a dialog (alert, confirm, prompt). */
  static List<String> watchDialogs(Page page) {
    List<String> dialogs = new ArrayList<>();
    page.onDialog(d -> {
      dialogs.add(d.type() + ": " + d.message());
      d.dismiss();
    });
    return dialogs;
  }

  private static void assertShownAsText(Page page, String text) {
    Locator body = page.locator(".post-body", new Page.LocatorOptions().setHasText(text));
    assertThat(body.first()).isVisible();
    assertEquals(text, body.first().innerText().strip());
  }

  @Test
  @DisplayName("hostile posts show as literal text on the thread page, in live updates and in the margin, and run nothing")
  void hostileTextStaysText() {
    Room hostile = room(server, "pian-02", "捣蛋", "也捣蛋", "读者");
    long thread = firstPrompt(server, hostile);
    long margin = marginThread(server, hostile);
    String writer = hostile.student(0).token();
    for (String h : HOSTILE.subList(0, 3)) {
      posted(server, thread, writer, h);
    }
    for (String h : HOSTILE) {
      assertEquals(201, post(server, margin, hostile.student(1).token(),
        new JsonObject().put("body", h).put("paragraph", 3)).statusCode());
    }
    try (BrowserContext ctx = browser.phone()) {
      Page page = logIn(ctx, hostile.student(2));
      List<String> dialogs = watchDialogs(page);
      page.navigate(server.url("/threads/" + thread));
      for (String h : HOSTILE.subList(0, 3)) {
        assertShownAsText(page, h);
      }
      assertThat(page.locator(".live-state")).containsText("实时更新中");
      // the rest arrive while the page is open, drawn from the live update
      for (String h : HOSTILE.subList(3, 5)) {
        posted(server, thread, writer, h);
        assertShownAsText(page, h);
      }
      assertEquals(0, page.locator("img[src=x]").count());
      assertEquals(0, page.locator("a[href^='javascript']").count());
      assertEquals(0, page.locator(".post-body script").count());

      page.navigate(server.url("/readings/pian-02?assignment=" + hostile.assignmentId()));
      page.locator("#p3 .mc").click();
      Locator panel = page.locator("#mpanel-3");
      assertThat(panel).isVisible();
      for (String h : HOSTILE) {
        assertShownAsText(page, h);
      }
      assertEquals(0, page.locator("img[src=x]").count());
      assertEquals(0, page.locator("a[href^='javascript']").count());
      page.waitForTimeout(300);
      assertEquals(List.of(), dialogs, "nothing ran");
    }
  }

  @Test
  @DisplayName("two students on phones: one posts, the other sees it appear without reloading")
  void liveBetweenTwoPhones() {
    long thread = DiscussionFixtures.addPrompt(server, room, "实时讨论", false);
    try (BrowserContext a = browser.phone(); BrowserContext b = browser.phone()) {
      Page writer = logIn(a, room.student(0));
      Page reader = logIn(b, room.student(1));
      writer.navigate(server.url("/threads/" + thread));
      reader.navigate(server.url("/threads/" + thread));
      assertThat(reader.locator(".live-state")).containsText("实时更新中");
      reader.evaluate("() => { window.__sameDocument = true; }");

      writer.fill("#new-body", "我觉得路遥的坚持最打动人。\n尤其是写《平凡的世界》的那几年。");
      writer.click("form.new-post button[type=submit]");
      assertThat(writer.locator("#new-body")).hasValue("");
      Locator arrived = reader.locator(".post-body", new Page.LocatorOptions().setHasText("路遥的坚持"));
      assertThat(arrived).isVisible();
      assertEquals(Boolean.TRUE, reader.evaluate("() => window.__sameDocument === true"), "the reader's page was not reloaded");
      assertThat(arrived).containsText("尤其是写《平凡的世界》的那几年。");
      assertThat(reader.locator("#posts > article .author").first()).hasText("李明");

      // a reply from the reader shows up under the post on the writer's phone
      reader.locator("#posts > article").first().locator("details.reply-box summary").click();
      reader.locator("#posts > article").first().locator("textarea[name=body]").fill("同意！");
      reader.locator("#posts > article").first().locator("form.post-form button[type=submit]").click();
      assertThat(writer.locator("#posts > article .replies .post-body")).hasText("同意！");
      Locator react = writer.locator("#posts > article .replies button.react");
      react.click();
      assertThat(react).hasAttribute("aria-pressed", "true");
      assertThat(react.locator(".n")).hasText("1");
      Browser.screenshot(reader, "discussion-thread-phone");
    }
  }

  @Test
  @DisplayName("on a phone the reading page shows margin counts; tapping one opens the comments below the paragraph; a selected sentence can be quoted")
  void marginOnPhone() {
    long margin = marginThread(server, room);
    JsonArray paragraphs = server.get("/api/v1/readings/pian-02").bodyAsJsonObject().getJsonArray("paragraphs");
    String p4 = paragraphs.getJsonObject(3).getString("text");
    String quote = PostViews.sentences(p4).get(3);
    long first = post(server, margin, room.student(0).token(), new JsonObject().put("body", "赵普“三年不窥园”，这种专注很难得。")
      .put("paragraph", 4).put("quote", quote)).bodyAsJsonObject().getLong("id");
    replied(server, margin, room.teacher().token(), first, "说得好。想想你自己有没有“三年不窥园”的时候？");
    post(server, margin, room.student(1).token(), new JsonObject().put("body", "路遥身患重病还坚持写作，让我很感动。")
      .put("paragraph", 4));
    post(server, margin, room.student(2).token(), new JsonObject().put("body", "“勤”是立身之本。").put("paragraph", 4));
    post(server, margin, room.student(1).token(), new JsonObject().put("body", "李白和方仲永是反面的例子。")
      .put("paragraph", 5));

    try (BrowserContext ctx = browser.phone()) {
      Page page = logIn(ctx, room.student(2));
      List<String> dialogs = watchDialogs(page);
      page.navigate(server.url("/readings/pian-02?assignment=" + room.assignmentId()));
      assertThat(page.locator("#margin .margin-total")).hasText("5");
      Browser.screenshot(page, "discussion-reading-top-phone");
      Locator count4 = page.locator("#p4 .mc");
      assertThat(count4).hasText("4");
      assertThat(page.locator("#p5 .mc")).hasText("1");
      assertThat(page.locator("#p6 .mc")).hasText("＋");

      count4.click();
      Locator panel = page.locator("#mpanel-4");
      assertThat(panel).isVisible();
      assertEquals("p4", panel.evaluate("el => el.previousElementSibling.id"), "the panel opens right below its paragraph");
      assertThat(panel.locator(".post-quote").first()).hasText(quote);
      assertThat(panel.locator(".mlist > article")).hasCount(3);
      assertThat(panel.locator(".mpanel-count")).hasText("4");
      page.evaluate("() => { const top = document.getElementById('mpanel-4').getBoundingClientRect().top;"
        + " window.scrollBy(0, top - 300); }");
      page.waitForTimeout(400);
      Browser.screenshot(page, "discussion-margin-phone");

      // select a sentence of paragraph 6 and comment on just that sentence
      String p6 = paragraphs.getJsonObject(5).getString("text");
      String sentence = PostViews.sentences(p6).get(0);
      page.evaluate("s => { const pt = document.querySelector('#p6 .pt'); const node = pt.firstChild;"
        + " const text = node.textContent; const at = text.indexOf(s); const r = document.createRange();"
        + " r.setStart(node, at); r.setEnd(node, at + s.length); const sel = getSelection();"
        + " sel.removeAllRanges(); sel.addRange(r); }", sentence);
      Locator bar = page.locator(".quote-bar");
      assertThat(bar).isVisible();
      bar.locator("button").click();
      Locator panel6 = page.locator("#mpanel-6");
      assertThat(panel6.locator(".picked-quote q")).hasText(sentence);
      panel6.locator("textarea[name=body]").fill("这一句是全文的主旨。");
      panel6.locator("form.margin-form button[type=submit]").click();
      assertThat(panel6.locator(".mlist .post-body")).hasText("这一句是全文的主旨。");
      assertThat(page.locator("#p6 .mc")).hasText("1");
      JsonArray saved = server.get("/api/v1/readings/pian-02/annotations?assignment=" + room.assignmentId(),
        room.teacher().token()).bodyAsJsonArray();
      assertTrue(saved.stream().map(o -> (JsonObject) o).anyMatch(c -> c.getInteger("paragraph") == 6
        && sentence.equals(c.getString("quote")) && "这一句是全文的主旨。".equals(c.getString("body"))), saved.encode());
      Browser.screenshot(page, "discussion-margin-quote-phone");
      assertEquals(List.of(), dialogs);
    }
    try (BrowserContext ctx = browser.desktop()) {
      // on a wide screen the counts sit in the right margin; the teacher gets moderation controls
      Page page = logIn(ctx, room.teacher());
      page.navigate(server.url("/readings/pian-02?assignment=" + room.assignmentId()));
      Locator count4 = page.locator("#p4 .mc");
      double textRight = ((Number) page.locator("#p4").evaluate("el => el.getBoundingClientRect().right")).doubleValue();
      double countLeft = ((Number) count4.evaluate("el => el.getBoundingClientRect().left")).doubleValue();
      assertTrue(countLeft >= textRight, "the count is in the margin, right of the text");
      count4.click();
      assertThat(page.locator("#mpanel-4 details.post-tool summary", new Page.LocatorOptions().setHasText("隐藏")).first())
        .isVisible();
      page.evaluate("() => { const top = document.getElementById('p4').getBoundingClientRect().top;"
        + " window.scrollBy(0, top - 80); }");
      page.waitForTimeout(300);
      Browser.screenshot(page, "discussion-margin-desktop-teacher");
    }
  }
}
