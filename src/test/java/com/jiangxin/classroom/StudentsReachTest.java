package com.jiangxin.classroom;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.nayuki.qrcodegen.QrCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Students reach the server from their phones: the address and QR code on the class page, the
 * projector page and the login slips use {@code PUBLIC_URL}, or the machine's LAN address when the
 * teacher's browser used a loopback address; a join link with a code fills the code in.
 */
class StudentsReachTest {
  private static final Pattern QR = Pattern.compile("<svg class=\"qr\"[^>]*viewBox=\"0 0 (\\d+) (\\d+)\"[^>]*>.*?<path d=\"([^\"]*)\"", Pattern.DOTALL);
  private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");

  /** Every QR code drawn on the page, read back as a grid of dark modules (quiet zone removed). */
  private static List<boolean[][]> qrCodes(String html) {
    List<boolean[][]> codes = new ArrayList<>();
    Matcher m = QR.matcher(html);
    while (m.find()) {
      int size = Integer.parseInt(m.group(1)) - 8;
      boolean[][] dark = new boolean[size][size];
      String path = m.group(3);
      Matcher run = RUN.matcher(path);
      int consumed = 0;
      while (run.find()) {
        assertEquals(consumed, run.start(), "the path holds nothing but module runs");
        consumed = run.end();
        int x = Integer.parseInt(run.group(1)) - 4;
        int y = Integer.parseInt(run.group(2)) - 4;
        for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
          dark[y][x + i] = true;
        }
      }
      assertEquals(path.length(), consumed, "the path holds nothing but module runs");
      codes.add(dark);
    }
    return codes;
  }

  /** Asserts that the page draws at least one QR code, and that each encodes exactly {@code url}. */
  private static void assertQrOf(String url, String html) {
    List<boolean[][]> codes = qrCodes(html);
    assertFalse(codes.isEmpty(), "the page shows a QR code");
    QrCode expected = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
    for (boolean[][] dark : codes) {
      assertEquals(expected.size, dark.length, "a QR code of " + url);
      for (int y = 0; y < expected.size; y++) {
        for (int x = 0; x < expected.size; x++) {
          assertEquals(expected.getModule(x, y), dark[y][x], "module " + x + "," + y + " of the QR code of " + url);
        }
      }
    }
  }

  private static HttpResponse<Buffer> page(TestServer server, Accounts.Session session, String path, String host) {
    var request = server.client.get(path).putHeader("Cookie", "jx_sid=" + session.sid());
    if (host != null) {
      request.putHeader("Host", host);
    }
    HttpResponse<Buffer> r = request.send().await();
    assertEquals(200, r.statusCode(), path);
    return r;
  }

  private static String slips(TestServer server, Accounts.Session session, long classId, String host) {
    var form = Accounts.form("csv", "用户名,姓名\n" + Accounts.uniqueUsername("reach") + ",张雨桐\n", "csrf", session.csrf());
    var request = server.client.post("/classes/" + classId + "/roster").putHeader("Cookie", "jx_sid=" + session.sid());
    if (host != null) {
      request.putHeader("Host", host);
    }
    HttpResponse<Buffer> r = request.sendForm(form).await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsString();
  }

  /** Asserts that the class page, the projector page and the login slips all send students to {@code base}. */
  private static void assertEveryPageShows(TestServer server, String base, String host) {
    Accounts.Login teacher = Accounts.teacher(server);
    Accounts.Session session = Accounts.session(server, teacher);
    JsonObject cls = ClassroomFixtures.createClass(server, teacher, "高一（3）班");
    long id = cls.getLong("id");
    String withCode = base + "/join?code=" + cls.getString("joinCode");
    for (String html : List.of(page(server, session, "/classes/" + id, host).bodyAsString(),
      page(server, session, "/classes/" + id + "/code", host).bodyAsString(),
      slips(server, session, id, host))) {
      assertTrue(html.contains(">" + base + "/join<"), "the page shows " + base + "/join");
      assertQrOf(withCode, html);
      assertTrue(html.contains("role=\"img\" aria-label=\"扫码加入班级"), "the QR code has an accessible name");
      assertFalse(html.contains("只在这台电脑上能打开"), "no warning when students can reach the address");
    }
  }

  @Test
  @DisplayName("with PUBLIC_URL set, every join address and QR code uses it, whatever the teacher's browser used")
  void publicUrl() {
    try (TestServer server = TestServer.start(Map.of("PUBLIC_URL", "https://class.example.org/jx/"))) {
      assertEveryPageShows(server, "https://class.example.org/jx", null);
      assertEveryPageShows(server, "https://class.example.org/jx", "school.lan:8080");
    }
  }

  @Test
  @DisplayName("when the teacher's browser used localhost, 127.0.0.1 or [::1], students see the machine's LAN address")
  void lanAddressForLoopback() {
    try (TestServer server = TestServer.start(Map.of(), c -> c.withLanAddress(Optional.of("192.168.50.7")))) {
      String lan = "http://192.168.50.7:" + server.port();
      assertEveryPageShows(server, lan, null);
      assertEveryPageShows(server, lan, "127.0.0.1:" + server.port());
      assertEveryPageShows(server, lan, "[::1]:" + server.port());
      assertEveryPageShows(server, "http://jiangxin.school.lan:8080", "jiangxin.school.lan:8080");
    }
  }

  @Test
  @DisplayName("with no LAN address found, a loopback address is kept and the class page says students need the computer's address")
  void noLanAddress() {
    try (TestServer server = TestServer.start(Map.of(), c -> c.withLanAddress(Optional.empty()))) {
      Accounts.Login teacher = Accounts.teacher(server);
      Accounts.Session session = Accounts.session(server, teacher);
      JsonObject cls = ClassroomFixtures.createClass(server, teacher, "高一（4）班");
      String html = page(server, session, "/classes/" + cls.getLong("id"), null).bodyAsString();
      String local = "http://localhost:" + server.port();
      assertTrue(html.contains(">" + local + "/join<"), html);
      assertQrOf(local + "/join?code=" + cls.getString("joinCode"), html);
      assertTrue(html.contains("只在这台电脑上能打开"), "the teacher is told students cannot use this address");
      assertTrue(html.contains("PUBLIC_URL"));
      String onLan = page(server, session, "/classes/" + cls.getLong("id"), "192.168.50.7:8080").bodyAsString();
      assertFalse(onLan.contains("只在这台电脑上能打开"), "an address the teacher opened over the network is fine");
    }
  }

  @Test
  @DisplayName("/join?code=XXXXXX fills the code in for a student, and keeps it through login and registration for a visitor")
  void joinLinkPrefills() {
    try (TestServer server = TestServer.start()) {
      Accounts.Login teacher = Accounts.teacher(server);
      String code = ClassroomFixtures.createClass(server, teacher, "高一（5）班").getString("joinCode");
      Accounts.Login student = Accounts.student(server);
      String page = page(server, Accounts.session(server, student), "/join?code=" + code, null).bodyAsString();
      assertTrue(page.contains("name=\"code\" type=\"text\" value=\"" + code + "\""), page);

      String visitor = server.get("/join?code=" + code).bodyAsString();
      String next = "%2Fjoin%3Fcode%3D" + code;
      assertTrue(visitor.contains("href=\"/login?next&#x3D;" + next + "\"") || visitor.contains("href=\"/login?next=" + next + "\""), visitor);
      Matcher register = Pattern.compile("href=\"(/register\\?[^\"]*)\"").matcher(visitor);
      assertTrue(register.find(), visitor);
      String registerHref = register.group(1).replace("&amp;", "&").replace("&#x3D;", "=");
      assertTrue(registerHref.contains("next=" + next), registerHref);

      HttpResponse<Buffer> form = server.get(registerHref);
      assertTrue(form.bodyAsString().contains("name=\"next\" value=\"/join?code&#x3D;" + code + "\"")
        || form.bodyAsString().contains("name=\"next\" value=\"/join?code=" + code + "\""), form.bodyAsString());
      String cookie = form.cookies().stream().filter(c -> c.startsWith("jx_sid=")).findFirst().orElseThrow().split(";")[0];
      HttpResponse<Buffer> created = server.client.post("/register").putHeader("Cookie", cookie)
        .sendForm(Accounts.form("csrf", Accounts.csrfOf(form.bodyAsString()), "role", "student",
          "displayName", "王子涵", "username", Accounts.uniqueUsername("scan"), "password", "scan-password-1",
          "next", "/join?code=" + code)).await();
      assertEquals(303, created.statusCode(), created.bodyAsString());
      assertEquals("/join?code=" + code, created.getHeader("Location"));
    }
  }
}
