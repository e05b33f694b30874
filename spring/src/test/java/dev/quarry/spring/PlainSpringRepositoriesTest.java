package dev.quarry.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import dev.quarry.spring.library.AuthorsQueries;
import dev.quarry.spring.library.BooksQueries;
import dev.quarry.spring.library.Library;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Spring Framework without Boot: the application imports {@link QuarryRepositoriesRegistrar} and
 * defines a {@link SpringConnectionSource}; a {@code @Transactional} method that throws leaves no
 * row, and no connection stays in use.
 */
class PlainSpringRepositoriesTest {
  private static String jdbcUrl;

  @Configuration
  @EnableTransactionManagement
  @Import(QuarryRepositoriesRegistrar.class)
  static class Config {
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(jdbcUrl);
      pool.setMaximumPoolSize(2);
      return pool;
    }

    @Bean
    DataSourceTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    SpringConnectionSource connectionSource(DataSource dataSource) {
      return new SpringConnectionSource(dataSource);
    }

    @Bean
    Library library(AuthorsQueries authors, BooksQueries books) {
      return new Library(authors, books);
    }
  }

  @Test
  void repositoriesJoinTransactionsWithoutBoot() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(Files.readString(Path.of("src/test/sql/migrations/V1__library.sql")));
      }
      try (AnnotationConfigApplicationContext context =
          new AnnotationConfigApplicationContext(Config.class)) {
        Library library = context.getBean(Library.class);
        AuthorsQueries authors = context.getBean(AuthorsQueries.class);
        BooksQueries books = context.getBean(BooksQueries.class);
        assertThrows(
            IllegalStateException.class, () -> library.addAuthorWithBook("Lem", "Solaris", true));
        assertEquals(List.of(), authors.listAuthorNames());
        assertEquals(List.of(), books.listBookTitles());
        library.addAuthorWithBook("Lem", "Solaris", false);
        assertEquals(List.of("Lem"), authors.listAuthorNames());
        assertEquals(List.of("Solaris"), books.listBookTitles());
        HikariDataSource pool = context.getBean(HikariDataSource.class);
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections());
      }
    }
  }
}
