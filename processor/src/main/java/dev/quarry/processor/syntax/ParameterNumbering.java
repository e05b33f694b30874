package dev.quarry.processor.syntax;

import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.syntax.Occurrence.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Numbers and names a statement's parameters from their occurrences: a {@code $n} keeps its number,
 * named parameters take the lowest free numbers, a patch gets its hidden set-flag, and a {@code $n}
 * gets the name {@link NameInference} finds.
 */
final class ParameterNumbering extends StatementReader {
  /** A parameter while its occurrences are collected. */
  private static final class Collected {
    final List<Occurrence> occurrences = new ArrayList<>();
    int number;
    boolean nullable;
    boolean patch;
    boolean plain;
  }

  private final NameInference inference;

  /** The number of each parameter, by {@link Occurrence#key()}. */
  final Map<String, Integer> numberByKey = new HashMap<>();

  ParameterNumbering(QueryDeclaration query, Diagnostics diagnostics, List<Token> significant) {
    super(query, diagnostics, significant);
    this.inference = new NameInference(query, diagnostics, significant);
  }

  /**
   * The parameters of {@code occurrences}, numbered as sqlc numbers them and named; empty after
   * reporting a problem.
   */
  List<Parameter> parameters(List<Occurrence> occurrences) {
    Map<String, Collected> named = new LinkedHashMap<>();
    TreeMap<Integer, Collected> positional = new TreeMap<>();
    for (Occurrence occurrence : occurrences) {
      Collected collected =
          occurrence.style() == Style.POSITIONAL
              ? positional.computeIfAbsent(occurrence.number(), n -> new Collected())
              : named.computeIfAbsent(occurrence.key(), k -> new Collected());
      collected.occurrences.add(occurrence);
      collected.nullable |= occurrence.style() == Style.NARG;
      if (occurrence.style() == Style.PATCH) {
        collected.patch = true;
        Collected flag =
            named.computeIfAbsent(Occurrence.flagKey(occurrence.key()), k -> new Collected());
        if (flag.occurrences.isEmpty()) {
          flag.occurrences.add(occurrence);
        }
      } else {
        collected.plain = true;
      }
    }
    for (Collected collected : named.values()) {
      if (collected.patch && collected.plain) {
        Occurrence plain =
            collected.occurrences.stream()
                .filter(o -> o.style() != Style.PATCH)
                .findFirst()
                .orElseThrow();
        error(plain.start(), Message.PATCH_PARAMETER_REUSED, plain.name(), plain.name());
        return List.of();
      }
    }
    // As sqlc numbers them (internal/sql/named/param_set.go): a $n keeps its number, and each
    // named parameter, in order of first appearance, takes the lowest number no $n uses.
    for (Map.Entry<Integer, Collected> entry : positional.entrySet()) {
      entry.getValue().number = entry.getKey();
    }
    int next = 1;
    for (Collected collected : named.values()) {
      while (positional.containsKey(next)) {
        next++;
      }
      collected.number = next++;
    }

    Set<String> used = new HashSet<>();
    List<Parameter> parameters = new ArrayList<>();
    for (Collected collected : named.values()) {
      Occurrence first = collected.occurrences.get(0);
      if (first.style() == Style.PATCH && !collected.patch) {
        // The hidden flag of a patch: numbered right after its value.
        numberByKey.put(Occurrence.flagKey(first.key()), collected.number);
        parameters.add(
            new Parameter(
                collected.number,
                first.name() + "_set",
                false,
                true,
                first.start(),
                0,
                Objects.requireNonNull(named.get(first.key())).number));
        continue;
      }
      used.add(first.name());
      numberByKey.put(first.key(), collected.number);
      parameters.add(
          new Parameter(
              collected.number,
              first.name(),
              collected.nullable,
              true,
              first.start(),
              collected.patch
                  ? Objects.requireNonNull(named.get(Occurrence.flagKey(first.key()))).number
                  : 0,
              0));
    }
    for (Collected collected : positional.values()) {
      Occurrence first = collected.occurrences.get(0);
      String inferred = null;
      for (Occurrence occurrence : collected.occurrences) {
        inferred = inference.inferName(occurrence);
        if (inferred != null) {
          break;
        }
      }
      String name = unique(inferred != null ? inferred : "arg" + collected.number, used);
      used.add(name);
      numberByKey.put(first.key(), collected.number);
      parameters.add(new Parameter(collected.number, name, false, false, first.start()));
    }
    parameters.sort((a, b) -> Integer.compare(a.number(), b.number()));
    return parameters;
  }

  private static String unique(String base, Set<String> used) {
    if (!used.contains(base)) {
      return base;
    }
    int suffix = 2;
    while (used.contains(base + "_" + suffix)) {
      suffix++;
    }
    return base + "_" + suffix;
  }

  /**
   * PostgreSQL needs the parameters numbered from 1 without gaps; named parameters fill the lowest
   * free numbers, so a gap is left only by {@code $n} numbers beyond the count.
   */
  boolean numberedWithoutGaps(List<Parameter> parameters) {
    TreeMap<Integer, Parameter> byNumber = new TreeMap<>();
    for (Parameter parameter : parameters) {
      byNumber.put(parameter.number(), parameter);
    }
    if (byNumber.isEmpty() || byNumber.lastKey() == byNumber.size()) {
      return true;
    }
    List<String> missing = new ArrayList<>();
    for (int n = 1; n < byNumber.lastKey(); n++) {
      if (!byNumber.containsKey(n)) {
        missing.add("$" + n);
      }
    }
    int firstMissing = Integer.parseInt(missing.get(0).substring(1));
    Parameter after = byNumber.higherEntry(firstMissing).getValue();
    String used = byNumber.keySet().stream().map(n -> "$" + n).collect(Collectors.joining(", "));
    error(
        after.fileOffset(),
        Message.PARAMETER_NUMBERS_MISSING,
        (missing.size() == 1
            ? "parameter " + missing.get(0) + " is"
            : "parameters " + String.join(", ", missing) + " are"),
        query.name(),
        used,
        (byNumber.size() > byNumber.values().stream().filter(p -> !p.explicitlyNamed()).count()
            ? " (named parameters take the lowest numbers no $n uses)"
            : ""));
    return false;
  }
}
