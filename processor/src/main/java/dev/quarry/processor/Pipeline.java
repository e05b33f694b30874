package dev.quarry.processor;

import dev.quarry.processor.analysis.AnalyzedQuery;
import dev.quarry.processor.analysis.QueryAnalyzer;
import dev.quarry.processor.analysis.UnknownNameExplainer;
import dev.quarry.processor.catalog.Catalog;
import dev.quarry.processor.codegen.CodeGenerator;
import dev.quarry.processor.codegen.GeneratedSource;
import dev.quarry.processor.codegen.GenerationCache;
import dev.quarry.processor.codegen.UnchangedInputs;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.config.LockMode;
import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.database.ConnectionLoss;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.DatabaseUnavailableException;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.diagnostics.PhaseTimings;
import dev.quarry.processor.diagnostics.PhaseTimings.Phase;
import dev.quarry.processor.dynamic.Blocks;
import dev.quarry.processor.dynamic.Plan;
import dev.quarry.processor.dynamic.VariantReports;
import dev.quarry.processor.lock.InputHashes;
import dev.quarry.processor.lock.LockCheck;
import dev.quarry.processor.lock.LockFile;
import dev.quarry.processor.lock.Resolution;
import dev.quarry.processor.lock.Resolution.SchemaStamp;
import dev.quarry.processor.lock.ResolutionCapture;
import dev.quarry.processor.lock.ResolvedStatement;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.MigrationReader;
import dev.quarry.processor.migration.MigrationRecord;
import dev.quarry.processor.migration.MigrationRunner;
import dev.quarry.processor.migration.SchemaChange;
import dev.quarry.processor.migration.SchemaHistory;
import dev.quarry.processor.model.GeneratedPackage;
import dev.quarry.processor.model.ModelBuilder;
import dev.quarry.processor.nullability.Statements;
import dev.quarry.processor.query.QueryFile;
import dev.quarry.processor.query.QueryFileReader;
import dev.quarry.processor.safety.MigrationChecks;
import dev.quarry.processor.safety.SnapshotFiles;
import dev.quarry.processor.source.CommittedFile;
import dev.quarry.processor.source.DeferredWrites;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.processor.syntax.ParameterRewriter;
import dev.quarry.processor.syntax.ParsedQuery;
import dev.quarry.processor.syntax.QueryDeclaration;
import dev.quarry.processor.types.TypeMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Runs Quarry's stages for one {@code @GenerateQueries} use: read the files, find the parameters,
 * take what the lock file still answers for, build the schema in a scratch database and analyse the
 * rest (only when something is stale), build the model from the resulting {@link Resolution}, write
 * the sources and, when it changed, the lock file. Problems of every stage are collected in {@link
 * Diagnostics}; sources are returned only when there is no error.
 */
public final class Pipeline {
  private final ProcessorOptions options;
  private final @Nullable GenerationCache generationCache;
  private final @Nullable ReadCache readCache;

  public Pipeline(ProcessorOptions options) {
    this(options, null);
  }

  /**
   * @param generationCache the sources of the previous build, reused when nothing they came from
   *     changed; null to always generate them
   */
  public Pipeline(ProcessorOptions options, @Nullable GenerationCache generationCache) {
    this(options, generationCache, ReadCache.shared());
  }

  /**
   * @param readCache what earlier builds in this JVM read, or null to read every file
   */
  Pipeline(
      ProcessorOptions options,
      @Nullable GenerationCache generationCache,
      @Nullable ReadCache readCache) {
    this.options = options;
    this.generationCache = generationCache;
    this.readCache = readCache;
  }

  /**
   * A pipeline that runs a build's stages without a database and without writing anything of the
   * project's (lock file, recorded queries, schema snapshot) or reading through the build server's
   * read cache: the build server runs it to warm its JIT on a build it served ({@code
   * BuildServer}). With a stale lock file it stops after reading, as an offline build does.
   *
   * @param generationCache a cache of the caller's own, never the project's
   */
  static Pipeline rehearsal(ProcessorOptions options, @Nullable GenerationCache generationCache) {
    ProcessorOptions offline =
        new ProcessorOptions(
            options.projectDir(),
            options.database(),
            options.postgresVersion(),
            options.migrations(),
            LockMode.OFFLINE,
            false,
            options.keepAlive());
    Pipeline pipeline = new Pipeline(offline, generationCache, null);
    pipeline.rehearsal = true;
    return pipeline;
  }

  /** Whether this pipeline is a {@link #rehearsal}: it holds back and drops its writes. */
  private boolean rehearsal;

  /**
   * What one run produced: the diagnostics, the sources when there was no error, and how long each
   * phase took (the caller adds the time it takes to write the sources).
   */
  public record Result(
      Diagnostics diagnostics,
      List<GeneratedSource> sources,
      String summary,
      PhaseTimings timings) {
    Result(Diagnostics diagnostics, PhaseTimings timings) {
      this(diagnostics, List.of(), "", timings);
    }
  }

  /**
   * Runs the stages, recording their durations in {@code timings}; or, when every input is byte for
   * byte what the last build with a fresh lock file read and its sources are still on disk, reports
   * and returns what that build did (see {@link UnchangedInputs}). A {@link #rehearsal} always runs
   * the stages, and what it would write into the project is held back and dropped.
   */
  public Result run(ProjectRequest request, PhaseTimings timings) {
    if (rehearsal) {
      return new DeferredWrites().capture(() -> runOrReplay(request, timings));
    }
    return runOrReplay(request, timings);
  }

  private Result runOrReplay(ProjectRequest request, PhaseTimings timings) {
    long started = System.nanoTime();
    String inputsKey = inputsKey(request);
    // A rehearsal computes the key (to warm it) but always runs the stages.
    Optional<Result> replayed =
        rehearsal ? Optional.empty() : replay(request, timings, inputsKey, started);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Path lockPath = options.lockMode() == LockMode.OFF ? null : lockPath(request);
    GenerationCache cache = generationCache;
    replayable = null;
    Result result = runStages(request, timings);
    String[] summary = replayable;
    if (cache != null
        && inputsKey != null
        && lockPath != null
        && summary != null
        && !result.diagnostics().hasErrors()) {
      // Recorded only when the inputs are still what they were when the build began: then the
      // build read exactly the inputs the key covers, and wrote none of them (the lock file is
      // among them).
      if (inputsKey.equals(inputsKey(request))) {
        cache.storeReplay(
            request.packageName(),
            inputsKey,
            new GenerationCache.Replay(
                result.sources(), result.diagnostics().all(), summary[0], summary[1]));
      }
    }
    return result;
  }

  /**
   * What the last build with the same inputs did, when every input is byte for byte what it read
   * and its sources are still on disk as it wrote them (see {@link UnchangedInputs}); else empty.
   * It reads the inputs and that build's record, and nothing else: no database, no build server.
   */
  public Optional<Result> replay(ProjectRequest request, PhaseTimings timings) {
    long started = System.nanoTime();
    return replay(request, timings, inputsKey(request), started);
  }

  private Optional<Result> replay(
      ProjectRequest request, PhaseTimings timings, @Nullable String inputsKey, long started) {
    GenerationCache cache = generationCache;
    if (cache == null || inputsKey == null) {
      return Optional.empty();
    }
    Optional<GenerationCache.Replay> replay = cache.replay(request.packageName(), inputsKey);
    if (replay.isEmpty()) {
      return Optional.empty();
    }
    Diagnostics diagnostics = new Diagnostics();
    replay.get().diagnostics().forEach(diagnostics::add);
    timings.record(Phase.READING, started);
    long millis = (System.nanoTime() - started) / 1_000_000;
    return Optional.of(
        new Result(
            diagnostics,
            replay.get().sources(),
            replay.get().summaryPrefix()
                + " in "
                + millis
                + " ms"
                + replay.get().summarySuffix()
                + REPLAYED,
            timings));
  }

  /**
   * The key of everything a build of {@code request} reads from the project, as it is now ({@link
   * UnchangedInputs}); null without a generation cache, without a lock file, or when an input
   * cannot be read.
   */
  public @Nullable String inputsKey(ProjectRequest request) {
    GenerationCache cache = generationCache;
    Path lockPath = options.lockMode() == LockMode.OFF ? null : lockPath(request);
    return cache == null || lockPath == null
        ? null
        : UnchangedInputs.key(cache.key(), options, request, lockPath);
  }

  /** The end of the summary of a build that replayed the previous one. */
  static final String REPLAYED =
      "; inputs byte for byte unchanged since the last build: its sources and messages replayed";

  /**
   * The summary of a build with a fresh lock file that wrote nothing but its sources, before and
   * after its milliseconds (what the next build with the same inputs would say after them: its
   * sources are in the generation cache, unless their generation reported something): set by {@link
   * #runStages} when the next build with the same inputs may replay it, else null.
   */
  private String @Nullable [] replayable;

  private Result runStages(ProjectRequest request, PhaseTimings timings) {
    Diagnostics diagnostics = new Diagnostics();
    long readingStarted = System.nanoTime();
    SourceReader sources = new SourceReader(options.projectDir(), diagnostics);
    ReadCache reads = readCache;
    List<Migration> migrations = readMigrations(request, sources, diagnostics, reads);
    MigrationChecks migrationChecks =
        new MigrationChecks(options.migrations(), sources, diagnostics);
    SnapshotFiles snapshotFiles = new SnapshotFiles(options.migrations(), diagnostics);
    boolean migrationsReadable = !diagnostics.hasErrors();

    // Each file is read (lexed, its queries found) and then, after the duplicate-name check across
    // files, its queries rewritten; a file read by an earlier build in this JVM with the same text
    // is taken whole from the read cache, its diagnostics reported in the same two places.
    List<QueryFile> queryFiles = new ArrayList<>();
    List<ReadCache.@Nullable QueryFileRead> cachedReads = new ArrayList<>();
    List<List<Diagnostic>> readDiagnostics = new ArrayList<>();
    QueryFileReader queryReader = new QueryFileReader(diagnostics);
    for (Path path : sources.sqlFiles(request.queries(), "queries")) {
      Optional<SourceFile> file = sources.read(path);
      if (file.isEmpty()) {
        continue;
      }
      ReadCache.QueryFileRead cached = reads == null ? null : reads.queryFile(file.get());
      if (cached != null) {
        cached.readDiagnostics().forEach(diagnostics::add);
        queryFiles.add(cached.file());
        readDiagnostics.add(cached.readDiagnostics());
      } else {
        int before = diagnostics.all().size();
        queryFiles.add(queryReader.read(file.get()));
        readDiagnostics.add(reportedSince(diagnostics, before));
      }
      cachedReads.add(cached);
    }
    checkDuplicateNames(queryFiles, diagnostics);

    List<ParsedQuery> parsed = new ArrayList<>();
    ParameterRewriter rewriter = new ParameterRewriter();
    // A query with optional blocks or a run-time sort is checked as written and in its variants,
    // each analysed and locked like a query (docs/dynamic-queries.md).
    List<Plan> plans = new ArrayList<>();
    int variantCount = 0;
    for (int f = 0; f < queryFiles.size(); f++) {
      ReadCache.QueryFileRead read = cachedReads.get(f);
      if (read != null) {
        read.rewriteDiagnostics().forEach(diagnostics::add);
      } else {
        int before = diagnostics.all().size();
        List<ParsedQuery> fileParsed = new ArrayList<>();
        List<Plan> filePlans = new ArrayList<>();
        int fileVariants = 0;
        for (QueryDeclaration query : queryFiles.get(f).queries()) {
          Optional<Blocks> blocks = Blocks.read(query, diagnostics);
          if (blocks.isEmpty()) {
            continue;
          }
          if (!blocks.get().dynamic()) {
            rewriter.rewrite(query, diagnostics).ifPresent(fileParsed::add);
            continue;
          }
          Optional<Plan> plan = Plan.of(query, blocks.get(), rewriter, diagnostics);
          if (plan.isPresent()) {
            filePlans.add(plan.get());
            fileParsed.add(plan.get().query());
            plan.get().variants().forEach(v -> fileParsed.add(v.parsed()));
            fileVariants += plan.get().variants().size();
          }
        }
        read =
            new ReadCache.QueryFileRead(
                queryFiles.get(f),
                readDiagnostics.get(f),
                fileParsed,
                filePlans,
                fileVariants,
                reportedSince(diagnostics, before));
        if (reads != null) {
          reads.storeQueryFile(read);
        }
      }
      parsed.addAll(read.parsed());
      plans.addAll(read.plans());
      variantCount += read.variantCount();
    }
    VariantReports variants = new VariantReports(plans);
    timings.record(Phase.READING, readingStarted);
    if (!migrationsReadable) {
      return new Result(diagnostics, timings);
    }

    long started = System.nanoTime();
    SchemaStamp schema =
        InputHashes.schemaStamp(
            migrations, options.postgresVersion().major(), request.typeOverrides());
    Path lockPath = options.lockMode() == LockMode.OFF ? null : lockPath(request);
    LockCheck check = checkLock(lockPath, schema, parsed);
    timings.record(Phase.LOCK_FILE, started);

    Resolution resolution;
    String origin;
    // Migration checks and the schema snapshot need the schema built; with a fresh lock file the
    // migrations are the ones they last ran on, and nothing is rebuilt.
    Optional<String> schemaSnapshot = Optional.empty();
    if (check.fresh()) {
      // Every query is in the lock file, resolved against these migrations: no database needed.
      migrationsWithoutDatabase = migrations;
      List<String> names = parsed.stream().map(q -> q.declaration().name()).toList();
      resolution =
          Objects.requireNonNull(check.locked(), "a fresh lock check has a lock file")
              .retain(names);
      origin =
          "from the lock file "
              + display(lockPath)
              + " (migrations and queries unchanged, no database used)";
    } else if (options.lockMode() == LockMode.OFFLINE) {
      diagnostics.report(
          Message.LOCK_STALE_OFFLINE,
          null,
          display(lockPath),
          check.describe(),
          LockMode.OPTION,
          LockMode.OPTION);
      return new Result(diagnostics, timings);
    } else {
      Optional<Resolved> resolved;
      // The analysis's rules read each statement as JSqlParser parses it. In a new JVM that parse
      // is most of the analysis's time (about 0.7 ms a statement), so it starts here, on the
      // parser threads of a session the analysis then shares, while the database starts and the
      // migrations run: both mostly wait for PostgreSQL.
      try (Statements.Session parsing = Statements.session()) {
        QueryAnalyzer.parseAhead(parsing, toAnalyze(check, parsed));
        resolved =
            resolveWithDatabase(
                request,
                migrations,
                parsed,
                schema,
                check,
                lockPath,
                migrationChecks,
                snapshotFiles,
                variants,
                diagnostics,
                timings);
      }
      if (resolved.isEmpty()) {
        return new Result(diagnostics, timings);
      }
      resolution = resolved.get().resolution();
      origin = resolved.get().origin();
      schemaSnapshot = resolved.get().schemaSnapshot();
    }

    // The model is built from the resolution whether it came from the database or the lock
    // file, so that both give the same sources.
    long generationStarted = System.nanoTime();
    String lockText = LockFile.format(resolution);
    GenerationCache cache = generationCache;
    String cacheKey =
        cache == null ? null : generationKey(cache.key(), request, queryFiles, lockText);
    Optional<List<GeneratedSource>> reused =
        cache == null || cacheKey == null
            ? Optional.empty()
            : cache.lookup(request.packageName(), cacheKey);
    List<GeneratedSource> files;
    if (reused.isPresent()) {
      files = reused.get();
    } else {
      Optional<List<GeneratedSource>> generated =
          generate(request, queryFiles, parsed, resolution, variants, diagnostics);
      if (generated.isEmpty()) {
        timings.record(Phase.GENERATION, generationStarted);
        return new Result(diagnostics, timings);
      }
      files = generated.get();
      if (cache != null && cacheKey != null) {
        // Only sources whose generation said nothing are reused: a reused build would not repeat
        // its warnings.
        if (generatedQuietly) {
          cache.store(request.packageName(), cacheKey, files);
        } else {
          cache.forget(request.packageName());
        }
      }
    }
    timings.record(Phase.GENERATION, generationStarted);
    long checksStarted = System.nanoTime();
    schemaSnapshot.ifPresent(snapshotFiles::writeSnapshot);
    snapshotFiles.recordQueries(queryFiles);
    timings.record(Phase.CHECKS, checksStarted);
    if (diagnostics.hasErrors()) {
      return new Result(diagnostics, timings);
    }
    String lockNote = "";
    long lockWriteStarted = System.nanoTime();
    if (lockPath != null) {
      try {
        if (CommittedFile.writeIfChanged(lockPath, lockText)) {
          lockNote = "; wrote " + display(lockPath);
        }
      } catch (IOException e) {
        diagnostics.report(
            Message.LOCK_WRITE_FAILED, null, lockPath, e.getMessage(), LockMode.OPTION);
        return new Result(diagnostics, timings);
      }
    }
    timings.record(Phase.LOCK_FILE, lockWriteStarted);
    long millis = (System.nanoTime() - started) / 1_000_000;
    String prefix =
        "Quarry: "
            + (parsed.size() - variantCount)
            + " queries in "
            + queryFiles.size()
            + " files "
            + origin;
    String reusedNote = "; sources unchanged since the last build, reused";
    if (check.fresh() && lockNote.isEmpty()) {
      replayable = new String[] {prefix, reused.isPresent() || generatedQuietly ? reusedNote : ""};
    }
    return new Result(
        diagnostics,
        files,
        prefix + " in " + millis + " ms" + lockNote + (reused.isPresent() ? reusedNote : ""),
        timings);
  }

  /**
   * The key of the migrated schema ({@link MigrationRecord#key}) of the last run that read its
   * migrations and needed no database (its lock file answered), else empty: the build server
   * readies a scratch database for the next build of those migrations.
   */
  public Optional<String> schemaKeyWithoutDatabase() {
    // Hashed only when asked (by the build server), not in every lock-fresh build.
    List<Migration> migrations = migrationsWithoutDatabase;
    return migrations == null
        ? Optional.empty()
        : Optional.of(
            MigrationRecord.key(
                migrations, !(options.database() instanceof DatabaseChoice.Server)));
  }

  /** The migrations of the last run the lock file answered, else null. */
  private @Nullable List<Migration> migrationsWithoutDatabase;

  /** Whether the last {@link #generate} reported nothing (no warning, no note). */
  private boolean generatedQuietly;

  /** Builds the model from the resolution and prints its sources; empty on an error. */
  private Optional<List<GeneratedSource>> generate(
      ProjectRequest request,
      List<QueryFile> queryFiles,
      List<ParsedQuery> parsed,
      Resolution resolution,
      VariantReports variants,
      Diagnostics diagnostics) {
    int before = diagnostics.all().size();
    Map<QueryDeclaration, ResolvedStatement> statements = new HashMap<>();
    for (ParsedQuery query : parsed) {
      resolution.statement(query).ifPresent(s -> statements.put(query.declaration(), s));
    }
    variants.check(statements, diagnostics);
    TypeMapper types = new TypeMapper(resolution, request.typeOverrides(), diagnostics);
    GeneratedPackage model =
        new ModelBuilder(types, diagnostics).build(request.packageName(), queryFiles, statements);
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    List<GeneratedSource> sources = new ArrayList<>();
    GenerationCache cache = generationCache;
    if (cache != null) {
      sources.addAll(new CodeGenerator().sources(model, cache));
    } else {
      for (var file : new CodeGenerator().generate(model)) {
        sources.add(GeneratedSource.of(file));
      }
    }
    generatedQuietly = diagnostics.all().size() == before;
    return Optional.of(sources);
  }

  /**
   * The generation cache's key: everything the sources are made from besides Quarry's own code
   * (which {@link GenerationCache.KeyBuilder} adds): the package, the type overrides, each query
   * file's path and text, and the resolved facts.
   */
  private static String generationKey(
      GenerationCache.KeyBuilder key,
      ProjectRequest request,
      List<QueryFile> queryFiles,
      String lockText) {
    key.add(request.packageName());
    key.add(request.typeOverrides().toString());
    key.add(Integer.toString(queryFiles.size()));
    for (QueryFile file : queryFiles) {
      key.add(file.file().displayPath());
      key.add(file.file().text());
    }
    key.add(lockText);
    return key.build();
  }

  /**
   * A resolution made with a database, how it was made (for the summary), and the schema snapshot
   * to write when the build succeeds.
   */
  private record Resolved(Resolution resolution, String origin, Optional<String> schemaSnapshot) {}

  /**
   * Whether only the new and changed queries are analysed: the lock file's schema is the one the
   * migrations make.
   */
  private static boolean incremental(LockCheck check) {
    return check.locked() != null && check.schemaFresh();
  }

  /** The queries a build with a database analyses (see {@link #incremental}). */
  private static List<ParsedQuery> toAnalyze(LockCheck check, List<ParsedQuery> parsed) {
    return incremental(check) ? check.stale() : parsed;
  }

  /**
   * Builds the schema and analyses what the lock file does not answer for: only the new and changed
   * queries when the schema is unchanged, else every query.
   */
  private Optional<Resolved> resolveWithDatabase(
      ProjectRequest request,
      List<Migration> migrations,
      List<ParsedQuery> parsed,
      SchemaStamp schema,
      LockCheck check,
      @Nullable Path lockPath,
      MigrationChecks migrationChecks,
      SnapshotFiles snapshotFiles,
      VariantReports variants,
      Diagnostics diagnostics,
      PhaseTimings timings) {
    SchemaDatabase database;
    long databaseStarted = System.nanoTime();
    try {
      boolean freshCluster = !(options.database() instanceof DatabaseChoice.Server);
      database =
          DatabaseLauncher.start(
              options.database(),
              options.postgresVersion().major(),
              options.keepAlive(),
              MigrationRecord.key(migrations, freshCluster));
    } catch (DatabaseUnavailableException e) {
      if (lockPath == null) {
        diagnostics.report(e.message(), null, e.arguments());
      } else {
        diagnostics.report(
            Message.DATABASE_UNAVAILABLE_LOCK_STALE,
            null,
            e.getMessage(),
            display(lockPath),
            check.describe());
      }
      timings.record(Phase.DATABASE_START, databaseStarted);
      return Optional.empty();
    }
    for (String note : database.startupNotes()) {
      diagnostics.report(Message.LEFTOVERS_REMOVED, null, note);
    }
    long stopStarted = 0;
    try (database) {
      Connection first = database.connect();
      timings.record(Phase.DATABASE_START, databaseStarted);
      long migrationsStarted = System.nanoTime();
      Optional<MigrationRecord> cached =
          database.cachedMigrations().flatMap(text -> MigrationRecord.decode(text, migrations));
      MigrationRunner.Result applied;
      if (cached.isEmpty() && database.cachedMigrations().isPresent()) {
        // The clone holds the schema already, but its record cannot be read (the key makes this
        // a damaged template): the migrations cannot run on it again.
        first.close();
        diagnostics.report(Message.TEMPLATE_RECORD_UNREADABLE, null, database.description());
        stopStarted = System.nanoTime();
        return Optional.empty();
      }
      if (cached.isPresent()) {
        // A clone of the schema these very migrations made: report what they reported then.
        applied = cached.get().result();
        cached.get().diagnostics().forEach(diagnostics::add);
      } else {
        int reportedBefore = diagnostics.all().size();
        try {
          applied =
              new MigrationRunner(
                      diagnostics,
                      database.roles(),
                      !(options.database() instanceof DatabaseChoice.Server))
                  .apply(first, migrations);
        } catch (SQLException e) {
          first.close();
          throw e;
        }
        if (applied.succeeded() && database.cachesSchema()) {
          List<Diagnostic> reported =
              List.copyOf(diagnostics.all().subList(reportedBefore, diagnostics.all().size()));
          first.close(); // the schema is copied with nobody connected
          try {
            database.cacheMigrated(MigrationRecord.encode(applied.history(), migrations, reported));
          } catch (IOException e) {
            // Not cached: the next build migrates again.
          }
          first = database.connect();
        }
      }
      timings.record(Phase.MIGRATIONS, migrationsStarted);
      try (Connection connection = first) {
        if (!applied.succeeded()) {
          stopStarted = System.nanoTime();
          return Optional.empty();
        }
        long catalogStarted = System.nanoTime();
        Catalog catalog = Catalog.load(connection);
        OverrideCheck.check(request.typeOverrides(), catalog, diagnostics);
        timings.record(Phase.CATALOG, catalogStarted);
        boolean incremental = incremental(check);
        List<ParsedQuery> toAnalyze = toAnalyze(check, parsed);
        long analysisStarted = System.nanoTime();
        QueryAnalyzer analyzer =
            new QueryAnalyzer(connection, catalog, explainer(applied.history()));
        List<AnalyzedQuery> analyzed =
            new ArrayList<>(
                analyzer.analyzeAll(toAnalyze, variants.diagnosticsFor(diagnostics)).values());
        variants.report(diagnostics);
        Resolution fresh =
            ResolutionCapture.capture(schema, catalog, analyzed, request.typeOverrides());
        timings.record(Phase.ANALYSIS, analysisStarted);
        timings.analysedQueries(toAnalyze.size());
        // Last: the down round trip among the checks changes the database.
        long checksStarted = System.nanoTime();
        // Before the checks: the down round trip changes the database (and puts it back).
        Optional<String> snapshot = snapshotFiles.readSnapshot(connection);
        migrationChecks.run(
            connection, applied.applied(), applied.history(), analyzer, database.roles());
        timings.record(Phase.CHECKS, checksStarted);
        Resolution resolution = fresh;
        if (incremental) {
          List<String> kept = new ArrayList<>();
          for (ParsedQuery query : parsed) {
            if (!toAnalyze.contains(query)) {
              kept.add(query.declaration().name());
            }
          }
          resolution =
              Objects.requireNonNull(check.locked(), "an incremental build has a lock file")
                  .merge(kept, fresh);
        }
        String origin =
            "checked against "
                + migrations.size()
                + " migrations on "
                + database.description()
                + " ("
                + toAnalyze.size()
                + " analysed"
                + (incremental
                    ? ", " + (parsed.size() - toAnalyze.size()) + " unchanged from the lock file"
                    : "")
                + ")";
        stopStarted = System.nanoTime();
        return Optional.of(new Resolved(resolution, origin, snapshot));
      }
    } catch (SQLException e) {
      // The server went away, froze or failed: not the fault of the SQL that was running.
      diagnostics.report(
          Message.DATABASE_FAILED_DURING_BUILD,
          null,
          database.description(),
          ConnectionLoss.describe(e),
          e.getSQLState(),
          DatabaseChoice.OPTION);
      return Optional.empty();
    } finally {
      if (stopStarted != 0) {
        timings.record(Phase.DATABASE_STOP, stopStarted);
      }
      // The database is closed by now; what could not be cleaned up must not pass silently.
      for (String problem : database.cleanupProblems()) {
        diagnostics.report(Message.CLEANUP_FAILED, null, problem);
      }
    }
  }

  /**
   * The lock file: {@value LockFile#NAME} in the folder of the annotation's first queries path
   * (that folder itself when the path is a folder), so it sits next to the queries it describes.
   */
  @Nullable Path lockPath(ProjectRequest request) {
    if (request.queries().isEmpty()) {
      return null;
    }
    Path first = options.projectDir().resolve(request.queries().get(0)).normalize();
    Path folder = Files.isDirectory(first) ? first : first.getParent();
    return folder == null ? null : folder.resolve(LockFile.NAME);
  }

  private String display(@Nullable Path path) {
    if (path == null) {
      return "(none)";
    }
    Path relative =
        path.startsWith(options.projectDir()) ? options.projectDir().relativize(path) : path;
    return relative.toString().replace('\\', '/');
  }

  private LockCheck checkLock(
      @Nullable Path lockPath, SchemaStamp schema, List<ParsedQuery> parsed) {
    if (lockPath == null) {
      return LockCheck.of(
          null, "the lock file is off (-A" + LockMode.OPTION + "=off)", schema, parsed);
    }
    Resolution locked = null;
    String unusable = "there is no lock file " + display(lockPath);
    try {
      locked = LockFile.read(lockPath);
    } catch (IOException e) {
      unusable = "the lock file " + display(lockPath) + " cannot be read (" + e.getMessage() + ")";
    } catch (LockFile.MalformedLockFileException e) {
      // A merge conflict in the lock file ends here: the build resolves again and rewrites it.
      unusable = "the lock file " + display(lockPath) + " is not valid at " + e.getMessage();
    }
    return LockCheck.of(locked, unusable, schema, parsed);
  }

  /**
   * The migrations of {@code request}: read from the files, or, when an earlier build in this JVM
   * read the same files with the same options, taken from the read cache with what reading them
   * reported then.
   */
  private List<Migration> readMigrations(
      ProjectRequest request,
      SourceReader sources,
      Diagnostics diagnostics,
      @Nullable ReadCache reads) {
    String key = null;
    if (reads != null) {
      // The options that change how the files are read: the format, and Flyway's placeholders.
      List<String> parts = new ArrayList<>();
      parts.add(String.valueOf(options.migrations().format()));
      new TreeMap<>(options.migrations().placeholders())
          .forEach(
              (name, value) -> {
                parts.add(name);
                parts.add(value);
              });
      key = ReadCache.migrationsKey(sources.projectDir(), request.migrations(), parts);
    }
    ReadCache.MigrationsRead cached = reads == null || key == null ? null : reads.migrations(key);
    if (cached != null) {
      cached.diagnostics().forEach(diagnostics::add);
      return cached.migrations();
    }
    int before = diagnostics.all().size();
    List<Migration> migrations =
        new MigrationReader(
                sources,
                diagnostics,
                options.migrations().format(),
                options.migrations().placeholders())
            .read(request.migrations());
    if (reads != null && key != null) {
      reads.storeMigrations(
          key, new ReadCache.MigrationsRead(migrations, reportedSince(diagnostics, before)));
    }
    return migrations;
  }

  /** What was reported since {@code before} diagnostics had been. */
  private static List<Diagnostic> reportedSince(Diagnostics diagnostics, int before) {
    List<Diagnostic> all = diagnostics.all();
    return List.copyOf(all.subList(before, all.size()));
  }

  private static void checkDuplicateNames(List<QueryFile> files, Diagnostics diagnostics) {
    Map<String, QueryDeclaration> seen = new LinkedHashMap<>();
    for (QueryFile file : files) {
      for (QueryDeclaration query : file.queries()) {
        QueryDeclaration first = seen.putIfAbsent(query.name(), query);
        if (first != null) {
          diagnostics.report(
              Message.DUPLICATE_QUERY_NAME,
              query.headerLocation(),
              query.name(),
              first.headerLocation());
        }
      }
    }
  }

  /**
   * Names the migration that dropped or renamed the column or table a query uses where PostgreSQL
   * points: the column is the name's last part (a qualifier may be an alias), the table the whole
   * name.
   */
  static UnknownNameExplainer explainer(SchemaHistory history) {
    return (state, name) -> {
      Optional<SchemaChange> change = Optional.empty();
      if (name.isEmpty()) {
        return Optional.empty();
      }
      if (state.equals("42703")) {
        change = history.columnChange(null, name.get(name.size() - 1));
      } else if (state.equals("42P01")) {
        change = history.tableChange(String.join(".", name));
      }
      return change.map(c -> c.describe() + "; update the query to the new schema");
    };
  }
}
