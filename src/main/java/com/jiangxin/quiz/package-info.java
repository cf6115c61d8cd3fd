/**
 * Quizzes: the quiz files beside each reading, their question types, and how an answer is checked
 * and graded to a fraction; the quiz API and the teachers' answer key page. Feedback policy and
 * attempts live elsewhere and only call into this.
 */
package com.jiangxin.quiz;
