package com.jiangxin.discussion;

import com.jiangxin.account.User;
import com.jiangxin.content.Paragraph;
import com.jiangxin.content.Reading;
import com.jiangxin.db.Sql;
import com.jiangxin.quiz.Quiz;
import com.jiangxin.quiz.QuizBank;
import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.web.HttpError;
import com.jiangxin.web.RetryLater;
import com.jiangxin.web.SerialExecutor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the discussion: who may read and write what, what a student may see (hidden posts and
 * "post before you see others"), the edit window, flooding, moderation, and telling live viewers.
 * Only the class's teacher and its students get anything; everyone else gets 404.
 */
final class DiscussionService {
  /** Authors may change or delete a post this long after writing it (server clock). */
  static final long EDIT_WINDOW_MS = 10 * 60_000L;
  static final String MARGIN_SEED = "margin";

  private final DiscussionRepository repo;
  private final QuizBank quizzes;
  private final ReadingCatalog catalog;
  private final LiveUpdates live;
  private final Clock clock;
  private final PostThrottle throttle;
  private final SerialExecutor serial;

  DiscussionService(DiscussionRepository repo, QuizBank quizzes, ReadingCatalog catalog, LiveUpdates live, Clock clock) {
    this(repo, quizzes, catalog, live, clock, new PostThrottle(clock));
  }

  DiscussionService(DiscussionRepository repo, QuizBank quizzes, ReadingCatalog catalog, LiveUpdates live, Clock clock,
                    PostThrottle throttle) {
    this.repo = repo;
    this.quizzes = quizzes;
    this.catalog = catalog;
    this.live = live;
    this.clock = clock;
    this.throttle = throttle;
    this.serial = new SerialExecutor(live.vertx(), "discussion");
  }

  /** A thread, the assignment it belongs to, and who is asking. */
  record At(DiscussionThread thread, Place place, Viewer viewer) {
  }

  /** A post with its thread, and who is asking. */
  record PostAt(Post post, At at) {
  }

  /**
   * What a viewer gets of a thread: the visible posts (top-level ones pinned first, then in order;
   * replies under their post), and whether a student still has to post before seeing the others.
   */
  record ThreadPosts(At at, List<Post> topLevel, Map<Long, List<Post>> replies, boolean waiting,
                     boolean hasPosted, List<Post> ownHidden) {
    List<Post> flat() {
      List<Post> out = new ArrayList<>();
      for (Post p : topLevel) {
        out.add(p);
        out.addAll(replies.getOrDefault(p.id(), List.of()));
      }
      return out;
    }
  }

  /** Too many posts too quickly: a 429 that says when to try again. */
  static final class TooManyPosts extends RetryLater {
    TooManyPosts(long retryAfterSeconds) {
      super(429, "发得太快了：连发 " + PostThrottle.LIMIT + " 条后要等 " + PostThrottle.WINDOW_SECONDS + " 秒。请 "
        + retryAfterSeconds + " 秒后再发。", retryAfterSeconds);
    }
  }

  Clock clock() {
    return clock;
  }

  ReadingCatalog catalog() {
    return catalog;
  }

  // ---- who may come in ----

  /** The assignment if the user is its class's teacher or one of its students; 404 otherwise. */
  Future<Place> place(long assignmentId, User user) {
    return repo.place(assignmentId, user).map(found -> found
        .orElseThrow(() -> HttpError.notFound("没有这个作业，或你不在这个班级。")))
      // a teacher's own reading (and its quiz's prompts) may have been written on another node
      .compose(p -> catalog.refresh(p.readingId()).map(p));
  }

  /** The assignment if the user teaches its class: 404 for outsiders, 403 for its students. */
  Future<Place> taught(long assignmentId, User user) {
    return place(assignmentId, user).map(p -> requireTeacher(p, user));
  }

  private static Place requireTeacher(Place p, User user) {
    if (p.teacherId() != user.id()) {
      throw HttpError.forbidden("只有这个班的老师可以这样做。");
    }
    return p;
  }

  /** A thread the user may read; 404 when it does not exist or is not theirs to see. */
  Future<At> thread(long threadId, User user) {
    return repo.thread(threadId).compose(t -> {
      if (t.isEmpty()) {
        return Future.failedFuture(HttpError.notFound("没有这个讨论。"));
      }
      return repo.place(t.get().assignmentId(), user).map(p -> {
        if (p.isEmpty()) {
          throw HttpError.notFound("没有这个讨论。");
        }
        return new At(t.get(), p.get(), p.get().viewer(user));
      });
    });
  }

  /** A post the user may see (hidden ones and "post before see" ones only as the rules allow); 404 otherwise. */
  Future<PostAt> visiblePost(long postId, User user) {
    return anyPost(postId, user).compose(pa -> visibility(pa.at()).map(rules -> {
      if (!rules.sees(pa.post(), null)) {
        throw HttpError.notFound("没有这条发言。");
      }
      return pa;
    }));
  }

  /** A post of a class the user belongs to, whatever its state; 404 otherwise. */
  private Future<PostAt> anyPost(long postId, User user) {
    return repo.post(postId, user.id()).compose(p -> {
      if (p.isEmpty()) {
        return Future.failedFuture(HttpError.notFound("没有这条发言。"));
      }
      return thread(p.get().threadId(), user).map(at -> new PostAt(p.get(), at))
        .recover(e -> Future.failedFuture(e instanceof HttpError h && h.status() == 404
          ? HttpError.notFound("没有这条发言。") : e));
    });
  }

  // ---- threads ----

  /**
   * The assignment's threads. The reading's discussion prompts and the margin thread are created on
   * first access, once, however many requests race to do it.
   */
  Future<List<DiscussionThread>> threads(Place place) {
    return serial.run("seed:" + place.assignmentId(), () -> repo.threads(place.assignmentId()).compose(existing -> {
      Set<String> have = new HashSet<>();
      existing.forEach(t -> have.add(t.seedKey()));
      List<String[]> missing = new ArrayList<>();
      Optional<Quiz> quiz = quizzes.forReading(place.readingId());
      List<String> prompts = quiz.map(Quiz::discussionPrompts).orElse(List.of());
      for (int i = 0; i < prompts.size(); i++) {
        if (!have.contains("quiz:" + i)) {
          missing.add(new String[] {DiscussionThread.PROMPT, "quiz:" + i, "讨论" + "一二三四五六七八九十".charAt(Math.min(i, 9)),
            prompts.get(i)});
        }
      }
      if (!have.contains(MARGIN_SEED)) {
        missing.add(new String[] {DiscussionThread.MARGIN, MARGIN_SEED, "段落批注",
          "在原文的段落旁写批注：点段落旁的“批注”，或先选中一句话。"});
      }
      if (missing.isEmpty()) {
        return Future.succeededFuture(ordered(existing));
      }
      Future<Void> chain = Future.succeededFuture();
      long now = clock.millis();
      for (String[] m : missing) {
        chain = chain.compose(x -> repo.insertThread(place.assignmentId(), m[0], m[1], m[2], m[3], false, null, now)
          .<Void>mapEmpty()
          // another server process may have won the race: its row is as good as ours
          .recover(e -> Sql.isUniqueViolation(e) ? Future.succeededFuture() : Future.failedFuture(e)));
      }
      return chain.compose(x -> repo.threads(place.assignmentId())).map(DiscussionService::ordered);
    }));
  }

  /** Prompt threads in the order created, the margin thread last. */
  private static List<DiscussionThread> ordered(List<DiscussionThread> threads) {
    List<DiscussionThread> out = new ArrayList<>(threads);
    out.sort(Comparator.comparing(DiscussionThread::margin).thenComparing(DiscussionThread::id));
    return out;
  }

  Future<DiscussionThread> marginThread(Place place) {
    return threads(place).map(all -> all.stream().filter(DiscussionThread::margin).findFirst().orElseThrow());
  }

  /** The teacher adds a prompt to the assignment's discussion. */
  Future<DiscussionThread> addThread(long assignmentId, User user, String rawTitle, String rawPrompt,
                                     boolean postBeforeSee) {
    return taught(assignmentId, user).compose(place -> {
      String title = PostText.line(rawTitle, PostText.MAX_TITLE, "讨论题的标题");
      String prompt = PostText.prompt(rawPrompt);
      // seed first, so the reading's own prompts keep coming first
      return threads(place).compose(x -> repo.insertThread(place.assignmentId(), DiscussionThread.PROMPT, null, title,
        prompt, postBeforeSee, user.id(), clock.millis()));
    }).compose(repo::thread).map(Optional::orElseThrow);
  }

  /** The teacher changes a thread's title, prompt or "post before see" option. */
  Future<DiscussionThread> updateThread(long threadId, User user, String rawTitle, String rawPrompt,
                                        Boolean postBeforeSee) {
    return moderatedThread(threadId, user).compose(at -> {
      DiscussionThread t = at.thread();
      String title = rawTitle == null ? t.title() : PostText.line(rawTitle, PostText.MAX_TITLE, "讨论题的标题");
      String prompt = rawPrompt == null ? t.prompt() : PostText.prompt(rawPrompt);
      boolean pbs = postBeforeSee == null ? t.postBeforeSee() : postBeforeSee;
      if (t.margin() && (pbs || rawTitle != null || rawPrompt != null)) {
        throw HttpError.badRequest("段落批注区不能改标题或设为“先发后看”。");
      }
      return repo.updateThread(t.id(), title, prompt, pbs, user.id(), clock.millis())
        .compose(x -> repo.thread(t.id())).map(Optional::orElseThrow);
    }).onSuccess(this::publishThread);
  }

  Future<DiscussionThread> setLocked(long threadId, User user, boolean locked) {
    return moderatedThread(threadId, user)
      .compose(at -> repo.setLocked(at.thread().id(), locked, user.id(), clock.millis())
        .compose(x -> repo.thread(at.thread().id())).map(Optional::orElseThrow))
      .onSuccess(this::publishThread);
  }

  private Future<At> moderatedThread(long threadId, User user) {
    return thread(threadId, user).map(at -> {
      requireTeacher(at.place(), user);
      return at;
    });
  }

  // ---- reading ----

  /** Who may see what in one thread: computed once per request (or per live connection). */
  record Visibility(Viewer viewer, DiscussionThread thread, boolean hasPosted, Map<Long, Post> parents) {
    /** True when a student must post before seeing anyone else's posts in this thread. */
    boolean waiting() {
      return !viewer.moderator() && thread.postBeforeSee() && !hasPosted;
    }

    /** Whether the viewer may receive the post; {@code parent} is its top-level post if known. */
    boolean sees(Post post, Post parent) {
      if (viewer.moderator()) {
        return true;
      }
      if (post.hidden()) {
        return false;
      }
      Post p = parent != null ? parent : post.parentId() == null ? null : parents.get(post.parentId());
      if (p != null && p.hidden()) {
        return false;
      }
      return !waiting() || post.authorId() == viewer.id();
    }
  }

  Future<Visibility> visibility(At at) {
    if (at.viewer().moderator()) {
      return Future.succeededFuture(new Visibility(at.viewer(), at.thread(), true, Map.of()));
    }
    return repo.hasPosted(at.thread().id(), at.viewer().id())
      .compose(posted -> repo.posts(at.thread().id(), at.viewer().id()).map(all -> {
        Map<Long, Post> tops = new HashMap<>();
        all.stream().filter(p -> !p.isReply()).forEach(p -> tops.put(p.id(), p));
        return new Visibility(at.viewer(), at.thread(), posted, tops);
      }));
  }

  /** The posts the viewer may see: nothing of others while "post before see" holds them back. */
  Future<ThreadPosts> posts(At at) {
    Future<Boolean> posted = at.viewer().moderator() ? Future.succeededFuture(true)
      : repo.hasPosted(at.thread().id(), at.viewer().id());
    return posted.compose(hasPosted -> repo.posts(at.thread().id(), at.viewer().id()).map(all -> {
      Map<Long, Post> tops = new LinkedHashMap<>();
      all.stream().filter(p -> !p.isReply()).forEach(p -> tops.put(p.id(), p));
      Visibility rules = new Visibility(at.viewer(), at.thread(), hasPosted, tops);
      List<Post> topLevel = new ArrayList<>();
      Map<Long, List<Post>> replies = new HashMap<>();
      List<Post> ownHidden = new ArrayList<>();
      for (Post p : all) {
        if (!rules.sees(p, null)) {
          if (p.hidden() && p.authorId() == at.viewer().id()) {
            ownHidden.add(p);
          }
          continue;
        }
        if (p.isReply()) {
          replies.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
        } else {
          topLevel.add(p);
        }
      }
      // a deleted placeholder is only worth showing while it holds visible replies
      topLevel.removeIf(p -> p.deleted() && replies.getOrDefault(p.id(), List.of()).isEmpty());
      topLevel.sort(Comparator.comparing((Post p) -> !p.pinned()).thenComparing(Post::id));
      return new ThreadPosts(at, topLevel, replies, rules.waiting(), hasPosted, ownHidden);
    }));
  }

  /** The margin comments of one assignment's reading that the user may see, by paragraph order. */
  Future<ThreadPosts> annotations(String readingId, long assignmentId, User user) {
    return place(assignmentId, user).compose(place -> {
      if (!place.readingId().equals(readingId)) {
        return Future.failedFuture(HttpError.notFound("这个作业读的不是这篇文章。"));
      }
      return marginThread(place).compose(t -> posts(new At(t, place, place.viewer(user))));
    });
  }

  // ---- writing ----

  /**
   * Writes a post, a reply ({@code parentId}: a reply to a reply joins its conversation) or, in the
   * margin thread, a comment on a paragraph with an optional quoted sentence from it.
   */
  Future<Post> create(long threadId, User user, String rawBody, Long parentId, Integer paragraph, String rawQuote) {
    return thread(threadId, user).compose(at -> {
      DiscussionThread t = at.thread();
      if (t.locked() && !at.viewer().moderator()) {
        return Future.failedFuture(HttpError.conflict("这个讨论已被老师锁定，不能再发言。"));
      }
      String body = PostText.body(rawBody);
      if (!t.margin() && (paragraph != null || rawQuote != null && !rawQuote.isBlank())) {
        return Future.failedFuture(HttpError.badRequest(
          "段落和引文只用于段落批注：请发到本作业的“段落批注”里。"));
      }
      Future<Post> parent = parentId == null ? Future.succeededFuture(null) : parentFor(at, parentId);
      return parent.compose(par -> {
        Integer para = null;
        String quote = null;
        if (t.margin()) {
          if (par != null) {
            para = par.paragraph();
          } else {
            para = checkParagraph(at.place().readingId(), paragraph);
            quote = checkQuote(at.place().readingId(), para, rawQuote);
          }
        }
        if (!at.viewer().moderator()) {
          long wait = throttle.tryPost(user.id());
          if (wait > 0) {
            return Future.failedFuture(new TooManyPosts(wait));
          }
        }
        Long root = par == null ? null : par.id();
        return repo.insertPost(t.id(), user.id(), root, para, quote, body, clock.millis())
          .compose(id -> repo.post(id, user.id())).map(Optional::orElseThrow)
          .onSuccess(p -> publishPost("post", t, p, par));
      });
    });
  }

  /** The top-level post a reply attaches to: the one named, or the one it replies to. */
  private Future<Post> parentFor(At at, long parentId) {
    return visibility(at).compose(rules -> repo.post(parentId, at.viewer().id()).compose(found -> {
      Post p = found.filter(x -> x.threadId() == at.thread().id() && rules.sees(x, null)).orElse(null);
      if (p == null) {
        return Future.failedFuture(HttpError.notFound("要回复的发言不存在，或不在这个讨论里。"));
      }
      if (!p.isReply()) {
        return Future.succeededFuture(p);
      }
      return repo.post(p.parentId(), at.viewer().id()).map(Optional::orElseThrow);
    })).map(p -> {
      if (p.deleted()) {
        throw HttpError.conflict("这条发言已被作者删除，不能再回复。");
      }
      return p;
    });
  }

  private Integer checkParagraph(String readingId, Integer n) {
    Reading reading = catalog.byId(readingId).orElseThrow(() -> HttpError.notFound("没有这篇文章：" + readingId));
    if (n == null) {
      throw HttpError.badRequest("批注要指明是第几段。");
    }
    Paragraph p = reading.paragraph(n).orElseThrow(() -> HttpError.badRequest(
      "没有第 " + n + " 段：这篇文章共 " + reading.paragraphs().size() + " 段。"));
    if (p.heading()) {
      throw HttpError.badRequest("第 " + n + " 段是小标题，请批注正文段落。");
    }
    return n;
  }

  private String checkQuote(String readingId, int n, String rawQuote) {
    String quote = PostText.clean(rawQuote, false);
    if (quote.isEmpty()) {
      return null;
    }
    if (quote.codePointCount(0, quote.length()) > PostText.MAX_QUOTE) {
      throw HttpError.badRequest("引用的句子太长了：最多 " + PostText.MAX_QUOTE + " 个字。");
    }
    String text = catalog.byId(readingId).flatMap(r -> r.paragraph(n)).map(Paragraph::text).orElse("");
    if (!text.contains(quote)) {
      throw HttpError.badRequest("引用的句子不在第 " + n + " 段里：请从这一段中选一句。");
    }
    return quote;
  }

  /** The author changes the body of a post within {@link #EDIT_WINDOW_MS}. */
  Future<Post> edit(long postId, User user, String rawBody) {
    return ownPost(postId, user).compose(pa -> {
      String body = PostText.body(rawBody);
      return repo.editPost(pa.post().id(), body, clock.millis())
        .compose(x -> repo.post(pa.post().id(), user.id())).map(Optional::orElseThrow)
        .onSuccess(p -> publishPost("update", pa.at().thread(), p, null));
    });
  }

  /** The author deletes a post within {@link #EDIT_WINDOW_MS}. */
  Future<Void> delete(long postId, User user) {
    return ownPost(postId, user).compose(pa -> repo.deletePost(pa.post().id(), clock.millis()).compose(gone -> {
      if (gone) {
        publishPost("remove", pa.at().thread(), pa.post(), null);
        return Future.<Void>succeededFuture();
      }
      return repo.post(pa.post().id(), user.id()).map(Optional::orElseThrow)
        .onSuccess(p -> publishPost("update", pa.at().thread(), p, null)).mapEmpty();
    }));
  }

  private Future<PostAt> ownPost(long postId, User user) {
    return visiblePost(postId, user).map(pa -> {
      Post p = pa.post();
      if (p.authorId() != user.id()) {
        throw HttpError.forbidden("只能修改或删除自己的发言。");
      }
      if (p.deleted()) {
        throw HttpError.notFound("这条发言已经删除了。");
      }
      if (pa.at().thread().locked() && !pa.at().viewer().moderator()) {
        throw HttpError.conflict("这个讨论已被老师锁定，发言不能再修改或删除。");
      }
      if (clock.millis() - p.createdAt() > EDIT_WINDOW_MS) {
        throw HttpError.forbidden("发言 10 分钟之后就不能再修改或删除了。");
      }
      return pa;
    });
  }

  /** Whether the author may still change the post (for showing the buttons). */
  boolean editable(Post p, Viewer viewer, DiscussionThread thread) {
    return p.authorId() == viewer.id() && !p.deleted() && !p.hidden()
      && (!thread.locked() || viewer.moderator()) && clock.millis() - p.createdAt() <= EDIT_WINDOW_MS;
  }

  // ---- moderation ----

  /** A post of the teacher's class; 404 for outsiders, 403 for students. */
  private Future<PostAt> moderatedPost(long postId, User user) {
    return anyPost(postId, user).map(pa -> {
      requireTeacher(pa.at().place(), user);
      return pa;
    });
  }

  Future<Post> hide(long postId, User user, String rawReason) {
    return moderatedPost(postId, user).compose(pa -> {
      String reason = PostText.line(rawReason, PostText.MAX_REASON, "隐藏的理由");
      return repo.setHidden(pa.post(), true, reason, user.id(), clock.millis()).compose(x -> reload(pa, user));
    });
  }

  Future<Post> restore(long postId, User user) {
    return moderatedPost(postId, user)
      .compose(pa -> repo.setHidden(pa.post(), false, null, user.id(), clock.millis()).compose(x -> reload(pa, user)));
  }

  Future<Post> pin(long postId, User user, boolean pinned) {
    return moderatedPost(postId, user).compose(pa -> {
      if (pa.post().isReply()) {
        throw HttpError.badRequest("只能置顶主帖，不能置顶回复。");
      }
      if (pa.post().deleted()) {
        throw HttpError.conflict("这条发言已被作者删除。");
      }
      return repo.setPinned(pa.post(), pinned, user.id(), clock.millis()).compose(x -> reload(pa, user));
    });
  }

  private Future<Post> reload(PostAt pa, User user) {
    return repo.post(pa.post().id(), user.id()).map(Optional::orElseThrow)
      .onSuccess(p -> publishPost("update", pa.at().thread(), p, null));
  }

  /** "有启发": adds the user's reaction to a post, or takes it back. */
  Future<Post> react(long postId, User user) {
    return visiblePost(postId, user).compose(pa -> {
      Post p = pa.post();
      if (p.authorId() == user.id()) {
        return Future.failedFuture(HttpError.badRequest("不能给自己的发言点“有启发”。"));
      }
      if (p.deleted()) {
        return Future.failedFuture(HttpError.conflict("这条发言已被作者删除。"));
      }
      if (pa.at().thread().locked() && !pa.at().viewer().moderator()) {
        return Future.failedFuture(HttpError.conflict("这个讨论已被老师锁定。"));
      }
      return serial.run("react:" + p.id() + ":" + user.id(),
          () -> repo.toggleReaction(p.id(), user.id(), clock.millis()))
        .compose(x -> reload(pa, user));
    });
  }

  /** The moderation trail of a thread, for its teacher. */
  Future<List<DiscussionRepository.ModerationEntry>> moderationLog(At at) {
    if (!at.viewer().moderator()) {
      return Future.succeededFuture(List.of());
    }
    return repo.moderationLog(at.thread().id());
  }

  // ---- participation ----

  Future<List<DiscussionRepository.StudentParticipation>> participation(long assignmentId, User user) {
    return taught(assignmentId, user).compose(repo::participation);
  }

  Future<Optional<ParticipationRule>> rule(Place place) {
    return repo.rule(place.assignmentId());
  }

  /** The teacher sets (or, with null, clears) the assignment's scoring rule. */
  Future<Optional<ParticipationRule>> setRule(long assignmentId, User user, ParticipationRule rule) {
    return taught(assignmentId, user).compose(place -> (rule == null
        ? repo.deleteRule(place.assignmentId())
        : repo.saveRule(place.assignmentId(), rule, clock.millis()))
      .map(Optional.ofNullable(rule)));
  }

  // ---- live ----

  /** Tells the thread's live viewers; each connection then sends only what its viewer may see. */
  private void publishPost(String type, DiscussionThread thread, Post post, Post parent) {
    Future<Boolean> parentHidden = !post.isReply() ? Future.succeededFuture(false)
      : parent != null ? Future.succeededFuture(parent.hidden())
      : repo.post(post.parentId(), 0).map(p -> p.map(Post::hidden).orElse(true));
    parentHidden.onSuccess(hidden -> live.publish(thread.id(), new JsonObject()
      .put("type", type)
      .put("post", PostViews.json(post, null, true))
      .put("parentHidden", hidden)));
  }

  private void publishThread(DiscussionThread thread) {
    live.publish(thread.id(), new JsonObject().put("type", "thread").put("thread", PostViews.threadJson(thread)));
  }
}
