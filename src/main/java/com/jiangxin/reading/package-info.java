/**
 * Readings: the home page, the reading pages with numbered paragraphs and highlighted examples
 * (other features add to them through a {@link com.jiangxin.reading.ReadingPanel}), the index of
 * cited examples with their questions, and the public reading API.
 */
package com.jiangxin.reading;
