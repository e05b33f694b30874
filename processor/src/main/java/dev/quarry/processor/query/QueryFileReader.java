package dev.quarry.processor.query;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.Command;
import dev.quarry.processor.syntax.QuarryComment;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.QueryOptions;
import dev.quarry.processor.syntax.StatementSpan;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import dev.quarry.processor.syntax.TokenList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads the named queries of a query file, as sqlc does: the file is split into statements at
 * top-level semicolons, and a statement whose leading comments hold a header ({@code -- name:
 * FindUser :one} or {@code /* name: FindUser :one *}{@code /}) is a query. Statements without a
 * header are skipped (sqlc users keep {@code CREATE TABLE}s there). Comment lines between the
 * header and the statement become the query's documentation.
 *
 * <p>Problems are reported to {@link Diagnostics} at the offending token and the reader goes on, so
 * one build shows every broken header; a query whose header or text is broken is left out of the
 * result.
 */
public final class QueryFileReader {
  private static final Pattern QUERY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String EXAMPLE = "-- name: FindUserByEmail :one";

  /**
   * A comment that reads like a header in any case, with or without the colons: name, then command.
   */
  private static final Pattern NEAR_MISS =
      Pattern.compile("(?i)name\\b\\s*:?\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+(:?[A-Za-z]+)");

  private final Diagnostics diagnostics;

  public QueryFileReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The named queries of {@code file}, in file order. Never throws. */
  public QueryFile read(SourceFile file) {
    String text = file.text();
    // The file is lexed here, once: each query keeps the file's tokens for the later stages.
    TokenList tokens = TokenList.of(text);
    List<StatementSpan> spans = tokens.statements();

    // Looked up for every query: kept apart so that a file of many queries reads in linear time.
    List<Token> unterminated = tokens.stream().filter(t -> t.kind().unterminated()).toList();
    int[] semicolons =
        tokens.stream()
            .filter(t -> t.kind() == TokenKind.SEMICOLON)
            .mapToInt(Token::start)
            .toArray();
    for (Token token : unterminated) {
      diagnostics.report(
          Message.UNTERMINATED_TOKEN,
          file.locationOf(token.start()),
          token.kind().unterminatedWhat(),
          howToClose(text, token));
    }

    // Headers found in each statement's leading comments, and where each comment belongs.
    List<List<Header>> leadingHeaders = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      leadingHeaders.add(new ArrayList<>());
    }
    int spanIndex = 0;
    boolean anyHeader = false;
    for (Token token : tokens) {
      if (!token.kind().comment()) {
        continue;
      }
      Optional<Header> parsed = parseHeader(text, token);
      if (parsed.isEmpty()) {
        anyHeader |= warnNearMiss(file, token);
        continue;
      }
      anyHeader = true;
      Header header = parsed.get();
      while (spanIndex < spans.size() && spans.get(spanIndex).end() <= token.start()) {
        spanIndex++;
      }
      StatementSpan span = spanIndex < spans.size() ? spans.get(spanIndex) : null;
      if (span != null && token.start() >= span.leadingStart() && token.end() <= span.start()) {
        leadingHeaders.get(spanIndex).add(header);
      } else if (span != null && token.start() >= span.start()) {
        // A comment inside a statement: a full header there most likely means a missing ';'.
        if (header.looksComplete()) {
          diagnostics.report(
              Message.HEADER_INSIDE_STATEMENT,
              file.locationOf(token.start()),
              file.lineOf(span.start()));
        }
      } else {
        header.reportProblem(file);
        diagnostics.report(
            Message.HEADER_WITHOUT_STATEMENT, file.locationOf(token.start()), header.describe());
      }
    }

    List<QueryDeclaration> queries = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      List<Header> headers = leadingHeaders.get(i);
      if (headers.isEmpty()) {
        continue;
      }
      for (int h = 0; h < headers.size(); h++) {
        Header header = headers.get(h);
        boolean reported = header.reportProblem(file);
        if (h < headers.size() - 1) {
          diagnostics.report(
              Message.HEADER_BEFORE_HEADER,
              file.locationOf(header.comment().start()),
              header.describe(),
              file.lineOf(headers.get(h + 1).comment().start()));
          continue;
        }
        StatementSpan span = spans.get(i);
        if (reported
            || header.name() == null
            || header.command() == null
            || containsUnterminated(unterminated, semicolons, span)) {
          continue;
        }
        List<String> doc = new ArrayList<>();
        QueryOptions options =
            options(file, header.command(), tokens, header.comment().end(), span.start(), doc);
        queries.add(
            new QueryDeclaration(
                file,
                header.name(),
                header.command(),
                header.comment().start(),
                header.commandOffset(),
                span.start(),
                span.end(),
                doc,
                options,
                tokens));
      }
    }
    if (!anyHeader) {
      diagnostics.report(Message.FILE_WITHOUT_QUERIES, file.start(), EXAMPLE);
    }
    return new QueryFile(file, queries);
  }

  /**
   * Warns about a comment that is not a header but looks meant as one ({@code -- NAME: X :one},
   * {@code -- name X :one}): its statement would be skipped without a word. Returns whether it
   * warned.
   */
  private boolean warnNearMiss(SourceFile file, Token comment) {
    int end = comment.kind() == TokenKind.BLOCK_COMMENT ? comment.end() - 2 : comment.end();
    String content =
        file.text().substring(comment.start() + 2, Math.max(comment.start() + 2, end)).strip();
    java.util.regex.Matcher matcher = NEAR_MISS.matcher(content.split("\\R", 2)[0].strip());
    if (!matcher.matches()) {
      return false;
    }
    String command = matcher.group(2).toLowerCase(Locale.ROOT);
    if (!command.startsWith(":") && Command.fromText(":" + command).isEmpty()) {
      return false;
    }
    String name = matcher.group(1);
    String fixed = "-- name: " + name + " " + (command.startsWith(":") ? command : ":" + command);
    diagnostics.report(Message.HEADER_LOOKALIKE, file.locationOf(comment.start()), fixed);
    return true;
  }

  /**
   * Whether an unterminated string, identifier or comment starts inside the statement, or after its
   * last token but before its {@code ;}: an unterminated block comment is trivia that runs to the
   * end of the file, so it swallows the rest of the statement without being part of its span.
   */
  private static boolean containsUnterminated(
      List<Token> unterminated, int[] semicolons, StatementSpan span) {
    for (Token token : unterminated) {
      if (token.start() < span.start()) {
        continue;
      }
      if (token.start() < span.end()) {
        return true;
      }
      // Terminated when a ';' stands in [span.end(), token.start()).
      int at = Arrays.binarySearch(semicolons, span.end());
      int next = at >= 0 ? at : -at - 1;
      if (next >= semicolons.length || semicolons[next] >= token.start()) {
        return true;
      }
    }
    return false;
  }

  private static String howToClose(String text, Token token) {
    return switch (token.kind()) {
      case UNTERMINATED_STRING -> "close it with ' (write '' for a quote inside the string)";
      case UNTERMINATED_QUOTED_IDENTIFIER ->
          "close it with \" (write \"\" for a quote inside the name)";
      case UNTERMINATED_DOLLAR_STRING -> {
        String raw = token.text(text);
        String delimiter = raw.substring(0, raw.indexOf('$', 1) + 1);
        yield "close it with " + delimiter;
      }
      case UNTERMINATED_BLOCK_COMMENT ->
          "close it with */ (comments nest: every /* needs its own */)";
      default -> "close it";
    };
  }

  /**
   * The {@code -- quarry:<word>} option lines among the comments in {@code [from, to)} (between a
   * header and its statement); the other comments' lines go to {@code doc}. An unknown word, or one
   * that does not fit the command, is an error at the word.
   */
  private QueryOptions options(
      SourceFile file, Command command, List<Token> tokens, int from, int to, List<String> doc) {
    String text = file.text();
    boolean stream = false;
    List<QueryOptions.SortKey> sort = List.of();
    for (Token token : commentsIn(tokens, from, to)) {
      Optional<QuarryComment> option = QuarryComment.of(text, token);
      if (option.isEmpty()) {
        doc.addAll(docLines(text, token));
        continue;
      }
      QuarryComment comment = option.get();
      if (!QueryOptions.WORDS.contains(comment.word())) {
        diagnostics.report(
            Message.QUERY_OPTION_UNKNOWN,
            file.locationOf(comment.wordOffset()),
            comment.word(),
            comment.suggestion(QueryOptions.WORDS),
            QuarryComment.listed(QueryOptions.WORDS));
      } else if (comment.word().equals("sort")) {
        sort = sortKeys(file, command, token, comment, sort);
      } else if (!comment.arguments().isEmpty()) {
        diagnostics.report(
            Message.QUERY_OPTION_TAKES_NOTHING,
            file.locationOf(comment.wordOffset()),
            comment.word(),
            comment.word());
      } else if (command != Command.MANY) {
        diagnostics.report(
            Message.STREAM_NEEDS_MANY, file.locationOf(comment.wordOffset()), command.text());
      } else {
        stream = true;
      }
    }
    return stream || !sort.isEmpty() ? new QueryOptions(stream, sort) : QueryOptions.NONE;
  }

  private static final Pattern SORT_KEY =
      Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_]*\\.)?([A-Za-z_][A-Za-z0-9_]*)");

  /**
   * The keys of {@code -- quarry:sort a, t.b}: each a column or {@code alias.column}, named after
   * its column. Problems are errors at the key; the keys read so far are kept.
   */
  private List<QueryOptions.SortKey> sortKeys(
      SourceFile file,
      Command command,
      Token token,
      QuarryComment comment,
      List<QueryOptions.SortKey> before) {
    String text = file.text();
    if (!before.isEmpty()) {
      diagnostics.report(Message.SORT_TWICE, file.locationOf(comment.wordOffset()));
      return before;
    }
    if (command != Command.MANY && command != Command.ONE) {
      diagnostics.report(
          Message.SORT_NEEDS_ROWS, file.locationOf(comment.wordOffset()), command.text());
      return List.of();
    }
    int argumentsStart = comment.wordOffset() + comment.word().length();
    String arguments = text.substring(argumentsStart, token.end());
    if (arguments.isBlank()) {
      diagnostics.report(Message.SORT_WITHOUT_KEYS, file.locationOf(comment.wordOffset()));
      return List.of();
    }
    List<QueryOptions.SortKey> keys = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    int at = 0;
    for (String part : arguments.split(",", -1)) {
      int offset = argumentsStart + at + (part.length() - part.stripLeading().length());
      at += part.length() + 1;
      String key = part.strip();
      java.util.regex.Matcher matcher = SORT_KEY.matcher(key);
      if (!matcher.matches()) {
        diagnostics.report(Message.SORT_KEY_NOT_A_COLUMN, file.locationOf(offset), key);
        return List.of();
      }
      String name = matcher.group(1).toLowerCase(Locale.ROOT);
      if (!names.add(name)) {
        diagnostics.report(Message.SORT_KEY_REPEATED, file.locationOf(offset), key, name);
        return List.of();
      }
      keys.add(new QueryOptions.SortKey(key, name, offset));
    }
    return keys;
  }

  /** The comment tokens inside {@code [from, to)}. */
  private static List<Token> commentsIn(List<Token> tokens, int from, int to) {
    List<Token> comments = new ArrayList<>();
    // Tokens are in file order without gaps: start at the one holding "from".
    int low = 0;
    int high = tokens.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (tokens.get(middle).end() <= from) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    for (int i = low; i < tokens.size() && tokens.get(i).start() < to; i++) {
      Token token = tokens.get(i);
      if (token.start() < from || token.end() > to || !token.kind().comment()) {
        continue;
      }
      comments.add(token);
    }
    return comments;
  }

  /** The documentation lines of one comment. */
  private static List<String> docLines(String text, Token token) {
    List<String> lines = new ArrayList<>();
    String raw = token.text(text);
    if (token.kind() == TokenKind.LINE_COMMENT) {
      lines.add(raw.substring(2).trim());
      return lines;
    }
    String inner =
        raw.substring(2, raw.endsWith("*/") && raw.length() >= 4 ? raw.length() - 2 : raw.length());
    List<String> blockLines = new ArrayList<>();
    for (String line : inner.split("\r\n|\r|\n", -1)) {
      String trimmed = line.trim();
      // Javadoc-style " * text" continuation lines: the star is decoration, not content.
      if (trimmed.startsWith("*")) {
        trimmed = trimmed.substring(1).trim();
      }
      blockLines.add(trimmed);
    }
    while (!blockLines.isEmpty() && blockLines.get(0).isEmpty()) {
      blockLines.remove(0);
    }
    while (!blockLines.isEmpty() && blockLines.get(blockLines.size() - 1).isEmpty()) {
      blockLines.remove(blockLines.size() - 1);
    }
    lines.addAll(blockLines);
    return lines;
  }

  /** A word of a header comment and its offset in the file. */
  private record Word(String text, int offset) {}

  /**
   * A comment that is meant as a query header ({@code name:} first), with what could be read of it
   * and, if it is broken, the problem to report.
   */
  private final class Header {
    private final Token comment;
    private final List<Word> words;
    private final int nameKeywordOffset;
    private @Nullable String name;
    private @Nullable Command command;
    private int commandOffset = -1;
    private @Nullable Message problem;
    private int problemOffset;
    private @Nullable Object[] problemArguments = {};
    private boolean problemReported;

    Header(Token comment, int nameKeywordOffset, List<Word> words) {
      this.comment = comment;
      this.nameKeywordOffset = nameKeywordOffset;
      this.words = words;
      interpret();
    }

    Token comment() {
      return comment;
    }

    @Nullable String name() {
      return name;
    }

    @Nullable Command command() {
      return command;
    }

    int commandOffset() {
      return commandOffset;
    }

    /** Whether the comment has a name and a colon command, like a header meant to be one. */
    boolean looksComplete() {
      return words.size() >= 2 && words.get(1).text().startsWith(":");
    }

    String describe() {
      return words.isEmpty() ? "\"name:\"" : words.get(0).text();
    }

    /** Reports this header's problem once; true when it has one. */
    boolean reportProblem(SourceFile file) {
      if (problem == null) {
        return false;
      }
      if (!problemReported) {
        diagnostics.report(problem, file.locationOf(problemOffset), problemArguments);
        problemReported = true;
      }
      return true;
    }

    private void fail(int offset, Message message, @Nullable Object... arguments) {
      problem = message;
      problemOffset = offset;
      problemArguments = arguments;
    }

    private void interpret() {
      if (words.isEmpty()) {
        fail(nameKeywordOffset, Message.HEADER_WITHOUT_NAME, EXAMPLE);
        return;
      }
      Word nameWord = words.get(0);
      if (nameWord.text().startsWith(":")) {
        fail(
            nameWord.offset(),
            Message.HEADER_COMMAND_WITHOUT_NAME,
            nameWord.text(),
            nameWord.text());
        return;
      }
      if (!QUERY_NAME.matcher(nameWord.text()).matches()) {
        fail(nameWord.offset(), Message.QUERY_NAME_INVALID, nameWord.text());
        return;
      }
      name = nameWord.text();
      if (words.size() < 2) {
        fail(nameWord.offset(), Message.HEADER_WITHOUT_COMMAND, name, name, knownCommands());
        return;
      }
      Word commandWord = words.get(1);
      Optional<Command> known = Command.fromText(commandWord.text());
      if (known.isEmpty()) {
        String written = commandWord.text();
        fail(
            commandWord.offset(),
            Message.COMMAND_UNKNOWN,
            written,
            name,
            suggestion(written),
            written.startsWith(":") ? "" : Message.Phrase.COMMAND_WITHOUT_COLON.format(),
            knownCommands());
        return;
      }
      command = known.get();
      commandOffset = commandWord.offset();
      if (words.size() > 2) {
        Word extra = words.get(2);
        fail(
            extra.offset(),
            Message.HEADER_EXTRA_WORD,
            extra.text(),
            command.text(),
            name,
            name,
            command.text());
        command = null;
      }
    }

    /** The nearest command within two edits, as {@link Message.Phrase#DID_YOU_MEAN}, or "". */
    private String suggestion(String written) {
      String normalized = written.toLowerCase(Locale.ROOT);
      if (!normalized.startsWith(":")) {
        normalized = ":" + normalized;
      }
      Command nearest = null;
      int best = Integer.MAX_VALUE;
      for (Command candidate : Command.values()) {
        int distance = editDistance(normalized, candidate.text());
        if (distance < best) {
          best = distance;
          nearest = candidate;
        }
      }
      return nearest != null && best <= 2 ? Message.Phrase.DID_YOU_MEAN.format(nearest.text()) : "";
    }
  }

  private static String knownCommands() {
    return Arrays.stream(Command.values()).map(Command::text).collect(Collectors.joining(", "));
  }

  /**
   * The header in a comment, if the comment is one: its text, after the comment start and white
   * space, begins with {@code name} and a colon (white space between them is allowed). Anything
   * else is an ordinary comment.
   */
  private Optional<Header> parseHeader(String text, Token comment) {
    int contentStart = comment.start() + 2;
    int contentEnd = comment.end();
    if (comment.kind() == TokenKind.BLOCK_COMMENT) {
      contentEnd -= 2;
    }
    int i = contentStart;
    while (i < contentEnd && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    int nameKeyword = i;
    if (!text.startsWith("name", i) || i + 4 > contentEnd) {
      return Optional.empty();
    }
    i += 4;
    while (i < contentEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= contentEnd || text.charAt(i) != ':') {
      return Optional.empty();
    }
    i++;
    List<Word> words = new ArrayList<>();
    while (i < contentEnd) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < contentEnd && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      words.add(new Word(text.substring(start, i), start));
    }
    return Optional.of(new Header(comment, nameKeyword, words));
  }

  /** Levenshtein distance, for "did you mean" suggestions. */
  static int editDistance(String a, String b) {
    return QuarryComment.editDistance(a, b);
  }
}
