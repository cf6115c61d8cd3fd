package com.jiangxin.discussion;

import com.jiangxin.classroom.AssignmentAccess;
import com.jiangxin.account.User;
import com.jiangxin.db.Sql;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discussion's rows: threads, posts, reactions, the moderation trail and the scoring rule. It
 * checks nothing about who may do what; {@link DiscussionService} does. Other features use
 * {@link #participationByClass(long)}.
 */
public final class DiscussionRepository {
  private final Pool pool;
  private final AssignmentAccess access;

  public DiscussionRepository(Pool pool) {
    this.pool = pool;
    this.access = new AssignmentAccess(pool);
  }

  /** One student's participation in an assignment, with the name to show. */
  record StudentParticipation(long studentId, String displayName, Participation participation) {
  }

  /** One line of the moderation trail. */
  record ModerationEntry(String action, Long postId, String actorName, String reason, long at) {
  }

  // ---- places and threads ----

  /** The assignment with its class, if {@code user} may see it (the one rule, {@link AssignmentAccess}). */
  Future<Optional<Place>> place(long assignmentId, User user) {
    return access.visibleTo(user, assignmentId).map(found -> found.map(Place::of));
  }

  /** The assignment's threads, oldest first. */
  Future<List<DiscussionThread>> threads(long assignmentId) {
    return pool.preparedQuery(DiscussionSql.THREADS_OF_ASSIGNMENT).execute(Tuple.of(assignmentId))
      .map(rows -> {
        List<DiscussionThread> out = new ArrayList<>();
        rows.forEach(r -> out.add(DiscussionThread.from(r)));
        return out;
      });
  }

  Future<Optional<DiscussionThread>> thread(long threadId) {
    return pool.preparedQuery(DiscussionSql.THREAD_BY_ID).execute(Tuple.of(threadId))
      .map(rows -> first(rows).map(DiscussionThread::from));
  }

  /**
   * Adds a thread and answers its id. A second thread with the same seed key fails with a unique
   * violation (see {@link Sql#isUniqueViolation}).
   */
  Future<Long> insertThread(long assignmentId, String kind, String seedKey, String title, String prompt,
                            boolean postBeforeSee, Long createdBy, long now) {
    return pool.preparedQuery(DiscussionSql.INSERT_THREAD)
      .execute(Tuple.of(assignmentId, kind, seedKey, title, prompt, postBeforeSee, createdBy, now))
      .map(Sql::generatedId);
  }

  /** Locks or unlocks a thread and records who did it. */
  Future<Void> setLocked(long threadId, boolean locked, long actorId, long now) {
    return pool.withTransaction(conn -> conn.preparedQuery(DiscussionSql.SET_LOCKED)
      .execute(Tuple.of(locked, threadId))
      .compose(x -> audit(conn, threadId, null, actorId, locked ? "lock" : "unlock", null, now)));
  }

  /** Changes a thread's title, prompt and post-before-see option, and records who did it. */
  Future<Void> updateThread(long threadId, String title, String prompt, boolean postBeforeSee, long actorId, long now) {
    return pool.withTransaction(conn -> conn.preparedQuery(DiscussionSql.UPDATE_THREAD)
      .execute(Tuple.of(title, prompt, postBeforeSee, threadId))
      .compose(x -> audit(conn, threadId, null, actorId, "settings",
        postBeforeSee ? "先发后看：开" : "先发后看：关", now)));
  }

  // ---- posts ----

  /** Every post of a thread in the order written, whatever its state; "reacted" is the viewer's. */
  Future<List<Post>> posts(long threadId, long viewerId) {
    return pool.preparedQuery(DiscussionSql.POSTS_OF_THREAD).execute(Tuple.of(viewerId, threadId))
      .map(rows -> {
        List<Post> out = new ArrayList<>();
        rows.forEach(r -> out.add(Post.from(r)));
        return out;
      });
  }

  Future<Optional<Post>> post(long postId, long viewerId) {
    return pool.preparedQuery(DiscussionSql.POST_BY_ID).execute(Tuple.of(viewerId, postId))
      .map(rows -> first(rows).map(Post::from));
  }

  /** True once the user has a post (not deleted) in the thread, hidden or not. */
  Future<Boolean> hasPosted(long threadId, long userId) {
    return pool.preparedQuery(DiscussionSql.HAS_POSTED).execute(Tuple.of(threadId, userId))
      .map(rows -> rows.iterator().next().getLong("N") > 0);
  }

  Future<Long> insertPost(long threadId, long authorId, Long parentId, Integer paragraph, String quote, String body,
                          long now) {
    return pool.preparedQuery(DiscussionSql.INSERT_POST)
      .execute(Tuple.from(new Object[] {threadId, authorId, parentId, paragraph, quote, body, now}))
      .map(Sql::generatedId);
  }

  Future<Void> editPost(long postId, String body, long now) {
    return pool.preparedQuery(DiscussionSql.EDIT_POST).execute(Tuple.of(body, now, postId)).mapEmpty();
  }

  /**
   * Deletes a post; one with replies stays as an empty placeholder so the replies keep their place.
   * Answers true when the row is gone.
   */
  Future<Boolean> deletePost(long postId, long now) {
    return pool.withTransaction(conn -> conn.preparedQuery(DiscussionSql.COUNT_REPLIES).execute(Tuple.of(postId))
      .compose(rows -> rows.iterator().next().getLong("N") == 0
        ? conn.preparedQuery(DiscussionSql.DELETE_POST).execute(Tuple.of(postId)).map(true)
        : conn.preparedQuery(DiscussionSql.SOFT_DELETE_POST).execute(Tuple.of(now, postId)).map(false)));
  }

  /** Hides (with a reason) or restores a post, and records it in the moderation trail. */
  Future<Void> setHidden(Post post, boolean hidden, String reason, long actorId, long now) {
    return pool.withTransaction(conn -> conn.preparedQuery(DiscussionSql.SET_HIDDEN)
      .execute(Tuple.of(hidden, hidden ? reason : null, post.id()))
      .compose(x -> audit(conn, post.threadId(), post.id(), actorId, hidden ? "hide" : "restore", reason, now)));
  }

  /** Pins or unpins a post, and records it in the moderation trail. */
  Future<Void> setPinned(Post post, boolean pinned, long actorId, long now) {
    return pool.withTransaction(conn -> conn.preparedQuery(DiscussionSql.SET_PINNED)
      .execute(Tuple.of(pinned, post.id()))
      .compose(x -> audit(conn, post.threadId(), post.id(), actorId, pinned ? "pin" : "unpin", null, now)));
  }

  /** Adds the user's reaction, or takes it back if there was one. Answers whether it is there now. */
  Future<Boolean> toggleReaction(long postId, long userId, long now) {
    return pool.withTransaction(conn -> conn.preparedQuery(DiscussionSql.DELETE_REACTION)
      .execute(Tuple.of(postId, userId))
      .compose(rows -> rows.rowCount() > 0
        ? Future.succeededFuture(false)
        : conn.preparedQuery(DiscussionSql.INSERT_REACTION).execute(Tuple.of(postId, userId, now)).map(true)));
  }

  /** The moderation trail of a thread, newest first. */
  Future<List<ModerationEntry>> moderationLog(long threadId) {
    return pool.preparedQuery(DiscussionSql.MODERATION_OF_THREAD)
      .execute(Tuple.of(threadId))
      .map(rows -> {
        List<ModerationEntry> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ModerationEntry(r.getString("ACTION"), r.getLong("POST_ID"),
          r.getString("ACTOR"), r.getString("REASON"), r.getLong("AT"))));
        return out;
      });
  }

  private static Future<Void> audit(SqlClient conn, long threadId, Long postId, long actorId, String action,
                                    String reason, long now) {
    return conn.preparedQuery(DiscussionSql.INSERT_MODERATION)
      .execute(Tuple.from(new Object[] {threadId, postId, actorId, action, reason, now}))
      .mapEmpty();
  }

  // ---- participation ----

  Future<Optional<ParticipationRule>> rule(long assignmentId) {
    return pool.preparedQuery(DiscussionSql.RULE_OF_ASSIGNMENT).execute(Tuple.of(assignmentId))
      .map(rows -> first(rows).map(ParticipationRule::from));
  }

  Future<Void> saveRule(long assignmentId, ParticipationRule rule, long now) {
    return pool.preparedQuery(DiscussionSql.MERGE_RULE)
      .execute(Tuple.of(assignmentId, rule.perPost(), rule.perReply(), rule.perComment(), rule.cap(), now))
      .mapEmpty();
  }

  Future<Void> deleteRule(long assignmentId) {
    return pool.preparedQuery(DiscussionSql.DELETE_RULE).execute(Tuple.of(assignmentId)).mapEmpty();
  }

  /** Every student of the class with their counts (and score, if the teacher set a rule) in one assignment. */
  Future<List<StudentParticipation>> participation(Place place) {
    Future<RowSet<Row>> students = pool.preparedQuery(DiscussionSql.STUDENTS_OF_CLASS).execute(Tuple.of(place.classId()));
    Future<RowSet<Row>> counts = pool.preparedQuery(DiscussionSql.COUNTS_OF_ASSIGNMENT)
      .execute(Tuple.of(place.assignmentId()));
    Future<Optional<ParticipationRule>> rule = rule(place.assignmentId());
    return Future.all(students, counts, rule).map(all -> {
      Map<Long, Participation> byStudent = new HashMap<>();
      counts.result().forEach(r -> byStudent.put(r.getLong("AUTHOR_ID"), counted(r)));
      List<StudentParticipation> out = new ArrayList<>();
      for (Row r : students.result()) {
        long id = r.getLong("STUDENT_ID");
        Participation p = byStudent.getOrDefault(id, Participation.NONE).scoredBy(rule.result().orElse(null));
        out.add(new StudentParticipation(id, r.getString("DISPLAY_NAME"), p));
      }
      return out;
    });
  }

  /**
   * Discussion participation in every assignment of a class, for the gradebook: student id →
   * assignment id → counts (scored where the teacher set a rule). Every student of the class has an
   * entry for every assignment of the class, zeros included.
   */
  public Future<Map<Long, Map<Long, Participation>>> participationByClass(long classId) {
    Future<RowSet<Row>> students = pool.preparedQuery(DiscussionSql.STUDENTS_OF_CLASS).execute(Tuple.of(classId));
    Future<RowSet<Row>> assignments = pool.preparedQuery(DiscussionSql.ASSIGNMENTS_OF_CLASS).execute(Tuple.of(classId));
    Future<RowSet<Row>> counts = pool.preparedQuery(DiscussionSql.COUNTS_OF_CLASS).execute(Tuple.of(classId));
    Future<RowSet<Row>> rules = pool.preparedQuery(DiscussionSql.RULES_OF_CLASS).execute(Tuple.of(classId));
    return Future.all(students, assignments, counts, rules).map(all -> {
      Map<Long, ParticipationRule> ruleOf = new HashMap<>();
      rules.result().forEach(r -> ruleOf.put(r.getLong("ASSIGNMENT_ID"), ParticipationRule.from(r)));
      Map<String, Participation> counted = new HashMap<>();
      counts.result().forEach(r -> counted.put(r.getLong("AUTHOR_ID") + ":" + r.getLong("ASSIGNMENT_ID"), counted(r)));
      Map<Long, Map<Long, Participation>> out = new LinkedHashMap<>();
      for (Row s : students.result()) {
        long studentId = s.getLong("STUDENT_ID");
        Map<Long, Participation> perAssignment = new LinkedHashMap<>();
        for (Row a : assignments.result()) {
          long assignmentId = a.getLong("ID");
          perAssignment.put(assignmentId, counted.getOrDefault(studentId + ":" + assignmentId, Participation.NONE)
            .scoredBy(ruleOf.get(assignmentId)));
        }
        out.put(studentId, perAssignment);
      }
      return out;
    });
  }

  private static Participation counted(Row r) {
    return new Participation(r.getLong("POSTS"), r.getLong("REPLIES"), r.getLong("COMMENTS"), null);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }
}
