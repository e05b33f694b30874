package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.ChildJavac;
import dev.quarry.processor.LocalServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrated-schema cache on a server given by URL ({@link SchemaTemplates}): a template database
 * that later builds clone, and none when the migrations create roles, which must not outlive the
 * build. Needs the server on 127.0.0.1:5432; names are random so that other builds on the server do
 * not meet them.
 */
class ServerTemplateTest {
  private static final Pattern CLONED =
      Pattern.compile("cloned from the cached migrated schema (quarry_template_[0-9a-f]+)");

  @TempDir Path temp;

  private final AtomicInteger builds = new AtomicInteger();
  private final String suffix =
      HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt()})
          + Long.toHexString(System.nanoTime());

  @Test
  void theSecondBuildClonesTheTemplateTheFirstKept() throws Exception {
    LocalServer.assumeAnswers();
    Path project =
        project("CREATE INDEX keep_" + suffix + "_idx ON keep_" + suffix + " (email);\n");
    ChildJavac.Outcome first = build(project);
    assertEquals(0, first.exitCode(), first.output());
    assertFalse(CLONED.matcher(first.output()).find(), first.output());
    ChildJavac.Outcome second = build(project);
    String template = null;
    try {
      assertEquals(0, second.exitCode(), second.output());
      Matcher cloned = CLONED.matcher(second.output());
      assertTrue(cloned.find(), second.output());
      template = cloned.group(1);
      assertTrue(comment(template).startsWith("quarry template: created="), comment(template));
      assertEquals(List.of(), LocalServer.scratchDatabasesOf(first.pid()));
      assertEquals(List.of(), LocalServer.scratchDatabasesOf(second.pid()));
      // The lock-risk warning of the migration, from the cached history, in both builds.
      assertEquals(warnings(first.output()), warnings(second.output()));
      assertFalse(warnings(first.output()).isEmpty(), first.output());
    } finally {
      if (template != null) {
        LocalServer.dropIfExists(template);
      }
    }
  }

  @Test
  void migrationsThatCreateRolesAreNotCachedAndTheirRolesGo() throws Exception {
    LocalServer.assumeAnswers();
    String role = "quarry_keep_role_" + suffix;
    Path project =
        project(
            "CREATE ROLE "
                + role
                + " NOLOGIN;\nGRANT SELECT ON keep_"
                + suffix
                + " TO "
                + role
                + ";\n");
    Set<String> before = templates();
    for (int i = 0; i < 2; i++) {
      ChildJavac.Outcome outcome = build(project);
      assertEquals(0, outcome.exitCode(), outcome.output());
      assertFalse(CLONED.matcher(outcome.output()).find(), outcome.output());
      assertFalse(roleExists(role), "the role " + role + " outlived the build");
    }
    Set<String> made = templates();
    made.removeAll(before);
    for (String template : made) {
      LocalServer.dropIfExists(template);
    }
    assertEquals(Set.of(), made, "a template that uses the migrations' role");
  }

  private ChildJavac.Outcome build(Path project) throws Exception {
    Path work = Files.createDirectories(temp.resolve("work-" + builds.incrementAndGet()));
    return new ChildJavac(
            project,
            work,
            List.of("-Aquarry.database=" + LocalServer.URL, "-Aquarry.lock=off"),
            Map.of())
        .run(180);
  }

  private Path project(String secondMigration) throws Exception {
    Path root = temp.resolve("project");
    Files.createDirectories(root.resolve("migrations"));
    Files.createDirectories(root.resolve("queries"));
    Files.writeString(
        root.resolve("migrations/V1__table.sql"),
        "CREATE TABLE keep_" + suffix + " (id bigserial PRIMARY KEY, email text NOT NULL);\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("migrations/V2__second.sql"), secondMigration, StandardCharsets.UTF_8);
    Files.writeString(
        root.resolve("queries/q.sql"),
        "-- name: Find :one\nSELECT id, email FROM keep_" + suffix + " WHERE id = @id;\n",
        StandardCharsets.UTF_8);
    return root;
  }

  private static List<String> warnings(String output) {
    return output
        .lines()
        .filter(line -> line.contains("[quarry:lock-risk]"))
        .map(line -> line.replaceFirst("^.*package-info\\.java:1: ", ""))
        .toList();
  }

  private static String comment(String database) throws Exception {
    try (Connection c = LocalServer.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database"
                    + " WHERE datname = ?")) {
      s.setString(1, database);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? rows.getString(1) : "(no such database)";
      }
    }
  }

  private static Set<String> templates() throws Exception {
    try (Connection c = LocalServer.connect();
        Statement s = c.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'quarry\\_template\\_%'")) {
      Set<String> names = new TreeSet<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }

  private static boolean roleExists(String role) throws Exception {
    try (Connection c = LocalServer.connect();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      s.setString(1, role);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next();
      }
    }
  }
}
