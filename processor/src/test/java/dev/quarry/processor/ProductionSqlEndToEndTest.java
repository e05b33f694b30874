package dev.quarry.processor;

import static dev.quarry.processor.GeneratedRepository.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.quarry.runtime.ConnectionSource;
import dev.quarry.runtime.ExecResult;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The production-SQL case folders, running: generated code against embedded PostgreSQL with the
 * case's migrations. Quoted mixed-case enums go in and out (arrays of them too, which the driver
 * looks up by the name generated code gives), {@code RETURNING} statements are counted, {@code
 * sqlc.slice} values are bound as arrays or NULL, and statements PostgreSQL cannot PREPARE run.
 */
class ProductionSqlEndToEndTest {

  @Test
  void quotedMixedCaseTypesTablesAndColumnsRoundTrip() throws Exception {
    try (GeneratedRepository generated =
        new GeneratedRepository(CompileCaseTest.CASES.resolve("quoted-names"))) {
      Object leases = generated.repository("LeasesQueries");
      Object tenantId =
          call(
              leases,
              "createTenant",
              Map.of("fullName", "Ada", "home", address(generated, "Main St 1", "1000")));
      Object long_ = constant(generated, "LeaseKind", "Long");
      Object short_ = constant(generated, "LeaseKind", "Short");
      Object monthly = constant(generated, "LeaseKind", "Month to month");
      Object sent = constant(generated, "StepKind", "Sent");
      Map<String, Object> arguments = new HashMap<>();
      arguments.put("tenantId", tenantId);
      arguments.put("kind", long_);
      arguments.put("pastKinds", List.of("Short", "Month to month"));
      arguments.put("steps", List.of(sent));
      arguments.put("rent", 120_000L);
      Object lease = call(leases, "createLease", arguments);
      assertEquals(long_, component(lease, "kind"));
      assertEquals(List.of(short_, monthly), component(lease, "pastKinds"));
      assertEquals(List.of(sent), component(lease, "steps"));

      List<?> ofKind =
          (List<?>) call(leases, "leasesOfKind", Map.of("kinds", List.of(long_, monthly)));
      assertEquals(1, ofKind.size());
      assertEquals(120_000L, component(ofKind.get(0), "rent"));

      Optional<?> withTenant =
          (Optional<?>) call(leases, "leaseWithTenant", Map.of("id", component(lease, "id")));
      Object row = withTenant.orElseThrow();
      assertEquals("Ada", component(component(row, "tenant"), "fullName"));
      assertEquals(long_, component(component(row, "lease"), "kind"));
      assertEquals("1000", component(component(row, "home"), "zipCode"));

      List<?> longLeases = (List<?>) call(leases, "longLeases", Map.of());
      assertEquals(1, longLeases.size());
      List<?> labels = (List<?>) call(leases, "kindLabels", Map.of());
      assertEquals(List.of(short_, long_, monthly), labels);
    }
  }

  @Test
  void execrowsAndExecresultCountTheRowsOfReturningStatements() throws Exception {
    try (GeneratedRepository generated =
        new GeneratedRepository(CompileCaseTest.CASES.resolve("execrows-returning"))) {
      Object mappings = generated.repository("MappingsQueries");
      for (String name : List.of("a", "a", "b")) {
        call(mappings, "createMapping", Map.of("name", name));
      }
      assertEquals(2L, call(mappings, "deactivateMappings", Map.of("name", "a")));
      assertEquals(0L, call(mappings, "deactivateMappings", Map.of("name", "none")));
      assertEquals(new ExecResult(2), call(mappings, "deleteMappings", Map.of()));
    }
  }

  @Test
  void sliceValuesAreArraysAndNullMeansNoFilter() throws Exception {
    try (GeneratedRepository generated =
        new GeneratedRepository(CompileCaseTest.CASES.resolve("slice-values"))) {
      try (Connection connection = generated.connect();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "INSERT INTO evaluations (name, status, labels) VALUES"
                + " ('a', 'success', '{x}'), ('b', 'failure', '{y}'), ('c', 'error', '{x,y}')");
      }
      Object evaluations = generated.repository("EvaluationsQueries");
      Map<String, Object> noFilter = new HashMap<>();
      noFilter.put("statuses", null);
      noFilter.put("names", null);
      noFilter.put("labels", null);
      assertEquals(List.of("a", "b", "c"), names(call(evaluations, "listEvaluations", noFilter)));
      Map<String, Object> filtered = new HashMap<>(noFilter);
      filtered.put(
          "statuses",
          List.of(
              constant(generated, "EvalStatus", "success"),
              constant(generated, "EvalStatus", "error")));
      filtered.put("labels", List.of("x"));
      filtered.put("names", List.of("a"));
      assertEquals(List.of("c"), names(call(evaluations, "listEvaluations", filtered)));
      List<UUID> ids = new ArrayList<>();
      for (Object row : (List<?>) call(evaluations, "listEvaluations", noFilter)) {
        ids.add((UUID) component(row, "id"));
      }
      assertEquals(2L, call(evaluations, "deleteEvaluations", Map.of("ids", ids.subList(0, 2))));
      assertEquals(
          1,
          ((List<?>) call(evaluations, "evaluationsNamed", Map.of("names", List.of("c", "z"))))
              .size());
    }
  }

  @Test
  void statementsPostgresCannotPrepareRunAsExec() throws Exception {
    try (GeneratedRepository generated =
            new GeneratedRepository(CompileCaseTest.CASES.resolve("utility-statements"));
        Connection connection = generated.connect()) {
      ConnectionSource one =
          new ConnectionSource() {
            @Override
            public Connection acquire() {
              return connection;
            }

            @Override
            public void release(Connection c) {}
          };
      Object control = generated.repository("ControlQueries", one);
      try (Statement statement = connection.createStatement()) {
        statement.execute("INSERT INTO jobs (state) VALUES ('done'), ('new')");
      }
      call(control, "vacuumJobs", Map.of());
      call(control, "analyzeJobs", Map.of());
      call(control, "refreshCounts", Map.of());
      connection.setAutoCommit(false);
      call(control, "savepoint", Map.of());
      call(control, "setTimeout", Map.of());
      call(control, "lockJobs", Map.of());
      call(control, "rollbackToSavepoint", Map.of());
      call(control, "releaseSavepoint", Map.of());
      call(control, "resetTimeout", Map.of());
      call(control, "listen", Map.of());
      // A query named Notify gives notify_(): Object.notify() is final.
      call(control, "notify_", Map.of());
      call(control, "unlisten", Map.of());
      call(control, "discardPlans", Map.of());
      call(control, "archiveJobs", Map.of("olderThan", 100L, "keep", "new"));
      connection.commit();
      try (Statement statement = connection.createStatement();
          java.sql.ResultSet rows =
              statement.executeQuery("SELECT string_agg(state, ',') FROM jobs")) {
        rows.next();
        assertEquals("new", rows.getString(1));
      }
    }
  }

  private static List<String> names(Object rows) throws Exception {
    List<String> names = new ArrayList<>();
    for (Object row : (List<?>) rows) {
      names.add((String) component(row, "name"));
    }
    return names;
  }

  private static Object constant(GeneratedRepository generated, String enumName, String label)
      throws Exception {
    Class<?> type = generated.classes.loadClass(CompileCaseTest.PACKAGE + "." + enumName);
    return type.getMethod("fromLabel", String.class).invoke(null, label);
  }

  private static Object address(GeneratedRepository generated, String street, String zip)
      throws Exception {
    Class<?> type = generated.classes.loadClass(CompileCaseTest.PACKAGE + ".Address");
    return type.getDeclaredConstructor(String.class, String.class).newInstance(street, zip);
  }

  private static Object component(Object record, String name) throws Exception {
    assertNotNull(record);
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component.getAccessor().invoke(record);
      }
    }
    throw new AssertionError(record.getClass().getSimpleName() + " has no component " + name);
  }
}
