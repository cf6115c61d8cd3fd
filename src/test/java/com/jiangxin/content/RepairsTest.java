package com.jiangxin.content;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The importer's repairs proposed on a pasted text, and made only where accepted. */
class RepairsTest {
  private static final List<String> PASTED = List.of(
    "我有一颗工匠心",
    "小编为大家整理了演讲稿，供大家参考。",
    "工匠精神是一种热爱工作的职业精神。和普通工人不一样的，工匠的工作不单是为了",
    "谋生，而是为了从中获得快乐。",
    "高凤林.却不为所动，都一一拒绝。");

  @Test
  @DisplayName("a boilerplate line, a page-break cut and a stray mark are proposed; a caption is not joined")
  void proposals() {
    List<Repairs.Repair> repairs = Repairs.propose(PASTED);
    assertEquals(List.of(
      new Repairs.Repair(Repairs.BOILERPLATE, 2, PASTED.get(1), ""),
      new Repairs.Repair(Repairs.JOIN, 3, PASTED.get(2) + "\n" + PASTED.get(3), PASTED.get(2) + PASTED.get(3)),
      new Repairs.Repair(Repairs.STRAY_MARK, 5, PASTED.get(4), "高凤林却不为所动，都一一拒绝。")), repairs);
  }

  @Test
  @DisplayName("only the accepted repairs are made")
  void applyChosen() {
    List<Repairs.Repair> repairs = Repairs.propose(PASTED);
    assertEquals(PASTED, Repairs.apply(PASTED, repairs, Set.of()));
    assertEquals(List.of(PASTED.get(0), PASTED.get(1), PASTED.get(2) + PASTED.get(3), PASTED.get(4)),
      Repairs.apply(PASTED, repairs, Set.of(1)));
    assertEquals(List.of(PASTED.get(0), PASTED.get(2) + PASTED.get(3), "高凤林却不为所动，都一一拒绝。"),
      Repairs.apply(PASTED, repairs, Repairs.all(repairs)));
  }

  @Test
  @DisplayName("uploaded bytes are UTF-8 when they are valid UTF-8, GB18030 otherwise")
  void decode() {
    String text = "工匠精神是一种信仰。";
    assertEquals(text, Repairs.decode(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(text, Repairs.decode(text.getBytes(Charset.forName("GB18030"))));
  }
}
