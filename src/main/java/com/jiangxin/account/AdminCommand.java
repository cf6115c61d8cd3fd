package com.jiangxin.account;

import com.jiangxin.config.Config;
import com.jiangxin.db.DataDirLock;
import com.jiangxin.db.Database;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@code admin approve USERNAME} and {@code admin pending}: approve teachers on a server without a
 * browser. Works on the {@code DATA_DIR} database while the server is stopped (it takes the same
 * lock, so it never writes under a running server).
 */
public final class AdminCommand {
  static final String USAGE = """
    Usage: java -jar jiangxin.jar admin pending            list teacher accounts waiting for approval
           java -jar jiangxin.jar admin approve USERNAME   approve a teacher account""";

  private AdminCommand() {
  }

  /** Runs the command; returns the exit code (0 done, 1 refused or failed, 2 bad arguments or settings). */
  public static int run(String[] args) {
    return run(args, System.getenv(), System.out, System.err);
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    boolean approve = args.length == 2 && "approve".equals(args[0]);
    boolean pending = args.length == 1 && "pending".equals(args[0]);
    if (!approve && !pending) {
      err.println(USAGE);
      return 2;
    }
    Config config;
    try {
      config = Config.from(env);
    } catch (IllegalArgumentException e) {
      err.println("匠心课堂 admin: " + e.getMessage());
      return 2;
    }
    try (DataDirLock lock = DataDirLock.forDatabase(config)) {
      Database.migrate(config);
      try (Connection db = Database.connect(config)) {
        return approve ? approve(db, AccountRepository.normaliseUsername(args[1]), out, err) : listPending(db, out);
      }
    } catch (IllegalStateException e) {
      err.println("匠心课堂 admin: " + e.getMessage());
      return 1;
    } catch (SQLException | RuntimeException e) {
      err.println("匠心课堂 admin: the database could not be used: " + e.getMessage());
      return 1;
    }
  }

  private static int approve(Connection db, String username, PrintStream out, PrintStream err) throws SQLException {
    try (PreparedStatement find = db.prepareStatement(
      "SELECT u.id AS id, u.role AS role, u.approved AS approved, u.display_name AS display_name FROM users u WHERE u.username = ?")) {
      find.setString(1, username);
      try (ResultSet r = find.executeQuery()) {
        if (!r.next()) {
          err.println("匠心课堂 admin: there is no account named '" + username + "'. "
            + "`admin pending` lists the teacher accounts waiting for approval.");
          return 1;
        }
        if (!"teacher".equals(r.getString("role"))) {
          err.println("匠心课堂 admin: '" + username + "' is a student account, not a teacher; nothing changed.");
          return 1;
        }
        String name = r.getString("display_name");
        if (r.getBoolean("approved")) {
          out.println("'" + username + "' (" + name + ") is already an approved teacher.");
          return 0;
        }
        try (PreparedStatement update = db.prepareStatement(AccountSql.APPROVE_TEACHER)) {
          update.setLong(1, r.getLong("id"));
          update.executeUpdate();
        }
        out.println("Approved teacher '" + username + "' (" + name + ").");
        return 0;
      }
    }
  }

  private static int listPending(Connection db, PrintStream out) throws SQLException {
    try (PreparedStatement list = db.prepareStatement(AccountSql.TEACHERS_BY_APPROVAL)) {
      list.setBoolean(1, false);
      try (ResultSet r = list.executeQuery()) {
        int n = 0;
        while (r.next()) {
          out.println(r.getString("username") + "\t" + r.getString("display_name"));
          n++;
        }
        if (n == 0) {
          out.println("No teacher account is waiting for approval.");
        }
        return 0;
      }
    }
  }
}
