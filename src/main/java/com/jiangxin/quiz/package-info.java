/**
 * Quizzes and attempts: the quiz files beside each reading, their question types and grading, the
 * feedback policies, and attempts as a history of appended steps; the only writer of attempt tables.
 */
package com.jiangxin.quiz;
