package dev.quarry.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.quarry.processor.lock.ResolutionFixture;
import org.junit.jupiter.api.Test;

/**
 * The unit tests of the model and of type mapping need no PostgreSQL: they build a {@code
 * Resolution} themselves. This keeps them so: neither they, their fixture, nor the classes under
 * test may use a test database, a JDBC connection, the live catalog or the analysis. (The
 * architecture test states the same for the main classes of {@code model} and {@code types}.)
 */
class DatabaseFreeUnitTestsTest {
  private static final String[] DATABASE = {
    "java.sql..",
    "javax.sql..",
    "org.postgresql..",
    "io.zonky..",
    "dev.quarry.processor.catalog..",
    "dev.quarry.processor.analysis..",
    "dev.quarry.processor.database..",
    "dev.quarry.processor.migration.."
  };

  @Test
  void theModelAndTypeMappingUnitTestsUseNoDatabase() throws ClassNotFoundException {
    JavaClasses tests =
        new ClassFileImporter()
            .importClasses(
                // package-private test classes, named here
                Class.forName("dev.quarry.processor.model.ModelBuilderTest"),
                Class.forName("dev.quarry.processor.types.TypeMapperTest"),
                ResolutionFixture.class);
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DATABASE)
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(TestDatabases.class, LocalServer.class)
        .because("the unit tests of the model and type mapping run without PostgreSQL")
        .check(tests);
  }
}
