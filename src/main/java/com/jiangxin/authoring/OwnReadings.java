package com.jiangxin.authoring;

import com.jiangxin.content.CitedExample;
import com.jiangxin.db.Sql;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Teachers' own readings and the published versions of their quizzes, in the database. */
final class OwnReadings {
  private final Pool pool;

  OwnReadings(Pool pool) {
    this.pool = pool;
  }

  /** Stores a new reading; answers it with its {@code own-<n>} id. */
  Future<OwnReading> create(long ownerId, String title, List<String> paragraphs, List<CitedExample> examples, long now) {
    return pool.preparedQuery(AuthoringSql.INSERT_READING)
      .execute(Tuple.of(ownerId, title, String.join("\n", paragraphs), examplesJson(examples), now, now))
      .map(rows -> new OwnReading(OwnReading.idOf(Sql.generatedId(rows)), ownerId, title, List.copyOf(paragraphs),
        List.copyOf(examples), null, now, now));
  }

  /** The reading with that id, if there is one. */
  Future<Optional<OwnReading>> find(String id) {
    long n = OwnReading.numberOf(id);
    if (n < 0) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(AuthoringSql.READING_BY_ID).execute(Tuple.of(n))
      .map(rows -> rows.iterator().hasNext() ? Optional.of(from(rows.iterator().next())) : Optional.empty());
  }

  /** What a reading's row says now about its owner, its quiz version and its last change. */
  record Stamp(long ownerId, String quizVersion, long updatedAt) {
  }

  /** The stamp of the reading with that id, if there is one (a read by primary key of three columns). */
  Future<Optional<Stamp>> stamp(String id) {
    long n = OwnReading.numberOf(id);
    if (n < 0) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(AuthoringSql.READING_STAMP).execute(Tuple.of(n)).map(rows -> {
      if (!rows.iterator().hasNext()) {
        return Optional.empty();
      }
      Row r = rows.iterator().next();
      return Optional.of(new Stamp(r.getLong("OWNER_ID"), r.getString("QUIZ_VERSION"), r.getLong("UPDATED_AT")));
    });
  }

  /** Every own reading, oldest first (loaded at start so assignments find them). */
  Future<List<OwnReading>> all() {
    return pool.query(AuthoringSql.ALL_READINGS).execute().map(rows -> {
      List<OwnReading> out = new ArrayList<>();
      rows.forEach(r -> out.add(from(r)));
      return out;
    });
  }

  /** A teacher's own readings, newest first. */
  Future<List<OwnReading>> ownedBy(long ownerId) {
    return pool.preparedQuery(AuthoringSql.READINGS_BY_OWNER).execute(Tuple.of(ownerId)).map(rows -> {
      List<OwnReading> out = new ArrayList<>();
      rows.forEach(r -> out.add(from(r)));
      return out;
    });
  }

  /** How many quiz versions each of a teacher's readings has, by reading id. */
  Future<java.util.Map<String, Long>> versionCounts(long ownerId) {
    return pool.preparedQuery(AuthoringSql.VERSION_COUNTS).execute(Tuple.of(ownerId)).map(rows -> {
      java.util.Map<String, Long> out = new java.util.HashMap<>();
      rows.forEach(r -> out.put(r.getString("READING_ID"), r.getLong("N")));
      return out;
    });
  }

  /** A teacher's classes as (id, name), to assign a reading to. */
  Future<List<java.util.Map<String, Object>>> classesOf(long teacherId) {
    return pool.preparedQuery(AuthoringSql.CLASSES_OF_TEACHER).execute(Tuple.of(teacherId)).map(rows -> {
      List<java.util.Map<String, Object>> out = new ArrayList<>();
      rows.forEach(r -> out.add(java.util.Map.of("id", r.getLong("ID"), "name", r.getString("NAME"))));
      return out;
    });
  }

  /** Replaces the title, text and examples. */
  Future<OwnReading> update(OwnReading r, String title, List<String> paragraphs, List<CitedExample> examples, long now) {
    return pool.preparedQuery(AuthoringSql.UPDATE_READING)
      .execute(Tuple.of(title, String.join("\n", paragraphs), examplesJson(examples), now, OwnReading.numberOf(r.id())))
      .map(x -> new OwnReading(r.id(), r.ownerId(), title, List.copyOf(paragraphs), List.copyOf(examples),
        r.quizVersion(), r.createdAt(), now));
  }

  /**
   * Stores a version of the reading's quiz (once: the same text is the same version) and makes it
   * the one new attempts start with, in one transaction.
   */
  Future<Void> publish(String readingId, String version, String text, long by, long now) {
    return pool.withTransaction(conn -> conn.preparedQuery(AuthoringSql.VERSION_EXISTS).execute(Tuple.of(readingId, version))
      .compose(rows -> rows.iterator().next().getLong("N") > 0 ? Future.succeededFuture()
        : conn.preparedQuery(AuthoringSql.INSERT_VERSION).execute(Tuple.of(readingId, version, text, now, by)).mapEmpty())
      .compose(x -> conn.preparedQuery(AuthoringSql.SET_CURRENT_VERSION)
        .execute(Tuple.of(version, now, OwnReading.numberOf(readingId))))
      .mapEmpty());
  }

  /** The text of a stored quiz version. */
  Future<Optional<String>> versionText(String readingId, String version) {
    return pool.preparedQuery(AuthoringSql.VERSION_TEXT).execute(Tuple.of(readingId, version))
      .map(rows -> rows.iterator().hasNext()
        ? Optional.of(rows.iterator().next().getString("QUIZ_TEXT")) : Optional.empty());
  }

  /** Whether the student is in a class that was given the reading. */
  Future<Boolean> assignedTo(String readingId, long studentId) {
    return pool.preparedQuery(AuthoringSql.STUDENT_ASSIGNED).execute(Tuple.of(readingId, studentId))
      .map(rows -> rows.iterator().next().getLong("N") > 0);
  }

  private static OwnReading from(Row r) {
    List<CitedExample> examples = new ArrayList<>();
    new JsonArray(r.getString("EXAMPLES")).forEach(o -> {
      JsonObject e = (JsonObject) o;
      List<String> terms = new ArrayList<>();
      e.getJsonArray("terms").forEach(t -> terms.add((String) t));
      examples.add(new CitedExample(e.getString("name"), terms));
    });
    String body = r.getString("BODY");
    return new OwnReading(OwnReading.idOf(r.getLong("ID")), r.getLong("OWNER_ID"), r.getString("TITLE"),
      body.isEmpty() ? List.of() : List.of(body.split("\n", -1)), examples, r.getString("QUIZ_VERSION"),
      r.getLong("CREATED_AT"), r.getLong("UPDATED_AT"));
  }

  static String examplesJson(List<CitedExample> examples) {
    JsonArray out = new JsonArray();
    examples.forEach(e -> out.add(new JsonObject().put("name", e.name()).put("terms", new JsonArray(new ArrayList<>(e.terms())))));
    return out.encode();
  }
}
