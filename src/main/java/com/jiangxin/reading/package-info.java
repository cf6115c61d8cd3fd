/**
 * Readings: the home page, the reading pages with numbered paragraphs and highlighted examples,
 * and the public reading API.
 */
package com.jiangxin.reading;
