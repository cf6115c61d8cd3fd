/**
 * Discussion of an assignment: prompt threads, paragraph-anchored comments in the reading's margin,
 * moderation, live updates over server-sent events, and participation counts for the gradebook.
 */
package com.jiangxin.discussion;
