package com.jiangxin.classroom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterCsvTest {

  private static RosterCsv.Parsed ok(String text) {
    RosterCsv.Parsed p = RosterCsv.parse(text);
    assertEquals(List.of(), p.problems(), "problems");
    return p;
  }

  @Test
  @DisplayName("reads Chinese names, a quoted name with a comma, a BOM and an English header row")
  void readsTheUsualFile() {
    RosterCsv.Parsed p = ok("\uFEFFusername,display name\r\nzhangsan,张三\r\n\"wangfang\",\"Wang, Fang\"\r\n");
    assertEquals(List.of(new RosterCsv.Row(2, "zhangsan", "张三"), new RosterCsv.Row(3, "wangfang", "Wang, Fang")), p.rows());
  }

  @Test
  @DisplayName("a Chinese header row is skipped, and a file without a header keeps its first row")
  void headerIsOptional() {
    assertEquals(1, ok("用户名,姓名\nlisi,李四\n").rows().size());
    assertEquals(2, ok("lisi,李四\nzhaoliu,赵六\n").rows().size());
  }

  @Test
  @DisplayName("usernames are trimmed and lower-cased, trailing empty columns from Excel are ignored")
  void lenientWhereItIsSafe() {
    RosterCsv.Parsed p = ok("  LiSi , 李四 ,,\n");
    assertEquals(new RosterCsv.Row(1, "lisi", "李四"), p.rows().get(0));
  }

  @Test
  @DisplayName("cells pasted from a spreadsheet (tab-separated) are read as two columns")
  void tabSeparated() {
    RosterCsv.Parsed p = ok("lisi\t李四\nzhaoliu\t赵六\n");
    assertEquals("赵六", p.rows().get(1).displayName());
  }

  @Test
  @DisplayName("blank lines do not shift the line numbers in error reports")
  void lineNumbersCountBlankLines() {
    RosterCsv.Parsed p = RosterCsv.parse("username,name\n\nlisi,李四\n\n\nzhaoliu\n");
    assertEquals(1, p.problems().size());
    assertEquals(6, p.problems().get(0).line());
    assertEquals(3, p.rows().get(0).line());
  }

  @Test
  @DisplayName("every bad row is reported with its line: bad username, missing name, extra column, repeat")
  void badRows() {
    RosterCsv.Parsed p = RosterCsv.parse("lisi,李四\nBad Name,王五\nnoname\nzhao,赵,六\nlisi,李四二\n");
    List<Integer> lines = p.problems().stream().map(RosterCsv.Problem::line).toList();
    assertEquals(List.of(2, 3, 4, 5), lines);
    assertTrue(p.problems().get(0).message().contains("Bad Name"));
    assertTrue(p.problems().get(1).message().contains("姓名"));
    assertTrue(p.problems().get(2).message().contains("3 列"));
    assertTrue(p.problems().get(3).message().contains("第 1 行"));
  }

  @Test
  @DisplayName("an unclosed quote is reported on the line where it opens")
  void unclosedQuote() {
    RosterCsv.Parsed p = RosterCsv.parse("lisi,李四\nwang,\"Wang, Fang\nzhao,赵六\n");
    assertEquals(1, p.problems().size());
    assertEquals(2, p.problems().get(0).line());
  }

  @Test
  @DisplayName("an empty file and a file that is not UTF-8 are refused with a clear message")
  void emptyOrMisencoded() {
    assertTrue(RosterCsv.parse("  \n").problems().get(0).message().contains("空"));
    assertTrue(RosterCsv.parse("lisi,\uFFFD\uFFFD\n").problems().get(0).message().contains("UTF-8"));
  }
}
