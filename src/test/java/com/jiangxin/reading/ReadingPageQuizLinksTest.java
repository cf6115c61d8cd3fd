package com.jiangxin.reading;

import com.jiangxin.support.People;
import com.jiangxin.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadingPageQuizLinksTest {
  private static final String PRACTICE_FORM = "<form method=\"post\" action=\"/readings/pian-02/practice\">";
  private static final String KEY_LINK = "href=\"/readings/pian-02/quiz\"";
  private static TestServer server;
  private static String teacher;
  private static String student;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    teacher = People.session(server, People.register(server, "teacher"));
    student = People.session(server, People.register(server, "student"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The hidden CSRF field inside the practice form, which a POST needs to be accepted. */
  private static boolean practiceFormHasCsrf(String page) {
    int form = page.indexOf(PRACTICE_FORM);
    int end = page.indexOf("</form>", form);
    return form >= 0 && page.substring(form, end).contains("<input type=\"hidden\" name=\"csrf\" value=\""
      + People.csrf(page) + "\">");
  }

  @Test
  @DisplayName("a teacher's reading page links to the answer key and offers practice with a CSRF-protected form")
  void teacher() {
    String page = People.getPage(server, "/readings/pian-02", teacher).bodyAsString();
    assertTrue(page.contains(KEY_LINK));
    assertTrue(page.contains(PRACTICE_FORM));
    assertTrue(practiceFormHasCsrf(page));
    assertTrue(page.contains("练习（不计分）"));
    assertTrue(page.indexOf(PRACTICE_FORM) < page.indexOf("id=\"p1\""), "near the top, before the text");
  }

  @Test
  @DisplayName("a student's reading page offers practice but no link to the answer key")
  void student() {
    String page = People.getPage(server, "/readings/pian-02", student).bodyAsString();
    assertTrue(page.contains(PRACTICE_FORM));
    assertTrue(practiceFormHasCsrf(page));
    assertFalse(page.contains("/quiz\""));
  }

  @Test
  @DisplayName("a visitor's reading page has no practice form and no key link, only a way to sign in")
  void visitor() {
    String page = People.getPage(server, "/readings/pian-02", null).bodyAsString();
    assertFalse(page.contains(PRACTICE_FORM));
    assertFalse(page.contains("/quiz\""));
    assertTrue(page.contains("href=\"/login?next=/readings/pian-02\""));
  }
}
