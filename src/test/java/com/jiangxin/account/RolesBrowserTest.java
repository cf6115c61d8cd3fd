package com.jiangxin.account;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Browser;
import com.jiangxin.support.TestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, teacher approval, the teacher at /join and the lost-slip reset, in a real browser. */
class RolesBrowserTest {
  private static TestServer server;
  private static Browser browser;
  private static Accounts.Login admin;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    // the first teacher of the server is its administrator
    admin = Accounts.register(server, "teacher", "head-admin", "校管理员");
    browser = Browser.launch();
  }

  @AfterAll
  static void stop() {
    browser.close();
    server.close();
  }

  private static void logIn(Page page, String username, String password) {
    page.navigate(server.url("/login"));
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("form.stack button[type=submit]");
  }

  private static int pageWidth(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
  }

  @Test
  @DisplayName("a student who goes 登录 → 注册 and fills the form without choosing becomes a student and lands on the join page")
  void registrationDefaultsToStudent() {
    try (BrowserContext phone = browser.phone()) {
      Page p = phone.newPage();
      p.navigate(server.url("/login"));
      p.click("a[href='/register']");
      p.waitForURL("**/register");
      assertTrue(p.isChecked("input[name=role][value=student]"), "学生 is chosen by default");
      assertFalse(p.isVisible("#inviteCode"), "a student is not asked for an invite code");
      p.fill("#displayName", "李同学");
      p.fill("#username", "li-tongxue");
      p.fill("#password", "student-pass-1");
      Browser.screenshot(p, "roles-register-default-phone");
      p.click("form.stack button[type=submit]");
      p.waitForURL("**/join");
      assertTrue(p.isVisible("#code"), "the join form is there for the new student");
      assertTrue(pageWidth(p) <= 390);
    }
  }

  @Test
  @DisplayName("choosing 老师 explains the invite code; without one the teacher waits, and the administrator approves on a page")
  void teacherWaitsForApproval() {
    try (BrowserContext laptop = browser.desktop(); BrowserContext adminLaptop = browser.desktop()) {
      Page t = laptop.newPage();
      t.navigate(server.url("/register"));
      t.check("input[name=role][value=teacher]");
      assertTrue(t.isVisible("#inviteCode"), "a teacher may type an invite code");
      assertTrue(t.textContent(".teacher-extra").contains("管理员"), "and is told that approval is needed without one");
      Browser.screenshot(t, "roles-register-teacher-desktop");
      t.fill("#displayName", "赵老师");
      t.fill("#username", "zhao-laoshi");
      t.fill("#password", "teacher-pass-1");
      t.click("form.stack button[type=submit]");
      t.waitForURL("**/dashboard");
      assertTrue(t.textContent("main").contains("等待本站管理员批准"), t.textContent("main"));
      assertFalse(t.isVisible("#class-name"), "no class can be made yet");
      Browser.screenshot(t, "roles-teacher-waiting-desktop");
      t.navigate(server.url("/readings/pian-02/quiz"));
      assertTrue(t.textContent("main").contains("等待"), "the answer key is refused with the same explanation");

      Page a = adminLaptop.newPage();
      logIn(a, admin.username(), Accounts.PASSWORD);
      a.waitForURL("**/dashboard");
      a.click("header a[href='/admin/teachers']");
      a.waitForURL("**/admin/teachers");
      assertTrue(a.textContent("main").contains("zhao-laoshi"));
      Browser.screenshot(a, "roles-admin-teachers-desktop");
      a.click("button[aria-label='批准 赵老师（zhao-laoshi）']");
      a.waitForURL("**/admin/teachers?done=approved");
      assertTrue(a.textContent(".flash").contains("已批准"));

      t.navigate(server.url("/dashboard"));
      assertTrue(t.isVisible("#class-name"), "approved: the teacher's dashboard with its create-class form");
    }
  }

  @Test
  @DisplayName("a logged-in teacher who opens /join is told why and can log out to register as a student")
  void teacherAtJoinHasAWayOut() {
    Accounts.Login teacher = Accounts.teacher(server);
    try (BrowserContext phone = browser.phone()) {
      Page p = phone.newPage();
      logIn(p, teacher.username(), Accounts.PASSWORD);
      p.waitForURL("**/dashboard");
      p.navigate(server.url("/join"));
      String text = p.textContent("main");
      assertTrue(text.contains("老师账号") && text.contains("学生"), text);
      Browser.screenshot(p, "roles-teacher-at-join-phone");
      assertTrue(pageWidth(p) <= 390);
      p.click("text=退出，注册学生账号");
      p.waitForURL("**/register?role=student");
      assertTrue(p.isChecked("input[name=role][value=student]"));
      assertTrue(p.isVisible("header a[href='/login']"), "logged out");
    }
  }

  @Test
  @DisplayName("lost slip: the teacher resets from the roster, the student's phone is logged out, and the temporary password forces a new one")
  void lostSlip() {
    Accounts.Login teacher = Accounts.teacher(server);
    JsonObject cls = server.postJson("/api/v1/classes", new JsonObject().put("name", "高二（1）班"), teacher.token())
      .bodyAsJsonObject();
    Accounts.Login student = Accounts.student(server, "孙小美");
    assertEquals(200, server.postJson("/api/v1/classes/join", new JsonObject().put("joinCode", cls.getString("joinCode")),
      student.token()).statusCode());

    try (BrowserContext laptop = browser.desktop(); BrowserContext phone = browser.phone()) {
      Page s = phone.newPage();
      logIn(s, student.username(), Accounts.PASSWORD);
      s.waitForURL("**/dashboard");

      Page t = laptop.newPage();
      logIn(t, teacher.username(), Accounts.PASSWORD);
      t.waitForURL("**/dashboard");
      t.navigate(server.url("/classes/" + cls.getLong("id")));
      String[] asked = new String[1];
      t.onDialog(d -> {
        asked[0] = d.message();
        d.accept();
      });
      t.click("button[aria-label='重置 孙小美 的密码']");
      t.waitForURL("**/reset-password");
      assertTrue(asked[0] != null && asked[0].contains("孙小美"), "the teacher confirmed first: " + asked[0]);
      String temporary = t.textContent("#temporary-password").strip();
      assertTrue(temporary.length() >= 8);
      Browser.screenshot(t, "roles-reset-password-desktop");

      s.navigate(server.url("/dashboard"));
      s.waitForURL("**/login**");
      logIn(s, student.username(), temporary);
      s.waitForURL("**/account?first=1");
      s.navigate(server.url("/dashboard"));
      s.waitForURL("**/account?first=1");
      assertTrue(s.textContent("main").contains("临时密码"));
      Browser.screenshot(s, "roles-choose-password-phone");
      assertTrue(pageWidth(s) <= 390);
      s.fill("#currentPassword", temporary);
      s.fill("#newPassword", "sun-xiaomei-2026");
      s.fill("#confirmPassword", "sun-xiaomei-2026");
      s.click("form.stack button[type=submit]");
      assertTrue(s.textContent(".flash").contains("密码已修改"));
      s.navigate(server.url("/dashboard"));
      assertTrue(s.url().endsWith("/dashboard"), "the pages open again: " + s.url());
    }
  }
}
