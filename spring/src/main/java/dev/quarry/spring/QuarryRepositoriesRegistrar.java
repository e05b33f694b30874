package dev.quarry.spring;

import dev.quarry.runtime.ConnectionSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers every generated repository on the class path as a singleton bean built on the context's
 * {@link ConnectionSource} bean. The classes come from the index Quarry's processor writes ({@code
 * META-INF/quarry/repositories}), not from class-path scanning.
 *
 * <p>A bean is named after its class, {@code usersQueries} for {@code UsersQueries} (the fully
 * qualified class name when two packages both have a {@code UsersQueries}). A repository the
 * application already defines a bean of is left alone.
 *
 * <p>Spring Boot imports this through {@link QuarryAutoConfiguration}; a Spring application without
 * Boot imports it itself, {@code @Import(QuarryRepositoriesRegistrar.class)}, beside a {@code
 * ConnectionSource} bean (a {@link SpringConnectionSource}).
 */
public final class QuarryRepositoriesRegistrar
    implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {
  private @Nullable ClassLoader classLoader;

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public void registerBeanDefinitions(
      AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
    ClassLoader loader = classLoader != null ? classLoader : ClassUtils.getDefaultClassLoader();
    for (Class<?> repository : GeneratedRepositories.find(loader)) {
      if (registry instanceof ListableBeanFactory beans
          && beans.getBeanNamesForType(repository, true, false).length > 0) {
        continue;
      }
      RootBeanDefinition definition = new RootBeanDefinition(repository);
      // The constructor taking a ConnectionSource, given the context's one: not the DataSource
      // constructor, whose calls would not join Spring's transactions.
      definition
          .getConstructorArgumentValues()
          .addIndexedArgumentValue(
              0,
              new RuntimeBeanReference(ConnectionSource.class),
              ConnectionSource.class.getName());
      registry.registerBeanDefinition(beanName(repository, registry), definition);
    }
  }

  private static String beanName(Class<?> repository, BeanDefinitionRegistry registry) {
    String simple = StringUtils.uncapitalize(repository.getSimpleName());
    return registry.containsBeanDefinition(simple) ? repository.getName() : simple;
  }
}
