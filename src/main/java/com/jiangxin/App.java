package com.jiangxin;

import com.jiangxin.account.AccountRepository;
import com.jiangxin.account.AccountRoutes;
import com.jiangxin.account.Auth;
import com.jiangxin.account.PasswordHashing;
import com.jiangxin.account.TeacherApproval;
import com.jiangxin.authoring.Authoring;
import com.jiangxin.classroom.AssignmentPanel;
import com.jiangxin.classroom.Classroom;
import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.config.Config;
import com.jiangxin.content.Content;
import com.jiangxin.content.Reading;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.db.DataDirLock;
import com.jiangxin.db.Database;
import com.jiangxin.discussion.Discussion;
import com.jiangxin.lint.LintReport;
import com.jiangxin.lint.QuizLinter;
import com.jiangxin.live.Live;
import com.jiangxin.quiz.AttemptRoutes;
import com.jiangxin.quiz.AttemptService;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.QuizRoutes;
import com.jiangxin.reading.ExampleRoutes;
import com.jiangxin.reading.ReadingPanel;
import com.jiangxin.reading.ReadingRoutes;
import com.jiangxin.results.DemoAttempts;
import com.jiangxin.results.Results;
import com.jiangxin.web.ApiDocs;
import com.jiangxin.web.ConnectionGuard;
import com.jiangxin.web.SiteAddress;
import com.jiangxin.web.Templates;
import com.jiangxin.web.WebSetup;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
  /** Whether this instance set up what the deployment's instances share (and runs the sweep). */
  private boolean leader;
  private boolean released;
  /** Deployed on its own (tests, tools) rather than through {@link #deploy}, which announces the start. */
  private boolean deployedAlone = true;
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

  /**
   * The first half of start-up, under way (the lock it holds, the content and the migrations),
   * and what every verticle instance of one deployment shares: one pool, one content, one set of
   * compiled templates. The first instance to start sets those up; the last to stop closes them.
   */
  public static final class Preparation {
    private final long began;
    private final DataDirLock lock;
    private final CompletableFuture<Loaded> loaded;
    private final CompletableFuture<Void> migrated;
    private final AtomicReference<CompletableFuture<Shared>> shared = new AtomicReference<>();
    private final AtomicInteger running = new AtomicInteger();
    /** The one pool, once the first instance has opened it. */
    private volatile Pool pool;

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

  /** What the instances of one deployment share, set up once by the first of them. */
  private record Shared(Loaded loaded, ReadingCatalog catalog, Pool pool, String csrfKey,
                        CompletableFuture<LintReport> lint) {
  }

  /**
   * Deploys {@link Config#instances()} instances of the server, one per event loop, sharing the
   * given preparation: they listen on one port and share one pool, one content load, one set of
   * templates and one deadline sweep.
   *
   * @return the instances, the first of them the one that set up what they share
   */
  public static Future<List<App>> deploy(Vertx vertx, Config config, Preparation preparation) {
    List<App> made = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
        App app = new App(config, preparation);
        app.deployedAlone = false;
        made.add(app);
        return app;
      }, new DeploymentOptions().setInstances(config.instances()))
      .map(id -> {
        List<App> apps = made.stream().sorted(Comparator.comparing(a -> !a.leader)).toList();
        apps.get(0).announceReady(apps.size());
        return apps;
      });
  }

  private void announceReady(int instances) {
    LOG.info("匠心课堂 is ready in {} ms: open http://localhost:{}/",
      (System.nanoTime() - preparation.began) / 1_000_000, server.actualPort());
    LOG.info("{} verticle instance(s) share one database pool.", instances);
    LOG.info(siteAddress().announcement(server.actualPort()));
  }

  @Override
  public Future<?> start() {
    Future<Preparation> prepared = preparation != null
      ? Future.succeededFuture(preparation)
      : vertx.executeBlocking(() -> prepare(config), false);
    return prepared
      .compose(p -> {
        preparation = p;
        p.running.incrementAndGet();
        CompletableFuture<Shared> mine = new CompletableFuture<>();
        leader = p.shared.compareAndSet(null, mine);
        Future<Shared> ready = leader
          ? setUp(p).andThen(ar -> {
            if (ar.succeeded()) {
              mine.complete(ar.result());
            } else {
              mine.completeExceptionally(ar.cause());
            }
          })
          : Future.fromCompletionStage(p.shared.get(), context);
        return ready.compose(shared -> {
            pool = shared.pool();
            attempts = new AttemptService(vertx, pool, shared.loaded().quizzes(), Clock.systemUTC());
            return leader ? sweepDeadlines().map(shared) : Future.succeededFuture(shared);
          })
          .compose(shared -> {
            AccountRepository accounts = new AccountRepository(pool,
              new PasswordHashing(vertx, config.limits().hashThreads(), config.limits().hashQueue()),
              config.teacherInviteCode());
            router = routes(shared, accounts, new Auth(accounts, shared.csrfKey()));
            return new ConnectionGuard(vertx, config.limits())
              .install(vertx.createHttpServer(WebSetup.serverOptions(config.limits())), router)
              .listen(config.port())
              .onSuccess(s -> {
                if (leader) {
                  warmUp(shared.loaded().templates());
                  sweepTimer = vertx.setPeriodic(config.autoSubmitEveryMs(), id -> sweepDeadlines());
                }
              });
          })
          .recover(e -> p.failure(context, e).compose(Future::failedFuture));
      })
      .onSuccess(s -> {
        server = s;
        if (deployedAlone) {
          announceReady(1);
        }
      })
      .onFailure(e -> releaseAll());
  }

  /**
   * What the instances share, set up by the first: the pool (connected once the migrations are
   * done: a connection opened while Flyway still changes the schema can see the database closed
   * under it), the demo classroom if asked, the CSRF key, and the linter's findings.
   */
  private Future<Shared> setUp(Preparation p) {
    Future<Void> migrated = Future.fromCompletionStage(p.migrated, context);
    return Future.fromCompletionStage(p.loaded, context).compose(loaded -> {
      Pool opened = Database.openPool(vertx, config);
      p.pool = opened;
      ReadingCatalog catalog = new ReadingCatalog(loaded.readings());
      return migrated
        .compose(ok -> opened.query("SELECT 1").execute())
        .compose(ok -> config.demo()
          ? DemoSeed.run(vertx, opened, catalog)
            .compose(x -> DemoAttempts.run(opened, loaded.quizzes(), DemoSeed.TEACHER, System.currentTimeMillis()))
          : Future.succeededFuture())
        .compose(ok -> new AccountRepository(opened, null, config.teacherInviteCode()).csrfKey())
        .map(key -> {
          // the answer key page shows the linter's findings; they are worked out beside the start, not in its way
          CompletableFuture<LintReport> lint = vertx.executeBlocking(
              () -> QuizLinter.lintBank(loaded.contentDir(), loaded.readings(), loaded.quizzes()), false)
            .onFailure(e -> LOG.warn("The quiz linter failed; answer key pages show no findings: {}", e.toString()))
            .toCompletionStage().toCompletableFuture();
          return new Shared(loaded, catalog, opened, key, lint);
        });
    });
  }

  /**
   * Compiles every template once the server is up, off the event loop, so the first page is fast
   * and a broken template is reported at start rather than on the first visit.
   */
  private void warmUp(Templates templates) {
    warming = vertx.executeBlocking(templates::precompileAll, false)
      .onFailure(e -> LOG.error("A template does not compile: {}", e.getMessage()));
  }

  private Router routes(Shared shared, AccountRepository accounts, Auth auth) {
    Loaded loaded = shared.loaded();
    ReadingCatalog catalog = shared.catalog();
    Router router = WebSetup.baseRouter(vertx, loaded.templates());
    router.route().handler(auth::identify);
    router.route().handler(Auth::gate);
    router.route("/api/v1/*").handler(auth::requireApiUser);
    router.route().handler(auth::checkCsrf);
    ApiDocs.mount(router);
    // pages built from several features' parts are given those parts as panels
    ReadingPanel margin = Discussion.mount(router, vertx, pool, loaded.quizzes(), catalog);
    ReadingRoutes.mount(router, catalog, pool, loaded.quizzes(), List.of(margin));
    ExampleRoutes.mount(router, catalog, loaded.quizzes());
    QuizRoutes.mount(router, loaded.quizzes(), catalog, Future.fromCompletionStage(shared.lint(), context)
      .map(LintReport::forKeyPage));
    AccountRoutes.mount(router, vertx, accounts, auth, new TeacherApproval(pool), config.limits());
    AssignmentPanel quiz = AttemptRoutes.mount(router, attempts, catalog);
    Classroom.mount(router, vertx, pool, catalog, siteAddress(), List.of(quiz), attempts::autoSubmitOverdue);
    Results.mount(router, pool, attempts.grading(), loaded.quizzes(), catalog);
    Live.mount(router, vertx, pool, loaded.quizzes(), catalog, siteAddress());
    // own readings: every route above asks the catalog who may see one, so this may come anywhere
    Authoring.mount(router, vertx, pool, catalog, loaded.quizzes());
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
    return closing.eventually(() -> {
      Future<Void> closed = releaseAll();
      pool = null;
      return closed;
    });
  }

  /**
   * Lets go of this instance's share; the last instance of the deployment to let go closes the pool
   * and the data-folder lock.
   */
  private Future<Void> releaseAll() {
    if (preparation == null || released) {
      return Future.succeededFuture();
    }
    released = true;
    if (preparation.running.decrementAndGet() > 0) {
      return Future.succeededFuture();
    }
    Pool toClose = preparation.pool;
    Future<Void> closed = toClose == null ? Future.succeededFuture() : toClose.close();
    return closed.eventually(() -> {
      preparation.lock.close();
      LOG.info("匠心课堂 stopped; the database is closed.");
      return Future.succeededFuture();
    });
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
