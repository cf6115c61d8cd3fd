package com.jiangxin.quiz;

import com.jiangxin.quiz.AttemptAccess.Door;
import com.jiangxin.quiz.AttemptHistory.Kind;
import com.jiangxin.quiz.AttemptHistory.Step;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * The server's part of an attempt's life: one left open when its assignment closes or its deadline
 * passes is submitted with the answers saved so far, by the sweep or when someone next looks at it.
 */
final class Deadlines {
  private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);

  private final Pool pool;
  private final AttemptAccess access;
  private final AttemptLifecycle lifecycle;
  private final Clock clock;

  Deadlines(Pool pool, AttemptAccess access, AttemptLifecycle lifecycle, Clock clock) {
    this.pool = pool;
    this.access = access;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /**
   * Submits every open attempt whose assignment is closed or whose due time plus the grace has
   * passed before {@code now}. Safe to run on every node at once: each finish is the one
   * conditional state change, so an attempt is finished once.
   *
   * @return how many attempts this call finished
   */
  Future<Integer> autoSubmitOverdue(long now) {
    return sweepBatch(now, 0).onSuccess(n -> {
      if (n > 0) {
        LOG.info("Submitted {} attempts left open past their deadline.", n);
      }
    });
  }

  /** One batch, then the next while batches come full and this sweep still finishes some. */
  private Future<Integer> sweepBatch(long now, int before) {
    return pool.preparedQuery(AttemptSql.OVERDUE_ATTEMPTS).execute(Tuple.of(now - AttemptService.GRACE_MS))
      .compose(rows -> {
        Future<Integer> chain = Future.succeededFuture(0);
        for (Row r : rows) {
          Attempt t = Attempt.from(r);
          Door door = Door.of(Boolean.TRUE.equals(r.getBoolean("A_CLOSED")), r.getLong("A_DUE_AT"));
          chain = chain.compose(n -> autoSubmit(t, door, now).map(done -> n + (done ? 1 : 0)));
        }
        return chain.compose(n -> rows.size() == AttemptSql.SWEEP_BATCH && n > 0
          ? sweepBatch(now, before + n)
          : Future.succeededFuture(before + n));
      });
  }

  private Future<Boolean> autoSubmit(Attempt t, Door door, long now) {
    // submitted at the deadline itself when the server was down then; the time of closing otherwise
    long at = door.closed() || door.deadline() == null ? now : Math.min(now, door.deadline());
    boolean late = t.savedAt() != null && door.late(t.savedAt());
    // composed, so that a quiz missing since the attempt started fails this attempt, not the sweep
    return access.ready(t)
      .compose(x -> lifecycle.finish(t, t.answers(), late, Step.of(Kind.AUTO_SUBMITTED, at, null)))
      .recover(e -> {
        LOG.warn("Could not auto-submit attempt {}: {}", t.id(), e.getMessage());
        return Future.succeededFuture(false);
      });
  }

  /**
   * The attempt as it stands now: one left open past its assignment's deadline is submitted first,
   * so a student who comes back after the deadline sees the result without waiting for the sweep;
   * one still open shows the deadline its assignment has now.
   */
  Future<Attempt> settled(Attempt t) {
    if (t.submitted() || t.assignmentId() == null) {
      return Future.succeededFuture(t);
    }
    long now = clock.millis();
    return access.door(t).compose(door -> door.shut(now)
      ? autoSubmit(t, door, now).compose(x -> access.load(t.id()))
      : Future.succeededFuture(t.withDeadline(door.deadline())));
  }
}
