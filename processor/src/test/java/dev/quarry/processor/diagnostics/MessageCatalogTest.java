package dev.quarry.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The message catalog is whole and used as written: every message is reported somewhere, every
 * report passes as many arguments as the message's text has placeholders, and docs/errors.md lists
 * exactly the tags Quarry prints.
 */
class MessageCatalogTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/quarry/processor");
  private static final Path ERRORS_DOC = Path.of("../docs/errors.md");

  @Test
  void everyMessageFormatsWithAsManyArgumentsAsItHasPlaceholders() {
    for (Message message : Message.values()) {
      Object[] args = new Object[message.arguments()];
      // 0 fits %s and %02X alike.
      Arrays.fill(args, 0);
      String text = message.format(args);
      assertTrue(!text.isBlank(), message.name());
      assertThrows(
          IllegalArgumentException.class,
          () -> message.format(Arrays.copyOf(args, args.length + 1)),
          message.name());
      if (args.length > 0) {
        assertThrows(
            IllegalArgumentException.class,
            () -> message.format(Arrays.copyOf(args, args.length - 1)),
            message.name());
      }
    }
  }

  @Test
  void formatKeepsTheTextAsWritten() {
    assertEquals(
        "a query named Find already exists at q.sql:1:1; query names must be unique, rename one of"
            + " them",
        Message.DUPLICATE_QUERY_NAME.format("Find", new SourceLocation("q.sql", 1, 1)));
    assertEquals(
        "the file is not valid UTF-8 (byte 0xFE); save it as UTF-8",
        Message.FILE_NOT_UTF8.format(0xFE));
    assertEquals(
        "q.sql:2:3: x: y [SQLSTATE 42601] [quarry:sql-error]",
        Diagnostic.of(
                Message.QUERY_REJECTED, new SourceLocation("q.sql", 2, 3), "x", "y", "", "42601")
            .render());
  }

  /**
   * The catalog holds the wording: a message whose text is only placeholders says whatever its
   * caller assembled elsewhere. The ones listed here still do (their wording is still built by
   * their callers); the list only shrinks.
   */
  @Test
  void messagesHoldTheirWording() {
    Set<String> bare = new TreeSet<>();
    for (Message message : Message.values()) {
      if (message.template().replaceAll("%s", "").isBlank()) {
        bare.add(message.name());
      }
    }
    assertEquals(
        Set.of("LEFTOVERS_REMOVED", "CLEANUP_FAILED", "SQL_NAME_NOT_A_FILE"),
        bare,
        "messages whose text is only placeholders");
  }

  @Test
  void phrasesFormatWithTheirArguments() {
    assertEquals(" (did you mean :one?)", Message.Phrase.DID_YOU_MEAN.format(":one"));
    assertEquals(
        " (did you mean quarry:allow?)", Message.Phrase.DID_YOU_MEAN_OPTION.format("allow"));
    assertThrows(
        IllegalArgumentException.class, () -> Message.Phrase.COMMAND_WITHOUT_COLON.format("x"));
  }

  /** Read from the compiled classes: a constant nothing reads is a message nothing reports. */
  @Test
  void everyMessageIsReportedSomewhere() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.quarry.processor");
    JavaClass catalog = classes.get(Message.class);
    List<String> unused = new ArrayList<>();
    for (Message message : Message.values()) {
      JavaField field = catalog.getField(message.name());
      boolean used =
          field.getAccessesToSelf().stream()
              .anyMatch(access -> !access.getOriginOwner().isEquivalentTo(Message.class));
      if (!used) {
        unused.add(message.name());
      }
    }
    assertEquals(List.of(), unused, "messages that no code reports");
  }

  @Test
  void everyProblemHasAMessage() {
    Set<Problem> missing = EnumSet.allOf(Problem.class);
    for (Message message : Message.values()) {
      missing.remove(message.problem());
    }
    assertEquals(Set.of(), missing, "tags no message uses");
  }

  /**
   * Every call that names a message directly ({@code report(Message.X, location, a, b)}, {@code
   * Diagnostic.of(...)}, and the stages' own {@code error(offset, Message.X, a)}, {@code fail},
   * {@code bad}, {@code finding} and {@code add} helpers) passes as many arguments as the message's
   * text has placeholders. The few calls that choose the message in an expression are covered by
   * the runtime check in {@link Message#format} and the golden cases.
   */
  @Test
  void everyCallPassesAsManyArgumentsAsTheMessageHasPlaceholders() throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      if (file.getFileName().toString().equals("Message.java")) {
        continue;
      }
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Matcher matcher = Pattern.compile("\\bMessage\\.([A-Z][A-Z0-9_]*)\\b").matcher(source);
      while (matcher.find()) {
        Message message = Message.valueOf(matcher.group(1));
        Call call = Call.around(source, matcher.start());
        if (call == null) {
          continue;
        }
        int after = call.arguments().size() - call.messageIndex() - 1;
        int passed;
        switch (call.method()) {
          case "report", "of" -> passed = after - 1; // the location comes first
          case "error", "fail", "bad", "add" -> passed = after;
          case "finding" -> passed = after + 1; // the migration's name comes first
          default -> {
            continue;
          }
        }
        checked++;
        if (passed != message.arguments()) {
          wrong.add(
              file.getFileName()
                  + ":"
                  + lineOf(source, matcher.start())
                  + " "
                  + message
                  + " takes "
                  + message.arguments()
                  + ", gets "
                  + passed);
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(checked > 100, "checked only " + checked + " calls");
  }

  @Test
  void errorsPageListsEveryTag() throws IOException {
    Set<String> documented = new TreeSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `(quarry:[a-z-]+)` \\|")
            .matcher(Files.readString(ERRORS_DOC, StandardCharsets.UTF_8));
    while (row.find()) {
      documented.add(row.group(1));
    }
    Set<String> tags =
        Arrays.stream(Problem.values())
            .map(Problem::tag)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(tags, documented, "the table of tags in docs/errors.md");
  }

  private static int lineOf(String source, int offset) {
    return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }

  /** The method call whose argument list holds the text at {@code offset}, split at its commas. */
  private record Call(String method, List<String> arguments, int messageIndex) {
    static @Nullable Call around(String source, int offset) {
      // Back to the opening parenthesis of the enclosing call.
      int depth = 0;
      int open = -1;
      for (int i = offset - 1; i >= 0; i--) {
        char c = source.charAt(i);
        if (c == ')' || c == ']' || c == '}') {
          depth++;
        } else if (c == '(' || c == '[' || c == '{') {
          if (depth == 0) {
            open = c == '(' ? i : -1;
            break;
          }
          depth--;
        } else if (c == ';' && depth == 0) {
          break;
        }
      }
      if (open < 0) {
        return null;
      }
      int nameEnd = open;
      int nameStart = nameEnd;
      while (nameStart > 0 && Character.isJavaIdentifierPart(source.charAt(nameStart - 1))) {
        nameStart--;
      }
      String method = source.substring(nameStart, nameEnd);
      List<String> arguments = new ArrayList<>();
      int start = open + 1;
      depth = 0;
      int messageIndex = -1;
      for (int i = open + 1; i < source.length(); i++) {
        char c = source.charAt(i);
        if (c == '"') {
          i = endOfString(source, i);
        } else if (c == '\'') {
          i = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
        } else if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
          depth--;
        } else if (c == ',' || c == ')') {
          if (depth == 0) {
            if (start <= offset && offset < i) {
              messageIndex = arguments.size();
            }
            arguments.add(source.substring(start, i).strip());
            start = i + 1;
            if (c == ')') {
              break;
            }
          }
        }
      }
      if (messageIndex < 0 || !arguments.get(messageIndex).startsWith("Message.")) {
        return null;
      }
      return new Call(method, arguments, messageIndex);
    }

    private static int endOfString(String source, int quote) {
      for (int i = quote + 1; ; i++) {
        char c = source.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          return i;
        }
      }
    }
  }
}
