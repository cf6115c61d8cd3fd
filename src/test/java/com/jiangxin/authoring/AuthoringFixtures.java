package com.jiangxin.authoring;

import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A teacher's own reading for tests: a pasted speech with the importer's three kinds of repair in it. */
final class AuthoringFixtures {
  /** Paragraph 2 is boilerplate, 4 is cut by a page break (it goes on in 5), 6 has a stray mark. */
  static final String PASTED = String.join("\n",
    "关于坚持的演讲稿",
    "小编为大家整理了关于坚持的演讲稿，供大家参考。",
    "同学们：",
    "今天我想讲讲坚持。路遥身患重病，仍坚持写作，最终写出了《平凡的世界》。他用了六年时间",
    "完成这部三卷本的小说。",
    "方仲.永少年成才，却少于练习，最终泯然众人。",
    "坚持是成功的基石。我们要像路遥那样，每天进步一点点。");

  private AuthoringFixtures() {
  }

  /** Pastes {@link #PASTED}, accepts every repair and marks 路遥 and 方仲永 by selection; answers the id. */
  static String ownReading(TestServer server, Accounts.Login teacher, String title) {
    HttpResponse<Buffer> created = server.postJson("/api/v1/readings",
      new JsonObject().put("title", title).put("text", PASTED), teacher.token());
    assertEquals(201, created.statusCode(), created.bodyAsString());
    String id = created.bodyAsJsonObject().getString("id");
    JsonArray accept = new JsonArray();
    created.bodyAsJsonObject().getJsonArray("repairs").forEach(r -> accept.add(((JsonObject) r).getInteger("index")));
    HttpResponse<Buffer> repaired = server.putJson("/api/v1/readings/" + id, new JsonObject().put("accept", accept), teacher.token());
    assertEquals(200, repaired.statusCode(), repaired.bodyAsString());
    JsonArray paragraphs = repaired.bodyAsJsonObject().getJsonArray("paragraphs");
    String p3 = paragraphs.getJsonObject(2).getString("text");
    int luyao = p3.indexOf("路遥");
    HttpResponse<Buffer> marked = server.putJson("/api/v1/readings/" + id, new JsonObject().put("examples", new JsonArray()
      .add(new JsonObject().put("name", "路遥").put("spans", new JsonArray()
        .add(new JsonObject().put("paragraph", 3).put("start", luyao).put("end", luyao + 2))))
      .add(new JsonObject().put("name", "方仲永").put("spans", new JsonArray()
        .add(new JsonObject().put("paragraph", 4).put("start", 0).put("end", 3))))), teacher.token());
    assertEquals(200, marked.statusCode(), marked.bodyAsString());
    return id;
  }

  /** A quiz of two questions on {@link #PASTED}: a numeric one (6 years) and a single choice (B). */
  static String quiz(String readingId, String numericAnswer) {
    return String.join("\n",
      "---",
      "reading: " + readingId,
      "title: 关于坚持",
      "---",
      "",
      "discuss: 你有没有坚持做成一件事的经历？",
      "discuss: 路遥和方仲永，你更像谁？为什么？",
      "",
      "## luyao-years",
      "type: numeric",
      "example: 路遥",
      "level: recall",
      "prompt: 根据演讲稿，路遥用了几年完成这部小说？",
      "answer: " + numericAnswer,
      "unit: 年",
      "evidence: 他用了六年时间完成这部三卷本的小说",
      "explanation: 第{p}段说他用了六年时间。",
      "",
      "## fang-end",
      "type: single",
      "example: 方仲永",
      "level: understand",
      "prompt: 方仲永最终怎样？",
      "option A: 成了大诗人",
      "option B: 泯然众人",
      "option C: 做了宰相",
      "answer: B",
      "evidence: 最终泯然众人",
      "explanation: 第{p}段说他“最终泯然众人”。",
      "");
  }

  static HttpResponse<Buffer> putQuiz(TestServer server, String token, String readingId, String text) {
    return TestServer.auth(server.client.put("/api/v1/readings/" + readingId + "/quiz"), token)
      .putHeader("Content-Type", "text/markdown; charset=utf-8").sendBuffer(Buffer.buffer(text)).await();
  }

  static HttpResponse<Buffer> importQuiz(TestServer server, String token, String readingId, String contentType,
                                         String body, boolean replace) {
    return TestServer.auth(server.client.post("/api/v1/readings/" + readingId + "/quiz/import" + (replace ? "?replace=true" : "")), token)
      .putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
  }
}
