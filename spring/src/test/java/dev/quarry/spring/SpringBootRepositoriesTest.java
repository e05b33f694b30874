package dev.quarry.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.runtime.ConnectionSource;
import dev.quarry.spring.library.AuthorsQueries;
import dev.quarry.spring.library.BooksQueries;
import dev.quarry.spring.library.Library;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real Spring Boot context on embedded PostgreSQL: the auto-configuration registers the
 * repositories Quarry generated for this module's tests, and a {@code @Transactional} service
 * writing through two of them commits or rolls back both. Every test ends with no connection of the
 * pool in use.
 */
class SpringBootRepositoriesTest {
  private static EmbeddedPostgres postgres;
  private static ConfigurableApplicationContext context;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    Library library(AuthorsQueries authors, BooksQueries books) {
      return new Library(authors, books);
    }
  }

  /** An application that builds one repository itself. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class AppWithItsOwnAuthors {
    @Bean
    AuthorsQueries customAuthors(ConnectionSource connections) {
      return new AuthorsQueries(connections);
    }
  }

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    context = boot(App.class, "always");
  }

  static ConfigurableApplicationContext boot(Class<?> app, String sqlInit) {
    return new SpringApplicationBuilder(app)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.main.banner-mode=off",
            "logging.level.root=warn",
            "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "spring.datasource.username=postgres",
            "spring.sql.init.mode=" + sqlInit,
            "spring.sql.init.schema-locations=file:src/test/sql/migrations/V1__library.sql")
        .run();
  }

  @AfterAll
  static void stop() throws IOException {
    if (context != null) {
      context.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void empty() {
    context.getBean(BooksQueries.class).deleteBooks();
    context.getBean(AuthorsQueries.class).deleteAuthors();
  }

  @AfterEach
  void noConnectionInUse() {
    assertEquals(0, activeConnections(context));
  }

  static int activeConnections(ConfigurableApplicationContext context) {
    return context.getBean(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections();
  }

  @Test
  void everyGeneratedRepositoryIsABeanOnSpringsConnectionSource() {
    assertEquals(Set.of("authorsQueries"), context.getBeansOfType(AuthorsQueries.class).keySet());
    assertEquals(Set.of("booksQueries"), context.getBeansOfType(BooksQueries.class).keySet());
    assertInstanceOf(SpringConnectionSource.class, context.getBean(ConnectionSource.class));
  }

  @Test
  void aTransactionalMethodThatThrowsLeavesNoRow() throws SQLException {
    Library library = context.getBean(Library.class);
    assertThrows(
        IllegalStateException.class, () -> library.addAuthorWithBook("Le Guin", "Lathe", true));
    assertEquals(Map.of("authors", 0L, "books", 0L), committedRows());
  }

  @Test
  void aTransactionalMethodThatReturnsCommitsBothWrites() throws SQLException {
    Library library = context.getBean(Library.class);
    library.addAuthorWithBook("Le Guin", "The Dispossessed", false);
    assertEquals(Map.of("authors", 1L, "books", 1L), committedRows());
  }

  @Test
  void aTransactionTemplateMarkedRollbackOnlyLeavesNoRow() throws SQLException {
    AuthorsQueries authors = context.getBean(AuthorsQueries.class);
    BooksQueries books = context.getBean(BooksQueries.class);
    context
        .getBean(TransactionTemplate.class)
        .executeWithoutResult(
            status -> {
              authors.createAuthor("Jemisin");
              assertEquals(1L, books.createBook("The Fifth Season", "Jemisin"));
              assertEquals(List.of("The Fifth Season"), books.listBookTitles());
              status.setRollbackOnly();
            });
    assertEquals(Map.of("authors", 0L, "books", 0L), committedRows());
  }

  @Test
  void outsideATransactionEachCallCommitsOnItsOwn() throws SQLException {
    AuthorsQueries authors = context.getBean(AuthorsQueries.class);
    authors.createAuthor("Butler");
    assertEquals(Map.of("authors", 1L, "books", 0L), committedRows());
    assertEquals(List.of("Butler"), authors.listAuthorNames());
  }

  @Test
  void aRepositoryTheApplicationDefinesIsLeftAlone() {
    try (ConfigurableApplicationContext own = boot(AppWithItsOwnAuthors.class, "never")) {
      assertEquals(Set.of("customAuthors"), own.getBeansOfType(AuthorsQueries.class).keySet());
      assertEquals(Set.of("booksQueries"), own.getBeansOfType(BooksQueries.class).keySet());
      assertEquals(List.of(), own.getBean(AuthorsQueries.class).listAuthorNames());
      assertEquals(0, activeConnections(own));
    }
  }

  /** Rows as a connection outside Spring sees them: only what was committed. */
  private static Map<String, Long> committedRows() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT (SELECT count(*) FROM authors), (SELECT count(*) FROM books)")) {
      rows.next();
      return Map.of("authors", rows.getLong(1), "books", rows.getLong(2));
    }
  }
}
