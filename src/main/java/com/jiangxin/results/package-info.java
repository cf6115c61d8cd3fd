/**
 * Class results: the gradebook, assignment reports with item statistics and charts, the grading
 * queue for open answers, CSV exports, a student's own scores, and the demo class's simulated attempts.
 * Results read attempt tables; grades and simulated attempts are written through the quiz feature.
 */
package com.jiangxin.results;
