package com.jiangxin.discussion;

import com.jiangxin.web.Times;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts and threads as the API shows them (JSON) and as the templates show them (maps). Template
 * maps carry every key, false or empty rather than null: Handlebars.java looks a missing key up in
 * the enclosing post, and a reply must never show its parent's quote or buttons.
 */
final class PostViews {
  private PostViews() {
  }

  static String iso(long millis) {
    return Times.iso(millis);
  }

  static String shown(long millis) {
    return Times.display(millis);
  }

  /**
   * A post for the API. {@code viewer} (may be null) adds "mine" and "reacted"; {@code moderatorView}
   * adds whether it is hidden and why.
   */
  static JsonObject json(Post p, Viewer viewer, boolean moderatorView) {
    JsonObject json = new JsonObject()
      .put("id", p.id())
      .put("threadId", p.threadId())
      .put("author", new JsonObject().put("id", p.authorId()).put("displayName", p.authorName())
        .put("teacher", p.authorIsTeacher()))
      .put("body", p.deleted() ? "" : p.body())
      .put("createdAt", iso(p.createdAt()))
      .put("pinned", p.pinned())
      .put("reactions", p.reactions());
    if (p.paragraph() != null) {
      json.put("paragraph", p.paragraph());
    }
    if (p.quote() != null) {
      json.put("quote", p.quote());
    }
    if (p.parentId() != null) {
      json.put("parentId", p.parentId());
    }
    if (p.editedAt() != null) {
      json.put("editedAt", iso(p.editedAt()));
    }
    if (p.deleted()) {
      json.put("deleted", true);
    }
    if (viewer != null) {
      json.put("mine", p.authorId() == viewer.id()).put("reacted", p.reacted());
    }
    if (moderatorView) {
      json.put("hidden", p.hidden());
      if (p.hidden()) {
        json.put("hiddenReason", p.hiddenReason());
      }
    }
    return json;
  }

  static JsonObject threadJson(DiscussionThread t) {
    return new JsonObject()
      .put("id", t.id())
      .put("assignmentId", t.assignmentId())
      .put("kind", t.kind())
      .put("title", t.title())
      .put("prompt", t.prompt())
      .put("postBeforeSee", t.postBeforeSee())
      .put("locked", t.locked());
  }

  /** What every post on a page needs to draw its forms. */
  record PageBits(Viewer viewer, DiscussionThread thread, String csrf, String back, DiscussionService service) {
  }

  /** A top-level post with its replies, for {@code discussion/post}. */
  static Map<String, Object> model(Post p, List<Post> replies, PageBits bits) {
    Map<String, Object> m = single(p, bits);
    List<Map<String, Object>> rs = new ArrayList<>();
    for (Post r : replies) {
      rs.add(single(r, bits));
    }
    m.put("replies", rs);
    m.put("replyCount", rs.size());
    boolean open = !bits.thread().locked() || bits.viewer().moderator();
    m.put("canReply", open && !p.deleted());
    return m;
  }

  /** One post (top-level or reply) without its replies, for {@code discussion/post-main}. */
  static Map<String, Object> single(Post p, PageBits bits) {
    Viewer v = bits.viewer();
    Map<String, Object> m = new HashMap<>();
    m.put("id", p.id());
    m.put("threadId", p.threadId());
    m.put("authorName", p.authorName());
    m.put("authorIsTeacher", p.authorIsTeacher());
    m.put("mine", p.authorId() == v.id());
    m.put("isReply", p.isReply());
    m.put("parentId", p.parentId() == null ? "" : p.parentId());
    m.put("paragraph", p.paragraph() == null ? "" : p.paragraph());
    m.put("quote", p.quote() == null ? "" : p.quote());
    m.put("deleted", p.deleted());
    m.put("body", p.deleted() ? "" : p.body());
    m.put("lines", p.deleted() ? List.of() : PostText.lines(p.body()));
    m.put("createdIso", iso(p.createdAt()));
    m.put("createdText", shown(p.createdAt()));
    m.put("edited", p.editedAt() != null && !p.deleted());
    m.put("pinned", p.pinned());
    m.put("hidden", p.hidden());
    m.put("hiddenReason", p.hiddenReason() == null ? "" : p.hiddenReason());
    m.put("reactions", p.reactions());
    m.put("reacted", p.reacted());
    boolean open = !bits.thread().locked() || v.moderator();
    m.put("canReact", open && !p.deleted() && p.authorId() != v.id());
    boolean editable = bits.service().editable(p, v, bits.thread());
    m.put("canEdit", editable);
    if (editable) {
      long until = p.createdAt() + DiscussionService.EDIT_WINDOW_MS;
      m.put("editUntil", shown(until));
    } else {
      m.put("editUntil", "");
    }
    m.put("canModerate", v.moderator());
    m.put("canPin", v.moderator() && !p.isReply() && !p.deleted());
    m.put("csrf", bits.csrf());
    m.put("back", bits.back());
    m.put("replies", List.of());
    m.put("replyCount", 0);
    m.put("canReply", false);
    return m;
  }

  /** A thread for the list of an assignment's threads. */
  static Map<String, Object> threadModel(DiscussionThread t) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", t.id());
    m.put("title", t.title());
    m.put("promptLines", PostText.lines(t.prompt()));
    m.put("postBeforeSee", t.postBeforeSee());
    m.put("locked", t.locked());
    m.put("margin", t.margin());
    return m;
  }

  /** A paragraph cut into sentences (ending at 。！？；!? and any closing quotes), for choosing a quote. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      i++;
      if ("。！？；!?".indexOf(c) >= 0) {
        while (i < text.length() && "”’」』）\"".indexOf(text.charAt(i)) >= 0) {
          i++;
        }
        add(out, text.substring(start, i));
        start = i;
      }
    }
    add(out, text.substring(start));
    return out;
  }

  private static void add(List<String> out, String sentence) {
    String s = sentence.strip();
    if (!s.isEmpty() && s.codePointCount(0, s.length()) <= PostText.MAX_QUOTE) {
      out.add(s);
    }
  }
}
