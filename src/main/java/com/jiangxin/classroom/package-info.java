/**
 * Classes: join codes, rosters (with CSV import and printable login slips), assignments of
 * readings with their status and completion, the one rule of who may see an assignment
 * ({@link com.jiangxin.classroom.AssignmentAccess}), the assignment page with the panels other
 * features add, the dashboard, and the demo classroom.
 */
package com.jiangxin.classroom;
