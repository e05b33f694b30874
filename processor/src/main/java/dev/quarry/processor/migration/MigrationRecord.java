package dev.quarry.processor.migration;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.migration.SchemaSnapshot.Column;
import dev.quarry.processor.migration.SchemaSnapshot.ColumnKey;
import dev.quarry.processor.migration.SchemaSnapshot.NotNullCheck;
import dev.quarry.processor.migration.SchemaSnapshot.Relation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * What applying the migrations produced besides the schema itself, kept with a cached migrated
 * schema (a template database) so that a build that clones the schema instead of migrating reports
 * exactly what a migrating build reports: the {@link SchemaHistory} the safety checks and error
 * messages read (snapshots after each migration, with the oids that a template copy keeps), and the
 * notes and warnings the migrations gave. Only a run in which every migration applied is recorded.
 */
public final class MigrationRecord {
  private static final int FORMAT = 1;

  private final SchemaHistory history;
  private final List<Diagnostic> diagnostics;

  private MigrationRecord(SchemaHistory history, List<Diagnostic> diagnostics) {
    this.history = history;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The migration run as if the migrations had been applied now. */
  public MigrationRunner.Result result() {
    List<Migration> applied = history.steps().stream().map(SchemaHistory.Step::migration).toList();
    return new MigrationRunner.Result(applied, Optional.empty(), history);
  }

  /** What the migrations reported when they were applied (notes and warnings, no errors). */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * The key of a migrated schema: the migrations' files (path and text), how they are read and run,
   * whether stand-in roles are made (a cluster of the build's own), and this Quarry build. The
   * server adds its version and user.
   */
  public static String key(List<Migration> migrations, boolean freshCluster) {
    StringBuilder text = new StringBuilder("quarry-schema-v" + FORMAT + "\n");
    text.append("fresh=").append(freshCluster).append('\n');
    text.append("quarry=").append(quarryFingerprint()).append('\n');
    for (Migration m : migrations) {
      appendMigration(text, m);
    }
    return sha256(text.toString());
  }

  private static void appendMigration(StringBuilder text, Migration m) {
    text.append("migration ")
        .append(m.file().displayPath())
        .append('|')
        .append(m.file().path().toAbsolutePath())
        .append('|')
        .append(m.version())
        .append('|')
        .append(m.description())
        .append('|')
        .append(m.format())
        .append('|')
        .append(m.transaction())
        .append('|')
        .append(new TreeMap<>(m.placeholders()))
        .append('|')
        .append(sha256(m.file().text()))
        .append('|');
    for (var span : m.statements()) {
      text.append(span.start()).append('-').append(span.end()).append(',');
    }
    text.append('\n');
  }

  /** The record of a successful run: its history and the diagnostics the migrations reported. */
  public static String encode(SchemaHistory history, List<Migration> migrations, List<Diagnostic> d)
      throws IOException {
    Map<Migration, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < migrations.size(); i++) {
      index.put(migrations.get(i), i);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeInt(FORMAT);
      out.writeInt(migrations.size());
      writeSnapshot(out, history.baseline());
      out.writeInt(history.steps().size());
      for (SchemaHistory.Step step : history.steps()) {
        Integer at = index.get(step.migration());
        if (at == null) {
          throw new IOException("a step's migration is not among the migrations");
        }
        out.writeInt(at);
        writeSnapshot(out, step.after());
      }
      out.writeInt(d.size());
      for (Diagnostic diagnostic : d) {
        out.writeUTF(diagnostic.severity().name());
        out.writeUTF(diagnostic.problem().name());
        SourceLocation location = diagnostic.location();
        out.writeBoolean(location != null);
        if (location != null) {
          writeString(out, location.path());
          out.writeInt(location.line());
          out.writeInt(location.column());
        }
        writeString(out, diagnostic.message());
      }
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * The record {@code text} holds for these migrations, or empty when it is not one this version
   * reads or does not fit them (then the build migrates as if nothing were cached).
   */
  public static Optional<MigrationRecord> decode(String text, List<Migration> migrations) {
    try (DataInputStream in =
        new DataInputStream(
            new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text))))) {
      if (in.readInt() != FORMAT || in.readInt() != migrations.size()) {
        return Optional.empty();
      }
      SchemaSnapshot baseline = readSnapshot(in);
      int steps = in.readInt();
      List<SchemaHistory.Step> list = new ArrayList<>();
      for (int i = 0; i < steps; i++) {
        int at = in.readInt();
        if (at < 0 || at >= migrations.size()) {
          return Optional.empty();
        }
        list.add(new SchemaHistory.Step(migrations.get(at), readSnapshot(in)));
      }
      int count = in.readInt();
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Severity severity = Severity.valueOf(in.readUTF());
        Problem problem = Problem.valueOf(in.readUTF());
        SourceLocation location =
            in.readBoolean()
                ? new SourceLocation(readString(in), in.readInt(), in.readInt())
                : null;
        diagnostics.add(new Diagnostic(severity, problem, location, readString(in)));
      }
      return Optional.of(new MigrationRecord(new SchemaHistory(baseline, list), diagnostics));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void writeSnapshot(DataOutputStream out, SchemaSnapshot snapshot)
      throws IOException {
    out.writeInt(snapshot.relations().size());
    for (Map.Entry<Long, Relation> e : new TreeMap<>(snapshot.relations()).entrySet()) {
      out.writeLong(e.getKey());
      writeString(out, e.getValue().schema());
      writeString(out, e.getValue().name());
    }
    out.writeInt(snapshot.columns().size());
    for (Map.Entry<ColumnKey, Column> e : snapshot.columns().entrySet()) {
      out.writeLong(e.getKey().relationOid());
      out.writeInt(e.getKey().attnum());
      writeString(out, e.getValue().name());
      writeString(out, e.getValue().type());
    }
    out.writeInt(snapshot.notNullChecks().size());
    for (NotNullCheck check : snapshot.notNullChecks()) {
      out.writeLong(check.relationOid());
      writeString(out, check.constraint());
      writeString(out, check.column());
      out.writeBoolean(check.validated());
    }
  }

  private static SchemaSnapshot readSnapshot(DataInputStream in) throws IOException {
    Map<Long, Relation> relations = new LinkedHashMap<>();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      relations.put(in.readLong(), new Relation(readString(in), readString(in)));
    }
    Map<ColumnKey, Column> columns = new LinkedHashMap<>();
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      columns.put(
          new ColumnKey(in.readLong(), in.readInt()), new Column(readString(in), readString(in)));
    }
    List<NotNullCheck> checks = new ArrayList<>();
    n = in.readInt();
    for (int i = 0; i < n; i++) {
      checks.add(new NotNullCheck(in.readLong(), readString(in), readString(in), in.readBoolean()));
    }
    return new SchemaSnapshot(relations, columns, checks);
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 64 << 20) {
      throw new IOException("bad length");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static @Nullable String fingerprint;

  /**
   * What identifies this Quarry build: the processor jar's path, size and modification time, or the
   * class files' names, sizes and times when the classes are a folder (a development build).
   */
  static synchronized String quarryFingerprint() {
    if (fingerprint != null) {
      return fingerprint;
    }
    String result;
    try {
      Path location =
          Path.of(
              MigrationRecord.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(location)) {
        // The jar's path, size and time: hashing its 600 KB would cost a cold JVM far more than
        // the rest of a cached build's database start. A rebuilt or reinstalled jar has another
        // time.
        BasicFileAttributes jar = Files.readAttributes(location, BasicFileAttributes.class);
        result =
            sha256(
                location.toAbsolutePath()
                    + "|"
                    + jar.size()
                    + "|"
                    + jar.lastModifiedTime().toMillis());
      } else {
        StringBuilder listing = new StringBuilder();
        Files.walkFileTree(
            location,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                listing
                    .append(location.relativize(file))
                    .append(' ')
                    .append(attrs.size())
                    .append(' ')
                    .append(attrs.lastModifiedTime().toMillis())
                    .append('\n');
                return FileVisitResult.CONTINUE;
              }
            });
        result = sha256(listing.toString());
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Unknown: a value no other build has, so nothing is reused.
      result = "unknown-" + System.nanoTime();
    }
    fingerprint = result;
    return result;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
