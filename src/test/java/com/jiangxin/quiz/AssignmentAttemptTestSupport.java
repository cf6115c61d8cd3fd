package com.jiangxin.quiz;

import com.jiangxin.support.TestServer;
import io.vertx.core.json.JsonObject;

/** Registers and logs in users for the quiz tests; the password is {@code password-<username>}. */
final class AssignmentAttemptTestSupport {
  private AssignmentAttemptTestSupport() {
  }

  static String register(TestServer server, String username, String role) {
    server.postJson("/api/v1/auth/register", new JsonObject().put("username", username).put("password", "password-" + username)
      .put("displayName", "用户" + username).put("role", role).put("inviteCode", TestServer.TEACHER_INVITE_CODE), null);
    return server.postJson("/api/v1/auth/login", new JsonObject().put("username", username)
      .put("password", "password-" + username), null).bodyAsJsonObject().getString("token");
  }
}
