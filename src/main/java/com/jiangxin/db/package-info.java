/**
 * The embedded H2 database: migrations, the shared JDBC pool, and the lock that keeps one server
 * per data folder.
 */
package com.jiangxin.db;
