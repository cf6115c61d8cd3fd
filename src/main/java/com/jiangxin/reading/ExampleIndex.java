package com.jiangxin.reading;

import com.jiangxin.content.ReadingCatalog;
import com.jiangxin.content.CitedExample;
import com.jiangxin.content.Reading;
import com.jiangxin.quiz.QuestionRef;
import com.jiangxin.quiz.QuizBank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every example the readings cite, in reading order (an example cited by two readings once), with
 * the sentences that cite it and the questions about it. Immutable once built.
 */
final class ExampleIndex {
  /**
   * One cited example.
   *
   * @param name      the canonical name
   * @param citations where it is cited, one per reading, in reading order
   * @param questions every question about it, in quiz then file order
   */
  record Entry(String name, List<ReadingCatalog.Citation> citations, List<QuestionRef> questions) {

    Reading firstReading() {
      return citations.get(0).reading();
    }
  }

  private final List<Entry> entries;

  ExampleIndex(ReadingCatalog catalog, QuizBank quizzes) {
    Set<String> names = new LinkedHashSet<>();
    for (Reading r : catalog.all()) {
      r.examples().stream().map(CitedExample::name).forEach(names::add);
    }
    List<Entry> list = new ArrayList<>();
    for (String name : names) {
      List<ReadingCatalog.Citation> citations = catalog.citationsOf(name);
      if (!citations.isEmpty()) {
        list.add(new Entry(name, citations, quizzes.forExample(name)));
      }
    }
    this.entries = List.copyOf(list);
  }

  /** Every cited example, in the order the readings first cite them. */
  List<Entry> entries() {
    return entries;
  }
}
