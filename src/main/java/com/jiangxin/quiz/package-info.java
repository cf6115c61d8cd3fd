/**
 * Quizzes: the quiz files beside each reading, their question types, and how an answer is checked
 * and graded to a fraction. Feedback policy and attempts live elsewhere and only call into this.
 */
package com.jiangxin.quiz;
