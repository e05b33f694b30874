package dev.quarry.processor.model;

import dev.quarry.processor.dynamic.Blocks;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryOptions.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a method with optional blocks or a run-time sort builds its statement from constant parts
 * (docs/dynamic-queries.md): the parts in order, each always there, there when its switch is given,
 * or the caller's sort.
 *
 * @param parts the statement's parts, in order
 * @param switches the method parameters that switch blocks, as indexes into the method's
 *     parameters, in the order of the filter record's components
 * @param filterRecord the name of the filter record, or null when the query has no blocks
 * @param sortEnum the name of the sort enum, or null when the query has no run-time sort
 * @param sortKeys the sort keys, in the order written
 */
public record DynamicSql(
    List<Part> parts,
    List<Integer> switches,
    @Nullable String filterRecord,
    @Nullable String sortEnum,
    List<SortKey> sortKeys) {
  public DynamicSql {
    parts = List.copyOf(parts);
    switches = List.copyOf(switches);
    sortKeys = List.copyOf(sortKeys);
  }

  /**
   * One constant part of the statement.
   *
   * @param sql its JDBC text; empty for the sort's place
   * @param switchIndex for a block's text, the index into {@link #switches()} of its switch; -1 for
   *     text always there and for the sort
   * @param sort whether this is the place of the caller's sort ({@code key ASC, }), at the front of
   *     the ORDER BY
   * @param bindings for each {@code ?} in {@code sql}, the index of its method parameter
   */
  public record Part(String sql, int switchIndex, boolean sort, List<Integer> bindings) {
    public Part {
      bindings = List.copyOf(bindings);
    }
  }

  /** The constant name of one direction of a key: {@code CREATED_AT_DESC}. */
  public static String sortConstant(SortKey key, boolean descending) {
    return key.name().toUpperCase(Locale.ROOT) + (descending ? "_DESC" : "_ASC");
  }

  /**
   * Cuts {@code query}, parsed with the marks of {@code blocks}, into its parts; {@code bindings}
   * are the method parameter of each {@code ?} of the query as written, {@code switchParameters}
   * the method parameter of each switch.
   */
  static List<Part> parts(ParsedQuery query, Blocks blocks, List<Integer> bindings) {
    String sql = query.jdbcSql();
    List<ParsedQuery.Mark> marks = query.marks();
    List<Part> parts = new ArrayList<>();
    int position = 0;
    int bound = 0;
    boolean sorted = blocks.sortAt() < 0;
    for (Blocks.Block block : blocks.blocks()) {
      if (!sorted && blocks.sortAt() < block.ifStart()) {
        ParsedQuery.Mark sort = find(marks, blocks.sortAt());
        parts.add(text(sql, position, sort.jdbcStart(), "", bindings, bound, sort));
        parts.add(new Part("", -1, true, List.of()));
        position = sort.jdbcStart();
        bound = sort.bindingsBefore();
        sorted = true;
      }
      ParsedQuery.Mark open = find(marks, block.ifStart());
      ParsedQuery.Mark close = find(marks, block.endStart());
      // A space stands in for each marker, as in the variants checked at build time.
      parts.add(text(sql, position, open.jdbcStart(), " ", bindings, bound, open));
      parts.add(
          new Part(
              sql.substring(open.jdbcEnd(), close.jdbcStart()) + " ",
              block.switchIndex(),
              false,
              bindings.subList(open.bindingsBefore(), close.bindingsBefore())));
      position = close.jdbcEnd();
      bound = close.bindingsBefore();
    }
    if (!sorted) {
      ParsedQuery.Mark sort = find(marks, blocks.sortAt());
      parts.add(text(sql, position, sort.jdbcStart(), "", bindings, bound, sort));
      parts.add(new Part("", -1, true, List.of()));
      position = sort.jdbcStart();
      bound = sort.bindingsBefore();
    }
    parts.add(
        new Part(sql.substring(position), -1, false, bindings.subList(bound, bindings.size())));
    // Text parts between two adjacent markers are empty: they are left out.
    return parts.stream()
        .filter(p -> p.sort() || p.switchIndex() >= 0 || !p.sql().isEmpty())
        .toList();
  }

  private static Part text(
      String sql,
      int from,
      int to,
      String suffix,
      List<Integer> bindings,
      int bound,
      ParsedQuery.Mark mark) {
    return new Part(
        sql.substring(from, to) + suffix,
        -1,
        false,
        bindings.subList(bound, mark.bindingsBefore()));
  }

  private static ParsedQuery.Mark find(List<ParsedQuery.Mark> marks, int fileOffset) {
    for (ParsedQuery.Mark mark : marks) {
      if (mark.fileOffset() == fileOffset) {
        return mark;
      }
    }
    throw new IllegalStateException("no mark at offset " + fileOffset);
  }
}
