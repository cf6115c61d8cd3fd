package com.jiangxin.authoring;

import com.jiangxin.account.Auth;
import com.jiangxin.account.User;
import com.jiangxin.content.CitedExample;
import com.jiangxin.content.ContentException;
import com.jiangxin.content.Reading;
import com.jiangxin.content.Repairs;
import com.jiangxin.lint.Finding;
import com.jiangxin.lint.QuizLinter;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.quiz.QuizLoader;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.Requests;
import com.jiangxin.web.Web;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The authoring API: own readings (paste, repairs, examples, copy) and their quizzes (publish,
 * add a question, GIFT / Moodle XML out and in). Every route checks the caller: the owner writes,
 * teachers read built-in quizzes, another teacher's reading answers 404 ({@link ReadingCatalog#visibleTo}).
 */
final class AuthoringApi {
  /** The longest reading text taken, in characters (a long speech is 5,000). */
  static final int MAX_TEXT = 20_000;
  static final int MAX_TITLE = 100;
  static final String COPY_FIRST = "内置测验是只读的：请先“复制后编辑”（POST /api/v1/readings/{id}/copy），再修改副本。";

  private final Vertx vertx;
  private final OwnReadings store;
  private final ReadingCatalog catalog;
  private final QuizBank bank;

  AuthoringApi(Vertx vertx, OwnReadings store, ReadingCatalog catalog, QuizBank bank) {
    this.vertx = vertx;
    this.store = store;
    this.catalog = catalog;
    this.bank = bank;
  }

  // ---- readings ----

  /** POST /api/v1/readings: a pasted (JSON) or uploaded (UTF-8 or GB18030 bytes) text, stored as it came. */
  void create(RoutingContext ctx) {
    User teacher = teacher(ctx);
    String title;
    String text;
    if (isJson(ctx)) {
      JsonObject body = Requests.jsonBody(ctx);
      title = Requests.string(body, "title");
      text = Requests.string(body, "text");
    } else {
      title = ctx.request().getParam("title");
      text = ctx.body() == null || ctx.body().buffer() == null ? null : Repairs.decode(ctx.body().buffer().getBytes());
    }
    title = ReadingInput.checkedTitle(title);
    List<String> paragraphs = ReadingInput.checkedText(text);
    String finalTitle = title;
    store.create(teacher.id(), title, paragraphs, List.of(), System.currentTimeMillis())
      .onSuccess(Requests.safely(ctx, r -> {
        catalog.putOwn(r.owned());
        Web.json(ctx, 201, ReadingInput.readingJson(r).put("title", finalTitle));
      }))
      .onFailure(ctx::fail);
  }

  /**
   * PUT /api/v1/readings/{id} (owner): {@code accept} (indexes into the {@code repairs} last
   * proposed) makes those repairs; {@code title}, {@code text} and {@code examples} replace what
   * they name. Answers like the POST, with the repairs still open.
   */
  void update(RoutingContext ctx) {
    User teacher = teacher(ctx);
    JsonObject body = Requests.jsonBody(ctx);
    owned(ctx, teacher).compose(r -> {
      String title = body.containsKey("title") ? ReadingInput.checkedTitle(Requests.string(body, "title")) : r.title();
      List<String> paragraphs = body.containsKey("text") ? ReadingInput.checkedText(Requests.string(body, "text")) : r.paragraphs();
      if (body.getValue("accept") != null) {
        if (!(body.getValue("accept") instanceof JsonArray accept)) {
          throw invalid("accept", "accept 须为修复编号的列表，如 [0, 2]。");
        }
        Set<Integer> chosen = new HashSet<>();
        accept.forEach(v -> {
          if (!(v instanceof Number n)) {
            throw invalid("accept", "accept 须为修复编号的列表，如 [0, 2]。");
          }
          chosen.add(n.intValue());
        });
        paragraphs = Repairs.apply(paragraphs, Repairs.propose(paragraphs), chosen);
      }
      List<CitedExample> examples = body.containsKey("examples") ? ReadingInput.examples(body.getValue("examples"), paragraphs) : r.examples();
      return store.update(r, title, paragraphs, examples, System.currentTimeMillis());
    }).onSuccess(Requests.safely(ctx, r -> {
      catalog.putOwn(r.owned());
      Web.json(ctx, ReadingInput.readingJson(r));
    })).onFailure(e -> fail(ctx, e));
  }

  /** POST /api/v1/readings/{id}/copy: the teacher's own copy of a built-in or own reading, with its quiz. */
  void copy(RoutingContext ctx) {
    User teacher = teacher(ctx);
    String id = ctx.pathParam("id");
    catalog.visibleTo(id, teacher.reader()).compose(found -> {
      Reading source = found.orElseThrow(() -> HttpError.notFound("没有这篇文章：" + clip(id) + "。"));
      List<String> paragraphs = source.paragraphs().stream()
        .map(p -> p.heading() ? OwnReading.HEADING + p.text() : p.text()).toList();
      String title = source.title().length() > MAX_TITLE - 5 ? source.title().substring(0, MAX_TITLE - 5) : source.title();
      Optional<Quiz> quiz = bank.forReading(id);
      return store.create(teacher.id(), title + "（副本）", paragraphs, source.examples(), System.currentTimeMillis()).compose(r -> {
        Reading reading = r.toReading();
        catalog.putOwn(r.owned());
        if (quiz.isEmpty()) {
          return Future.succeededFuture(r);
        }
        String text = QuizText.copyOf(quiz.get(), reading, r.id(), r.title());
        return publish(reading, text, teacher).map(r);
      });
    }).onSuccess(Requests.safely(ctx, r -> Web.json(ctx, 201, new JsonObject().put("id", r.id())
      .put("title", r.title()).put("copiedFrom", id)))).onFailure(e -> fail(ctx, e));
  }

  // ---- quizzes ----

  /** PUT /api/v1/readings/{id}/quiz (owner): a whole quiz file publishes a new version. */
  void putQuiz(RoutingContext ctx) {
    User teacher = teacher(ctx);
    refuseBuiltIn(ctx);
    if (isDraft(ctx)) {
      putDraft(ctx, teacher);
      return;
    }
    String text = ctx.body() == null ? "" : ctx.body().asString("UTF-8");
    owned(ctx, teacher).compose(r -> {
      Reading reading = r.toReading();
      return publish(reading, text == null ? "" : text, teacher);
    }).onSuccess(Requests.safely(ctx, p -> Web.json(ctx, published(p))))
      .onFailure(e -> fail(ctx, e));
  }

  /**
   * PUT /api/v1/readings/{id}/quiz as JSON (the question editor): {@code {"discuss","questions"}},
   * each question in the teacher view's shape; a problem names its question and field.
   */
  private void putDraft(RoutingContext ctx, User teacher) {
    JsonObject draft = Requests.jsonBody(ctx);
    owned(ctx, teacher).compose(r -> {
      Reading reading = r.toReading();
      QuizDraft.Written written = QuizDraft.write(draft, reading);
      return publish(reading, written.text(), teacher)
        .recover(e -> Future.failedFuture(e instanceof QuizError q ? written.at(q.line, q.getMessage()) : e))
        .map(p -> published(p).put("ids", new JsonArray(new java.util.ArrayList<>(written.ids()))));
    }).onSuccess(Requests.safely(ctx, out -> Web.json(ctx, out)))
      .onFailure(e -> fail(ctx, e));
  }

  private static boolean isDraft(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/json");
  }

  /** POST /api/v1/readings/{id}/questions (owner): one question added to the quiz, published as a new version. */
  void addQuestion(RoutingContext ctx) {
    User teacher = teacher(ctx);
    refuseBuiltIn(ctx);
    JsonObject q = Requests.jsonBody(ctx);
    owned(ctx, teacher).compose(r -> currentText(r).compose(current -> {
      Reading reading = r.toReading();
      Set<String> ids = new HashSet<>();
      bank.forReading(r.id()).ifPresent(c -> c.questions().forEach(x -> ids.add(x.id())));
      QuestionJson.Block block = QuestionJson.render(q, reading, ids);
      String head = withNewline(current.orElseGet(() -> QuizText.header(r.id(), r.title(), QuizText.DEFAULT_DISCUSS)));
      String text = head + "\n" + block.text();
      int blockStart = lineCount(head) + 2;
      return publish(reading, text, teacher).recover(e -> {
        if (e instanceof QuizError qe && qe.line >= blockStart && qe.line - blockStart < block.fields().size()) {
          String field = block.fields().get(qe.line - blockStart);
          return Future.failedFuture(invalid(field == null ? "id" : field, qe.getMessage()));
        }
        return Future.failedFuture(e instanceof QuizError qe ? invalid("type", qe.getMessage()) : e);
      }).map(p -> p.quiz.questions().get(p.quiz.questions().size() - 1).id());
    })).onSuccess(Requests.safely(ctx, id -> Web.json(ctx, 201, new JsonObject().put("id", id))))
      .onFailure(e -> fail(ctx, e));
  }

  /** GET /api/v1/readings/{id}/quiz.gift and quiz.xml (teachers who may see the reading). */
  void export(RoutingContext ctx, boolean gift) {
    User user = Auth.current(ctx);
    if (!user.isTeacher()) {
      throw HttpError.forbidden("只有老师可以导出测验。");
    }
    String id = ctx.pathParam("id");
    catalog.visibleTo(id, user.reader()).map(found -> {
      if (found.isEmpty()) {
        throw HttpError.notFound("没有这篇文章：" + clip(id) + "。");
      }
      return bank.forReading(id).orElseThrow(() -> HttpError.notFound("这篇文章还没有测验：" + clip(id)));
    }).onSuccess(Requests.safely(ctx, quiz -> {
      String name = id + (gift ? ".gift.txt" : ".moodle.xml");
      ctx.response()
        .putHeader("Content-Type", gift ? "text/plain; charset=utf-8" : "application/xml; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .end(gift ? Gift.export(quiz) : MoodleXml.export(quiz));
    })).onFailure(e -> fail(ctx, e));
  }

  /** POST /api/v1/readings/{id}/quiz/import (owner): GIFT or Moodle XML questions added ({@code ?replace=true}: instead). */
  void importQuiz(RoutingContext ctx) {
    User teacher = teacher(ctx);
    refuseBuiltIn(ctx);
    String type = String.valueOf(ctx.request().getHeader("Content-Type")).toLowerCase();
    boolean xml = type.contains("xml");
    String body = ctx.body() == null || ctx.body().buffer() == null ? "" : Repairs.decode(ctx.body().buffer().getBytes());
    boolean replace = "true".equals(ctx.request().getParam("replace"));
    List<Interchange.Read> reads;
    try {
      reads = xml ? MoodleXml.read(body) : Gift.read(body);
    } catch (MoodleXml.Malformed e) {
      Web.json(ctx, 400, new JsonObject().put("error", e.getMessage()).put("line", e.line));
      return;
    }
    owned(ctx, teacher).compose(r -> (replace ? Future.succeededFuture(Optional.<String>empty()) : currentText(r)).compose(current -> {
      Reading reading = r.toReading();
      Set<String> ids = new HashSet<>();
      if (current.isPresent()) {
        bank.forReading(r.id()).ifPresent(c -> c.questions().forEach(x -> ids.add(x.id())));
      }
      String head = current.orElseGet(() -> QuizText.header(r.id(), r.title(),
        bank.forReading(r.id()).map(Quiz::discussionPrompts).orElse(QuizText.DEFAULT_DISCUSS)));
      JsonArray skipped = new JsonArray();
      StringBuilder text = new StringBuilder(withNewline(head));
      int imported = 0;
      for (Interchange.Read read : reads) {
        if (read.skipped() != null) {
          skipped.add(new JsonObject().put("line", read.line()).put("reason", read.skipped()));
          continue;
        }
        // each question is checked alone against the reading, so one bad question skips only itself
        Set<String> trial = new HashSet<>(ids);
        String candidate;
        try {
          candidate = QuestionJson.render(read.question(), reading, trial).text();
          QuizLoader.parse(r.id() + ".quiz.md", QuizText.header(r.id(), r.title(), QuizText.DEFAULT_DISCUSS)
            + "\n" + candidate, reading);
        } catch (QuestionJson.Invalid e) {
          skipped.add(new JsonObject().put("line", read.line()).put("reason", e.field + "：" + e.getMessage()));
          continue;
        } catch (ContentException e) {
          skipped.add(new JsonObject().put("line", read.line()).put("reason", problemOf(e)));
          continue;
        }
        ids.clear();
        ids.addAll(trial);
        text.append('\n').append(candidate);
        imported++;
      }
      int count = imported;
      if (count == 0) {
        return Future.succeededFuture(new JsonObject().put("imported", 0).put("skipped", skipped));
      }
      return publish(reading, text.toString(), teacher)
        .map(p -> published(p).put("imported", count).put("skipped", skipped));
    })).onSuccess(Requests.safely(ctx, out -> Web.json(ctx, out))).onFailure(e -> fail(ctx, e));
  }

  // ---- publishing ----

  /** A published version: the quiz and what the linter says about it. */
  record Published(Quiz quiz, List<Finding> warnings) {
  }

  /** A quiz text that does not load, with the line that is wrong. */
  static final class QuizError extends RuntimeException {
    final int line;

    QuizError(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** Parses, lints (off the event loop), stores and makes current a quiz text for an own reading. */
  private Future<Published> publish(Reading reading, String text, User by) {
    return vertx.executeBlocking(() -> {
      Quiz quiz;
      try {
        quiz = QuizLoader.parse(reading.id() + ".quiz.md", text, reading);
      } catch (ContentException e) {
        throw new QuizError(e.line(), problemOf(e));
      } catch (IllegalArgumentException e) {
        throw new QuizError(1, e.getMessage());
      }
      List<Finding> warnings = QuizLinter.lint(reading.id() + ".quiz.md", quiz, reading, text);
      return new Published(quiz, warnings);
    }, false).compose(p -> store.publish(reading.id(), p.quiz.version(), text, by.id(), System.currentTimeMillis())
      .map(x -> {
        bank.publish(p.quiz);
        return p;
      }));
  }

  private static JsonObject published(Published p) {
    JsonArray warnings = new JsonArray();
    p.warnings.forEach(f -> warnings.add(new JsonObject().put("line", f.line()).put("rule", f.rule())
      .put("severity", f.severity().label()).put("question", f.questionId()).put("message", f.message())));
    return new JsonObject().put("version", p.quiz.version()).put("questions", p.quiz.questions().size())
      .put("warnings", warnings);
  }

  /** The text of the version students start now, if one was published. */
  private Future<Optional<String>> currentText(OwnReading r) {
    return r.quizVersion() == null ? Future.succeededFuture(Optional.empty()) : store.versionText(r.id(), r.quizVersion());
  }

  // ---- checks ----

  private static User teacher(RoutingContext ctx) {
    User user = Auth.current(ctx);
    if (!user.isTeacher()) {
      throw HttpError.forbidden(user.isPendingTeacher() ? Auth.PENDING_MESSAGE : "只有老师可以编写文章和题目。");
    }
    return user;
  }

  private void refuseBuiltIn(RoutingContext ctx) {
    if (catalog.isBuiltIn(ctx.pathParam("id"))) {
      throw HttpError.forbidden(COPY_FIRST);
    }
  }

  /** The own reading if the teacher wrote it, its current quiz made this node's; 404 for any other id. */
  private Future<OwnReading> owned(RoutingContext ctx, User teacher) {
    String id = ctx.pathParam("id");
    return store.find(id).compose(r -> {
      if (r.isEmpty() || r.get().ownerId() != teacher.id()) {
        throw HttpError.notFound("没有这篇文章：" + clip(id) + "。");
      }
      catalog.putOwn(r.get().owned());
      return bank.makeCurrent(id, r.get().quizVersion()).map(r.get());
    });
  }

  /** A field-level 400: {@code {"error","field"}}. */
  static final class FieldError extends RuntimeException {
    final String field;

    FieldError(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }
  }

  static FieldError invalid(String field, String message) {
    return new FieldError(field, message);
  }

  /** Answers the errors this API words itself ({@code field}, {@code line}); the rest go to the router. */
  private static void fail(RoutingContext ctx, Throwable e) {
    if (ctx.response().ended()) {
      return;
    }
    if (e instanceof FieldError f) {
      Web.json(ctx, 400, new JsonObject().put("error", f.getMessage()).put("field", f.field));
    } else if (e instanceof QuestionJson.Invalid f) {
      Web.json(ctx, 400, new JsonObject().put("error", f.getMessage()).put("field", f.field));
    } else if (e instanceof QuizDraft.QuestionError q) {
      Web.json(ctx, 400, q.json());
    } else if (e instanceof QuizError q) {
      Web.json(ctx, 400, new JsonObject().put("error", q.getMessage()).put("line", q.line));
    } else {
      ctx.fail(e);
    }
  }

  /** The loader's message without its {@code file:line: } prefix (the line travels apart). */
  private static String problemOf(ContentException e) {
    String m = e.getMessage();
    String prefix = e.file() + ":" + e.line() + ": ";
    return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
  }

  private static boolean isJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type == null || type.toLowerCase().contains("json");
  }

  private static String withNewline(String text) {
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static int lineCount(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }

  static String clip(String s) {
    return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Runs a handler, turning the errors it throws into this API's answers. */
  static io.vertx.core.Handler<RoutingContext> guarded(io.vertx.core.Handler<RoutingContext> handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (RuntimeException e) {
        fail(ctx, e);
      }
    };
  }
}
