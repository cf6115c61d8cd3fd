/**
 * Shared web plumbing: the base router, security headers, templates, and the small helpers every
 * handler uses to answer (page, JSON, redirect, error).
 */
package com.jiangxin.web;
