package com.jiangxin.discussion;

import com.jiangxin.web.HttpError;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/**
 * The teacher's simple scoring rule for an assignment's discussion: points per post, reply and
 * comment, never more than the cap in total.
 */
public record ParticipationRule(double perPost, double perReply, double perComment, double cap) {
  static final double MAX_POINTS = 1000;

  static ParticipationRule from(Row r) {
    return new ParticipationRule(r.getDouble("PER_POST"), r.getDouble("PER_REPLY"), r.getDouble("PER_COMMENT"),
      r.getDouble("CAP"));
  }

  /** Checks the numbers a teacher typed. */
  static ParticipationRule of(Double perPost, Double perReply, Double perComment, Double cap) {
    double post = points(perPost, "每个发帖");
    double reply = points(perReply, "每个回复");
    double comment = points(perComment, "每条批注");
    double c = points(cap, "上限");
    if (c <= 0) {
      throw HttpError.badRequest("上限须大于 0。");
    }
    return new ParticipationRule(post, reply, comment, c);
  }

  private static double points(Double value, String what) {
    if (value == null) {
      throw HttpError.badRequest("请填写“" + what + "”的分数（0 到 " + (int) MAX_POINTS + "）。");
    }
    if (value.isNaN() || value < 0 || value > MAX_POINTS) {
      throw HttpError.badRequest("“" + what + "”的分数须在 0 到 " + (int) MAX_POINTS + " 之间。");
    }
    return Math.round(value * 100) / 100.0;
  }

  /** The points a student's counts earn, capped, to two decimals. */
  public double score(Participation p) {
    double raw = p.posts() * perPost + p.replies() * perReply + p.comments() * perComment;
    return Math.round(Math.min(cap, raw) * 100) / 100.0;
  }

  public JsonObject toJson() {
    return new JsonObject().put("perPost", perPost).put("perReply", perReply).put("perComment", perComment)
      .put("cap", cap);
  }
}
