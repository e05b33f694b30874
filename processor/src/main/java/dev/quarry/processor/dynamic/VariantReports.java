package dev.quarry.processor.dynamic;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.lock.ResolvedColumn;
import dev.quarry.processor.lock.ResolvedParameter;
import dev.quarry.processor.lock.ResolvedQuery;
import dev.quarry.processor.lock.ResolvedStatement;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reports the analysis of the queries with optional blocks: a problem of a variant once, with the
 * blocks on and off in it (and the block it lies in), and a variant whose result or parameter types
 * differ from the query as written.
 */
public final class VariantReports {
  /** The most problems shown of one query's variants, besides the query's own. */
  static final int MAX_SHOWN = 3;

  private final Map<String, Plan> plans = new LinkedHashMap<>();
  private final Map<ParsedQuery, Diagnostics> collected = new HashMap<>();

  public VariantReports(List<Plan> plans) {
    for (Plan plan : plans) {
      this.plans.put(plan.query().declaration().name(), plan);
    }
  }

  /**
   * Where the analysis reports each query's problems: the queries of a plan to diagnostics of their
   * own, which {@link #report} passes on; the others to {@code diagnostics}.
   */
  public Function<ParsedQuery, Diagnostics> diagnosticsFor(Diagnostics diagnostics) {
    return query -> {
      if (plans.isEmpty() || planOf(query.declaration()) == null) {
        return diagnostics;
      }
      return collected.computeIfAbsent(query, q -> new Diagnostics());
    };
  }

  /**
   * Passes the plans' problems on to {@code diagnostics}: those of the query as written as they
   * are, each other one once, at the first variant showing it, naming the variant.
   */
  public void report(Diagnostics diagnostics) {
    for (Plan plan : plans.values()) {
      Set<String> seen = new HashSet<>();
      Diagnostics main = collected.get(plan.query());
      if (main != null) {
        for (Diagnostic diagnostic : main.all()) {
          diagnostics.add(diagnostic);
          seen.add(key(diagnostic));
        }
      }
      String name = plan.query().declaration().name();
      int shown = 0;
      int more = 0;
      for (Plan.Variant variant : plan.variants()) {
        Diagnostics found = collected.get(variant.parsed());
        if (found == null) {
          continue;
        }
        String variantName = variant.parsed().declaration().name();
        for (Diagnostic diagnostic : found.all()) {
          // The same problem at the same place, in another variant, is the same problem.
          Diagnostic asQuery =
              new Diagnostic(
                  diagnostic.severity(),
                  diagnostic.problem(),
                  diagnostic.location(),
                  diagnostic.message().replace(variantName, name));
          if (!seen.add(key(asQuery))) {
            continue;
          }
          if (shown == MAX_SHOWN) {
            more++;
            continue;
          }
          shown++;
          Optional<String> block =
              diagnostic.location() == null
                  ? Optional.empty()
                  : plan.blockAt(diagnostic.location());
          diagnostics.add(
              new Diagnostic(
                  diagnostic.severity(),
                  diagnostic.problem(),
                  diagnostic.location(),
                  diagnostic.message()
                      + " — in "
                      + plan.describe(variant)
                      + block.map(b -> ", in " + b).orElse("")));
        }
      }
      if (more > 0) {
        diagnostics.report(
            Message.VARIANT_MORE_PROBLEMS, plan.query().declaration().headerLocation(), name, more);
      }
    }
    collected.clear();
  }

  private static String key(Diagnostic diagnostic) {
    return diagnostic.location() + " " + diagnostic.message();
  }

  private @Nullable Plan planOf(QueryDeclaration declaration) {
    String name = declaration.name();
    int bracket = name.indexOf('[');
    return plans.get(bracket < 0 ? name : name.substring(0, bracket));
  }

  /**
   * Checks that every variant of each plan agrees with its query as written: the same result
   * columns with the same types and nullability, the same parameter types. The analysed query as
   * written is replaced by one that returns exactly one row only when every variant does.
   */
  public void check(Map<QueryDeclaration, ResolvedStatement> analyzed, Diagnostics diagnostics) {
    for (Plan plan : plans.values()) {
      QueryDeclaration declaration = plan.query().declaration();
      ResolvedStatement query = analyzed.get(declaration);
      if (query == null) {
        continue;
      }
      boolean exactlyOne = query.resolved().exactlyOneRow();
      boolean agree = true;
      for (Plan.Variant variant : plan.variants()) {
        ResolvedStatement other = analyzed.remove(variant.parsed().declaration());
        if (other == null) {
          // Its problem was reported; the build fails.
          agree = false;
          continue;
        }
        exactlyOne &= other.resolved().exactlyOneRow();
        Optional<String> difference = difference(query.resolved(), other.resolved());
        if (difference.isPresent()) {
          diagnostics.report(
              Message.VARIANT_DIFFERS,
              declaration.headerLocation(),
              declaration.name(),
              difference.get(),
              plan.describe(variant));
          agree = false;
          break;
        }
      }
      if (!agree) {
        analyzed.remove(declaration);
      } else if (exactlyOne != query.resolved().exactlyOneRow()) {
        analyzed.put(declaration, query.withExactlyOneRow(exactlyOne));
      }
    }
  }

  private static Optional<String> difference(ResolvedQuery query, ResolvedQuery variant) {
    if (query.returnsRows() != variant.returnsRows()
        || query.columns().size() != variant.columns().size()) {
      return Optional.of(
          "the result has "
              + variant.columns().size()
              + " columns instead of "
              + query.columns().size());
    }
    for (int i = 0; i < query.columns().size(); i++) {
      ResolvedColumn a = query.columns().get(i);
      ResolvedColumn b = variant.columns().get(i);
      if (!a.name().equals(b.name()) || !a.type().equals(b.type())) {
        return Optional.of(
            "result column " + (i + 1) + " (" + a.name() + ") has another name or type");
      }
      if (a.nullable() != b.nullable()) {
        return Optional.of(
            "result column "
                + (i + 1)
                + " ("
                + a.name()
                + ") is "
                + (b.nullable() ? "nullable" : "not null")
                + " instead of "
                + (a.nullable() ? "nullable" : "not null"));
      }
    }
    Map<String, String> types = new HashMap<>();
    for (ResolvedParameter parameter : query.parameters()) {
      types.put(parameter.name().toLowerCase(java.util.Locale.ROOT), parameter.type());
    }
    for (ResolvedParameter parameter : variant.parameters()) {
      String type = types.get(parameter.name().toLowerCase(java.util.Locale.ROOT));
      if (type != null && !type.equals(parameter.type())) {
        return Optional.of("parameter @" + parameter.name() + " gets another type");
      }
    }
    return Optional.empty();
  }
}
