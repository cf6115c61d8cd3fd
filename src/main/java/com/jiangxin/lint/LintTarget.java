package com.jiangxin.lint;

import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Quiz;

/**
 * A loaded quiz under check, with its reading and where its parts are in the file.
 *
 * @param file    the file's name as findings print it
 * @param quiz    the quiz as the real loader read it
 * @param reading the reading the quiz belongs to
 * @param source  the lines of the file
 */
record LintTarget(String file, Quiz quiz, Reading reading, QuizSource source) {
}
