package com.jiangxin.account;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.Accounts.Session;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teacher accounts are granted: the first teacher administers, the rest need an invite code or approval. */
class TeacherApprovalTest {
  private static final String SCHOOL_CODE = "school-invite-2026";
  private static final Pattern NEW_CODE = Pattern.compile("id=\"new-invite-code\">([^<]+)<");
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServer.start(Map.of("TEACHER_INVITE_CODE", SCHOOL_CODE));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<Buffer> register(String username, String role, String inviteCode) {
    JsonObject body = new JsonObject().put("username", username).put("password", Accounts.PASSWORD)
      .put("displayName", "老师" + username).put("role", role);
    if (inviteCode != null) {
      body.put("inviteCode", inviteCode);
    }
    return server.postJson("/api/v1/auth/register", body, null);
  }

  private String token(String username) {
    return Accounts.token(server, username, Accounts.PASSWORD);
  }

  private int createClass(String token) {
    return server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（1）班"), token).statusCode();
  }

  @Test
  @DisplayName("the first teacher becomes the approved administrator; a later one without a code waits and gets 403 for teacher routes")
  void firstTeacherAdministers() {
    HttpResponse<Buffer> first = register("first-teacher", "teacher", null);
    assertEquals(201, first.statusCode(), first.bodyAsString());
    assertEquals("teacher", first.bodyAsJsonObject().getString("role"));
    assertTrue(first.bodyAsJsonObject().getBoolean("approved"));
    assertTrue(first.bodyAsJsonObject().getBoolean("admin"));

    HttpResponse<Buffer> second = register("second-teacher", "teacher", null);
    assertEquals(201, second.statusCode());
    assertEquals("teacher", second.bodyAsJsonObject().getString("role"));
    assertFalse(second.bodyAsJsonObject().getBoolean("approved"));
    assertFalse(second.bodyAsJsonObject().getBoolean("admin"));

    HttpResponse<Buffer> login = server.postJson("/api/v1/auth/login", new JsonObject()
      .put("username", "second-teacher").put("password", Accounts.PASSWORD), null);
    assertEquals(200, login.statusCode());
    assertFalse(login.bodyAsJsonObject().getJsonObject("user").getBoolean("approved"));
    String waiting = login.bodyAsJsonObject().getString("token");
    JsonObject me = server.get("/api/v1/me", waiting).bodyAsJsonObject();
    assertEquals("teacher", me.getString("role"));
    assertFalse(me.getBoolean("approved"));
    assertFalse(me.getBoolean("admin"));
    assertTrue(server.get("/api/v1/me", token("first-teacher")).bodyAsJsonObject().getBoolean("admin"));

    HttpResponse<Buffer> refused = server.postJson("/api/v1/classes", new JsonObject().put("name", "高一（1）班"), waiting);
    assertEquals(403, refused.statusCode());
    assertTrue(refused.bodyAsJsonObject().getString("error").contains("等待管理员批准"));
    assertEquals(403, server.get("/api/v1/classes", waiting).statusCode());
    assertEquals(403, server.get("/api/v1/assignments", waiting).statusCode());
    assertEquals(201, createClass(token("first-teacher")));
  }

  @Test
  @DisplayName("a waiting teacher gets the student view of the quiz API and 403 for the answer-key page, which says what to do")
  void waitingTeacherSeesNoKey() {
    register("admin-teacher", "teacher", null);
    register("waiting", "teacher", null);
    String waiting = token("waiting");
    JsonObject asWaiting = server.get("/api/v1/readings/pian-02/quiz", waiting).bodyAsJsonObject();
    JsonObject asAdmin = server.get("/api/v1/readings/pian-02/quiz", token("admin-teacher")).bodyAsJsonObject();
    JsonObject anyAdminQuestion = asAdmin.getJsonArray("questions").getJsonObject(0);
    assertTrue(anyAdminQuestion.containsKey("answer"), "an approved teacher sees the key");
    asWaiting.getJsonArray("questions").forEach(q -> {
      JsonObject question = (JsonObject) q;
      assertFalse(question.containsKey("answer") || question.containsKey("explanation") || question.containsKey("evidence"),
        "a waiting teacher gets the student view: " + question.encode());
    });

    String examples = server.get("/api/v1/examples", waiting).bodyAsString();
    assertFalse(examples.contains(anyAdminQuestion.getString("explanation")), "nor keys through the examples");
    Session session = Accounts.session(server, "waiting", Accounts.PASSWORD);
    HttpResponse<Buffer> key = Accounts.get(server, session, "/readings/pian-02/quiz");
    assertEquals(403, key.statusCode());
    String html = key.bodyAsString();
    assertTrue(html.contains("等待") && html.contains("管理员批准"), "the page says the account awaits approval");
    assertTrue(html.contains("邀请码"), "and how to get in");
    assertFalse(html.contains(anyAdminQuestion.getString("explanation")), "and no key");
    HttpResponse<Buffer> dashboard = Accounts.get(server, session, "/dashboard");
    assertEquals(200, dashboard.statusCode());
    assertTrue(dashboard.bodyAsString().contains("等待本站管理员批准"));
    assertEquals(403, Accounts.post(server, session, "/classes", Accounts.form("name", "偷偷建班")).statusCode());
    assertEquals(200, Accounts.get(server, session, "/readings/pian-02").statusCode(), "reading stays open to everyone");
  }

  @Test
  @DisplayName("TEACHER_INVITE_CODE approves at once; a wrong code leaves the account waiting")
  void serverInviteCode() {
    register("admin-teacher", "teacher", null);
    HttpResponse<Buffer> withCode = register("with-code", "teacher", SCHOOL_CODE);
    assertEquals(201, withCode.statusCode());
    assertTrue(withCode.bodyAsJsonObject().getBoolean("approved"));
    assertFalse(withCode.bodyAsJsonObject().getBoolean("admin"));
    assertEquals(201, createClass(token("with-code")));

    HttpResponse<Buffer> wrong = register("wrong-code", "teacher", SCHOOL_CODE + "x");
    assertEquals(201, wrong.statusCode());
    assertFalse(wrong.bodyAsJsonObject().getBoolean("approved"));
    assertEquals(403, createClass(token("wrong-code")));

    HttpResponse<Buffer> student = register("a-student", "student", "whatever");
    assertTrue(student.bodyAsJsonObject().getBoolean("approved"), "students need no approval");
    assertEquals(201, student.statusCode());
    assertEquals("student", student.bodyAsJsonObject().getString("role"));
  }

  @Test
  @DisplayName("the administrator's invite code works once, in any case and spacing; a taken username spends no use")
  void adminInviteCodes() {
    register("admin-teacher", "teacher", null);
    Session admin = Accounts.session(server, "admin-teacher", Accounts.PASSWORD);
    HttpResponse<Buffer> made = Accounts.post(server, admin, "/admin/invites", Accounts.form("uses", "1", "days", "7"));
    assertEquals(200, made.statusCode(), made.bodyAsString());
    assertEquals("no-store", made.getHeader("Cache-Control"));
    Matcher m = NEW_CODE.matcher(made.bodyAsString());
    assertTrue(m.find(), "the new code is shown once");
    String code = m.group(1);
    assertFalse(Accounts.get(server, admin, "/admin/teachers").bodyAsString().contains(code), "and never again");

    assertEquals(409, register("admin-teacher", "teacher", code).statusCode());
    HttpResponse<Buffer> invited = register("invited", "teacher", " " + code.toUpperCase().replace("-", " - ") + " ");
    assertEquals(201, invited.statusCode());
    assertTrue(invited.bodyAsJsonObject().getBoolean("approved"), "the use was not spent on the taken username");
    HttpResponse<Buffer> again = register("invited-again", "teacher", code);
    assertFalse(again.bodyAsJsonObject().getBoolean("approved"), "a single-use code works once");

    assertEquals(400, Accounts.post(server, admin, "/admin/invites", Accounts.form("uses", "0", "days", "7")).statusCode());
  }

  @Test
  @DisplayName("the administrator approves and rejects waiting teachers on /admin/teachers; no one else may open it")
  void approvalPage() {
    register("admin-teacher", "teacher", null);
    register("waiting-a", "teacher", null);
    register("waiting-b", "teacher", null);
    register("approved-c", "teacher", SCHOOL_CODE);
    String waitingA = token("waiting-a");
    assertEquals(403, createClass(waitingA));

    Session admin = Accounts.session(server, "admin-teacher", Accounts.PASSWORD);
    assertTrue(Accounts.get(server, admin, "/dashboard").bodyAsString().contains("href=\"/admin/teachers\""),
      "the administrator's header links the page");
    String page = Accounts.get(server, admin, "/admin/teachers").bodyAsString();
    assertTrue(page.contains("waiting-a") && page.contains("waiting-b"));
    long idA = server.get("/api/v1/me", waitingA).bodyAsJsonObject().getLong("id");
    long idB = server.get("/api/v1/me", token("waiting-b")).bodyAsJsonObject().getLong("id");

    HttpResponse<Buffer> approved = Accounts.post(server, admin, "/admin/teachers/" + idA + "/approve", Accounts.form());
    assertEquals(303, approved.statusCode());
    assertEquals(201, createClass(waitingA), "the same token now has a teacher's powers");
    assertTrue(server.get("/api/v1/me", waitingA).bodyAsJsonObject().getBoolean("approved"));

    assertEquals(303, Accounts.post(server, admin, "/admin/teachers/" + idB + "/reject", Accounts.form()).statusCode());
    assertEquals(401, server.postJson("/api/v1/auth/login", new JsonObject().put("username", "waiting-b")
      .put("password", Accounts.PASSWORD), null).statusCode(), "a rejected account is gone");
    assertEquals(404, Accounts.post(server, admin, "/admin/teachers/" + idA + "/reject", Accounts.form()).statusCode(),
      "an approved teacher cannot be 'rejected'");

    Session other = Accounts.session(server, "approved-c", Accounts.PASSWORD);
    assertEquals(403, Accounts.get(server, other, "/admin/teachers").statusCode());
    assertFalse(Accounts.get(server, other, "/dashboard").bodyAsString().contains("href=\"/admin/teachers\""));
    assertEquals(403, Accounts.post(server, other, "/admin/invites", Accounts.form("uses", "5")).statusCode());
    register("stu", "student", null);
    assertEquals(403, Accounts.get(server, Accounts.session(server, "stu", Accounts.PASSWORD), "/admin/teachers").statusCode());
    HttpResponse<Buffer> anonymous = server.get("/admin/teachers");
    assertEquals(303, anonymous.statusCode());
    assertTrue(anonymous.getHeader("Location").startsWith("/login"), "anonymous visitors are sent to log in");
  }

  @Test
  @DisplayName("registering as a teacher on the page with a wrong invite code says so on the waiting page")
  void wrongCodeOnRegisterPage() {
    register("admin-teacher", "teacher", null);
    HttpResponse<Buffer> page = server.get("/register");
    assertFalse(page.bodyAsString().contains("value=\"teacher\" checked"), "学生 is the default, not 老师");
    String cookie = page.cookies().stream().filter(c -> c.startsWith("jx_sid=")).findFirst().orElseThrow().split(";")[0];
    HttpResponse<Buffer> posted = server.client.post("/register").putHeader("Cookie", cookie).sendForm(Accounts.form(
      "csrf", Accounts.csrfOf(page.bodyAsString()), "role", "teacher", "displayName", "钱老师", "username", "qian-laoshi",
      "password", Accounts.PASSWORD, "inviteCode", "not-the-code")).await();
    assertEquals(303, posted.statusCode(), posted.bodyAsString());
    assertEquals("/dashboard?invite=wrong", posted.getHeader("Location"));
    Session s = Accounts.session(server, "qian-laoshi", Accounts.PASSWORD);
    String waiting = Accounts.get(server, s, "/dashboard?invite=wrong").bodyAsString();
    assertTrue(waiting.contains("邀请码不对") && waiting.contains("等待本站管理员批准"));
  }

  @Test
  @DisplayName("a waiting teacher can type an invite code on the waiting page and is approved at once")
  void redeemOnWaitingPage() {
    register("admin-teacher", "teacher", null);
    register("late-code", "teacher", null);
    Session s = Accounts.session(server, "late-code", Accounts.PASSWORD);
    HttpResponse<Buffer> wrong = Accounts.post(server, s, "/account/invite", Accounts.form("inviteCode", "nope-nope-nope"));
    assertEquals(400, wrong.statusCode());
    assertTrue(wrong.bodyAsString().contains("邀请码不对"));
    HttpResponse<Buffer> right = Accounts.post(server, s, "/account/invite", Accounts.form("inviteCode", SCHOOL_CODE));
    assertEquals(303, right.statusCode());
    assertEquals(201, createClass(token("late-code")));
  }

  @Test
  @DisplayName("teachers registering at the same moment on a new server: exactly one becomes the administrator")
  void oneAdministratorUnderRace() {
    List<CompletableFuture<HttpResponse<Buffer>>> all = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String name = "racer-" + i;
      all.add(CompletableFuture.supplyAsync(() -> register(name, "teacher", null)));
    }
    int admins = 0;
    for (CompletableFuture<HttpResponse<Buffer>> f : all) {
      HttpResponse<Buffer> r = f.join();
      assertEquals(201, r.statusCode(), r.bodyAsString());
      if (r.bodyAsJsonObject().getBoolean("admin")) {
        admins++;
        assertTrue(r.bodyAsJsonObject().getBoolean("approved"));
      } else {
        assertFalse(r.bodyAsJsonObject().getBoolean("approved"));
      }
    }
    assertEquals(1, admins);
  }

  @Test
  @DisplayName("a TEACHER_INVITE_CODE shorter than 8 characters is refused as a bad setting")
  void shortServerCodeRefused() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
      () -> com.jiangxin.config.Config.from(Map.of("TEACHER_INVITE_CODE", "1234")));
    assertTrue(e.getMessage().contains("TEACHER_INVITE_CODE"));
    assertEquals(java.util.Optional.of("long-enough-code"),
      com.jiangxin.config.Config.from(Map.of("TEACHER_INVITE_CODE", " long-enough-code ")).teacherInviteCode());
  }

  @Test
  @DisplayName("DEMO=1 keeps its approved demo teacher, who is not the administrator; the first real teacher is")
  void demoTeacherApproved() {
    try (TestServer demo = TestServer.start(Map.of("DEMO", "1"))) {
      String token = Accounts.token(demo, "demo-teacher", "jiangxin-demo");
      JsonObject me = demo.get("/api/v1/me", token).bodyAsJsonObject();
      assertTrue(me.getBoolean("approved"));
      assertFalse(me.getBoolean("admin"));
      assertEquals(200, demo.get("/api/v1/classes", token).statusCode());
      HttpResponse<Buffer> first = demo.postJson("/api/v1/auth/register", new JsonObject().put("username", "real-teacher")
        .put("password", Accounts.PASSWORD).put("displayName", "真老师").put("role", "teacher"), null);
      assertTrue(first.bodyAsJsonObject().getBoolean("admin"));
      assertNotNull(first.bodyAsJsonObject().getLong("id"));
    }
  }
}
