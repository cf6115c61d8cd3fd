package com.jiangxin.reading;

import java.util.List;
import java.util.Map;

/**
 * Something another feature adds to one request's reading page (the discussion's margin comments,
 * say), offered by a {@link ReadingPanel}; the page calls it once its model is built.
 */
public interface ReadingPageAddOn {
  /**
   * Adds to the page model and to the paragraphs' models (each has {@code n} and {@code heading}).
   * Text goes to the template as values, never as markup.
   */
  void decorate(Map<String, Object> model, List<Map<String, Object>> paragraphs);
}
