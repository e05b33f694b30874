package dev.quarry.processor.dynamic;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParameterRewriter.Shape;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.syntax.QueryOptions.SortKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The statements checked at build time for a query with optional blocks or a run-time sort: the
 * query as written (every block on) and its variants, each analysed, locked and reported like a
 * query of its own, under a name derived from the query's ({@code ListPosts[author+tag]}).
 *
 * <p>Which combinations of switches are checked: every one of the 2<sup>n</sup> when there are at
 * most {@value Blocks#ALL_COMBINATIONS_UP_TO} switches; past that, all off, all on, each on alone,
 * each off alone, and each pair on alone, so that every block is proven valid both on and off,
 * alone and next to each other block. Each sort key is checked with every block on and with every
 * block off.
 *
 * @param query the query as written, parsed with the marks the generated code cuts it at
 * @param blocks its blocks and sort
 * @param variants the other statements to check, in the order to report them: fewest blocks on
 *     first
 */
public record Plan(ParsedQuery query, Blocks blocks, List<Variant> variants) {
  public Plan {
    variants = List.copyOf(variants);
  }

  /**
   * One checked statement other than the query as written.
   *
   * @param parsed its statement, under its own name
   * @param on the switches on, one bit each by index
   * @param sort the sort key put in front of the ORDER BY, or null
   */
  public record Variant(ParsedQuery parsed, long on, @Nullable SortKey sort) {}

  /** The combinations of switches checked for {@code n} switches, all on excluded. */
  public static List<Long> combinations(int n) {
    long all = (1L << n) - 1;
    Set<Long> masks = new LinkedHashSet<>();
    if (n <= Blocks.ALL_COMBINATIONS_UP_TO) {
      for (long mask = 0; mask < all; mask++) {
        masks.add(mask);
      }
    } else {
      masks.add(0L);
      for (int i = 0; i < n; i++) {
        masks.add(1L << i);
      }
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          masks.add((1L << i) | (1L << j));
        }
      }
      for (int i = 0; i < n; i++) {
        masks.add(all & ~(1L << i));
      }
    }
    masks.remove(all);
    return masks.stream()
        .sorted(
            (a, b) ->
                Long.bitCount(a) != Long.bitCount(b)
                    ? Integer.compare(Long.bitCount(a), Long.bitCount(b))
                    : Long.compare(a, b))
        .toList();
  }

  /**
   * The plan of {@code declaration}, or empty when it has neither blocks nor a sort, or a problem
   * was reported.
   */
  public static Optional<Plan> of(
      QueryDeclaration declaration,
      Blocks blocks,
      ParameterRewriter rewriter,
      Diagnostics diagnostics) {
    if (!blocks.dynamic()) {
      return Optional.empty();
    }
    List<Integer> marks = new ArrayList<>();
    for (Blocks.Block block : blocks.blocks()) {
      marks.add(block.ifStart());
      marks.add(block.endStart());
    }
    if (blocks.sortAt() >= 0) {
      marks.add(blocks.sortAt());
    }
    Optional<ParsedQuery> query =
        rewriter.rewrite(
            declaration, diagnostics, new Shape(List.of(), -1, "", marks, blocks.end()));
    if (query.isEmpty()) {
      return Optional.empty();
    }
    List<Variant> variants = new ArrayList<>();
    int n = blocks.switches().size();
    long all = (1L << n) - 1;
    List<Long> masks = combinations(n);
    for (long mask : masks) {
      // A variant's parameters are those of the query as written: reported once, for that query.
      rewriter
          .rewrite(
              variantDeclaration(declaration, blocks, mask, null),
              new Diagnostics(),
              shape(blocks, mask, null))
          .ifPresent(p -> variants.add(new Variant(p, mask, null)));
    }
    for (SortKey key : blocks.sort()) {
      for (long mask : n == 0 ? List.of(all) : List.of(all, 0L)) {
        rewriter
            .rewrite(
                variantDeclaration(declaration, blocks, mask, key),
                new Diagnostics(),
                shape(blocks, mask, key))
            .ifPresent(p -> variants.add(new Variant(p, mask, key)));
      }
    }
    return Optional.of(new Plan(query.get(), blocks, variants));
  }

  private static Shape shape(Blocks blocks, long on, @Nullable SortKey sort) {
    List<int[]> leftOut = new ArrayList<>();
    for (Blocks.Block block : blocks.blocks()) {
      if ((on & (1L << block.switchIndex())) == 0) {
        leftOut.add(new int[] {block.ifStart(), block.endEnd()});
      }
    }
    return sort == null
        ? new Shape(leftOut, -1, "", List.of(), blocks.end())
        : new Shape(leftOut, blocks.sortAt(), sort.sql() + " ASC, ", List.of(), blocks.end());
  }

  private static QueryDeclaration variantDeclaration(
      QueryDeclaration declaration, Blocks blocks, long on, @Nullable SortKey sort) {
    return new QueryDeclaration(
        declaration.file(),
        variantName(declaration.name(), blocks, on, sort),
        declaration.command(),
        declaration.headerOffset(),
        declaration.commandOffset(),
        declaration.sqlStart(),
        declaration.sqlEnd(),
        declaration.docLines(),
        declaration.options(),
        declaration.fileTokens());
  }

  /**
   * {@code ListPosts[author+tag]}, {@code ListPosts[]}, {@code ListPosts[author/sort:title]}: only
   * characters the lock file writes without quotes.
   */
  static String variantName(String name, Blocks blocks, long on, @Nullable SortKey sort) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < blocks.switches().size(); i++) {
      if ((on & (1L << i)) != 0) {
        names.add(blocks.switches().get(i).key());
      }
    }
    return name
        + "["
        + String.join("+", names)
        + (sort == null ? "" : "/sort:" + sort.name())
        + "]";
  }

  /** In words, which blocks a variant has on and off, with their markers' places. */
  public String describe(Variant variant) {
    QueryDeclaration declaration = query.declaration();
    List<String> on = new ArrayList<>();
    List<String> off = new ArrayList<>();
    for (int i = 0; i < blocks.switches().size(); i++) {
      Blocks.Switch s = blocks.switches().get(i);
      String block = "@" + s.name() + " (" + declaration.location(s.markerOffset()) + ")";
      ((variant.on() & (1L << i)) != 0 ? on : off).add(block);
    }
    String blocksText =
        blocks.switches().isEmpty()
            ? ""
            : "blocks on: "
                + (on.isEmpty() ? "none" : String.join(", ", on))
                + "; blocks off: "
                + (off.isEmpty() ? "none" : String.join(", ", off));
    String sortText =
        variant.sort() == null
            ? ""
            : "sort key "
                + variant.sort().sql()
                + " ("
                + declaration.location(variant.sort().offset())
                + ")";
    return "the variant "
        + variant.parsed().declaration().name()
        + " of "
        + declaration.name()
        + " ("
        + List.of(blocksText, sortText).stream()
            .filter(t -> !t.isEmpty())
            .collect(Collectors.joining("; "))
        + ")";
  }

  /** The block a place in the query file falls in, named with its marker's place, or empty. */
  public Optional<String> blockAt(dev.quarry.processor.diagnostics.SourceLocation location) {
    QueryDeclaration declaration = query.declaration();
    for (Blocks.Block block : blocks.blocks()) {
      if (before(declaration.location(block.ifStart()), location)
          && !before(declaration.location(block.endEnd()), location)) {
        return Optional.of(
            "the optional block of @"
                + blocks.switches().get(block.switchIndex()).name()
                + " at "
                + query.declaration().location(block.ifStart()));
      }
    }
    return Optional.empty();
  }

  /** Whether {@code a} is at or before {@code b}, in the same file. */
  private static boolean before(
      dev.quarry.processor.diagnostics.SourceLocation a,
      dev.quarry.processor.diagnostics.SourceLocation b) {
    return a.path().equals(b.path())
        && (a.line() < b.line() || (a.line() == b.line() && a.column() <= b.column()));
  }
}
