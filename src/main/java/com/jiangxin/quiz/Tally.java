package com.jiangxin.quiz;

/**
 * One bar of the report's answer distribution for a question: what a group of answers counts as.
 *
 * @param key     what the JSON report shows (an option id, a pairing, a normalised text…)
 * @param label   what a teacher reads ("A. 勤劳", "第5段第2句")
 * @param correct whether this bar stands for a right answer
 */
public record Tally(String key, String label, boolean correct) {
}
