package com.jiangxin.discussion;

import com.jiangxin.account.User;

/**
 * Who is looking at a discussion: a student of the class, or its teacher (the moderator, who also
 * sees hidden posts and is never asked to post before seeing others).
 */
record Viewer(User user, boolean moderator) {
  long id() {
    return user.id();
  }
}
