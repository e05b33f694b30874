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
 */
public record ParsedQuery(
    QueryDeclaration declaration,
    String analysisSql,
    String jdbcSql,
    List<Parameter> parameters,
    List<Integer> jdbcBindings,
    OffsetMap offsets,
    List<EmbedReference> embeds) {

  public ParsedQuery {
    parameters = List.copyOf(parameters);
    jdbcBindings = List.copyOf(jdbcBindings);
    embeds = List.copyOf(embeds);
  }
}
