package dev.quarry.processor.syntax;

import java.util.List;

/**
 * A query after its parameters were found and rewritten.
 *
 * @param declaration the query as read from its file
 * @param analysisSql the statement with every parameter written as {@code $n}: what PostgreSQL
 *     prepares at build time
 * @param jdbcSql the statement with every parameter occurrence written as {@code ?} and every
 *     literal {@code ?} of an operator (jsonb {@code ?}, {@code ?|}, {@code ?&}) doubled, as the
 *     JDBC driver wants it: what generated code runs
 * @param parameters the parameters, ordered by {@link Parameter#number()}
 * @param jdbcBindings for each {@code ?} in {@code jdbcSql}, in order, the number of the parameter
 *     bound there (a name used twice appears twice)
 * @param offsets maps positions in {@code analysisSql} back to offsets in the query file
 * @param embeds the {@code sqlc.embed(table)} uses, in the order they appear
 * @param marks where the tokens a {@link ParameterRewriter.Shape} marks stand in {@code jdbcSql},
 *     in file order (optional blocks' markers, the place of a run-time sort); empty for other
 *     queries
 * @param tokens the tokens of {@code analysisSql}, kept as it was written from the file's tokens:
 *     later stages read these, never the text
 * @param facts what later stages need to know about the statement, read from {@code tokens}
 */
public record ParsedQuery(
    QueryDeclaration declaration,
    String analysisSql,
    String jdbcSql,
    List<Parameter> parameters,
    List<Integer> jdbcBindings,
    OffsetMap offsets,
    List<EmbedReference> embeds,
    List<Mark> marks,
    TokenList tokens,
    StatementFacts facts) {

  public ParsedQuery {
    parameters = List.copyOf(parameters);
    jdbcBindings = List.copyOf(jdbcBindings);
    embeds = List.copyOf(embeds);
    marks = List.copyOf(marks);
  }

  /**
   * Where a marked token stands in {@link #jdbcSql()}.
   *
   * @param fileOffset the token's offset in the query file
   * @param jdbcStart the index in {@code jdbcSql} where the token starts
   * @param jdbcEnd the index just past it for a comment (which the JDBC text keeps), else {@code
   *     jdbcStart}
   * @param bindingsBefore how many {@code ?} come before it
   */
  public record Mark(int fileOffset, int jdbcStart, int jdbcEnd, int bindingsBefore) {}
}
