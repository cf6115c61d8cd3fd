/**
 * Readings: the home page, the reading pages with numbered paragraphs and highlighted examples,
 * the index of cited examples with their questions, and the public reading API.
 */
package com.jiangxin.reading;
