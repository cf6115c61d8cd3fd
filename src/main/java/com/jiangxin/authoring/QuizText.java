package com.jiangxin.authoring;

import com.jiangxin.content.Reading;
import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Whole quiz files in the native format, put together from a header and question blocks. */
final class QuizText {
  /** The prompts a new quiz starts with (the format asks for two or three); the teacher may change them. */
  static final List<String> DEFAULT_DISCUSS = List.of(
    "读了这篇文章，哪个例子最打动你？为什么？",
    "文章的观点你同意吗？结合自己的经历说说理由。");

  private QuizText() {
  }

  /** The front matter and the discussion prompts. */
  static String header(String readingId, String title, List<String> discuss) {
    StringBuilder out = new StringBuilder("---\n");
    out.append("reading: ").append(readingId).append('\n');
    out.append("title: ").append(QuestionJson.flat(title)).append('\n');
    out.append("---\n\n");
    for (String d : discuss.size() >= 2 && discuss.size() <= 3 ? discuss : DEFAULT_DISCUSS) {
      out.append("discuss: ").append(QuestionJson.flat(d)).append('\n');
    }
    return out.toString();
  }

  /** A quiz written out again for another reading (a copy), from its teacher view. */
  static String copyOf(Quiz quiz, Reading reading, String newReadingId, String title) {
    StringBuilder out = new StringBuilder(header(newReadingId, title, quiz.discussionPrompts()));
    Set<String> ids = new HashSet<>();
    for (Question q : quiz.questions()) {
      out.append('\n').append(QuestionJson.render(q.teacherView(), reading, ids).text());
    }
    return out.toString();
  }
}
