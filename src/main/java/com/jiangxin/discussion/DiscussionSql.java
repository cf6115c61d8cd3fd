package com.jiangxin.discussion;

/** Every query of the discussion feature. Columns are aliased because H2 upper-cases names. */
final class DiscussionSql {
  private DiscussionSql() {
  }

  static final String THREAD_COLUMNS = "t.id AS id, t.assignment_id AS assignment_id, t.kind AS kind, "
    + "t.seed_key AS seed_key, t.title AS title, t.prompt AS prompt, t.post_before_see AS post_before_see, "
    + "t.locked AS locked, t.created_at AS created_at";

  static final String THREADS_OF_ASSIGNMENT = "SELECT " + THREAD_COLUMNS
    + " FROM discussion_threads t WHERE t.assignment_id = ? ORDER BY t.id";
  static final String THREAD_BY_ID = "SELECT " + THREAD_COLUMNS + " FROM discussion_threads t WHERE t.id = ?";
  static final String INSERT_THREAD = "INSERT INTO discussion_threads (assignment_id, kind, seed_key, title, prompt, "
    + "post_before_see, locked, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)";
  static final String SET_LOCKED = "UPDATE discussion_threads SET locked = ? WHERE id = ?";
  static final String UPDATE_THREAD = "UPDATE discussion_threads SET title = ?, prompt = ?, post_before_see = ? "
    + "WHERE id = ?";

  static final String POST_COLUMNS = "p.id AS id, p.thread_id AS thread_id, p.author_id AS author_id, "
    + "u.display_name AS author_name, u.role AS author_role, p.parent_id AS parent_id, p.paragraph AS paragraph, "
    + "p.quote AS quote, p.body AS body, p.created_at AS created_at, p.edited_at AS edited_at, p.pinned AS pinned, "
    + "p.hidden AS hidden, p.hidden_reason AS hidden_reason, p.deleted AS deleted, "
    + "(SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = p.id) AS reactions, "
    + "(SELECT COUNT(*) FROM discussion_reactions r WHERE r.post_id = p.id AND r.user_id = ?) AS reacted";

  /** Parameters: viewer id (for "reacted"), thread id. */
  static final String POSTS_OF_THREAD = "SELECT " + POST_COLUMNS
    + " FROM discussion_posts p JOIN users u ON u.id = p.author_id WHERE p.thread_id = ? ORDER BY p.id";
  /** Parameters: viewer id, post id. */
  static final String POST_BY_ID = "SELECT " + POST_COLUMNS
    + " FROM discussion_posts p JOIN users u ON u.id = p.author_id WHERE p.id = ?";
  static final String HAS_POSTED = "SELECT COUNT(*) AS n FROM discussion_posts p "
    + "WHERE p.thread_id = ? AND p.author_id = ? AND p.deleted = FALSE";
  static final String INSERT_POST = "INSERT INTO discussion_posts (thread_id, author_id, parent_id, paragraph, quote, "
    + "body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  static final String EDIT_POST = "UPDATE discussion_posts SET body = ?, edited_at = ? WHERE id = ? AND deleted = FALSE";
  static final String COUNT_REPLIES = "SELECT COUNT(*) AS n FROM discussion_posts p WHERE p.parent_id = ?";
  static final String DELETE_POST = "DELETE FROM discussion_posts WHERE id = ?";
  static final String SOFT_DELETE_POST = "UPDATE discussion_posts SET deleted = TRUE, body = '', quote = NULL, "
    + "pinned = FALSE, edited_at = ? WHERE id = ?";
  static final String SET_HIDDEN = "UPDATE discussion_posts SET hidden = ?, hidden_reason = ? WHERE id = ?";
  static final String SET_PINNED = "UPDATE discussion_posts SET pinned = ? WHERE id = ?";

  static final String INSERT_REACTION = "INSERT INTO discussion_reactions (post_id, user_id, created_at) VALUES (?, ?, ?)";
  static final String DELETE_REACTION = "DELETE FROM discussion_reactions WHERE post_id = ? AND user_id = ?";

  static final String INSERT_MODERATION = "INSERT INTO discussion_moderation (thread_id, post_id, actor_id, action, "
    + "reason, at) VALUES (?, ?, ?, ?, ?, ?)";

  static final String MODERATION_OF_THREAD = "SELECT m.action AS action, m.post_id AS post_id, "
    + "u.display_name AS actor, m.reason AS reason, m.at AS at FROM discussion_moderation m "
    + "JOIN users u ON u.id = m.actor_id WHERE m.thread_id = ? ORDER BY m.id DESC";

  static final String RULE_OF_ASSIGNMENT = "SELECT s.per_post AS per_post, s.per_reply AS per_reply, "
    + "s.per_comment AS per_comment, s.cap AS cap FROM discussion_scoring s WHERE s.assignment_id = ?";
  static final String MERGE_RULE = "MERGE INTO discussion_scoring s USING (VALUES (CAST(? AS BIGINT), "
    + "CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), "
    + "CAST(? AS DOUBLE PRECISION), CAST(? AS BIGINT))) v (assignment_id, per_post, per_reply, per_comment, cap, "
    + "updated_at) ON s.assignment_id = v.assignment_id WHEN MATCHED THEN UPDATE SET per_post = v.per_post, "
    + "per_reply = v.per_reply, per_comment = v.per_comment, cap = v.cap, updated_at = v.updated_at "
    + "WHEN NOT MATCHED THEN INSERT (assignment_id, per_post, per_reply, per_comment, cap, updated_at) "
    + "VALUES (v.assignment_id, v.per_post, v.per_reply, v.per_comment, v.cap, v.updated_at)";
  static final String DELETE_RULE = "DELETE FROM discussion_scoring WHERE assignment_id = ?";

  /** The students of a class, by name. */
  static final String STUDENTS_OF_CLASS = "SELECT m.student_id AS student_id, u.display_name AS display_name "
    + "FROM class_members m JOIN users u ON u.id = m.student_id WHERE m.class_id = ? "
    + "ORDER BY u.display_name, m.student_id";

  /** What counts as participation: visible, undeleted posts, by kind, per assignment and author. */
  private static final String COUNT_COLUMNS = "t.assignment_id AS assignment_id, p.author_id AS author_id, "
    + "SUM(CASE WHEN p.parent_id IS NULL AND t.kind = 'prompt' THEN 1 ELSE 0 END) AS posts, "
    + "SUM(CASE WHEN p.parent_id IS NOT NULL THEN 1 ELSE 0 END) AS replies, "
    + "SUM(CASE WHEN p.parent_id IS NULL AND t.kind = 'margin' THEN 1 ELSE 0 END) AS comments "
    + "FROM discussion_posts p JOIN discussion_threads t ON t.id = p.thread_id ";

  static final String COUNTS_OF_ASSIGNMENT = "SELECT " + COUNT_COLUMNS
    + "WHERE t.assignment_id = ? AND p.hidden = FALSE AND p.deleted = FALSE GROUP BY t.assignment_id, p.author_id";

  static final String COUNTS_OF_CLASS = "SELECT " + COUNT_COLUMNS
    + "JOIN assignments a ON a.id = t.assignment_id "
    + "WHERE a.class_id = ? AND p.hidden = FALSE AND p.deleted = FALSE GROUP BY t.assignment_id, p.author_id";

  static final String ASSIGNMENTS_OF_CLASS = "SELECT a.id AS id FROM assignments a WHERE a.class_id = ? ORDER BY a.id";

  static final String RULES_OF_CLASS = "SELECT s.assignment_id AS assignment_id, s.per_post AS per_post, "
    + "s.per_reply AS per_reply, s.per_comment AS per_comment, s.cap AS cap FROM discussion_scoring s "
    + "JOIN assignments a ON a.id = s.assignment_id WHERE a.class_id = ?";
}
