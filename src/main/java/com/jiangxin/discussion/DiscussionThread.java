package com.jiangxin.discussion;

import io.vertx.sqlclient.Row;

/**
 * A thread of an assignment's discussion: a prompt (from the reading's quiz file or added by the
 * teacher), or the one "margin" thread that holds the comments anchored to paragraphs.
 */
record DiscussionThread(long id, long assignmentId, String kind, String seedKey, String title, String prompt,
                        boolean postBeforeSee, boolean locked, long createdAt) {
  static final String PROMPT = "prompt";
  static final String MARGIN = "margin";

  static DiscussionThread from(Row r) {
    return new DiscussionThread(r.getLong("ID"), r.getLong("ASSIGNMENT_ID"), r.getString("KIND"),
      r.getString("SEED_KEY"), r.getString("TITLE"), r.getString("PROMPT"),
      Boolean.TRUE.equals(r.getBoolean("POST_BEFORE_SEE")), Boolean.TRUE.equals(r.getBoolean("LOCKED")),
      r.getLong("CREATED_AT"));
  }

  boolean margin() {
    return MARGIN.equals(kind);
  }
}
