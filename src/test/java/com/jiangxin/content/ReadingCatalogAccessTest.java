package com.jiangxin.content;

import com.jiangxin.content.ReadingCatalog.Owned;
import com.jiangxin.content.ReadingCatalog.Reader;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one rule of who may see a reading, on its own: the same answers whichever route asks and in
 * whatever order routes are mounted, because no route but this decides it.
 */
class ReadingCatalogAccessTest {
  private static final long OWNER = 1;
  private static final long OTHER_TEACHER = 2;
  private static final long ASSIGNED_STUDENT = 3;
  private static final long OTHER_STUDENT = 4;

  /** The database, as the authoring feature reads it: rows by id, and who was given which reading. */
  private final Map<String, Owned> rows = new HashMap<>();
  private final Set<String> given = Set.of("own-7:" + ASSIGNED_STUDENT);
  private int loads;

  private ReadingCatalog catalog() {
    ReadingCatalog catalog = new ReadingCatalog(List.of(reading("pian-01", "第一篇", 1)));
    catalog.ownSource(new ReadingCatalog.OwnSource() {
      @Override
      public Future<Optional<Owned>> load(String id) {
        loads++;
        return Future.succeededFuture(Optional.ofNullable(rows.get(id)));
      }

      @Override
      public Future<Boolean> assignedTo(String readingId, long studentId) {
        return Future.succeededFuture(given.contains(readingId + ":" + studentId));
      }
    });
    return catalog;
  }

  private static Reading reading(String id, String title, int number) {
    return new Reading(id, number, title, "测试", List.of(), List.of(new Paragraph(1, "一段话。", false, 1)), id);
  }

  private static Optional<String> seen(ReadingCatalog catalog, String id, Reader reader) {
    Future<Optional<Reading>> f = catalog.visibleTo(id, reader);
    assertTrue(f.isComplete());
    return f.result().map(Reading::title);
  }

  @Test
  @DisplayName("a built-in reading is everyone's; an own one its owner's and an assigned student's, nobody else's")
  void whoSeesWhat() {
    rows.put("own-7", new Owned(reading("own-7", "自选一篇", 0), OWNER, 10));
    ReadingCatalog catalog = catalog();
    assertEquals(Optional.of("第一篇"), seen(catalog, "pian-01", null));
    assertEquals(Optional.of("第一篇"), seen(catalog, "pian-01", new Reader(OTHER_STUDENT, false)));
    assertEquals(Optional.of("自选一篇"), seen(catalog, "own-7", new Reader(OWNER, true)));
    assertEquals(Optional.of("自选一篇"), seen(catalog, "own-7", new Reader(ASSIGNED_STUDENT, false)));
    assertEquals(Optional.empty(), seen(catalog, "own-7", new Reader(OTHER_TEACHER, true)));
    assertEquals(Optional.empty(), seen(catalog, "own-7", new Reader(OTHER_STUDENT, false)));
    assertEquals(Optional.empty(), seen(catalog, "own-7", null));
    assertEquals(Optional.empty(), seen(catalog, "own-8", new Reader(OWNER, true)), "no such reading");
    assertEquals(Optional.empty(), seen(catalog, "pian-99", new Reader(OWNER, true)));
    assertEquals(Optional.empty(), seen(catalog, null, new Reader(OWNER, true)));
  }

  @Test
  @DisplayName("a teacher who does not own the reading is never let in through a class's assignment")
  void rolesAreNotMixed() {
    rows.put("own-7", new Owned(reading("own-7", "自选一篇", 0), OWNER, 10));
    ReadingCatalog catalog = catalog();
    // a teacher is never let in through the student's path, even with an id that was given the reading
    assertEquals(Optional.empty(), seen(catalog, "own-7", new Reader(ASSIGNED_STUDENT, true)));
  }

  @Test
  @DisplayName("every look at an own reading reads it again: what another node wrote since is seen, an older read never replaces a newer")
  void readsAgainAndKeepsTheNewest() {
    rows.put("own-7", new Owned(reading("own-7", "旧标题", 0), OWNER, 10));
    ReadingCatalog catalog = catalog();
    assertEquals(Optional.of("旧标题"), seen(catalog, "own-7", new Reader(OWNER, true)));
    rows.put("own-7", new Owned(reading("own-7", "新标题", 0), OWNER, 20));
    assertEquals(Optional.of("新标题"), seen(catalog, "own-7", new Reader(OWNER, true)));
    assertEquals(2, loads);
    catalog.putOwn(new Owned(reading("own-7", "更旧的", 0), OWNER, 5));
    assertEquals("新标题", catalog.byId("own-7").orElseThrow().title());
    assertTrue(catalog.ownerOf("own-7").isPresent());
    assertTrue(catalog.refreshAll(List.of("pian-01", "pian-01")).succeeded());
    assertEquals(2, loads, "built-in readings need no read");
  }
}
