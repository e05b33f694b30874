package dev.quarry.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The processor's packages form a pipeline that depends in one direction only: each package may use
 * the packages below it in {@link #PIPELINE} and none above it, and no group of packages depends on
 * itself in a circle. Checked on the compiled main classes (not the tests, which may reach across).
 * There are no frozen or ignored violations: a new dependency against the direction fails the
 * build, naming the classes; move the type it needs down instead (a record, an enum or an interface
 * usually), or hand the lower package what it needs.
 */
@AnalyzeClasses(
    packages = "dev.quarry.processor",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * The packages from the top of the pipeline to its bottom, each with what it does. A package may
   * depend on any package after it in this list.
   */
  static final List<String> PIPELINE =
      List.of(
          // the annotation processor and the pipeline that runs the stages in order
          "",
          // the build server's socket, protocol and client (the server's main is in "")
          "server",
          // writes the Java sources from the model
          "codegen",
          // the repositories, methods and records to generate
          "model",
          // optional blocks and run-time sort: the variants of a query, and their checks
          "dynamic",
          // the migration checks: lock risks, down parts, expand/contract
          "safety",
          // PostgreSQL types to Java types
          "types",
          // the lock file: the facts of a build, to build again without a database
          "lock",
          // describes each query in the schema database: columns, parameters, nullability
          "analysis",
          // which columns and parameters can be NULL, and how many rows a query returns
          "nullability",
          // reads and runs the migrations
          "migration",
          // starts or reaches the schema database
          "database",
          // reads the query files
          "query",
          // the schema database's facts: tables, columns, types
          "catalog",
          // the SQL text: tokens, statements, parameters, query headers
          "syntax",
          // the processor options
          "config",
          // reads the migration and query files
          "source",
          // the messages for the user, with their places
          "diagnostics");

  @ArchTest static final ArchRule pipelineDependsDownwardOnly = pipeline();

  @ArchTest
  static final ArchRule everyPackageHasAPlaceInThePipeline =
      classes()
          .should()
          .resideInAnyPackage(
              PIPELINE.stream().map(ArchitectureTest::packageOf).toArray(String[]::new))
          .because(
              "a package missing from PIPELINE would have no direction checked: add it where its"
                  + " dependencies put it");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices()
          .matching("dev.quarry.processor.(*)..")
          .should()
          .beFreeOfCycles()
          .because("a package cycle makes the stages impossible to read, test or change alone");

  @ArchTest
  static final ArchRule theModelReadsDataNotADatabase =
      noClasses()
          .that()
          .resideInAnyPackage("dev.quarry.processor.model..", "dev.quarry.processor.types..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..",
              "javax.sql..",
              "org.postgresql..",
              "dev.quarry.processor.catalog..",
              "dev.quarry.processor.analysis..",
              "dev.quarry.processor.database..")
          .because(
              "the model and type mapping read the lock stage's Resolution, which a build captures"
                  + " from the database or reads from the lock file: both paths give the same"
                  + " sources, and both are unit-tested without PostgreSQL");

  @ArchTest
  static final ArchRule onlySyntaxLexes =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.quarry.processor.syntax..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.quarry.processor.syntax.SqlLexer")
          .because(
              "each query and migration file is lexed once, in syntax: later stages read its"
                  + " tokens (ParsedQuery, QueryDeclaration.tokens(), SqlScript), never the text");

  private static ArchRule pipeline() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String name : PIPELINE) {
      layers = layers.layer(layer(name)).definedBy(packageOf(name));
    }
    for (int i = 0; i < PIPELINE.size(); i++) {
      List<String> below = PIPELINE.subList(i + 1, PIPELINE.size());
      String name = layer(PIPELINE.get(i));
      layers =
          below.isEmpty()
              ? layers.whereLayer(name).mayNotAccessAnyLayer()
              : layers
                  .whereLayer(name)
                  .mayOnlyAccessLayers(below.stream().map(b -> layer(b)).toArray(String[]::new));
    }
    return layers.because(
        "the processor is a pipeline: a stage uses the stages and data below it, never above");
  }

  private static String layer(String name) {
    return name.isEmpty() ? "processor" : name;
  }

  private static String packageOf(String name) {
    return name.isEmpty() ? "dev.quarry.processor" : "dev.quarry.processor." + name + "..";
  }
}
