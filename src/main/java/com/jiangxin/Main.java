package com.jiangxin;

import com.jiangxin.account.AdminCommand;
import com.jiangxin.config.ClusterSetup;
import com.jiangxin.config.Config;
import com.jiangxin.content.ContentException;
import com.jiangxin.content.ImportCommand;
import com.jiangxin.lint.LintCommand;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Command line: no arguments starts the server; {@code import FILE [OUT_DIR]} turns a scraped
 * seed file into reading files; {@code admin approve USERNAME} approves a teacher account;
 * {@code lint [DIR]} checks quiz files.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    if (args.length > 0 && "import".equals(args[0])) {
      System.exit(ImportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && "admin".equals(args[0])) {
      System.exit(AdminCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && "lint".equals(args[0])) {
      System.exit(LintCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0) {
      System.err.println("Usage: java -jar jiangxin.jar            start the server (see README for settings)");
      System.err.println("       java -jar jiangxin.jar import FILE [OUT_DIR]   import a seed file");
      System.err.println("       java -jar jiangxin.jar admin approve USERNAME  approve a teacher account");
      System.err.println("       java -jar jiangxin.jar lint [DIR]              check the quizzes in DIR");
      System.exit(2);
    }
    Config config;
    try {
      config = Config.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("匠心课堂 cannot start: " + e.getMessage());
      System.exit(2);
      return;
    }
    App.Preparation preparation;
    try {
      // Migrations and content load on their own threads while Vert.x starts on this one.
      preparation = App.prepare(config);
    } catch (IllegalStateException e) {
      System.err.println("匠心课堂 cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    // Netty's allocator otherwise registers Java Flight Recorder events on the first request, which
    // costs a noticeable part of a second; -Dio.netty.jfr.enabled=true brings them back for profiling.
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
    AtomicReference<Vertx> started = new AtomicReference<>();
    ClusterSetup.start(config.cluster())
      .compose(vertx -> {
        started.set(vertx);
        return App.deploy(vertx, config, preparation).map(vertx);
      })
      .onSuccess(vertx -> {
        if (config.cluster().enabled()) {
          ClusterSetup.Node node = ClusterSetup.node(vertx);
          LOG.info("Cluster: node {} at {}, {} node(s) in the cluster now.", node.id(), config.cluster().self(),
            node.clusterSize());
        }
      })
      .onFailure(e -> {
        Throwable cause = rootCause(e);
        String message = cause instanceof ContentException || cause instanceof IllegalStateException
          || cause instanceof IllegalArgumentException
          ? cause.getMessage()
          : cause instanceof BindException
          ? "PORT " + config.port() + " is already in use. Stop the program that uses it, or start with another PORT."
          : String.valueOf(cause);
        System.err.println("匠心课堂 cannot start: " + message);
        Vertx vertx = started.get();
        if (vertx == null) {
          System.exit(1);
        }
        vertx.close().onComplete(x -> System.exit(1));
      });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      Vertx vertx = started.get();
      if (vertx == null) {
        return;
      }
      CountDownLatch closed = new CountDownLatch(1);
      vertx.close().onComplete(x -> closed.countDown());
      try {
        if (!closed.await(10, TimeUnit.SECONDS)) {
          LOG.warn("Shutdown took longer than 10 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "shutdown"));
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c && !(c instanceof ContentException)) {
      c = c.getCause();
    }
    return c;
  }
}
