package dev.quarry.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.quarry.processor.config.DatabaseChoice;
import dev.quarry.processor.database.DatabaseLauncher;
import dev.quarry.processor.database.SchemaDatabase;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.migration.MigrationReader;
import dev.quarry.processor.migration.MigrationRunner;
import dev.quarry.processor.source.SourceReader;
import dev.quarry.runtime.ConnectionSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A case folder's generated code, running: compiled with Quarry, the case's migrations applied to a
 * fresh embedded PostgreSQL, and repositories built on it. Methods are called by name with
 * arguments by parameter name, so tests read like the API they exercise.
 */
final class GeneratedRepository implements AutoCloseable {
  final GeneratedClasses classes;
  private final SchemaDatabase database;

  GeneratedRepository(Path folder) throws Exception {
    List<String> options = new ArrayList<>(CompileCaseTest.options(folder));
    options.add("-parameters");
    Compilation compilation = CompileCaseTest.compileCase(folder, options);
    assertEquals(
        Compilation.Status.SUCCESS,
        compilation.status(),
        () -> compilation.diagnostics().toString());
    classes = new GeneratedClasses(compilation);
    database = DatabaseLauncher.start(new DatabaseChoice.Embedded(), 17);
    Diagnostics diagnostics = new Diagnostics();
    List<Migration> migrations =
        new MigrationReader(new SourceReader(folder, diagnostics), diagnostics)
            .read(List.of("migrations"));
    try (Connection connection = database.connect()) {
      assertTrue(
          new MigrationRunner(diagnostics).apply(connection, migrations).succeeded(),
          () -> diagnostics.all().toString());
    }
  }

  /** A new connection to the case's database; the caller closes it. */
  Connection connect() throws SQLException {
    return database.connect();
  }

  /** A new instance of a generated repository class, on these connections. */
  Object repository(String simpleName, ConnectionSource connections) throws Exception {
    return classes
        .loadClass(CompileCaseTest.PACKAGE + "." + simpleName)
        .getConstructor(ConnectionSource.class)
        .newInstance(connections);
  }

  /** A new instance of a generated repository class, borrowing a connection per call. */
  Object repository(String simpleName) throws Exception {
    ConnectionSource connections =
        new ConnectionSource() {
          @Override
          public Connection acquire() throws SQLException {
            return database.connect();
          }

          @Override
          public void release(Connection connection) throws SQLException {
            connection.close();
          }
        };
    return repository(simpleName, connections);
  }

  /**
   * Calls {@code name} on {@code repository}, each parameter taken from {@code arguments} by name;
   * a {@code Params} record parameter is built from the arguments named as its components unless it
   * is given itself.
   */
  static Object call(Object repository, String name, Map<String, ?> arguments) throws Exception {
    for (Method method : repository.getClass().getMethods()) {
      if (method.getName().equals(name)) {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
          Class<?> type = parameters[i].getType();
          if (type.isRecord()
              && type.getSimpleName().endsWith("Params")
              && !type.isInstance(arguments.get(parameters[i].getName()))) {
            args[i] = params(type, arguments);
            continue;
          }
          assertTrue(
              arguments.containsKey(parameters[i].getName()),
              "no value for " + parameters[i].getName());
          args[i] = arguments.get(parameters[i].getName());
        }
        try {
          return method.invoke(repository, args);
        } catch (InvocationTargetException e) {
          if (e.getCause() instanceof Exception cause) {
            throw cause;
          }
          throw e;
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  /** A generated parameter record, each component taken from {@code arguments} by name. */
  private static Object params(Class<?> type, Map<String, ?> arguments) throws Exception {
    java.lang.reflect.RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      assertTrue(
          arguments.containsKey(components[i].getName()),
          "no value for " + components[i].getName());
      types[i] = components[i].getType();
      values[i] = arguments.get(components[i].getName());
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (IllegalArgumentException e) {
      List<String> given = new ArrayList<>();
      for (int i = 0; i < values.length; i++) {
        given.add(
            components[i].getName()
                + ": "
                + types[i].getName()
                + " <- "
                + (values[i] == null ? "null" : values[i].getClass().getName()));
      }
      throw new IllegalArgumentException(type.getSimpleName() + " " + given, e);
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
