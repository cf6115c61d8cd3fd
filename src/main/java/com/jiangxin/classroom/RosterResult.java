package com.jiangxin.classroom;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** What a roster import did: the accounts it created (with their one-time passwords), the students it enrolled, or why it refused. */
record RosterResult(List<Created> created, List<Enrolled> enrolled, List<RosterCsv.Problem> problems) {

  /** A new student account; {@code initialPassword} exists only in this answer. */
  record Created(int line, long id, String username, String displayName, String initialPassword) {
  }

  /** An existing student put on the roster ({@code alreadyMember}: was on it before). */
  record Enrolled(int line, long id, String username, String displayName, boolean alreadyMember) {
  }

  static RosterResult refused(List<RosterCsv.Problem> problems) {
    return new RosterResult(List.of(), List.of(), List.copyOf(problems));
  }

  static RosterResult imported(List<Created> created, List<Enrolled> enrolled) {
    return new RosterResult(List.copyOf(created), List.copyOf(enrolled), List.of());
  }

  boolean refused() {
    return !problems.isEmpty();
  }

  JsonObject toJson() {
    JsonArray c = new JsonArray();
    created.forEach(x -> c.add(new JsonObject().put("line", x.line()).put("id", x.id()).put("username", x.username())
      .put("displayName", x.displayName()).put("initialPassword", x.initialPassword())));
    JsonArray e = new JsonArray();
    enrolled.forEach(x -> e.add(new JsonObject().put("line", x.line()).put("id", x.id()).put("username", x.username())
      .put("displayName", x.displayName()).put("alreadyMember", x.alreadyMember())));
    JsonArray p = new JsonArray();
    problems.forEach(x -> p.add(new JsonObject().put("line", x.line()).put("username", x.username())
      .put("error", x.message())));
    return new JsonObject().put("created", c).put("enrolled", e).put("errors", p);
  }
}
