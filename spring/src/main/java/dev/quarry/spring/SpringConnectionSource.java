package dev.quarry.spring;

import dev.quarry.runtime.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A {@link ConnectionSource} that joins Spring-managed transactions: inside a transaction that
 * Spring manages for {@code dataSource} (a {@code @Transactional} method, a {@code
 * TransactionTemplate}), every call runs on that transaction's connection, so it commits or rolls
 * back with the transaction; outside one, each call gets a connection of its own from {@code
 * dataSource} and gives it back afterwards, as {@code JdbcTemplate} does.
 *
 * <p>Build a generated repository on it, {@code new UsersQueries(new
 * SpringConnectionSource(dataSource))}, or let the auto-configuration register every generated
 * repository as a bean.
 */
public final class SpringConnectionSource implements ConnectionSource {
  private final DataSource dataSource;

  /**
   * Calls run on connections of {@code dataSource}: the same data source the transaction manager
   * manages, or calls do not take part in its transactions.
   */
  public SpringConnectionSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The data source calls get their connections from. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The current transaction's connection, or a new one. A failure to get one is the driver's or the
   * pool's {@link SQLException}, which the generated call reports as its own failure.
   */
  @Override
  public Connection acquire() throws SQLException {
    return DataSourceUtils.doGetConnection(dataSource);
  }

  /** Leaves a transaction's connection to the transaction; closes any other. */
  @Override
  public void release(Connection connection) throws SQLException {
    DataSourceUtils.doReleaseConnection(connection, dataSource);
  }
}
