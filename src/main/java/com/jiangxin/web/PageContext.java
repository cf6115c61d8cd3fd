package com.jiangxin.web;

/**
 * Per-request values every page's layout needs (the signed-in user, the CSRF token, ...). Features
 * put them under {@link #KEY} in the routing context as a {@code Map<String,Object>}.
 */
public final class PageContext {
  public static final String KEY = "page";

  private PageContext() {
  }
}
