package com.jiangxin.discussion;

import com.jiangxin.content.Content;
import com.jiangxin.discussion.DiscussionFixtures.Room;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.support.Accounts;
import com.jiangxin.support.TestServer;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.jiangxin.discussion.DiscussionFixtures.bodies;
import static com.jiangxin.discussion.DiscussionFixtures.firstPrompt;
import static com.jiangxin.discussion.DiscussionFixtures.posted;
import static com.jiangxin.discussion.DiscussionFixtures.posts;
import static com.jiangxin.discussion.DiscussionFixtures.room;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every discussion page works without JavaScript: forms post and answer 303; mistakes are explained. */
class DiscussionPagesTest {
  private static TestServer server;
  private static Room room;
  private static long thread;
  private static Accounts.Session student;
  private static Accounts.Session teacher;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    room = room(server, "pian-09", "表单同学", "旁观同学");
    thread = firstPrompt(server, room);
    student = Accounts.session(server, room.student(0));
    teacher = Accounts.session(server, room.teacher());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<Buffer> form(Accounts.Session who, String path, String... fields) {
    return Accounts.post(server, who, path, Accounts.form(fields));
  }

  @Test
  @DisplayName("the assignment's page links to its discussion, which lists the prompts and the margin")
  void threadList() {
    String assignment = Accounts.get(server, student, "/assignments/" + room.assignmentId()).bodyAsString();
    assertTrue(assignment.contains("href=\"/assignments/" + room.assignmentId() + "/discussion\""));
    assertTrue(assignment.contains("href=\"/readings/pian-09?assignment=" + room.assignmentId() + "\""));
    String list = Accounts.get(server, student, "/assignments/" + room.assignmentId() + "/discussion").bodyAsString();
    assertTrue(list.contains("href=\"/threads/" + thread + "\""));
    List<String> prompts = QuizBank.load(Path.of("quizzes"), Content.loadReadings(Path.of("quizzes")))
      .forReading("pian-09").orElseThrow().discussionPrompts();
    assertFalse(prompts.isEmpty());
    prompts.forEach(prompt -> assertTrue(list.contains(prompt), "the quiz file's prompt is shown: " + prompt));
    assertTrue(list.contains("段落批注"));
    assertFalse(list.contains("添加讨论题"), "only the teacher adds prompts");
    assertTrue(Accounts.get(server, teacher, "/assignments/" + room.assignmentId() + "/discussion").bodyAsString()
      .contains("添加讨论题"));
  }

  @Test
  @DisplayName("a student posts and replies with plain forms: 303 back to the post, line breaks kept, text escaped")
  void postAndReplyByForm() {
    HttpResponse<Buffer> sent = form(student, "/threads/" + thread + "/posts",
      "body", "第一行 <b>不是粗体</b>\n第二行", "back", "/threads/" + thread);
    assertEquals(303, sent.statusCode(), sent.bodyAsString());
    assertTrue(sent.getHeader("Location").matches("/threads/" + thread + "#post-\\d+"), sent.getHeader("Location"));
    long id = Long.parseLong(sent.getHeader("Location").replaceAll(".*#post-", ""));

    HttpResponse<Buffer> reply = form(teacher, "/threads/" + thread + "/posts", "body", "老师回复", "parentId", String.valueOf(id));
    assertEquals(303, reply.statusCode());
    String page = Accounts.get(server, student, "/threads/" + thread).bodyAsString();
    assertTrue(page.contains("第一行 &lt;b&gt;不是粗体&lt;/b&gt;<br>第二行"), "each line through {{ }}, <br> between");
    assertFalse(page.contains("<b>不是粗体</b>"));
    assertTrue(page.contains("老师回复"));
    assertTrue(page.contains("data-parent=\"" + id + "\""), "the reply sits under its post");
    assertFalse(page.contains("{{") || page.contains("}}"), "no template text leaks into the page");
  }

  @Test
  @DisplayName("a form without the CSRF token is refused and writes nothing")
  void csrf() {
    MultiMap fields = Accounts.form("body", "伪造的请求");
    HttpResponse<Buffer> forged = server.client.post("/threads/" + thread + "/posts")
      .putHeader("Cookie", "jx_sid=" + student.sid()).sendForm(fields).await();
    assertEquals(403, forged.statusCode());
    assertFalse(bodies(posts(server, thread, room.teacher().token())).contains("伪造的请求"));
  }

  @Test
  @DisplayName("an empty or too long post re-shows the page with the reason and keeps what was typed")
  void mistakesAreExplained() {
    HttpResponse<Buffer> tooLong = form(student, "/threads/" + thread + "/posts", "body", "写".repeat(2001));
    assertEquals(400, tooLong.statusCode());
    String page = tooLong.bodyAsString();
    assertTrue(page.contains("发言太长了：最多 2000 个字，现在有 2001 个字。"));
    assertTrue(page.contains("写".repeat(2001) + "</textarea>"), "the draft is kept");
    HttpResponse<Buffer> empty = form(student, "/threads/" + thread + "/posts", "body", "   ");
    assertEquals(400, empty.statusCode());
    assertTrue(empty.bodyAsString().contains("发言不能是空的"));
    HttpResponse<Buffer> badParent = form(student, "/threads/" + thread + "/posts", "body", "x", "parentId", "abc");
    assertEquals(400, badParent.statusCode());
  }

  @Test
  @DisplayName("the teacher hides (with a reason), restores, pins and locks from the page; students see the result")
  void moderationByForm() {
    long id = posted(server, thread, room.student(1).token(), "要被处理的发言");
    assertEquals(303, form(teacher, "/posts/" + id + "/hide", "reason", "离题").statusCode());
    assertFalse(Accounts.get(server, student, "/threads/" + thread).bodyAsString().contains("要被处理的发言"));
    String teacherPage = Accounts.get(server, teacher, "/threads/" + thread).bodyAsString();
    assertTrue(teacherPage.contains("隐藏理由：离题"));
    assertTrue(teacherPage.contains("管理记录"));
    assertEquals(400, form(teacher, "/posts/" + id + "/hide", "reason", "").statusCode());

    Accounts.Session author = Accounts.session(server, room.student(1));
    String authorPage = Accounts.get(server, author, "/threads/" + thread).bodyAsString();
    assertTrue(authorPage.contains("老师隐藏了你的 1 条发言"), "the author learns why, without the post being sent");
    assertTrue(authorPage.contains("理由：离题"));

    assertEquals(303, form(teacher, "/posts/" + id + "/restore").statusCode());
    assertEquals(303, form(teacher, "/posts/" + id + "/pin").statusCode());
    assertTrue(posts(server, thread, room.student(0).token()).getJsonObject(0).getBoolean("pinned"));
    assertEquals(403, form(student, "/posts/" + id + "/hide", "reason", "我也想隐藏").statusCode());

    assertEquals(303, form(teacher, "/threads/" + thread + "/lock").statusCode());
    String locked = Accounts.get(server, student, "/threads/" + thread).bodyAsString();
    assertTrue(locked.contains("老师已锁定这个讨论"));
    assertFalse(locked.contains("id=\"new-body\""), "no post form while locked");
    HttpResponse<Buffer> refused = form(student, "/threads/" + thread + "/posts", "body", "锁了还发");
    assertEquals(409, refused.statusCode());
    assertTrue(refused.bodyAsString().contains("锁定"));
    assertEquals(303, form(teacher, "/threads/" + thread + "/unlock").statusCode());
  }

  @Test
  @DisplayName("the teacher adds a prompt with a form; its title and prompt are shown as text")
  void addPromptByForm() {
    HttpResponse<Buffer> added = form(teacher, "/assignments/" + room.assignmentId() + "/threads",
      "title", "<i>新题</i>", "prompt", "第一问\n第二问", "postBeforeSee", "1");
    assertEquals(303, added.statusCode(), added.bodyAsString());
    String page = Accounts.get(server, student, added.getHeader("Location")).bodyAsString();
    assertTrue(page.contains("&lt;i&gt;新题&lt;/i&gt;"));
    assertTrue(page.contains("第一问<br>第二问"));
    assertTrue(page.contains("先发后看"));
    HttpResponse<Buffer> untitled = form(teacher, "/assignments/" + room.assignmentId() + "/threads", "title", "", "prompt", "问");
    assertEquals(400, untitled.statusCode());
    assertTrue(untitled.bodyAsString().contains("请填写讨论题的标题"));
    assertEquals(403, form(student, "/assignments/" + room.assignmentId() + "/threads", "title", "t", "prompt", "p").statusCode());
  }

  @Test
  @DisplayName("a reaction by form toggles and returns to the post; a back address off the site is ignored")
  void reactionByForm() {
    long id = posted(server, thread, room.student(1).token(), "值得点赞");
    HttpResponse<Buffer> r = form(student, "/posts/" + id + "/reactions", "back", "https://evil.example/");
    assertEquals(303, r.statusCode());
    assertEquals("/threads/" + thread + "#post-" + id, r.getHeader("Location"));
    assertEquals(List.of(1), posts(server, thread, room.teacher().token()).stream()
      .map(o -> (io.vertx.core.json.JsonObject) o).filter(p -> p.getLong("id") == id).map(p -> p.getInteger("reactions")).toList());
  }
}
