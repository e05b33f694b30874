package dev.quarry.processor.config;

import java.util.List;

/**
 * One {@code @GenerateQueries} use: where the generated code goes and which files it reads.
 *
 * @param packageName the package the generated types go into
 * @param migrations the annotation's migration paths, as written
 * @param queries the annotation's query paths, as written
 * @param typeOverrides the annotation's type overrides, checked
 */
public record ProjectRequest(
    String packageName,
    List<String> migrations,
    List<String> queries,
    List<TypeOverrideSpec> typeOverrides) {
  public ProjectRequest {
    migrations = List.copyOf(migrations);
    queries = List.copyOf(queries);
    typeOverrides = List.copyOf(typeOverrides);
  }

  public ProjectRequest(String packageName, List<String> migrations, List<String> queries) {
    this(packageName, migrations, queries, List.of());
  }
}
