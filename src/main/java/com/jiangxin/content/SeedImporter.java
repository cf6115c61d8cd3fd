package com.jiangxin.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the web-scraped speech collection (the seed) into the nine reading files
 * {@code pian-01.md} … {@code pian-09.md}. The speeches' words are kept verbatim; the importer only
 * removes what the scrape added around them and repairs what it broke:
 * <ul>
 *   <li>the collection's title and preface (everything before 篇一) and publisher boilerplate lines
 *       (the {@code drop:} markers of the editorial file) are left out;</li>
 *   <li>a stray {@code .} or {@code '} between two Chinese characters is removed;</li>
 *   <li>a <em>caption</em> — a short line (at most {@value #CAPTION_MAX_LENGTH} characters) with no
 *       clause punctuation, followed by a normal paragraph — becomes a {@code ## } heading;</li>
 *   <li>a paragraph cut by a page break — a block that does not end in sentence-final or closing
 *       punctuation and is not a caption — is joined to the block that follows it.</li>
 * </ul>
 * Titles and cited examples come from {@code content/editorial.txt}. The same tests of a line
 * propose repairs on a text a teacher pastes ({@link Repairs}).
 */
public final class SeedImporter {

  /** The longest line still taken for a caption; the seed's captions are 10 to 25 characters. */
  static final int CAPTION_MAX_LENGTH = 30;

  /** A paragraph ending in one of these is complete (salutations end in "："). */
  private static final String TERMINAL = "。！？!?…；;：:”’」』》）)】~.";
  /** A caption is a title-like phrase: none of these inside it. */
  private static final String CLAUSE_PUNCTUATION = "，,、；;。！？!?";
  private static final Pattern PIAN_HEADING = Pattern.compile(".{0,30}篇([一二三四五六七八九十]+)");
  private static final Pattern STRAY_MARK = Pattern.compile("(?<=\\p{IsHan})[.'](?=\\p{IsHan})");
  private static final String SOURCE_SEPARATOR = " · ";

  private SeedImporter() {
  }

  /** A page-break repair: the end of the cut block, the start of its continuation. */
  record Join(int number, int seedLine, String before, String after) {
    @Override
    public String toString() {
      return "篇" + Editorial.NUMERALS.charAt(number - 1) + " (seed line " + seedLine + "): …"
          + before + " + " + after + "…";
    }
  }

  /** What an import produced. */
  record Result(List<Path> files, List<Join> joins) {
  }

  /** One imported reading, before it is written. */
  record Piece(int number, String fileName, String text, List<Join> joins) {
  }

  private record Line(String text, int seedLine) {
  }

  private record Article(int number, int seedLine, List<Line> lines) {
  }

  /**
   * Imports the seed with the standard editorial file and writes the nine reading files.
   *
   * @param seedFile the scraped collection (UTF-8 text)
   * @param outDir   where to write {@code pian-NN.md}; created if missing; other files are left alone
   * @return the files written, in 篇 order
   * @throws ContentException     if the seed does not have the expected shape, or a TERM of the
   *                              editorial file is not in the imported text
   * @throws UncheckedIOException if the seed cannot be read or the output cannot be written
   */
  public static List<Path> importSeed(Path seedFile, Path outDir) {
    return importSeed(seedFile, outDir, Editorial.standard()).files();
  }

  static Result importSeed(Path seedFile, Path outDir, Editorial editorial) {
    String seedName = seedFile.toString();
    List<Piece> pieces = convert(seedName, ReadingLibrary.readUtf8(seedFile, seedName), editorial);
    List<Path> written = new ArrayList<>();
    List<Join> joins = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
      for (Piece piece : pieces) {
        Path file = outDir.resolve(piece.fileName());
        Files.writeString(file, piece.text(), StandardCharsets.UTF_8);
        written.add(file);
        joins.addAll(piece.joins());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the readings to " + outDir, e);
    }
    return new Result(List.copyOf(written), List.copyOf(joins));
  }

  /** Converts the whole seed in memory; nothing is written unless every reading is valid. */
  static List<Piece> convert(String seedName, String seedText, Editorial editorial) {
    List<String> lines = ReadingParser.lines(seedText);
    String collectionTitle = lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
        .orElseThrow(() -> new ContentException(seedName, 1, "the seed is empty"));
    List<Article> articles = splitArticles(seedName, lines, editorial);

    List<Piece> pieces = new ArrayList<>();
    for (Article article : articles) {
      Editorial.Entry entry = editorial.entry(article.number());
      if (entry == null) {
        throw new ContentException(seedName, article.seedLine(), "篇" + label(article.number())
            + " has no entry (title and examples) in " + editorial.file());
      }
      List<Join> joins = new ArrayList<>();
      List<Paragraph> blocks = repair(article, joins);
      checkTerms(entry, blocks, editorial);
      String fileName = String.format("pian-%02d.md", article.number());
      String text = render(fileName, entry, collectionTitle + SOURCE_SEPARATOR + "篇" + label(article.number()), blocks);
      ReadingParser.parse(fileName, text);
      pieces.add(new Piece(article.number(), fileName, text, joins));
    }
    for (int number : editorial.numbers()) {
      if (number > articles.size()) {
        throw new ContentException(seedName, lines.size(), editorial.file() + " describes 篇"
            + label(number) + " but the seed has no heading ending in 篇" + label(number));
      }
    }
    return pieces;
  }

  private static List<Article> splitArticles(String seedName, List<String> lines, Editorial editorial) {
    List<Article> articles = new ArrayList<>();
    Article current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int seedLine = i + 1;
      Matcher heading = PIAN_HEADING.matcher(line);
      if (heading.matches()) {
        int number = Editorial.NUMERALS.indexOf(heading.group(1)) + 1;
        if (heading.group(1).length() != 1 || number == 0) {
          throw new ContentException(seedName, seedLine,
              "only 篇一 to 篇九 are supported, found \"" + line + "\"");
        }
        if (number != articles.size() + 1) {
          throw new ContentException(seedName, seedLine, "expected the heading of 篇"
              + label(articles.size() + 1) + " here, found \"" + line + "\"");
        }
        current = new Article(number, seedLine, new ArrayList<>());
        articles.add(current);
      } else if (current != null && !line.isEmpty() && !editorial.isBoilerplate(line)) {
        current.lines().add(new Line(line, seedLine));
      }
    }
    if (articles.isEmpty()) {
      throw new ContentException(seedName, 1, "no speech heading ending in 篇一 was found");
    }
    for (Article article : articles) {
      if (article.lines().isEmpty()) {
        throw new ContentException(seedName, article.seedLine(),
            "篇" + label(article.number()) + " has no text");
      }
    }
    return articles;
  }

  /** Removes stray marks, turns captions into headings and joins blocks cut by page breaks. */
  private static List<Paragraph> repair(Article article, List<Join> joins) {
    List<String> texts = article.lines().stream().map(l -> removeStrayMarks(l.text())).toList();
    List<Paragraph> blocks = new ArrayList<>();
    int i = 0;
    while (i < texts.size()) {
      int seedLine = article.lines().get(i).seedLine();
      if (isCaption(texts, i)) {
        blocks.add(new Paragraph(blocks.size() + 1, texts.get(i), true, seedLine));
        i++;
        continue;
      }
      String text = texts.get(i);
      while (!endsComplete(text) && i + 1 < texts.size() && !isCaption(texts, i + 1)) {
        String next = texts.get(i + 1);
        joins.add(new Join(article.number(), seedLine, tail(text), head(next)));
        text = removeStrayMarks(text + next);
        i++;
      }
      blocks.add(new Paragraph(blocks.size() + 1, text, false, seedLine));
      i++;
    }
    return blocks;
  }

  static String removeStrayMarks(String text) {
    return STRAY_MARK.matcher(text).replaceAll("");
  }

  static boolean endsComplete(String text) {
    return !text.isEmpty() && TERMINAL.indexOf(text.charAt(text.length() - 1)) >= 0;
  }

  /** Short, no clause punctuation, not ending a sentence: reads like a title, not like prose. */
  static boolean looksLikeCaption(String text) {
    if (text.codePointCount(0, text.length()) > CAPTION_MAX_LENGTH || endsComplete(text)) {
      return false;
    }
    return text.chars().noneMatch(c -> CLAUSE_PUNCTUATION.indexOf(c) >= 0);
  }

  /** A caption-like line (or a run of them) that a normal paragraph follows. */
  private static boolean isCaption(List<String> texts, int i) {
    int j = i;
    while (j < texts.size() && looksLikeCaption(texts.get(j))) {
      j++;
    }
    return j > i && j < texts.size();
  }

  private static void checkTerms(Editorial.Entry entry, List<Paragraph> blocks, Editorial editorial) {
    for (int k = 0; k < entry.examples().size(); k++) {
      CitedExample example = entry.examples().get(k);
      for (String term : example.terms()) {
        if (blocks.stream().noneMatch(b -> b.text().contains(term))) {
          throw new ContentException(editorial.file(), entry.exampleLines().get(k),
              "TERM \"" + term + "\" of example \"" + example.name() + "\" is not in the imported text of 篇"
                  + label(entry.number()) + " (fix the TERM to match the speech)");
        }
      }
    }
  }

  private static String render(String fileName, Editorial.Entry entry, String source, List<Paragraph> blocks) {
    StringBuilder out = new StringBuilder();
    out.append(ReadingParser.FENCE).append('\n');
    out.append("id: ").append(ReadingParser.baseName(fileName)).append('\n');
    out.append("number: ").append(entry.number()).append('\n');
    out.append("title: ").append(entry.title()).append('\n');
    out.append("source: ").append(source).append('\n');
    out.append("examples:\n");
    for (CitedExample example : entry.examples()) {
      out.append("  - ").append(example.name()).append(": ")
          .append(String.join(ReadingParser.TERM_SEPARATOR, example.terms())).append('\n');
    }
    out.append(ReadingParser.FENCE).append('\n');
    for (Paragraph block : blocks) {
      out.append('\n');
      if (block.heading()) {
        out.append(ReadingParser.HEADING_PREFIX);
      }
      out.append(block.text()).append('\n');
    }
    return out.toString();
  }

  private static String label(int number) {
    return String.valueOf(Editorial.NUMERALS.charAt(number - 1));
  }

  private static String tail(String text) {
    return text.substring(Math.max(0, text.length() - 8));
  }

  private static String head(String text) {
    return text.substring(0, Math.min(8, text.length()));
  }
}
