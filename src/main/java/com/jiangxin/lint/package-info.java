/**
 * The quiz linter: mechanical checks of a quiz bank (key balance, giveaways, levels, coverage, keys
 * too narrow for obvious equivalents), run as the {@code lint} command and shown on the answer key page.
 */
package com.jiangxin.lint;
