package com.jiangxin.discussion;

import io.vertx.sqlclient.Row;

/**
 * One post, reply or margin comment as stored, with its reaction count and whether the viewer of the
 * query reacted. A reply's {@code parentId} is always a top-level post of the same thread.
 */
record Post(long id, long threadId, long authorId, String authorName, boolean authorIsTeacher, Long parentId,
            Integer paragraph, String quote, String body, long createdAt, Long editedAt, boolean pinned,
            boolean hidden, String hiddenReason, boolean deleted, long reactions, boolean reacted) {

  static Post from(Row r) {
    return new Post(r.getLong("ID"), r.getLong("THREAD_ID"), r.getLong("AUTHOR_ID"), r.getString("AUTHOR_NAME"),
      "teacher".equals(r.getString("AUTHOR_ROLE")), r.getLong("PARENT_ID"), r.getInteger("PARAGRAPH"),
      r.getString("QUOTE"), r.getString("BODY"), r.getLong("CREATED_AT"), r.getLong("EDITED_AT"),
      Boolean.TRUE.equals(r.getBoolean("PINNED")), Boolean.TRUE.equals(r.getBoolean("HIDDEN")),
      r.getString("HIDDEN_REASON"), Boolean.TRUE.equals(r.getBoolean("DELETED")), r.getLong("REACTIONS"),
      r.getLong("REACTED") > 0);
  }

  boolean isReply() {
    return parentId != null;
  }
}
