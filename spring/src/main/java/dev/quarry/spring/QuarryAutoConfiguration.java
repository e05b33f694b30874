package dev.quarry.spring;

import dev.quarry.runtime.ConnectionSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Spring Boot auto-configuration: a {@link SpringConnectionSource} on the application's {@link
 * DataSource} (unless the application defines its own {@link ConnectionSource}), and every
 * generated repository on the class path as a bean built on it, so repositories inject like any
 * other bean and join {@code @Transactional} methods.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnSingleCandidate(DataSource.class)
@Import(QuarryRepositoriesRegistrar.class)
public class QuarryAutoConfiguration {

  /** The connection source every registered repository is built on. */
  @Bean
  @ConditionalOnMissingBean(ConnectionSource.class)
  public SpringConnectionSource quarryConnectionSource(DataSource dataSource) {
    return new SpringConnectionSource(dataSource);
  }
}
