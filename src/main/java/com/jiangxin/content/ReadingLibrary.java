package com.jiangxin.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the readings of a content directory ({@code quizzes/}): every {@code *.md} file except the
 * {@code *.quiz.md} quiz files. Works on any {@link Path}, including one inside a zip or jar file
 * system, so the packaged application reads the same files as a checkout does.
 */
public final class ReadingLibrary {

  private ReadingLibrary() {
  }

  /**
   * Parses every reading file in {@code dir}.
   *
   * @return the readings sorted by their 篇 number
   * @throws ContentException     if a file is malformed, or two files share an id or a number
   * @throws UncheckedIOException if the directory or a file cannot be read
   */
  public static List<Reading> loadDirectory(Path dir) {
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(ReadingLibrary::isReadingFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the reading directory " + dir, e);
    }

    List<Reading> readings = new ArrayList<>();
    Map<Integer, Reading> byNumber = new HashMap<>();
    Map<String, Reading> byId = new HashMap<>();
    for (Path file : files) {
      String name = file.toString();
      String text = readUtf8(file, name);
      Reading reading = ReadingParser.parse(name, text);
      Reading sameId = byId.putIfAbsent(reading.id(), reading);
      if (sameId != null) {
        throw new ContentException(name, ReadingParser.frontMatterLine(text, "id"),
            "id \"" + reading.id() + "\" is already used by " + sameId.file());
      }
      Reading sameNumber = byNumber.putIfAbsent(reading.number(), reading);
      if (sameNumber != null) {
        throw new ContentException(name, ReadingParser.frontMatterLine(text, "number"),
            "number " + reading.number() + " is already used by " + sameNumber.file()
                + " (each 篇 number belongs to one file)");
      }
      readings.add(reading);
    }
    readings.sort(Comparator.comparingInt(Reading::number));
    return List.copyOf(readings);
  }

  private static boolean isReadingFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".md") && !name.endsWith(".quiz.md") && Files.isRegularFile(p);
  }

  /** Decodes strictly, so a file saved in another encoding is reported at the first bad line. */
  static String readUtf8(Path file, String name) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ContentException(name, line, "the file is not valid UTF-8 (save it as UTF-8)");
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
