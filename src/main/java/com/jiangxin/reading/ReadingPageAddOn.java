package com.jiangxin.reading;

import java.util.List;
import java.util.Map;

/**
 * Something another feature adds to one request's reading page (the discussion's margin comments,
 * say). A handler mounted before the reading page leaves it in the routing context under
 * {@link #KEY}; the page calls it once its model is built.
 */
public interface ReadingPageAddOn {
  String KEY = "reading.addOn";

  /**
   * Adds to the page model and to the paragraphs' models (each has {@code n} and {@code heading}).
   * Text goes to the template as values, never as markup.
   */
  void decorate(Map<String, Object> model, List<Map<String, Object>> paragraphs);
}
