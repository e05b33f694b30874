package dev.quarry.processor.dynamic;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.Command;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.QueryOptions.SortKey;
import dev.quarry.processor.syntax.Token;
import dev.quarry.processor.syntax.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The optional blocks and the run-time sort of one query (docs/dynamic-queries.md).
 *
 * <p>A block is the text between {@code /*[if @name]*}{@code /} and {@code /*[end]*}{@code /}: both
 * are comments, so the file stays plain SQL that PostgreSQL and sqlc read as written (every block
 * on). The block is in the statement only when the caller gives {@code @name}. Blocks that test the
 * same parameter switch together: each distinct parameter is one {@link Switch}. Blocks do not
 * nest, hold whole parenthesised groups, and use their parameter inside; the parameter is used
 * nowhere outside its blocks.
 *
 * <p>A run-time sort ({@code -- quarry:sort key, ...} under the header) puts the caller's key in
 * front of the items of the statement's top-level {@code ORDER BY}, which stay as tie-breakers.
 *
 * @param blocks the blocks, in file order
 * @param switches the distinct parameters of the blocks, in order of first use
 * @param sortAt the file offset of the first item of the top-level {@code ORDER BY} when the query
 *     has a run-time sort, else -1
 * @param sort the sort keys, empty when there is no run-time sort
 * @param end the end of the query's text with its markers: past the statement's last token when a
 *     closing marker follows it (before the {@code ;}), else -1
 */
public record Blocks(
    List<Block> blocks, List<Switch> switches, int sortAt, List<SortKey> sort, int end) {
  /** Most switches of one query: past 6 the checked variants grow with the square of the count. */
  public static final int MAX_SWITCHES = 16;

  /** Up to this many switches every combination is checked; past it, the scheme of {@link Plan}. */
  public static final int ALL_COMBINATIONS_UP_TO = 6;

  private static final Blocks NONE = new Blocks(List.of(), List.of(), -1, List.of(), -1);
  private static final Pattern MARKER =
      Pattern.compile("\\[\\s*([A-Za-z]*)\\s*(.*?)\\s*\\]", Pattern.DOTALL);
  private static final Pattern PARAMETER = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)");

  public Blocks {
    blocks = List.copyOf(blocks);
    switches = List.copyOf(switches);
    sort = List.copyOf(sort);
  }

  /** One optional block: {@code [ifStart, ifEnd)} is its opening marker, then its text. */
  public record Block(int switchIndex, int ifStart, int ifEnd, int endStart, int endEnd) {}

  /**
   * One parameter that switches blocks.
   *
   * @param name the parameter's name as first written
   * @param key its name lower-cased, as parameters are compared
   * @param markerOffset the offset of its first block's opening marker
   */
  public record Switch(String name, String key, int markerOffset) {}

  /** Whether the query has blocks or a run-time sort. */
  public boolean dynamic() {
    return !blocks.isEmpty() || sortAt >= 0;
  }

  /** The blocks and sort of {@code query}, without reporting problems (it was read once before). */
  public static Blocks of(QueryDeclaration query) {
    return read(query, new Diagnostics()).orElse(NONE);
  }

  /**
   * Reads the blocks and the sort of {@code query}; empty when a problem was reported, the plain
   * value {@link #dynamic() not dynamic} when the query has neither.
   */
  public static Optional<Blocks> read(QueryDeclaration query, Diagnostics diagnostics) {
    return new Reader(query, diagnostics).read();
  }

  /** The marker words a query may hold, for messages. */
  static final String MARKERS = "/*[if @name]*/ ... /*[end]*/";

  private static final class Reader {
    private final QueryDeclaration query;
    private final Diagnostics diagnostics;
    private final String text;
    private final List<Token> tokens;
    private boolean failed;

    Reader(QueryDeclaration query, Diagnostics diagnostics) {
      this.query = query;
      this.diagnostics = diagnostics;
      this.text = query.file().text();
      this.tokens = new ArrayList<>(query.tokens());
      // The comments after the statement's last token, up to its ';', may close a block: the
      // file's tokens after the statement, up to the first that is not white space or a comment.
      for (Token token : query.fileTokens().range(query.sqlEnd(), text.length())) {
        if (!token.trivia()) {
          break;
        }
        tokens.add(token);
      }
    }

    Optional<Blocks> read() {
      List<Block> blocks = new ArrayList<>();
      Map<String, Switch> switches = new LinkedHashMap<>();
      int openStart = -1;
      int openEnd = -1;
      @Nullable String openName = null;
      // Opening markers already reported: each takes the next /*[end]*/, so that it is not
      // reported as closing no block.
      int rejectedOpens = 0;
      for (Token token : tokens) {
        if (token.kind() != TokenKind.BLOCK_COMMENT) {
          continue;
        }
        String content = text.substring(token.start() + 2, token.end() - 2).strip();
        if (!content.startsWith("[")) {
          continue;
        }
        Matcher marker = MARKER.matcher(content);
        if (!marker.matches()) {
          rejectedOpens++;
          error(token.start(), Message.BLOCK_MARKER_LOOKALIKE, MARKERS);
          continue;
        }
        String word = marker.group(1).toLowerCase(Locale.ROOT);
        String argument = marker.group(2);
        if (word.equals("if")) {
          Matcher parameter = PARAMETER.matcher(argument);
          if (!parameter.matches()) {
            rejectedOpens++;
            error(token.start(), Message.BLOCK_IF_WITHOUT_PARAMETER, argument);
            continue;
          }
          if (openStart >= 0) {
            rejectedOpens++;
            error(token.start(), Message.BLOCK_NESTED, openName, query.location(openStart));
            continue;
          }
          openStart = token.start();
          openEnd = token.end();
          openName = parameter.group(1);
        } else if (word.equals("end")) {
          if (!argument.isEmpty()) {
            error(token.start(), Message.BLOCK_END_WITH_ARGUMENT);
            continue;
          }
          if (rejectedOpens > 0) {
            rejectedOpens--;
            continue;
          }
          if (openStart < 0 || openName == null) {
            error(token.start(), Message.BLOCK_END_UNOPENED);
            continue;
          }
          String key = openName.toLowerCase(Locale.ROOT);
          Switch known = switches.get(key);
          if (known == null) {
            known = new Switch(openName, key, openStart);
            switches.put(key, known);
          }
          blocks.add(
              new Block(
                  new ArrayList<>(switches.keySet()).indexOf(key),
                  openStart,
                  openEnd,
                  token.start(),
                  token.end()));
          openStart = -1;
        } else {
          rejectedOpens++;
          error(
              token.start(),
              Message.BLOCK_MARKER_UNKNOWN,
              marker.group(1),
              MARKERS,
              (QueryOptionsWords.SORT.equals(word)
                  ? "; a run-time sort is declared under the header with -- quarry:sort keys"
                  : ""));
        }
      }
      if (openStart >= 0) {
        error(openStart, Message.BLOCK_UNTERMINATED, openName);
      }
      if (failed) {
        return Optional.empty();
      }
      if (!blocks.isEmpty()) {
        checkCommand(blocks.get(0).ifStart(), "optional blocks");
        checkBlocks(blocks, new ArrayList<>(switches.values()));
      }
      if (switches.size() > MAX_SWITCHES) {
        List<Switch> all = new ArrayList<>(switches.values());
        error(
            all.get(MAX_SWITCHES).markerOffset(),
            Message.BLOCK_TOO_MANY,
            MAX_SWITCHES,
            (MAX_SWITCHES + 1));
      }
      int sortAt = -1;
      List<SortKey> sort = query.options().sort();
      if (!sort.isEmpty()) {
        sortAt = sortPlace(sort.get(0), blocks);
      }
      if (failed) {
        return Optional.empty();
      }
      if (blocks.isEmpty() && sortAt < 0) {
        return Optional.of(NONE);
      }
      int end = blocks.isEmpty() ? -1 : blocks.get(blocks.size() - 1).endEnd();
      return Optional.of(
          new Blocks(
              blocks,
              new ArrayList<>(switches.values()),
              sortAt,
              sort,
              end > query.sqlEnd() ? end : -1));
    }

    private void checkCommand(int offset, String what) {
      Command command = query.command();
      if (command.perParameterSet()) {
        error(offset, Message.BLOCK_IN_BATCH, what, command.text());
      }
    }

    /** Parentheses balance in each block; parameters belong to their blocks. */
    private void checkBlocks(List<Block> blocks, List<Switch> switches) {
      for (Block block : blocks) {
        int depth = 0;
        for (Token token : tokens) {
          if (token.start() < block.ifEnd() || token.start() >= block.endStart()) {
            continue;
          }
          if (token.kind() == TokenKind.LEFT_PAREN) {
            depth++;
          } else if (token.kind() == TokenKind.RIGHT_PAREN) {
            depth--;
          }
          if (depth < 0) {
            break;
          }
        }
        if (depth != 0) {
          error(
              block.ifStart(),
              Message.BLOCK_UNBALANCED,
              switches.get(block.switchIndex()).name(),
              (depth < 0 ? "a ) without its (" : "a ( without its )"));
        }
      }
      // Where each parameter is used: in which switch's blocks, and whether outside any block.
      Map<String, Integer> outside = new LinkedHashMap<>();
      boolean[] used = new boolean[blocks.size()];
      List<Use> inside = new ArrayList<>();
      List<Token> significant = tokens.stream().filter(t -> !t.trivia()).toList();
      for (int i = 0; i < significant.size(); i++) {
        Token token = significant.get(i);
        if (token.kind() == TokenKind.POSITIONAL_PARAMETER) {
          error(token.start(), Message.BLOCK_NEEDS_NAMED_PARAMETERS, token.text(text));
          continue;
        }
        Use use = use(significant, i);
        if (use == null) {
          continue;
        }
        int in = blockAt(blocks, token.start());
        if (in < 0) {
          outside.putIfAbsent(use.key(), token.start());
        } else {
          inside.add(new Use(use.key(), use.written(), token.start(), in));
        }
      }
      for (Use use : inside) {
        Block block = blocks.get(use.block());
        Switch own = switches.get(block.switchIndex());
        String key = use.key();
        if (key.equals(own.key())) {
          used[use.block()] = true;
        } else if (!outside.containsKey(key)) {
          Switch other =
              switches.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
          error(
              use.offset(),
              Message.BLOCK_FOREIGN_PARAMETER,
              use.written(),
              own.name(),
              (other != null
                  ? " but switches blocks of its own (" + query.location(other.markerOffset()) + ")"
                  : " and nowhere else, so no block gives it a value"),
              use.written().replaceAll("^@|^sqlc\\.\\w+\\(|\\)$", ""));
        }
      }
      for (int i = 0; i < blocks.size(); i++) {
        Switch own = switches.get(blocks.get(i).switchIndex());
        if (!used[i]) {
          error(
              blocks.get(i).ifStart(),
              Message.BLOCK_PARAMETER_UNUSED,
              own.name(),
              own.name(),
              own.name());
        }
      }
      for (Switch own : switches) {
        Integer at = outside.get(own.key());
        if (at != null) {
          error(
              at,
              Message.BLOCK_SWITCH_USED_OUTSIDE,
              own.name(),
              query.location(own.markerOffset()),
              own.name());
        }
      }
    }

    /** A use of a named parameter: its lower-cased name, as written, where, in which block. */
    private record Use(String key, String written, int offset, int block) {}

    /**
     * The named parameter written at {@code significant[i]}: {@code @name}, or {@code
     * sqlc.arg(name)}, {@code sqlc.narg(name)} or {@code sqlc.slice(name)}; else null.
     */
    private @Nullable Use use(List<Token> significant, int i) {
      Token token = significant.get(i);
      if (token.kind() == TokenKind.NAMED_PARAMETER) {
        String name = text.substring(token.start() + 1, token.end());
        return new Use(name.toLowerCase(Locale.ROOT), "@" + name, token.start(), -1);
      }
      if (token.isWord(text, "sqlc")
          && i + 5 < significant.size()
          && significant.get(i + 1).kind() == TokenKind.DOT
          && (significant.get(i + 2).isWord(text, "arg")
              || significant.get(i + 2).isWord(text, "narg")
              || significant.get(i + 2).isWord(text, "slice"))
          && significant.get(i + 3).kind() == TokenKind.LEFT_PAREN
          && significant.get(i + 5).kind() == TokenKind.RIGHT_PAREN) {
        Token name = significant.get(i + 4);
        String value =
            switch (name.kind()) {
              case IDENTIFIER -> name.text(text);
              case QUOTED_IDENTIFIER -> query.fileTokens().name(name);
              case STRING -> query.fileTokens().stringValue(name);
              default -> null;
            };
        if (value == null) {
          return null;
        }
        return new Use(
            value.toLowerCase(Locale.ROOT),
            text.substring(token.start(), significant.get(i + 5).end()),
            token.start(),
            -1);
      }
      return null;
    }

    /**
     * The offset of the first item of the statement's top-level {@code ORDER BY}, where the
     * caller's key goes; -1 after reporting when there is none.
     */
    private int sortPlace(SortKey first, List<Block> blocks) {
      List<Token> significant = tokens.stream().filter(t -> !t.trivia()).toList();
      int depth = 0;
      int found = -1;
      for (int i = 0; i < significant.size(); i++) {
        Token token = significant.get(i);
        if (token.kind() == TokenKind.LEFT_PAREN || token.kind() == TokenKind.LEFT_BRACKET) {
          depth++;
        } else if (token.kind() == TokenKind.RIGHT_PAREN
            || token.kind() == TokenKind.RIGHT_BRACKET) {
          depth--;
        } else if (depth == 0
            && token.isWord(text, "order")
            && i + 2 < significant.size()
            && significant.get(i + 1).isWord(text, "by")) {
          found = i + 2;
        }
      }
      if (found < 0) {
        error(first.offset(), Message.SORT_WITHOUT_ORDER_BY);
        return -1;
      }
      int offset = significant.get(found).start();
      if (blockAt(blocks, offset) >= 0) {
        error(offset, Message.SORT_ORDER_BY_IN_BLOCK);
        return -1;
      }
      return offset;
    }

    private static int blockAt(List<Block> blocks, int offset) {
      for (int i = 0; i < blocks.size(); i++) {
        if (offset >= blocks.get(i).ifStart() && offset < blocks.get(i).endEnd()) {
          return i;
        }
      }
      return -1;
    }

    private void error(int offset, Message message, @Nullable Object... arguments) {
      failed = true;
      diagnostics.report(message, query.location(offset), arguments);
    }
  }

  /** The option word of a run-time sort, named in a message about a misplaced {@code [sort]}. */
  private static final class QueryOptionsWords {
    static final String SORT = "sort";
  }
}
