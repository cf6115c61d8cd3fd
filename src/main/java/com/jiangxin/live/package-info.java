/**
 * Live classroom mode: a teacher runs a quiz question by question on the projector while the class
 * answers on phones. Owns the live tables, the live API, its pages and event streams.
 */
package com.jiangxin.live;
