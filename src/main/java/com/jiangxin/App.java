package com.jiangxin;

import com.jiangxin.account.AccountRepository;
import com.jiangxin.account.AccountRoutes;
import com.jiangxin.account.Auth;
import com.jiangxin.classroom.Classroom;
import com.jiangxin.classroom.DemoSeed;
import com.jiangxin.content.Reading;
import com.jiangxin.db.DataDirLock;
import com.jiangxin.db.Database;
import com.jiangxin.discussion.Discussion;
import com.jiangxin.quiz.AttemptRoutes;
import com.jiangxin.quiz.AttemptService;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.QuizRoutes;
import com.jiangxin.reading.ExampleRoutes;
import com.jiangxin.reading.ReadingCatalog;
import com.jiangxin.reading.ReadingRoutes;
import com.jiangxin.web.ApiDocs;
import com.jiangxin.web.Templates;
import com.jiangxin.web.WebSetup;
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

/**
 * The one start chain: lock the data folder, migrate the database, load the content, open the
 * pool, seed the demo classroom if asked, mount every feature's routes, listen. {@link #stop()}
 * undoes it in reverse.
 */
public class App extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Config config;
  private DataDirLock lock;
  private Pool pool;
  private HttpServer server;

  public App(Config config) {
    this.config = config;
  }

  /** What start-up loads off the event loop. */
  private record Loaded(Path contentDir, List<Reading> readings, QuizBank quizzes) {
  }

  @Override
  public Future<?> start() {
    long begin = System.nanoTime();
    return vertx.executeBlocking(() -> {
        lock = DataDirLock.acquire(config.dataDir());
        Database.migrate(config);
        Path dir = Content.locate(config);
        List<Reading> readings = Content.loadReadings(dir);
        return new Loaded(dir, readings, QuizBank.load(dir, readings));
      }, false)
      .compose(loaded -> {
        pool = Database.openPool(vertx, config);
        AccountRepository accounts = new AccountRepository(vertx, pool);
        ReadingCatalog catalog = new ReadingCatalog(loaded.readings());
        Future<?> demo = config.demo() ? DemoSeed.run(vertx, pool, catalog) : Future.succeededFuture();
        return demo.compose(x -> accounts.csrfKey()).map(key -> routes(loaded, catalog, accounts, new Auth(accounts, key)));
      })
      .compose(router -> vertx.createHttpServer(WebSetup.serverOptions()).requestHandler(router).listen(config.port()))
      .onSuccess(s -> {
        server = s;
        LOG.info("匠心课堂 is ready in {} ms: open http://localhost:{}/",
          (System.nanoTime() - begin) / 1_000_000, s.actualPort());
      })
      .onFailure(e -> releaseAll());
  }

  private Router routes(Loaded loaded, ReadingCatalog catalog, AccountRepository accounts, Auth auth) {
    Templates templates = new Templates(config.devTemplates());
    Router router = WebSetup.baseRouter(vertx, templates);
    router.route().handler(auth::identify);
    router.route("/api/v1/*").handler(auth::requireApiUser);
    router.route().handler(auth::checkCsrf);
    ApiDocs.mount(router);
    // before the reading page: it prepares the margin comments that page draws
    Discussion.mount(router, vertx, pool, loaded.quizzes(), catalog);
    ReadingRoutes.mount(router, catalog, pool, loaded.quizzes());
    ExampleRoutes.mount(router, catalog, loaded.quizzes());
    QuizRoutes.mount(router, loaded.quizzes(), loaded.readings());
    AccountRoutes.mount(router, accounts, auth);
    AttemptRoutes.mount(router, new AttemptService(pool, loaded.quizzes(), Clock.systemUTC()), catalog);
    Classroom.mount(router, vertx, pool, catalog);
    WebSetup.mountFallback(router);
    return router;
  }

  /** The database pool (tests use it to set up situations such as an expired deadline). */
  public Pool pool() {
    return pool;
  }

  /** The port the server listens on (useful with {@code PORT=0}). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
    return closing.eventually(() -> pool == null ? Future.succeededFuture() : pool.close())
      .eventually(() -> {
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
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }
}
