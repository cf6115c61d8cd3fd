package com.jiangxin.classroom;

import com.jiangxin.account.AccountRepository;
import com.jiangxin.account.Passwords;
import com.jiangxin.account.User;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.Times;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo classroom ({@code DEMO=1}): a teacher, a class of thirty students and assignments of the
 * showcase readings, seeded once in one transaction (skipped when the demo teacher exists), with the
 * logins printed at start. Later features add simulated activity to what {@link #run} returns.
 */
public final class DemoSeed {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
  public static final String TEACHER = "demo-teacher";
  public static final String PASSWORD = "jiangxin-demo";
  public static final String CLASS_NAME = "高一（3）班";
  /** Thirty students, {@code stu01}…{@code stu30} in this order. */
  public static final List<String> STUDENT_NAMES = List.of(
    "王子涵", "李思远", "张雨桐", "刘浩然", "陈欣怡", "杨梓轩", "赵一诺", "黄俊杰", "周佳怡", "吴宇航",
    "徐诗琪", "孙明轩", "胡可馨", "朱博文", "高雅琪", "林志远", "何晓彤", "郭子豪", "马若曦", "罗嘉乐",
    "梁静怡", "宋文博", "郑心悦", "谢天宇", "韩雨萱", "唐浩宇", "冯思彤", "于泽宇", "董佳琪", "萧逸凡");

  private DemoSeed() {
  }

  /** What a fresh seed created, for features that add to it. */
  public record Seeded(long teacherId, long classId, String joinCode, List<Long> studentIds, List<Long> assignmentIds) {
  }

  public static String studentUsername(int n) {
    return String.format("stu%02d", n);
  }

  /**
   * Seeds the demo classroom unless it is there already; prints the logins either way. Nodes of a
   * cluster starting together may both find it missing: the one whose seed then meets the other's
   * rows looks once more, outside its failed transaction, and finds it there (a failure for any
   * other reason fails again, and the first failure is reported).
   */
  public static Future<Optional<Seeded>> run(Vertx vertx, Pool pool, ReadingCatalog catalog) {
    return seedOnce(vertx, pool, catalog)
      .recover(e -> seedOnce(vertx, pool, catalog).recover(again -> Future.failedFuture(e)));
  }

  private static Future<Optional<Seeded>> seedOnce(Vertx vertx, Pool pool, ReadingCatalog catalog) {
    return pool.preparedQuery(ClassroomSql.USER_BY_USERNAME).execute(Tuple.of(TEACHER)).compose(rows -> {
      if (rows.iterator().hasNext()) {
        LOG.info("DEMO: the demo classroom is already there; nothing new seeded.");
        printLogins(null);
        return Future.succeededFuture(Optional.<Seeded>empty());
      }
      // every demo account shares the one published demo password, so one slow hash serves them all
      return vertx.executeBlocking(() -> Passwords.hash(PASSWORD), false)
        .compose(hash -> pool.withTransaction(conn -> seed(conn, hash, catalog)))
        .map(seeded -> {
          LOG.info("DEMO: seeded {} with {} students and {} assignments.", CLASS_NAME,
            seeded.studentIds().size(), seeded.assignmentIds().size());
          printLogins(seeded.joinCode());
          return Optional.of(seeded);
        });
    });
  }

  private static Future<Seeded> seed(SqlConnection conn, String hash, ReadingCatalog catalog) {
    return AccountRepository.insertUser(conn, TEACHER, "演示老师", User.Role.TEACHER, hash, false)
      .compose(teacher -> ClassroomRepository.create(conn, teacher, CLASS_NAME).compose(c -> {
        List<Long> students = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < STUDENT_NAMES.size(); i++) {
          String username = studentUsername(i + 1);
          String name = STUDENT_NAMES.get(i);
          chain = chain.compose(x -> AccountRepository.insertUser(conn, username, name, User.Role.STUDENT, hash, false)
            .compose(s -> {
              students.add(s.id());
              return ClassroomRepository.enrol(conn, c.id(), s.id()).mapEmpty();
            }));
        }
        List<Long> assignments = new ArrayList<>();
        for (AssignmentFields f : showcaseAssignments(catalog)) {
          chain = chain.compose(x -> AssignmentRepository.insert(conn, c.id(), f).map(id -> {
            assignments.add(id);
            return null;
          }));
        }
        return chain.map(x -> new Seeded(teacher.id(), c.id(), c.joinCode(), students, assignments));
      }));
  }

  /** 篇二 (路遥, 方仲永) due in three days, 篇五 (哈里森) due in a week; skipped if a custom content folder lacks them. */
  static List<AssignmentFields> showcaseAssignments(ReadingCatalog catalog) {
    LocalDate today = LocalDate.now(Times.ZONE);
    long in3Days = today.plusDays(3).atTime(LocalTime.of(22, 0)).atZone(Times.ZONE).toInstant().toEpochMilli();
    long in7Days = today.plusDays(7).atTime(LocalTime.of(22, 0)).atZone(Times.ZONE).toInstant().toEpochMilli();
    List<AssignmentFields> out = new ArrayList<>();
    if (catalog.byId("pian-02").isPresent()) {
      out.add(new AssignmentFields("pian-02", null, in3Days, 2, "immediate",
        "读篇二，重点看路遥和方仲永两个例子：一个几十年如一日地写，一个天资过人却荒废了。答题时回到原文找依据。",
        false, "best", false));
    }
    if (catalog.byId("pian-05").isPresent()) {
      out.add(new AssignmentFields("pian-05", null, in7Days, 1, "after_due",
        "读篇五中哈里森造航海钟的故事，想一想“精益求精”在文中是怎样体现的。",
        true, "best", false));
    }
    if (out.size() < 2) {
      LOG.warn("DEMO: pian-02 or pian-05 is missing from the readings; seeding fewer assignments.");
    }
    return out;
  }

  private static void printLogins(String joinCode) {
    LOG.info("DEMO: logins (password for all: {})", PASSWORD);
    LOG.info("DEMO:   teacher  {}", TEACHER);
    LOG.info("DEMO:   student  {} ({}), {} ({}) … {}", studentUsername(1), STUDENT_NAMES.get(0),
      studentUsername(2), STUDENT_NAMES.get(1), studentUsername(STUDENT_NAMES.size()));
    if (joinCode != null) {
      LOG.info("DEMO:   class    {} (join code {})", CLASS_NAME, joinCode);
    }
  }
}
