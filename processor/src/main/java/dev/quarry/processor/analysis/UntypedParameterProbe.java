package dev.quarry.processor.analysis;

import dev.quarry.processor.analysis.StatementDescriber.Answer;
import dev.quarry.processor.analysis.StatementDescriber.Column;
import dev.quarry.processor.analysis.StatementDescriber.ConnectionLost;
import dev.quarry.processor.analysis.StatementDescriber.Described;
import dev.quarry.processor.analysis.StatementDescriber.Request;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.Parameter;
import dev.quarry.processor.syntax.ParsedQuery;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds parameters that PostgreSQL typed as {@code text} only because nothing in the statement
 * types them, by describing the statement again with such parameters declared as another type.
 */
final class UntypedParameterProbe {
  private static final int TEXT_OID = 25;
  private static final int POINT_OID = 600;

  private final StatementDescriber describer;

  UntypedParameterProbe(StatementDescriber describer) {
    this.describer = describer;
  }

  /**
   * Reports parameters that PostgreSQL typed as {@code text} only because nothing constrains them:
   * a parameter returned as it is ({@code SELECT @x AS y}) is of unknown type, which PostgreSQL
   * resolves to text in an output column. Such a parameter is described again declared as {@code
   * point}, a type nothing else in such a statement would accept: if the statement still describes
   * and an output column that was text becomes point, the parameter's type came from that column
   * alone. (A parameter that something does type, e.g. {@code @x::text} or {@code WHERE name = @x},
   * either keeps the column text or fails to describe.) All probes of all queries go together.
   */
  void probeUntypedParameters(List<QueryWork> work) throws SQLException {
    record Probe(QueryWork item, int parameter, List<Integer> textColumns) {}
    List<Probe> probes = new ArrayList<>();
    List<Request> requests = new ArrayList<>();
    for (QueryWork item : work) {
      List<Column> columns = item.failed ? null : item.described().columns();
      if (columns == null) {
        continue;
      }
      List<Integer> textColumns = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        if (columns.get(c).typeOid() == TEXT_OID) {
          textColumns.add(c);
        }
      }
      int[] types = item.described().parameterTypes();
      for (int p = 0; p < types.length && !textColumns.isEmpty(); p++) {
        if (types[p] == TEXT_OID) {
          int[] declared = types.clone();
          declared[p] = POINT_OID;
          probes.add(new Probe(item, p, textColumns));
          requests.add(new Request(item.query.analysisSql(), declared));
        }
      }
    }
    List<Answer> answers;
    try {
      answers = describer.describe(requests);
    } catch (ConnectionLost e) {
      throw QueryAnalyzer.lost(probes.get(e.unanswered()).item().query, e, e.inFlight());
    }
    for (int i = 0; i < probes.size(); i++) {
      Probe probe = probes.get(i);
      if (!(answers.get(i) instanceof Described described) || described.columns() == null) {
        continue; // Something in the statement types the parameter.
      }
      boolean untyped = false;
      for (int column : probe.textColumns()) {
        untyped |=
            column < described.columns().size()
                && described.columns().get(column).typeOid() == POINT_OID;
      }
      if (untyped) {
        ParsedQuery query = probe.item().query;
        Parameter parameter = query.parameters().get(probe.parameter());
        String name = QueryAnalyzer.displayName(parameter);
        probe
            .item()
            .diagnostics
            .report(
                Message.PARAMETER_UNTYPED_OUTPUT,
                query.declaration().location(parameter.fileOffset()),
                query.declaration().name(),
                name,
                name,
                name);
        probe.item().fail();
      }
    }
  }
}
