package com.jiangxin.discussion;

import io.vertx.core.json.JsonObject;

/**
 * How much one student took part in one assignment's discussion. Hidden and deleted posts do not
 * count.
 *
 * @param posts    top-level posts in the prompt threads
 * @param replies  replies, in any thread (the margin included)
 * @param comments top-level comments anchored to paragraphs
 * @param score    points by the teacher's rule, or null when the teacher set none
 */
public record Participation(long posts, long replies, long comments, Double score) {
  /** Nothing yet. */
  public static final Participation NONE = new Participation(0, 0, 0, null);

  /** The same counts scored by a rule (or unscored without one). */
  public Participation scoredBy(ParticipationRule rule) {
    return new Participation(posts, replies, comments, rule == null ? null : rule.score(this));
  }

  /** The counts (and score, if any) as the API shows them. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("posts", posts).put("replies", replies).put("comments", comments);
    if (score != null) {
      json.put("score", score);
    }
    return json;
  }
}
