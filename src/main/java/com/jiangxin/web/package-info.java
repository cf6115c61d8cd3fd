/**
 * Shared web plumbing: the base router, security headers, templates, the small helpers every
 * handler uses to answer (page, JSON, redirect, error), and what one client may take of the
 * server (body sizes, connections and timeouts, the one throttle).
 */
package com.jiangxin.web;
