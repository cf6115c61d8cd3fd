package com.jiangxin.classroom;

import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A teacher on a laptop and a student on a phone, in a real browser, from registration to the assignment. */
class ClassroomJourneyTest {
  private static TestServer server;
  private static Browser browser;

  /** Names the elements that stick out past a phone's width, for a failure message. */
  private static final String WIDE = "Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 391)"
    + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(', ')";

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

  private static void shot(Page page, String name) {
    try {
      Files.createDirectories(Browser.SCREENSHOTS);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  private static void register(Page page, String role, String name, String username) {
    page.navigate(server.url("/register" + ("student".equals(role) ? "?role=student" : "")));
    page.check("input[name=role][value=" + role + "]");
    if ("teacher".equals(role)) {
      page.fill("#inviteCode", TestServer.TEACHER_INVITE_CODE);
    }
    page.fill("#displayName", name);
    page.fill("#username", username);
    page.fill("#password", "journey-password-1");
    page.click("form.stack button[type=submit]");
  }

  @Test
  @DisplayName("a teacher registers, creates a class and assigns 篇二; a student on a phone joins with the code and sees it")
  void teacherAndStudent() {
    String code;
    try (BrowserContext laptop = browser.desktop()) {
      Page t = laptop.newPage();
      register(t, "teacher", "刘老师", "liu-laoshi");
      t.waitForURL("**/dashboard");
      t.fill("#class-name", "高一（3）班");
      t.click(".create-class button[type=submit]");
      t.waitForURL("**/classes/*");
      assertTrue(t.textContent(".flash").contains("班级已创建"));
      code = t.textContent(".join-code").replaceAll("\\s", "");
      assertEquals(6, code.length(), code);

      t.selectOption("#readingId", "pian-02");
      t.fill("#dueAt", "2099-06-01T20:00");
      t.fill("#instructions", "重点读路遥和方仲永两个例子。");
      shot(t, "classroom-teacher-assign-form-desktop");
      t.click("#assign button[type=submit]");
      t.waitForURL(url -> url.contains("ok=assigned"));
      assertTrue(t.textContent("#assignments .assignment-rows").contains("篇二"));
      shot(t, "classroom-teacher-class-desktop");

      t.click("text=投影显示");
      t.waitForURL("**/code");
      assertEquals(code, t.textContent(".join-code").replaceAll("\\s", ""));
      shot(t, "classroom-teacher-code-desktop");

      t.navigate(server.url("/dashboard"));
      assertTrue(t.textContent(".class-card").contains("0/0 已交"));
      shot(t, "classroom-teacher-dashboard-desktop");
    }

    try (BrowserContext phone = browser.phone()) {
      Page s = phone.newPage();
      register(s, "student", "王子涵", "wang-zihan");
      s.waitForURL("**/join");
      String typed = code.substring(0, 3).toLowerCase(Locale.ROOT) + " " + code.substring(3).toLowerCase(Locale.ROOT);
      s.fill("#code", typed);
      shot(s, "classroom-student-join-phone");
      s.click("form.stack button[type=submit]");
      s.waitForURL("**/dashboard?joined=*");
      assertTrue(s.textContent(".flash").contains("高一（3）班"));
      String item = s.textContent(".todo-item");
      assertTrue(item.contains("篇二") && item.contains("待完成") && item.contains("2099年6月1日"), item);
      assertEquals("/readings/pian-02", s.getAttribute(".todo-item a[href^='/readings/']", "href"));
      int width = ((Number) s.evaluate("document.documentElement.scrollWidth")).intValue();
      assertTrue(width <= 390, "nothing sticks out sideways on a phone: " + width);
      shot(s, "classroom-student-dashboard-phone");

      s.click(".todo-item a[href^='/assignments/']");
      s.waitForURL("**/assignments/*");
      assertTrue(s.textContent(".instructions").contains("路遥"));
      assertFalse(s.isVisible("text=Exception"));
      shot(s, "classroom-student-assignment-phone");
    }
  }

  @Test
  @DisplayName("on a phone the teacher's class page, the projector code and the login slips read well")
  void teacherPagesOnAPhone() {
    try (BrowserContext phone = browser.phone()) {
      Page t = phone.newPage();
      register(t, "teacher", "陈老师", "chen-laoshi");
      t.waitForURL("**/dashboard");
      t.fill("#class-name", "初二（5）班");
      t.click(".create-class button[type=submit]");
      t.waitForURL("**/classes/*");
      t.fill("#csv", "用户名,姓名\nzhang-yutong,张雨桐\nliu-haoran,刘浩然\n\"ouyang-na\",\"欧阳, 娜\"\n");
      t.click("#import button[type=submit]");
      t.waitForSelector(".slip");
      assertEquals(3, t.locator(".slip").count());
      assertTrue(t.textContent(".slips").contains("欧阳, 娜"));
      shot(t, "classroom-teacher-slips-phone");
      t.setViewportSize(794, 1123);
      t.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
      assertFalse(t.isVisible(".slips-summary"), "printing shows only the slips");
      assertTrue(t.isVisible(".slip"));
      shot(t, "classroom-teacher-slips-print");
      t.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));
      t.setViewportSize(390, 844);

      t.click("text=回到班级");
      t.waitForSelector("table.roster");
      assertEquals(3, t.locator("table.roster tbody tr").count());
      shot(t, "classroom-teacher-class-phone");
      int width = ((Number) t.evaluate("document.documentElement.scrollWidth")).intValue();
      assertTrue(width <= 390, "the class page fits a phone: " + width + " " + t.evaluate(WIDE));

      t.click("text=投影显示");
      t.waitForURL("**/code");
      shot(t, "classroom-teacher-code-phone");
    }
  }

  @Test
  @DisplayName("on a phone a student's dashboard marks work as overdue, to do, upcoming and done, most urgent first")
  void statusChipsOnAPhone() {
    com.jiangxin.support.Accounts.Login teacher = com.jiangxin.support.Accounts.teacher(server);
    com.jiangxin.support.Accounts.Login student = com.jiangxin.support.Accounts.student(server, "赵一诺");
    io.vertx.core.json.JsonObject c = ClassroomFixtures.createClass(server, teacher, "高二（1）班");
    ClassroomFixtures.join(server, student, c.getString("joinCode"));
    long cid = c.getLong("id");
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
    ClassroomFixtures.assign(server, teacher, cid, new io.vertx.core.json.JsonObject().put("readingId", "pian-03")
      .put("opensAt", now.plusDays(2).toString()));
    long done = ClassroomFixtures.assign(server, teacher, cid, new io.vertx.core.json.JsonObject().put("readingId", "pian-01")
      .put("dueAt", now.minusDays(1).toString())).getLong("id");
    ClassroomFixtures.assign(server, teacher, cid, new io.vertx.core.json.JsonObject().put("readingId", "pian-02")
      .put("dueAt", now.plusDays(3).toString()));
    ClassroomFixtures.assign(server, teacher, cid, new io.vertx.core.json.JsonObject().put("readingId", "pian-05")
      .put("opensAt", now.minusDays(5).toString()).put("dueAt", now.minusDays(2).toString()));
    ClassroomFixtures.insertAttempt(server, done, "pian-01", student.id(), "submitted");

    try (BrowserContext phone = browser.phone()) {
      Page s = phone.newPage();
      s.navigate(server.url("/login"));
      s.fill("#username", student.username());
      s.fill("#password", com.jiangxin.support.Accounts.PASSWORD);
      s.click("form.stack button[type=submit]");
      s.waitForURL("**/dashboard");
      java.util.List<String> chips = s.locator(".todo-item .status-chip").allTextContents();
      assertEquals(java.util.List.of("已逾期", "待完成", "未开始", "已完成"), chips);
      assertTrue(s.textContent(".todo-item.status-upcoming").contains("开放"), "upcoming work says when it opens");
      shot(s, "classroom-student-statuses-phone");
    }
  }
}
