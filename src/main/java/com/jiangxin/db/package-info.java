/**
 * The database, embedded H2 or PostgreSQL: migrations, the shared JDBC pool, and the lock that
 * keeps one server per H2 data folder.
 */
package com.jiangxin.db;
