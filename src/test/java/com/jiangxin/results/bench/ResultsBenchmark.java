package com.jiangxin.results.bench;

import com.jiangxin.App;
import com.jiangxin.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the results pages of a class of 60 with nine assignments when the database holds a whole
 * school year (see {@link SchoolYearGenerator}): the real server on the generated data, real HTTP
 * requests, each view {@value #WARMUP} times to warm up and then {@value #RUNS} times measured,
 * one after another. Prints the median and 95th percentile of each, and the database size.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dmain.class=com.jiangxin.results.bench.ResultsBenchmark [-Dexec.args="DATA_DIR [--reuse]"]</pre>
 *
 * Without {@code --reuse} the data folder (default {@code target/bench-data}) is generated afresh.
 */
public final class ResultsBenchmark {
  static final int WARMUP = 15;
  static final int RUNS = 40;
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private ResultsBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "target/bench-data").toAbsolutePath();
    boolean reuse = List.of(args).contains("--reuse") && Files.exists(dir.resolve("jiangxin.mv.db"));
    if (!reuse) {
      System.out.println("Generating a school year into " + dir + " …");
      SchoolYearGenerator.Summary s = SchoolYearGenerator.generate(dir);
      System.out.printf("Generated %,d responses in %,d attempts in %.1f s%n", s.responses(), s.attempts(), s.millis() / 1000.0);
    }
    long dbBytes = Files.size(dir.resolve("jiangxin.mv.db"));
    Vertx vertx = Vertx.vertx();
    App app = new App(Config.from(Map.of("PORT", "0", "DATA_DIR", dir.toString())));
    vertx.deployVerticle(app).await();
    try {
      run(app, dbBytes);
    } finally {
      vertx.close().await();
    }
    System.exit(0);
  }

  private static void run(App app, long dbBytes) throws Exception {
    String base = "http://localhost:" + app.port();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String token = new JsonObject(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
      .header("Content-Type", "application/json")
      .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", SchoolYearGenerator.TEACHER)
        .put("password", SchoolYearGenerator.PASSWORD).encode())).build()).body()).getString("token");
    String cookie = pageSession(http, base);

    long classId = app.pool().query("SELECT c.id AS id FROM classes c WHERE c.name = '" + SchoolYearGenerator.BENCH_CLASS + "'")
      .execute().await().iterator().next().getLong("ID");
    List<Long> assignments = new ArrayList<>();
    app.pool().preparedQuery("SELECT a.id AS id FROM assignments a WHERE a.class_id = ? ORDER BY a.id")
      .execute(io.vertx.sqlclient.Tuple.of(classId)).await().forEach(r -> assignments.add(r.getLong("ID")));
    long assignment = assignments.get(4);
    long responses = app.pool().query("SELECT COUNT(*) AS n FROM responses").execute().await().iterator().next().getLong("N");
    long attempts = app.pool().query("SELECT COUNT(*) AS n FROM attempts").execute().await().iterator().next().getLong("N");

    Map<String, HttpRequest> views = new LinkedHashMap<>();
    views.put("gradebook (JSON)", api(base + "/api/v1/classes/" + classId + "/gradebook", token));
    views.put("gradebook page, sorted by total", page(base + "/classes/" + classId + "/gradebook?sort=total", cookie));
    views.put("assignment report (JSON)", api(base + "/api/v1/assignments/" + assignment + "/report", token));
    views.put("assignment report page (SVG charts)", page(base + "/assignments/" + assignment + "/report", cookie));
    views.put("gradebook CSV", api(base + "/api/v1/classes/" + classId + "/gradebook.csv", token));
    views.put("answers CSV (one assignment)", api(base + "/api/v1/assignments/" + assignment + "/answers.csv", token));
    views.put("grading queue (JSON)", api(base + "/api/v1/assignments/" + assignment + "/grading", token));
    views.put("a student's attempts, every answer", page(base + "/classes/" + classId + "/students/"
      + firstStudent(app, classId) + "/results", cookie));

    System.out.printf("%nDatabase: %,d responses, %,d attempts, file %.0f MB (H2 %s)%n", responses, attempts,
      dbBytes / 1024.0 / 1024.0, org.h2.engine.Constants.FULL_VERSION);
    System.out.printf("Class of 60 with %d assignments; %d warm-up + %d measured requests per view, one at a time%n%n",
      assignments.size(), WARMUP, RUNS);
    System.out.println("| view | median ms | p95 ms | size |");
    System.out.println("|---|---:|---:|---:|");
    for (Map.Entry<String, HttpRequest> v : views.entrySet()) {
      int size = 0;
      for (int i = 0; i < WARMUP; i++) {
        size = check(send(http, v.getValue()), v.getKey()).body().length();
      }
      double[] ms = new double[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        check(send(http, v.getValue()), v.getKey());
        ms[i] = (System.nanoTime() - t) / 1e6;
      }
      java.util.Arrays.sort(ms);
      double median = (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2;
      double p95 = ms[(int) Math.ceil(0.95 * RUNS) - 1];
      System.out.printf("| %s | %.1f | %.1f | %,d chars |%n", v.getKey(), median, p95, size);
    }
  }

  private static long firstStudent(App app, long classId) {
    return app.pool().preparedQuery("SELECT MIN(m.student_id) AS id FROM class_members m WHERE m.class_id = ?")
      .execute(io.vertx.sqlclient.Tuple.of(classId)).await().iterator().next().getLong("ID");
  }

  private static HttpRequest api(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
  }

  private static HttpRequest page(String url, String cookie) {
    return HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET().build();
  }

  private static HttpResponse<String> check(HttpResponse<String> r, String what) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest req) throws Exception {
    return http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Logs in through the form, as a browser does; returns the session cookie. */
  private static String pageSession(HttpClient http, String base) throws Exception {
    HttpResponse<String> login = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
    String anonymous = login.headers().allValues("Set-Cookie").get(0).split(";")[0];
    Matcher m = CSRF.matcher(login.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form = "username=" + SchoolYearGenerator.TEACHER + "&password=" + SchoolYearGenerator.PASSWORD
      + "&csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
      .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", anonymous)
      .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("jx_sid=")).findFirst()
      .orElseThrow(() -> new IllegalStateException("login failed: " + r.statusCode())).split(";")[0];
  }
}
