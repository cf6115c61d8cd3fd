/**
 * Teachers' own readings and quizzes: pasting a text with the importer's repairs as proposals,
 * copying a reading with its quiz, publishing quiz versions, and GIFT / Moodle XML interchange.
 */
package com.jiangxin.authoring;
