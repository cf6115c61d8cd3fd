package com.jiangxin.classroom;

import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * The one-line confirmation a page shows after a form's redirect ({@code ?ok=key}). Only these fixed
 * messages are ever shown, so nothing in the address can put text on the page.
 */
final class Flash {
  private static final Map<String, String> MESSAGES = Map.of(
    "created", "班级已创建。把班级码告诉学生，他们就能加入。",
    "code", "已换成新的班级码，旧班级码立即失效。",
    "closed", "已停止加入：学生输入班级码会被拒绝。",
    "opened", "已重新开放加入。",
    "removed", "已把这位学生移出本班（账号和作答记录仍保留）。",
    "assigned", "作业已布置。",
    "updated", "作业已保存。",
    "assignment-closed", "作业已关闭，学生不能再开始作答。",
    "assignment-reopened", "作业已重新开放。");

  private Flash() {
  }

  /** Puts the confirmation named by {@code ?ok=} into the page model, if there is one. */
  static void from(RoutingContext ctx, Map<String, Object> model) {
    String key = ctx.request().getParam("ok");
    if (key != null && MESSAGES.containsKey(key)) {
      model.put("flash", MESSAGES.get(key));
    }
  }

  /** The address of a page with a confirmation. */
  static String to(String path, String key) {
    return path + "?ok=" + key;
  }
}
