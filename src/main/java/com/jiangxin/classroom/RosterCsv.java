package com.jiangxin.classroom;

import com.jiangxin.account.AccountRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a roster: one student a line, {@code username,display name}, an optional header row, UTF-8
 * with or without a BOM. Rows pasted from a spreadsheet (tab-separated) and rows typed with a
 * Chinese comma are read too. Every bad row is reported with its line number.
 */
final class RosterCsv {
  static final int MAX_ROWS = 300;
  private static final Set<String> HEADER_WORDS = Set.of("username", "user", "login", "用户名", "账号", "帐号", "登录名");

  private RosterCsv() {
  }

  /** One student to create or enrol. */
  record Row(int line, String username, String displayName) {
  }

  /** Why a line cannot be imported; line 0 is about the whole file. */
  record Problem(int line, String username, String message) {
  }

  record Parsed(List<Row> rows, List<Problem> problems) {
  }

  static Parsed parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String body = text == null ? "" : text;
    if (body.startsWith("\uFEFF")) {
      body = body.substring(1);
    }
    if (body.isBlank()) {
      problems.add(new Problem(0, null, "名单是空的：每行写一个学生，格式为“用户名,姓名”。"));
      return new Parsed(rows, problems);
    }
    if (body.indexOf('\uFFFD') >= 0) {
      problems.add(new Problem(0, null, "文件不是 UTF-8 编码，中文会变成乱码。请在 Excel 中“另存为 → CSV UTF-8”后再导入。"));
      return new Parsed(rows, problems);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder()
      .setDelimiter(delimiterOf(body))
      .setIgnoreEmptyLines(true)
      .setIgnoreSurroundingSpaces(true)
      .setTrim(true)
      .get();
    Map<String, Integer> seen = new HashMap<>();
    try (CSVParser parser = CSVParser.parse(body, format)) {
      boolean first = true;
      int lastLine = 0;
      try {
        for (CSVRecord record : parser) {
          int line = lineAt(body, record.getCharacterPosition());
          lastLine = line;
          List<String> values = trimTrailingEmpty(record.toList());
          if (values.isEmpty()) {
            continue;
          }
          if (first && HEADER_WORDS.contains(values.get(0).toLowerCase(Locale.ROOT))) {
            first = false;
            continue;
          }
          first = false;
          if (rows.size() + problems.size() >= MAX_ROWS) {
            problems.add(new Problem(line, null, "一次最多导入 " + MAX_ROWS + " 行；请分批导入。"));
            break;
          }
          readRow(line, values, seen).ifPresentOrElse(problems::add,
            () -> rows.add(new Row(line, AccountRepository.normaliseUsername(values.get(0)), values.get(1).strip())));
        }
      } catch (UncheckedIOException e) {
        problems.add(new Problem(unbalancedQuoteLine(body, lastLine), null,
          "这一行的英文双引号不配对：含逗号的姓名请整个用一对英文双引号括起来，如 \"Wang, Fang\"。"));
      }
    } catch (IOException e) {
      problems.add(new Problem(0, null, "名单读不出来：" + e.getMessage()));
    }
    return new Parsed(rows, problems);
  }

  /** The problem of one row, if any; remembers its username to catch repeats. */
  private static Optional<Problem> readRow(int line, List<String> values, Map<String, Integer> seen) {
    String username = AccountRepository.normaliseUsername(values.get(0));
    if (values.size() > 2) {
      return Optional.of(new Problem(line, username, "有 " + values.size()
        + " 列，应为“用户名,姓名”两列（姓名里有逗号时，请用英文双引号把姓名括起来）。"));
    }
    if (username.isEmpty()) {
      return Optional.of(new Problem(line, null, "缺少用户名。"));
    }
    Optional<String> problem = AccountRepository.usernameProblem(username);
    if (problem.isPresent()) {
      return Optional.of(new Problem(line, username, "用户名“" + values.get(0).strip() + "”不可用：" + problem.get()));
    }
    if (values.size() < 2 || values.get(1).isBlank()) {
      return Optional.of(new Problem(line, username, "缺少姓名（第二列）。"));
    }
    problem = AccountRepository.displayNameProblem(values.get(1).strip());
    if (problem.isPresent()) {
      return Optional.of(new Problem(line, username, problem.get()));
    }
    Integer earlier = seen.putIfAbsent(username, line);
    if (earlier != null) {
      return Optional.of(new Problem(line, username, "用户名“" + username + "”与第 " + earlier + " 行重复。"));
    }
    return Optional.empty();
  }

  /** Comma, unless the first line is clearly tab-separated (pasted cells) or uses a Chinese comma. */
  static char delimiterOf(String body) {
    int end = body.indexOf('\n');
    String firstLine = end < 0 ? body : body.substring(0, end);
    if (firstLine.indexOf(',') >= 0) {
      return ',';
    }
    if (firstLine.indexOf('\t') >= 0) {
      return '\t';
    }
    if (firstLine.indexOf('，') >= 0) {
      return '，';
    }
    return ',';
  }

  private static List<String> trimTrailingEmpty(List<String> values) {
    int n = values.size();
    while (n > 0 && values.get(n - 1).isBlank()) {
      n--;
    }
    return values.subList(0, n);
  }

  /** 1-based line number of the first non-blank character at or after a record's start position. */
  static int lineAt(String text, long position) {
    int at = (int) Math.min(position, text.length());
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** Where an unclosed quote opens: the first line after the last good record with an odd number of quotes. */
  static int unbalancedQuoteLine(String text, int lastGoodLine) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.max(lastGoodLine, 0); i < lines.length; i++) {
      if (lines[i].chars().filter(c -> c == '"').count() % 2 == 1) {
        return i + 1;
      }
    }
    return Math.max(lastGoodLine + 1, 1);
  }
}
