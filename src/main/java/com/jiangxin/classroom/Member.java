package com.jiangxin.classroom;

import com.jiangxin.web.Times;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** A student on a class roster. */
record Member(long id, String username, String displayName, boolean mustChangePassword, long joinedAt) {

  static Member from(Row row) {
    return new Member(row.getLong("ID"), row.getString("USERNAME"), row.getString("DISPLAY_NAME"),
      Boolean.TRUE.equals(row.getBoolean("MUST_CHANGE_PW")), row.getLong("JOINED_AT"));
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("username", username).put("displayName", displayName)
      .put("joinedAt", Times.iso(joinedAt));
  }
}
