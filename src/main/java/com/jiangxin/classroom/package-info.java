/**
 * Classes: join codes, rosters (with CSV import and printable login slips), assignments of
 * readings with their status and completion, the dashboard, and the demo classroom.
 */
package com.jiangxin.classroom;
