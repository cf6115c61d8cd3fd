package com.jiangxin.authoring;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher makes a reading and its quiz in the browser, from a pasted speech to a report that rolls
 * up by the example the teacher marked; a student takes it on a phone. Hostile text stays text.
 */
class AuthoringBrowserTest {
  /** A speech with its third paragraph cut by a page break in the middle of a sentence. */
  private static final String SPEECH = String.join("\n",
    "同学们：",
    "今天我想讲讲匠心。钟表匠王津在故宫修复文物四十年，一件铜镀金乡村音乐水法钟，他",
    "修了整整八个月。",
    "敦煌研究院的樊锦诗，守护莫高窟五十多年，被称为“敦煌的女儿”。",
    "匠心就是把一件事做到极致。让我们都做有匠心的人。");

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

  private static Page login(BrowserContext context, String username) {
    Page page = context.newPage();
    page.navigate(server.url("/login"));
    page.fill("#username", username);
    page.fill("#password", Accounts.PASSWORD);
    page.click("form[action='/login'] button[type=submit]");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  /** A page at 375 px, the narrowest phone we design for. */
  private static Page narrow(Page page) {
    page.setViewportSize(375, 812);
    return page;
  }

  /** Selects the first occurrence of text inside paragraph n of the container, as a reader's drag would. */
  private static void select(Page page, String container, int n, String text) {
    page.evaluate("([container, n, text]) => {"
      + " const root = document.querySelector(container + ' .au-ptext[data-n=\"' + n + '\"]');"
      + " const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); const nodes = [];"
      + " while (walker.nextNode()) nodes.push(walker.currentNode);"
      + " const full = nodes.map(x => x.data).join(''); const at = full.indexOf(text);"
      + " if (at < 0) throw new Error('not in paragraph: ' + text);"
      + " function point(offset) { let seen = 0; for (const x of nodes) { if (offset <= seen + x.data.length) return [x, offset - seen]; seen += x.data.length; } }"
      + " const r = document.createRange(); const s = point(at); const e = point(at + text.length);"
      + " r.setStart(s[0], s[1]); r.setEnd(e[0], e[1]);"
      + " const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r); }",
      List.of(container, n, text));
  }

  /** What sticks out of the screen (empty when nothing does); boxes are measured, as a phone's browser widens its layout. */
  private static String tooWide(Page page) {
    return (String) page.evaluate("(w) => [...document.querySelectorAll('main *')]"
      + ".filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.au-source-text, .table-wrap'))"
      + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')",
      page.viewportSize().width);
  }

  /** Serious or critical axe-core findings on the page as it is now. */
  private static List<String> axe(Page page) {
    List<String> out = new ArrayList<>();
    for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        out.add(rule.getImpact() + " " + rule.getId() + " " + rule.getNodes().get(0).getTarget());
      }
    }
    return out;
  }

  private static Locator card(Page page, int index) {
    return page.locator("#au-questions > li").nth(index);
  }

  @Test
  @DisplayName("a teacher pastes a speech, joins its page break, marks examples and writes three questions by selection; a student takes it on a phone; the report rolls up by the new example")
  void teacherWritesStudentTakesReportRollsUp() {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Login student = Accounts.student(server, "李明");
    JsonObject cls = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（1）班"), teacher.token()).bodyAsJsonObject();
    assertEquals(200, server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", cls.getString("joinCode")),
      student.token()).statusCode());

    String readingId;
    try (BrowserContext ctx = browser.desktop()) {
      Page page = login(ctx, teacher.username());
      page.navigate(server.url("/dashboard"));
      page.click("a[href='/authoring/readings']");
      page.click("a[href='/authoring/readings/new']");

      // paste, import, and see the repairs proposed
      page.fill("#au-title", "关于匠心的演讲");
      page.fill("#au-text", SPEECH);
      page.click("#new-reading button[type=submit]");
      page.waitForURL(url -> url.matches(".*/authoring/readings/own-\\d+\\?new=1"));
      readingId = page.url().replaceAll(".*/(own-\\d+).*", "$1");
      Locator join = page.locator(".au-repair[data-kind=join]", new Page.LocatorOptions().setHasText("水法钟"));
      assertThat(join).isVisible();
      assertThat(join.locator("del")).isVisible();
      Browser.screenshot(page, "authoring-repairs");
      // accept the page-break join, refuse anything else it proposes
      Locator repairs = page.locator(".au-repair");
      for (int i = 0; i < repairs.count(); i++) {
        boolean isTheJoin = repairs.nth(i).textContent().contains("水法钟") && "join".equals(repairs.nth(i).getAttribute("data-kind"));
        repairs.nth(i).locator(isTheJoin ? "button.au-accept" : "button.au-reject").click();
      }
      page.click("#apply-repairs");
      assertThat(page.locator("#repairs .au-status")).containsText("已应用 1 条");
      assertThat(page.locator(".au-ptext[data-n='2']")).hasText(
        "今天我想讲讲匠心。钟表匠王津在故宫修复文物四十年，一件铜镀金乡村音乐水法钟，他修了整整八个月。");

      // mark the two examples by selecting their names in the text
      select(page, "#au-paragraphs", 2, "王津");
      assertThat(page.locator("#example-bar")).isVisible();
      assertThat(page.locator("#ex-name")).hasValue("王津");
      Browser.screenshot(page, "authoring-mark-example");
      page.click("#mark-example");
      assertThat(page.locator(".au-example-name")).hasText(new String[] {"王津"});
      select(page, "#au-paragraphs", 3, "樊锦诗");
      page.click("#mark-example");
      assertThat(page.locator(".au-example-name")).hasText(new String[] {"王津", "樊锦诗"});
      assertThat(page.locator("#au-paragraphs mark.ex").first()).hasText("王津");

      // the question editor: three questions of different types, evidence picked by selection
      page.click("a[href='/authoring/readings/" + readingId + "/quiz']");
      page.selectOption("#add-type", "single");
      page.click("#add-question");
      Locator q1 = card(page, 0);
      q1.locator("[data-field=prompt] textarea").fill("王津修复那座铜镀金乡村音乐水法钟，用了多长时间？");
      List<String> options = List.of("整整八个月", "四十年", "五十多年");
      for (int i = 0; i < 3; i++) {
        q1.locator(".au-choice-row input[type=text]").nth(i).fill(options.get(i));
      }
      select(page, "#au-source", 2, "一件铜镀金乡村音乐水法钟，他修了整整八个月");
      assertThat(page.locator("#evidence-bar")).isVisible();
      assertThat(page.locator("#use-evidence")).containsText("第 1 题");
      page.click("#use-evidence");
      assertThat(card(page, 0).locator("[data-field=evidence] textarea")).hasValue("一件铜镀金乡村音乐水法钟，他修了整整八个月");
      assertThat(card(page, 0).locator(".au-pno")).hasText("第 2 段");

      // the server's validation lands next to the field: no correct option chosen yet
      page.click("#preview-quiz");
      Locator answerError = card(page, 0).locator("[data-field=answer] .field-error");
      assertThat(answerError).isVisible();
      assertThat(answerError).containsText("答案");
      assertThat(page.locator("#au-messages .errors")).containsText("第 1 题");
      Browser.screenshot(page, "authoring-validation");
      card(page, 0).locator(".au-choice-row").first().locator("input[type=radio]").check();

      page.selectOption("#add-type", "truefalse");
      page.click("#add-question");
      Locator q2 = card(page, 1);
      q2.locator("[data-field=prompt] textarea").fill("樊锦诗守护莫高窟五十多年。");
      q2.locator("[data-field=example] select").selectOption("樊锦诗");
      q2.locator("[data-field=level] select").selectOption("understand");
      q2.locator("[data-field=answer] input[type=radio]").first().check();
      select(page, "#au-source", 3, "守护莫高窟五十多年");
      assertThat(page.locator("#use-evidence")).containsText("第 2 题");
      page.click("#use-evidence");
      assertThat(card(page, 1).locator(".au-pno")).hasText("第 3 段");

      page.selectOption("#add-type", "numeric");
      page.click("#add-question");
      Locator q3 = card(page, 2);
      q3.locator("[data-field=prompt] textarea").fill("王津在故宫修复文物多少年？");
      q3.locator("[data-field=answer] input").fill("40");
      q3.locator("[data-field=unit] input").fill("年");
      select(page, "#au-source", 2, "钟表匠王津在故宫修复文物四十年");
      page.click("#use-evidence");
      assertThat(card(page, 2).locator("[data-field=evidence] textarea")).hasValue("钟表匠王津在故宫修复文物四十年");

      // preview as a student sees it, then publish
      page.click("#preview-quiz");
      Locator preview = page.locator("#au-preview");
      assertThat(preview).isVisible();
      assertThat(preview.locator("fieldset.question")).hasCount(3);
      assertThat(preview.locator("fieldset.question").first()).containsText("整整八个月");
      assertEquals(0, page.locator("#au-messages .errors").count());
      Browser.screenshot(page, "authoring-preview");
      page.click("#publish-quiz");
      assertThat(page.locator(".au-actions .au-status")).containsText("已发布新版本");
      assertThat(page.locator(".au-version")).hasText(java.util.regex.Pattern.compile("[0-9a-f]{12}"));
      Browser.screenshot(page, "authoring-published");
      JsonObject quiz = server.get("/api/v1/readings/" + readingId + "/quiz", teacher.token()).bodyAsJsonObject();
      JsonArray qs = quiz.getJsonArray("questions");
      assertEquals(List.of("single", "truefalse", "numeric"), qs.stream().map(o -> ((JsonObject) o).getString("type")).toList());
      assertEquals(2, qs.getJsonObject(0).getInteger("paragraph"));
      assertEquals("樊锦诗", qs.getJsonObject(1).getString("example"));

      // assign it to the class from "我的课文"
      page.navigate(server.url("/authoring/readings"));
      Locator item = page.locator(".au-item[data-reading='" + readingId + "']");
      assertThat(item).containsText("3 道题");
      item.locator("summary").click();
      Browser.screenshot(page, "authoring-list");
      item.locator("button[formaction='/classes/" + cls.getLong("id") + "/assignments']").click();
      page.waitForURL(url -> url.contains("/classes/" + cls.getLong("id")));
      assertThat(page.locator("#assignments")).containsText("关于匠心的演讲");
    }

    // the student takes it on a 375 px phone
    try (BrowserContext ctx = browser.phone()) {
      Page page = narrow(login(ctx, student.username()));
      page.navigate(server.url("/dashboard"));
      page.locator("a[href^='/assignments/']", new Page.LocatorOptions().setHasText("关于匠心的演讲")).first().click();
      page.click("form[action$='/attempts'] button[type=submit]");
      page.waitForURL(url -> url.matches(".*/attempts/\\d+.*"));
      Locator questions = page.locator("fieldset.question");
      assertThat(questions).hasCount(3);
      questions.nth(0).locator("label", new Locator.LocatorOptions().setHasText("整整八个月")).click();
      questions.nth(1).locator("label", new Locator.LocatorOptions().setHasText("对")).first().click();
      questions.nth(2).locator("input").first().fill("40");
      assertEquals("", tooWide(page), "the quiz fits a 375 px phone");
      Browser.screenshot(page, "authoring-student-phone");
      page.click("button.submit-button");
      page.click("#confirm button[type=submit]");
      assertThat(page.locator(".scoreline")).isVisible();
      assertThat(page.locator(".scoreline")).containsText("3");
    }

    // the report rolls up by the examples the teacher marked
    try (BrowserContext ctx = browser.desktop()) {
      Page page = login(ctx, teacher.username());
      page.navigate(server.url("/dashboard"));
      page.locator("a.assignment-title", new Page.LocatorOptions().setHasText("关于匠心的演讲")).first().click();
      page.click("a[href$='/report']");
      Locator bars = page.locator(".example-bars");
      assertThat(bars).containsText("王津", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
      assertThat(bars).containsText("樊锦诗");
      bars.scrollIntoViewIfNeeded();
      Browser.screenshot(page, "authoring-report");
    }
  }

  @Test
  @DisplayName("the editor pages fit a 375 px phone, and a built-in quiz offers “复制后编辑” leading to the editor of the copy")
  void phoneAndCopy() {
    Accounts.Login teacher = Accounts.teacher(server);
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    assertEquals(200, AuthoringFixtures.putQuiz(server, teacher.token(), id, AuthoringFixtures.quiz(id, "6")).statusCode());
    try (BrowserContext ctx = browser.phone()) {
      Page page = narrow(login(ctx, teacher.username()));
      for (String path : List.of("/authoring/readings", "/authoring/readings/new", "/authoring/readings/" + id,
        "/authoring/readings/" + id + "/quiz")) {
        page.navigate(server.url(path));
        assertEquals("", tooWide(page), path + " fits a 375 px phone");
        assertEquals(List.of(), axe(page), path);
      }
      assertThat(card(page, 0).locator("[data-field=prompt] textarea")).hasValue("根据演讲稿，路遥用了几年完成这部小说？");
      page.navigate(server.url("/authoring/readings/new"));
      page.setInputFiles("#au-file", new com.microsoft.playwright.options.FilePayload("坚持.txt", "text/plain",
        "路遥身患重病，仍坚持写作。\n方仲永泯然众人。".getBytes(java.nio.charset.Charset.forName("GB18030"))));
      assertThat(page.locator("#au-text")).hasValue("路遥身患重病，仍坚持写作。\n方仲永泯然众人。");
      assertThat(page.locator("#au-title")).hasValue("坚持");
      page.navigate(server.url("/authoring/readings/" + id + "/quiz"));
      Browser.screenshot(page, "authoring-editor-phone");
      card(page, 0).scrollIntoViewIfNeeded();
      Browser.screenshot(page, "authoring-editor-card-phone");
      page.navigate(server.url("/authoring/readings/" + id));
      Browser.screenshot(page, "authoring-reading-phone");

      page.navigate(server.url("/readings/" + id));
      assertThat(page.locator(".reading-actions a[href='/authoring/readings/" + id + "/quiz']")).isVisible();
      assertEquals(0, page.locator("[data-copy-reading]").count());
      page.navigate(server.url("/readings/pian-02"));
      assertThat(page.locator(".reading-actions button[data-copy-reading='pian-02']")).isVisible();
      page.navigate(server.url("/readings/pian-02/quiz"));
      page.click("button[data-copy-reading='pian-02']");
      page.waitForURL(url -> url.matches(".*/authoring/readings/own-\\d+/quiz"));
      assertTrue(card(page, 0).isVisible());
      assertThat(page.locator("h1")).containsText("（副本）");
    }
  }

  @Test
  @DisplayName("a teacher reorders, edits and removes questions of a published quiz; the next version has them so, with the ids kept")
  void reorderEditRemove() {
    Accounts.Login teacher = Accounts.teacher(server);
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    JsonObject v1 = AuthoringFixtures.putQuiz(server, teacher.token(), id, AuthoringFixtures.quiz(id, "6")).bodyAsJsonObject();
    try (BrowserContext ctx = browser.desktop()) {
      Page page = login(ctx, teacher.username());
      page.onDialog(d -> d.accept());
      page.navigate(server.url("/authoring/readings/" + id + "/quiz"));
      assertThat(page.locator("#au-questions > li")).hasCount(2);
      card(page, 1).locator("button[aria-label='上移第 2 题']").click();
      assertThat(card(page, 0).locator("[data-field=prompt] textarea")).hasValue("方仲永最终怎样？");
      card(page, 0).locator("[data-field=prompt] textarea").fill("方仲永后来怎样了？");
      page.selectOption("#add-type", "fill");
      page.click("#add-question");
      assertThat(page.locator("#au-questions > li")).hasCount(3);
      card(page, 2).locator("button.au-delete").click();
      assertThat(page.locator("#au-questions > li")).hasCount(2);
      page.click("#publish-quiz");
      assertThat(page.locator(".au-actions .au-status")).containsText("已发布新版本");
    }
    JsonObject quiz = server.get("/api/v1/readings/" + id + "/quiz", teacher.token()).bodyAsJsonObject();
    assertTrue(!v1.getString("version").equals(quiz.getString("version")), "a new version");
    JsonArray qs = quiz.getJsonArray("questions");
    assertEquals(List.of("fang-end", "luyao-years"), qs.stream().map(o -> ((JsonObject) o).getString("id")).toList());
    assertEquals("方仲永后来怎样了？", qs.getJsonObject(0).getString("prompt"));
    assertEquals("B", qs.getJsonObject(0).getString("answer"));
    assertEquals(6, qs.getJsonObject(1).getInteger("answer"));
  }

  private static Locator add(Page page, String type, String prompt) {
    page.selectOption("#add-type", type);
    page.click("#add-question");
    Locator c = page.locator("#au-questions > li").last();
    c.locator("[data-field=prompt] textarea").fill(prompt);
    return c;
  }

  private static void evidence(Page page, int paragraph, String text) {
    select(page, "#au-source", paragraph, text);
    page.click("#use-evidence");
  }

  @Test
  @DisplayName("the editor writes the other types too: multiple, fill, matching, ordering, short and evidence publish as written")
  void everyOtherType() {
    Accounts.Login teacher = Accounts.teacher(server);
    String id = AuthoringFixtures.ownReading(server, teacher, "关于坚持");
    try (BrowserContext ctx = browser.desktop()) {
      Page page = login(ctx, teacher.username());
      page.navigate(server.url("/authoring/readings/" + id + "/quiz"));
      assertThat(page.locator(".au-no-questions")).isVisible();

      Locator multiple = add(page, "multiple", "路遥做了哪些事？");
      List<String> texts = List.of("身患重病仍坚持写作", "少年成才", "写出了《平凡的世界》");
      for (int i = 0; i < 3; i++) {
        multiple.locator(".au-choice-row input[type=text]").nth(i).fill(texts.get(i));
      }
      multiple.locator(".au-choice-row input[type=checkbox]").nth(0).check();
      multiple.locator(".au-choice-row input[type=checkbox]").nth(2).check();
      evidence(page, 3, "路遥身患重病，仍坚持写作");

      Locator fill = add(page, "fill", "方仲永少于练习，最终____。");
      fill.locator("[data-field=answer] input").fill("泯然众人");
      fill.locator("[data-field=example] select").selectOption("方仲永");
      evidence(page, 4, "最终泯然众人");

      Locator matching = add(page, "matching", "把人物和他的经历连起来。");
      matching.locator("[data-field=left] input[type=text]").nth(0).fill("路遥");
      matching.locator("[data-field=left] input[type=text]").nth(1).fill("方仲永");
      matching.locator("[data-field=right] input[type=text]").nth(0).fill("坚持写作");
      matching.locator("[data-field=right] input[type=text]").nth(1).fill("泯然众人");
      matching.locator("[data-field=answer] select").nth(0).selectOption("R1");
      matching.locator("[data-field=answer] select").nth(1).selectOption("R2");
      evidence(page, 3, "路遥身患重病，仍坚持写作");

      Locator ordering = add(page, "ordering", "按演讲稿的顺序排列路遥的经历。");
      List<String> steps = List.of("身患重病", "坚持写作", "写出《平凡的世界》");
      for (int i = 0; i < 3; i++) {
        ordering.locator("[data-field=items] input[type=text]").nth(i).fill(steps.get(i));
      }
      evidence(page, 3, "路遥身患重病，仍坚持写作，最终写出了《平凡的世界》");

      Locator open = add(page, "short", "你从路遥身上学到了什么？");
      open.locator("[data-field=rubric] textarea").fill("说出坚持、不放弃即可。");
      evidence(page, 5, "我们要像路遥那样，每天进步一点点");

      add(page, "evidence", "哪一句说明路遥身处逆境仍不放弃？");
      evidence(page, 3, "路遥身患重病，仍坚持写作，最终写出了《平凡的世界》。");
      assertThat(page.locator("#au-questions > li").last().locator("[data-field=paragraphs] input")).hasValue("3");

      page.click("#publish-quiz");
      assertThat(page.locator(".au-actions .au-status")).containsText("已发布新版本",
        new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
      Browser.screenshot(page, "authoring-every-type");
    }
    JsonArray qs = server.get("/api/v1/readings/" + id + "/quiz", teacher.token()).bodyAsJsonObject().getJsonArray("questions");
    assertEquals(List.of("multiple", "fill", "matching", "ordering", "short", "evidence"),
      qs.stream().map(o -> ((JsonObject) o).getString("type")).toList());
    assertEquals(new JsonArray().add("A").add("C"), qs.getJsonObject(0).getJsonArray("answer"));
    assertEquals("泯然众人", qs.getJsonObject(1).getString("answer"));
    assertEquals(new JsonObject().put("L1", "R1").put("L2", "R2"), qs.getJsonObject(2).getJsonObject("answer"));
    assertEquals(new JsonArray().add("A").add("B").add("C"), qs.getJsonObject(3).getJsonArray("answer"));
    assertEquals("p3s2", qs.getJsonObject(5).getString("answer"));
  }

  @Test
  @DisplayName("hostile text in a reading and a question stays text on every authoring page and in the preview")
  void hostileTextStaysText() {
    Accounts.Login teacher = Accounts.teacher(server);
    String hostileTitle = "<script>window.pwned=1</script>\"引号'";
    String text = "路遥说：<img src=x onerror=\"window.pwned=2\">坚持写作。\n方仲永<b>泯然众人</b>。";
    JsonObject created = server.postJson("/api/v1/readings", new JsonObject().put("title", hostileTitle).put("text", text),
      teacher.token()).bodyAsJsonObject();
    String id = created.getString("id");
    assertEquals(200, server.putJson("/api/v1/readings/" + id, new JsonObject().put("examples", new JsonArray()
      .add(new JsonObject().put("name", "路遥").put("terms", new JsonArray().add("路遥")))), teacher.token()).statusCode());
    JsonObject question = new JsonObject().put("type", "single").put("prompt", "<script>window.pwned=3</script>哪一项\"对\"？")
      .put("options", new JsonArray().add(new JsonObject().put("id", "A").put("text", "<img src=x onerror=\"window.pwned=4\">"))
        .add(new JsonObject().put("id", "B").put("text", "'单引号'")))
      .put("answer", "A").put("example", "路遥").put("evidence", "坚持写作");
    assertEquals(201, server.postJson("/api/v1/readings/" + id + "/questions", question, teacher.token()).statusCode());

    try (BrowserContext ctx = browser.desktop()) {
      Page page = login(ctx, teacher.username());
      page.onDialog(d -> {
        throw new AssertionError("a dialog opened: " + d.message());
      });
      page.navigate(server.url("/authoring/readings"));
      assertThat(page.locator(".au-item-title")).hasText(hostileTitle);
      page.navigate(server.url("/authoring/readings/" + id));
      assertThat(page.locator(".au-title-text")).hasText(hostileTitle);
      assertThat(page.locator(".au-ptext[data-n='1']")).containsText("<img src=x onerror=\"window.pwned=2\">");
      assertEquals(0, page.locator("#au-paragraphs img").count());
      page.navigate(server.url("/authoring/readings/" + id + "/quiz"));
      assertThat(card(page, 0).locator("[data-field=prompt] textarea")).hasValue("<script>window.pwned=3</script>哪一项\"对\"？");
      page.click("#preview-quiz");
      Locator legend = page.locator("#au-preview fieldset.question legend").first();
      assertThat(legend).containsText("<script>window.pwned=3</script>哪一项\"对\"？");
      assertThat(page.locator("#au-preview")).containsText("<img src=x onerror=\"window.pwned=4\">");
      assertEquals(0, page.locator("#au-preview img, #au-source img, #authoring-quiz script").count());
      assertThat(page.locator(".au-warning").first()).isVisible();
      assertNull(page.evaluate("() => window.pwned"));
      Browser.screenshot(page, "authoring-hostile");
    }
  }
}
