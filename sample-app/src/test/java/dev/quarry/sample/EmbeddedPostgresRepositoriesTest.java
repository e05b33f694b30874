package dev.quarry.sample;

import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** The repositories against embedded PostgreSQL, migrated by Flyway as the app does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedPostgresRepositoriesTest extends RepositoriesContract {
  private Database database;

  @BeforeAll
  void startDatabase() throws IOException {
    database = Database.startEmbedded();
    database.migrate();
  }

  @AfterAll
  void stopDatabase() throws IOException {
    if (database != null) {
      database.close();
    }
  }

  @Override
  DataSource dataSource() {
    return database.dataSource();
  }
}
