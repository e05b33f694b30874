package dev.quarry.processor;

import com.palantir.javapoet.JavaFile;
import dev.quarry.processor.analysis.AnalyzedQuery;
import dev.quarry.processor.analysis.Catalog;
import dev.quarry.processor.analysis.QueryAnalyzer;
import dev.quarry.processor.analysis.UnknownNameExplainer;
import dev.quarry.processor.codegen.CodeGenerator;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.DatabaseUnavailableException;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.MigrationReader;
import dev.quarry.processor.migration.MigrationRunner;
import dev.quarry.processor.migration.SchemaChange;
import dev.quarry.processor.migration.SchemaHistory;
import dev.quarry.processor.model.GeneratedPackage;
import dev.quarry.processor.model.ModelBuilder;
import dev.quarry.processor.query.QueryDeclaration;
import dev.quarry.processor.safety.MigrationChecks;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.types.TypeMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Quarry's stages for one {@code @GenerateQueries} use: read the files, find the
 * parameters, build the schema in a scratch database, analyse every query, build the model and
 * write the sources. Problems of every stage are collected in {@link Diagnostics}; sources are
 * returned only when there is no error.
 */
public final class Pipeline {
  private final ProcessorOptions options;

  public Pipeline(ProcessorOptions options) {
    this.options = options;
  }

  /** What one run produced: the diagnostics, and the sources when there was no error. */
  public record Result(Diagnostics diagnostics, List<JavaFile> sources, String summary) {}

  public Result run(ProjectRequest request) {
    Diagnostics diagnostics = new Diagnostics();
    SourceReader sources = new SourceReader(options.projectDir(), diagnostics);
    List<Migration> migrations = new MigrationReader(sources, diagnostics, options.migrations().format(), options.migrations().placeholders())
        .read(request.migrations());
    boolean migrationsReadable = !diagnostics.hasErrors();

    List<QueryFile> queryFiles = new ArrayList<>();
    QueryFileReader queryReader = new QueryFileReader(diagnostics);
    for (Path path : sources.sqlFiles(request.queries(), "queries")) {
      Optional<SourceFile> file = sources.read(path);
      file.ifPresent(f -> queryFiles.add(queryReader.read(f)));
    }
    checkDuplicateNames(queryFiles, diagnostics);

    List<ParsedQuery> parsed = new ArrayList<>();
    ParameterRewriter rewriter = new ParameterRewriter();
    for (QueryFile file : queryFiles) {
      for (QueryDeclaration query : file.queries()) {
        rewriter.rewrite(query, diagnostics).ifPresent(parsed::add);
      }
    }
    if (!migrationsReadable) {
      return new Result(diagnostics, List.of(), "");
    }

    long started = System.nanoTime();
    GeneratedPackage model;
    MigrationChecks migrationChecks = new MigrationChecks(options.migrations(), sources, diagnostics);
    Optional<String> schemaSnapshot;
    String databaseDescription;
    try (SchemaDatabase database = DatabaseLauncher.start(options.database(), options.postgresVersion().major())) {
      databaseDescription = database.description();
      try (Connection connection = database.connect()) {
        MigrationRunner.Result applied = new MigrationRunner(diagnostics).apply(connection, migrations);
        if (!applied.succeeded()) {
          return new Result(diagnostics, List.of(), "");
        }
        Catalog catalog = Catalog.load(connection);
        QueryAnalyzer analyzer = new QueryAnalyzer(connection, catalog, explainer(applied.history()));
        Map<QueryDeclaration, AnalyzedQuery> analyzed = new HashMap<>();
        for (ParsedQuery query : parsed) {
          analyzer.analyze(query, diagnostics).ifPresent(a -> analyzed.put(query.declaration(), a));
        }
        TypeMapper types = new TypeMapper(catalog, request.typeOverrides(), diagnostics);
        types.checkOverrides();
        model = new ModelBuilder(types, diagnostics).build(request.packageName(), queryFiles, analyzed);
        schemaSnapshot = migrationChecks.run(connection, applied.applied(), applied.history(), analyzer);
      }
    } catch (DatabaseUnavailableException e) {
      diagnostics.error(Problem.DATABASE_UNAVAILABLE, null, e.getMessage());
      return new Result(diagnostics, List.of(), "");
    } catch (SQLException e) {
      diagnostics.error(
          Problem.DATABASE_UNAVAILABLE,
          null,
          "the schema database failed while Quarry was using it: " + e.getMessage()
              + " [SQLSTATE " + e.getSQLState() + "]; check the server, or set -A"
              + dev.quarry.processor.config.DatabaseChoice.OPTION + "=embedded");
      return new Result(diagnostics, List.of(), "");
    }
    if (diagnostics.hasErrors()) {
      return new Result(diagnostics, List.of(), "");
    }
    schemaSnapshot.ifPresent(migrationChecks::writeSnapshot);
    migrationChecks.recordQueries(queryFiles);
    List<JavaFile> files = new CodeGenerator().generate(model);
    long millis = (System.nanoTime() - started) / 1_000_000;
    String summary =
        "Quarry: " + parsed.size() + " queries in " + queryFiles.size() + " files checked against "
            + migrations.size() + " migrations on " + databaseDescription + " in " + millis + " ms";
    return new Result(diagnostics, files, summary);
  }

  private static void checkDuplicateNames(List<QueryFile> files, Diagnostics diagnostics) {
    Map<String, QueryDeclaration> seen = new LinkedHashMap<>();
    for (QueryFile file : files) {
      for (QueryDeclaration query : file.queries()) {
        QueryDeclaration first = seen.putIfAbsent(query.name(), query);
        if (first != null) {
          diagnostics.error(
              Problem.DUPLICATE_QUERY,
              query.headerLocation(),
              "a query named " + query.name() + " already exists at " + first.headerLocation()
                  + "; query names must be unique, rename one of them");
        }
      }
    }
  }

  private static final Pattern MISSING_COLUMN =
      Pattern.compile("column \"?(?:([^\".\\s]+)\\.)?\"?([^\"\\s]+)\"? (?:of relation \"([^\"]+)\" )?does not exist");
  private static final Pattern MISSING_RELATION = Pattern.compile("relation \"([^\"]+)\" does not exist");

  /** Names the migration that dropped or renamed what PostgreSQL says does not exist. */
  static UnknownNameExplainer explainer(SchemaHistory history) {
    return (state, message) -> {
      Optional<SchemaChange> change = Optional.empty();
      Matcher column = MISSING_COLUMN.matcher(message);
      Matcher relation = MISSING_RELATION.matcher(message);
      if (state.equals("42703") && column.find()) {
        String table = column.group(3);
        change = history.columnChange(table, column.group(2));
      } else if (state.equals("42P01") && relation.find()) {
        change = history.tableChange(relation.group(1));
      }
      return change.map(c -> c.describe() + "; update the query to the new schema");
    };
  }
}
