package com.jiangxin.authoring;

import com.jiangxin.quiz.Question;
import com.jiangxin.quiz.Quiz;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moodle XML ({@code <quiz><question type="…">}), written with the JDK's DOM and read with its
 * parser with DOCTYPEs and external entities refused, so a file cannot make the server read a file
 * or a URL (XXE).
 */
final class MoodleXml {
  private static final Pattern QUESTION_TAG = Pattern.compile("<question[\\s>]");

  private MoodleXml() {
  }

  // ---- export ----

  static String export(Quiz quiz) {
    Document doc = newBuilder().newDocument();
    Element root = doc.createElement("quiz");
    doc.appendChild(root);
    root.appendChild(doc.createComment(" " + quiz.title().replace("--", "—") + "（" + quiz.readingId() + "，版本 "
      + quiz.version() + "） "));
    for (Question q : quiz.questions()) {
      if (!Interchange.SHARED.contains(q.typeName())) {
        root.appendChild(doc.createComment(" 略去 " + q.id() + "：" + Interchange.unsupported(q.typeName()) + " "));
        continue;
      }
      root.appendChild(question(doc, q));
    }
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write Moodle XML", e);
    }
  }

  private static Element question(Document doc, Question q) {
    JsonObject v = q.teacherView();
    String type = switch (q.typeName()) {
      case "single", "multiple" -> "multichoice";
      case "fill" -> "shortanswer";
      case "numeric" -> "numerical";
      case "short" -> "essay";
      default -> q.typeName();
    };
    Element e = doc.createElement("question");
    e.setAttribute("type", type);
    e.appendChild(texted(doc, "name", q.id()));
    Element text = texted(doc, "questiontext", q.prompt());
    text.setAttribute("format", "plain_text");
    e.appendChild(text);
    Element general = texted(doc, "generalfeedback", Interchange.generalFeedback(q));
    general.setAttribute("format", "plain_text");
    e.appendChild(general);
    e.appendChild(plain(doc, "defaultgrade", Interchange.number(q.points())));
    e.appendChild(plain(doc, "idnumber", q.id()));
    switch (q.typeName()) {
      case "single", "multiple" -> {
        boolean single = q.typeName().equals("single");
        e.appendChild(plain(doc, "single", String.valueOf(single)));
        e.appendChild(plain(doc, "shuffleanswers", "true"));
        e.appendChild(plain(doc, "answernumbering", "ABCD"));
        List<Object> key = single ? List.of(v.getString("answer")) : v.getJsonArray("answer").getList();
        String each = Interchange.number(100.0 / key.size());
        for (Object o : v.getJsonArray("options")) {
          JsonObject c = (JsonObject) o;
          boolean right = key.contains(c.getString("id"));
          e.appendChild(answer(doc, single ? (right ? "100" : "0") : (right ? each : "-" + each), c.getString("text")));
        }
      }
      case "truefalse" -> {
        boolean truth = v.getBoolean("answer");
        e.appendChild(answer(doc, truth ? "100" : "0", "true"));
        e.appendChild(answer(doc, truth ? "0" : "100", "false"));
      }
      case "fill" -> {
        e.appendChild(plain(doc, "usecase", "0"));
        e.appendChild(answer(doc, "100", v.getString("answer")));
        v.getJsonArray("accept").forEach(alt -> e.appendChild(answer(doc, "100", (String) alt)));
      }
      case "numeric" -> {
        Element a = answer(doc, "100", String.valueOf(v.getValue("answer")));
        a.appendChild(plain(doc, "tolerance", String.valueOf(v.getValue("tolerance"))));
        e.appendChild(a);
        if (v.getString("unit") != null) {
          Element units = doc.createElement("units");
          Element unit = doc.createElement("unit");
          unit.appendChild(plain(doc, "multiplier", "1"));
          unit.appendChild(plain(doc, "unit_name", v.getString("unit")));
          units.appendChild(unit);
          e.appendChild(units);
        }
      }
      case "matching" -> {
        e.appendChild(plain(doc, "shuffleanswers", "true"));
        Map<String, String> right = new LinkedHashMap<>();
        v.getJsonArray("right").forEach(o -> right.put(((JsonObject) o).getString("id"), ((JsonObject) o).getString("text")));
        JsonObject pairs = v.getJsonObject("answer");
        for (Object o : v.getJsonArray("left")) {
          JsonObject l = (JsonObject) o;
          String r = pairs.getString(l.getString("id"));
          e.appendChild(subquestion(doc, l.getString("text"), right.get(r)));
        }
        // a right entry no left one is paired with: Moodle's extra wrong answer, a subquestion without text
        right.forEach((id, rtext) -> {
          if (!pairs.getMap().containsValue(id)) {
            e.appendChild(subquestion(doc, "", rtext));
          }
        });
      }
      default -> {
        Element grader = texted(doc, "graderinfo", v.getString("rubric"));
        grader.setAttribute("format", "plain_text");
        e.appendChild(grader);
        e.appendChild(plain(doc, "responseformat", "plain"));
      }
    }
    Element tags = doc.createElement("tags");
    for (String tag : Interchange.tags(q)) {
      tags.appendChild(texted(doc, "tag", tag));
    }
    e.appendChild(tags);
    return e;
  }

  private static Element subquestion(Document doc, String left, String right) {
    Element sub = texted(doc, "subquestion", left);
    sub.setAttribute("format", "plain_text");
    sub.appendChild(texted(doc, "answer", right));
    return sub;
  }

  private static Element answer(Document doc, String fraction, String text) {
    Element a = texted(doc, "answer", text);
    a.setAttribute("fraction", fraction);
    a.setAttribute("format", "plain_text");
    return a;
  }

  private static Element texted(Document doc, String name, String text) {
    Element e = doc.createElement(name);
    e.appendChild(plain(doc, "text", text));
    return e;
  }

  private static Element plain(Document doc, String name, String text) {
    Element e = doc.createElement(name);
    e.setTextContent(text);
    return e;
  }

  // ---- import ----

  /** A file that is not well-formed XML (or declares a DOCTYPE), with the line where it stops. */
  static final class Malformed extends Exception {
    final int line;

    Malformed(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /** Every {@code <question>} of a Moodle XML text, read into the teacher-view shape or skipped with a reason. */
  static List<Interchange.Read> read(String xml) throws Malformed {
    Document doc;
    try {
      doc = newBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (org.xml.sax.SAXParseException e) {
      throw new Malformed(Math.max(1, e.getLineNumber()), "不是有效的 Moodle XML：" + e.getMessage());
    } catch (SAXException | IOException e) {
      throw new Malformed(1, "不是有效的 Moodle XML：" + e.getMessage());
    }
    List<Integer> lines = questionLines(xml);
    List<Interchange.Read> out = new ArrayList<>();
    NodeList questions = doc.getElementsByTagName("question");
    for (int k = 0; k < questions.getLength(); k++) {
      Element e = (Element) questions.item(k);
      int line = k < lines.size() ? lines.get(k) : 1;
      String type = e.getAttribute("type");
      if (type.equals("category")) {
        continue;
      }
      out.add(question(e, type, line));
    }
    return out;
  }

  private static Interchange.Read question(Element e, String type, int line) {
    JsonObject q = new JsonObject().put("prompt", text(child(e, "questiontext")));
    String id = plainText(child(e, "idnumber"));
    String name = text(child(e, "name"));
    if (id != null && !id.isBlank()) {
      q.put("id", id.strip());
    } else if (name != null && name.strip().matches("[a-z0-9][a-z0-9-]*")) {
      q.put("id", name.strip());
    }
    String grade = plainText(child(e, "defaultgrade"));
    if (grade != null) {
      try {
        q.put("points", new BigDecimal(grade.strip()).doubleValue());
      } catch (NumberFormatException ex) {
        return Interchange.Read.skip(line, "defaultgrade 不是数字：" + grade);
      }
    }
    List<Element> answers = children(e, "answer");
    switch (type) {
      case "multichoice" -> {
        JsonArray options = new JsonArray();
        List<String> right = new ArrayList<>();
        boolean single = !"false".equalsIgnoreCase(String.valueOf(plainText(child(e, "single"))).strip());
        for (int k = 0; k < answers.size(); k++) {
          String optionId = Interchange.letter(k);
          options.add(new JsonObject().put("id", optionId).put("text", text(answers.get(k))));
          if (fraction(answers.get(k)) > 0) {
            right.add(optionId);
          }
        }
        if (right.isEmpty()) {
          return Interchange.Read.skip(line, "选择题没有正确的选项");
        }
        q.put("options", options);
        if (single && right.size() == 1) {
          q.put("type", "single").put("answer", right.get(0));
        } else {
          q.put("type", "multiple").put("answer", new JsonArray(new ArrayList<>(right)));
        }
      }
      case "truefalse" -> {
        Boolean truth = null;
        for (Element a : answers) {
          if (fraction(a) >= 100) {
            truth = "true".equalsIgnoreCase(String.valueOf(text(a)).strip());
          }
        }
        if (truth == null) {
          return Interchange.Read.skip(line, "判断题没有满分的答案");
        }
        q.put("type", "truefalse").put("answer", truth);
      }
      case "shortanswer" -> {
        List<String> full = answers.stream().filter(a -> fraction(a) >= 100).map(MoodleXml::text).toList();
        if (full.isEmpty()) {
          return Interchange.Read.skip(line, "简答（填空）题没有满分的答案");
        }
        q.put("type", "fill").put("answer", full.get(0)).put("accept", new JsonArray(new ArrayList<>(full.subList(1, full.size()))));
      }
      case "numerical" -> {
        Element a = answers.stream().filter(x -> fraction(x) >= 100).findFirst().orElse(null);
        if (a == null) {
          return Interchange.Read.skip(line, "数值题没有满分的答案");
        }
        try {
          String tol = plainText(child(a, "tolerance"));
          q.put("type", "numeric").put("answer", new BigDecimal(text(a).strip()).doubleValue())
            .put("tolerance", tol == null ? 0.0 : new BigDecimal(tol.strip()).abs().doubleValue());
        } catch (NumberFormatException | NullPointerException ex) {
          return Interchange.Read.skip(line, "数值题的答案不是数字");
        }
        Element unit = child(e, "units") == null ? null : child(child(e, "units"), "unit");
        if (unit != null && plainText(child(unit, "unit_name")) != null) {
          q.put("unit", plainText(child(unit, "unit_name")).strip());
        }
      }
      case "matching" -> {
        List<String> lefts = new ArrayList<>();
        List<String> pairedRight = new ArrayList<>();
        List<String> rights = new ArrayList<>();
        for (Element sub : children(e, "subquestion")) {
          String left = text(sub);
          String right = text(child(sub, "answer"));
          if (right == null || right.isBlank()) {
            continue;
          }
          if (!rights.contains(right.strip())) {
            rights.add(right.strip());
          }
          if (left != null && !left.isBlank()) {
            lefts.add(left.strip());
            pairedRight.add(right.strip());
          }
        }
        if (lefts.size() < 2) {
          return Interchange.Read.skip(line, "配对题至少要有两对");
        }
        List<String> rightIds = Interchange.rightIds(rights.size());
        JsonArray left = new JsonArray();
        JsonArray right = new JsonArray();
        JsonObject pairs = new JsonObject();
        for (int k = 0; k < rights.size(); k++) {
          right.add(new JsonObject().put("id", rightIds.get(k)).put("text", rights.get(k)));
        }
        for (int k = 0; k < lefts.size(); k++) {
          left.add(new JsonObject().put("id", "L" + (k + 1)).put("text", lefts.get(k)));
          pairs.put("L" + (k + 1), rightIds.get(rights.indexOf(pairedRight.get(k))));
        }
        q.put("type", "matching").put("left", left).put("right", right).put("answer", pairs);
      }
      case "essay" -> {
        q.put("type", "short");
        String rubric = text(child(e, "graderinfo"));
        if (rubric != null && !rubric.isBlank()) {
          q.put("rubric", rubric.strip());
        }
      }
      default -> {
        return Interchange.Read.skip(line, "不支持的 Moodle 题型：" + (type.isEmpty() ? "（未标明）" : type));
      }
    }
    Interchange.readFeedback(text(child(e, "generalfeedback")), q);
    Element tags = child(e, "tags");
    if (tags != null) {
      Interchange.readTags(children(tags, "tag").stream().map(MoodleXml::text).filter(t -> t != null).toList(), q);
    }
    return Interchange.Read.ok(line, q);
  }

  private static double fraction(Element answer) {
    try {
      return Double.parseDouble(answer.getAttribute("fraction").strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The {@code <text>} inside an element, or null. */
  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    Element t = child(e, "text");
    return t == null ? null : t.getTextContent();
  }

  private static String plainText(Element e) {
    return e == null ? null : e.getTextContent();
  }

  private static Element child(Element e, String name) {
    if (e == null) {
      return null;
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The line each {@code <question} starts on, in document order (DOM keeps no line numbers). */
  private static List<Integer> questionLines(String xml) {
    List<Integer> lines = new ArrayList<>();
    Matcher m = QUESTION_TAG.matcher(xml);
    int line = 1;
    int at = 0;
    while (m.find()) {
      for (int k = at; k < m.start(); k++) {
        if (xml.charAt(k) == '\n') {
          line++;
        }
      }
      at = m.start();
      lines.add(line);
    }
    return lines;
  }

  /** A DOM parser that refuses DOCTYPEs, external entities and XInclude. */
  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      // errors end the parse with an exception; nothing is printed
      b.setErrorHandler(new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
          throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
          throw e;
        }
      });
      return b;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be made safe", e);
    }
  }
}
