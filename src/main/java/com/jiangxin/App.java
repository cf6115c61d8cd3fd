package com.jiangxin;

import com.jiangxin.account.AccountRepository;
import com.jiangxin.account.AccountRoutes;
import com.jiangxin.account.Auth;
import com.jiangxin.account.PasswordHashing;
import com.jiangxin.account.TeacherApproval;
import com.jiangxin.authoring.Authoring;
import com.jiangxin.classroom.Classroom;
import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.content.Reading;
import com.jiangxin.db.DataDirLock;
import com.jiangxin.db.Database;
import com.jiangxin.discussion.Discussion;
import com.jiangxin.lint.LintReport;
import com.jiangxin.live.Live;
import com.jiangxin.lint.QuizLinter;
import com.jiangxin.quiz.AttemptRoutes;
import com.jiangxin.quiz.AttemptService;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.QuizRoutes;
import com.jiangxin.reading.ExampleRoutes;
import com.jiangxin.reading.ReadingCatalog;
import com.jiangxin.reading.ReadingRoutes;
import com.jiangxin.results.DemoAttempts;
import com.jiangxin.results.Results;
import com.jiangxin.web.ApiDocs;
import com.jiangxin.web.ConnectionGuard;
import com.jiangxin.web.SiteAddress;
import com.jiangxin.web.Templates;
import com.jiangxin.web.WebSetup;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one start chain: lock the data folder, migrate the database, load the content, open the
 * pool, seed the demo classroom if asked, mount every feature's routes, listen; then compile the templates in the background.
 * {@link #stop()} undoes it in reverse.
 *
 * <p>Start-up is mostly class loading, so the independent steps overlap: the first half needs no
 * Vert.x and runs as a {@link Preparation} on threads of its own (migrations beside the content,
 * and, when {@link Main} starts it before creating Vert.x, beside Vert.x's own start); the routes
 * are built and the pool connects while the migrations finish.
 */
public class App extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Config config;
  private Preparation preparation;
  private Pool pool;
  private Router router;
  private HttpServer server;
  private AttemptService attempts;
  private long sweepTimer = -1;
  /** The background template compile; stop waits for it so shutdown never races it. */
  private Future<?> warming = Future.succeededFuture();

  public App(Config config) {
    this(config, null);
  }

  /**
   * @param preparation the first half of start-up, already begun with {@link #prepare(Config)}; or
   *                    null to begin it in {@link #start()}
   */
  public App(Config config, Preparation preparation) {
    this.config = config;
    this.preparation = preparation;
  }

  /**
   * Begins the blocking half of start-up. On H2, takes the data-folder lock before returning, so a
   * second server on the same {@code DATA_DIR} fails here at once; then migrates the database on one
   * thread while it loads the content on another.
   *
   * @throws IllegalStateException if another server holds the data folder
   */
  public static Preparation prepare(Config config) {
    long began = System.nanoTime();
    DataDirLock lock = DataDirLock.forDatabase(config);
    ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "jiangxin-start");
      t.setDaemon(true);
      return t;
    });
    try {
      CompletableFuture<Void> migrated = CompletableFuture.runAsync(() -> Database.migrate(config), threads);
      CompletableFuture<Loaded> loaded = CompletableFuture.supplyAsync(() -> {
        Path dir = Content.locate(config);
        List<Reading> readings = Content.loadReadings(dir);
        return new Loaded(readings, QuizBank.load(dir, readings), dir, new Templates(config.devTemplates()));
      }, threads);
      return new Preparation(began, lock, loaded, migrated);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    } finally {
      threads.shutdown();
    }
  }

  /** The first half of start-up, under way: the lock it holds, the content and the migrations. */
  public static final class Preparation {
    private final long began;
    private final DataDirLock lock;
    private final CompletableFuture<Loaded> loaded;
    private final CompletableFuture<Void> migrated;

    private Preparation(long began, DataDirLock lock, CompletableFuture<Loaded> loaded,
                        CompletableFuture<Void> migrated) {
      this.began = began;
      this.lock = lock;
      this.loaded = loaded;
      this.migrated = migrated;
    }

    /**
     * Why start-up failed, once both halves have finished (so neither still writes to the data
     * folder when the lock is let go). A content error names file:line, so it wins.
     */
    private Future<Throwable> failure(Context context, Throwable fallback) {
      CompletableFuture<Throwable> settled = CompletableFuture.allOf(loaded, migrated)
        .handle((ok, e) -> loaded.isCompletedExceptionally() ? causeOf(loaded)
          : migrated.isCompletedExceptionally() ? causeOf(migrated) : fallback);
      return Future.fromCompletionStage(settled, context);
    }
  }

  /** What the first half hands to the second. */
  private record Loaded(List<Reading> readings, QuizBank quizzes, Path contentDir, Templates templates) {
  }

  @Override
  public Future<?> start() {
    Future<Preparation> prepared = preparation != null
      ? Future.succeededFuture(preparation)
      : vertx.executeBlocking(() -> prepare(config), false);
    return prepared
      .compose(p -> {
        preparation = p;
        Future<Void> migrated = Future.fromCompletionStage(p.migrated, context);
        return Future.fromCompletionStage(p.loaded, context)
          .compose(loaded -> {
            pool = Database.openPool(vertx, config);
            attempts = new AttemptService(pool, loaded.quizzes(), Clock.systemUTC());
            ReadingCatalog catalog = new ReadingCatalog(loaded.readings());
            AccountRepository accounts = new AccountRepository(pool,
              new PasswordHashing(vertx, config.limits().hashThreads(), config.limits().hashQueue()),
              config.teacherInviteCode());
            // The pool connects once the migrations are done: a connection opened while Flyway
            // still changes the schema can see the database closed under it.
            return migrated
              .compose(ok -> pool.query("SELECT 1").execute())
              .compose(ok -> config.demo()
                ? DemoSeed.run(vertx, pool, catalog)
                  .compose(x -> DemoAttempts.run(pool, loaded.quizzes(), DemoSeed.TEACHER, System.currentTimeMillis()))
                : Future.succeededFuture())
              .compose(ok -> sweepDeadlines())
              .compose(ok -> accounts.csrfKey())
              .compose(key -> {
                router = routes(loaded, catalog, accounts, new Auth(accounts, key));
                return new ConnectionGuard(vertx, config.limits())
                  .install(vertx.createHttpServer(WebSetup.serverOptions(config.limits())), router)
                  .listen(config.port());
              })
              .onSuccess(s -> {
                warmUp(loaded.templates());
                sweepTimer = vertx.setPeriodic(config.autoSubmitEveryMs(), id -> sweepDeadlines());
              });
          })
          .recover(e -> p.failure(context, e).compose(Future::failedFuture));
      })
      .onSuccess(s -> {
        server = s;
        LOG.info("匠心课堂 is ready in {} ms: open http://localhost:{}/",
          (System.nanoTime() - preparation.began) / 1_000_000, s.actualPort());
        LOG.info(siteAddress().announcement(s.actualPort()));
      })
      .onFailure(e -> releaseAll());
  }

  /**
   * Compiles every template once the server is up, off the event loop, so the first page is fast
   * and a broken template is reported at start rather than on the first visit.
   */
  private void warmUp(Templates templates) {
    warming = vertx.executeBlocking(templates::precompileAll, false)
      .onFailure(e -> LOG.error("A template does not compile: {}", e.getMessage()));
  }

  private Router routes(Loaded loaded, ReadingCatalog catalog, AccountRepository accounts, Auth auth) {
    Router router = WebSetup.baseRouter(vertx, loaded.templates());
    router.route().handler(auth::identify);
    router.route().handler(Auth::gate);
    router.route("/api/v1/*").handler(auth::requireApiUser);
    router.route().handler(auth::checkCsrf);
    ApiDocs.mount(router);
    // first of the reading routes: it decides who may see a teacher's own reading on all of them
    Authoring.mount(router, vertx, pool, catalog, loaded.quizzes());
    // before the reading page: it prepares the margin comments that page draws
    Discussion.mount(router, vertx, pool, loaded.quizzes(), catalog);
    ReadingRoutes.mount(router, catalog, pool, loaded.quizzes());
    ExampleRoutes.mount(router, catalog, loaded.quizzes());
    // the answer key page shows the linter's findings; they are worked out beside the start, not in its way
    Future<LintReport> lint = vertx.executeBlocking(
      () -> QuizLinter.lintBank(loaded.contentDir(), loaded.readings(), loaded.quizzes()), false)
      .onFailure(e -> LOG.warn("The quiz linter failed; answer key pages show no findings: {}", e.toString()));
    QuizRoutes.mount(router, loaded.quizzes(), loaded.readings(), lint);
    AccountRoutes.mount(router, vertx, accounts, auth, new TeacherApproval(pool), config.limits());
    AttemptRoutes.mount(router, attempts, catalog);
    Classroom.mount(router, vertx, pool, catalog, siteAddress());
    Results.mount(router, pool, attempts.grading(), loaded.quizzes(), catalog);
    Live.mount(router, vertx, pool, loaded.quizzes(), catalog, siteAddress());
    WebSetup.mountFallback(router);
    return router;
  }

  private SiteAddress siteAddress() {
    return new SiteAddress(config.publicUrl(), config.lanAddress());
  }

  /**
   * Submits the attempts left open past their deadline (at start, then every
   * {@link Config#autoSubmitEveryMs()}). A failed sweep is logged and tried again at the next tick.
   */
  private Future<Void> sweepDeadlines() {
    return attempts.autoSubmitOverdue()
      .<Void>mapEmpty()
      .recover(e -> {
        LOG.warn("The deadline sweep failed: {}", e.getMessage());
        return Future.succeededFuture();
      });
  }

  /** The quiz attempts (tests use it to run the deadline sweep as another node would). */
  public AttemptService attempts() {
    return attempts;
  }

  /** The database pool (tests use it to set up situations such as an expired deadline). */
  public Pool pool() {
    return pool;
  }

  /** Every route the server answers, for tests and tools that list them. */
  public Router router() {
    return router;
  }

  /** The port the server listens on (useful with {@code PORT=0}). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    Future<Void> closing = warming.transform(done -> server == null ? Future.succeededFuture() : server.close());
    return closing.eventually(() -> pool == null ? Future.succeededFuture() : pool.close())
      .eventually(() -> {
        pool = null;
        releaseAll();
        LOG.info("匠心课堂 stopped; the database is closed.");
        return Future.succeededFuture();
      });
  }

  private void releaseAll() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
    if (preparation != null) {
      preparation.lock.close();
    }
  }

  private static Throwable causeOf(CompletableFuture<?> failed) {
    try {
      failed.join();
      return new IllegalStateException("start-up failed");
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
