package com.jiangxin.account;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** After login the form goes only to a path of this site; anything else goes to the dashboard. */
class LoginNextTest {
  private static TestServer server;
  private static Accounts.Login student;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    student = Accounts.student(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Logs in through the form with the given {@code next}; answered within 5 s or the test fails. */
  private static HttpResponse<Buffer> loginWithNext(String next) {
    HttpResponse<Buffer> page = server.get("/login");
    String sid = page.cookies().stream().filter(c -> c.startsWith("jx_sid=")).findFirst().orElseThrow()
      .split(";")[0].substring("jx_sid=".length());
    return server.client.post("/login").putHeader("Cookie", "jx_sid=" + sid).timeout(5000)
      .sendForm(Accounts.form("username", student.username(), "password", Accounts.PASSWORD,
        "next", next, "csrf", Accounts.csrfOf(page.bodyAsString())))
      .toCompletionStage().toCompletableFuture().orTimeout(6, TimeUnit.SECONDS).join();
  }

  @ParameterizedTest(name = "next = {0}")
  @ValueSource(strings = {"/\t/evil.example", "/\n/evil.example", "/dashboard\r\nSet-Cookie: x=1", "/a\u0001b",
    "/\u0000", "/\\evil.example", "//evil.example", "https://evil.example/", "javascript:alert(1)", "/\u200b/evil.example"})
  @DisplayName("a next that is not a plain same-site path is answered, with a redirect to the dashboard")
  void unsafeNext(String next) {
    HttpResponse<Buffer> r = loginWithNext(next);
    assertEquals(303, r.statusCode());
    assertEquals("/dashboard", r.getHeader("Location"));
  }

  @Test
  @DisplayName("a same-site path is followed after login")
  void sameSitePath() {
    HttpResponse<Buffer> r = loginWithNext("/readings/pian-01?size=large#p3");
    assertEquals(303, r.statusCode());
    assertEquals("/readings/pian-01?size=large#p3", r.getHeader("Location"));
  }

  @Test
  @DisplayName("the login page with control characters in next still answers and carries no unsafe next")
  void loginPage() {
    HttpResponse<Buffer> r = server.client.get("/login?next=" + URLEncoder.encode("/\t/evil.example", StandardCharsets.UTF_8))
      .timeout(5000).send().toCompletionStage().toCompletableFuture().orTimeout(6, TimeUnit.SECONDS).join();
    assertEquals(200, r.statusCode());
    assertFalse(r.bodyAsString().contains("evil.example"));
  }
}
