package dev.quarry.processor.database;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The class path the build server needs: everything the processor was loaded with (pgjdbc,
 * JSqlParser, JavaPoet, embedded PostgreSQL and their dependencies). Found without assumptions on
 * the build tool: the entries of the processor's own class loader when it is a URL class loader
 * (javac's processor path, Maven and Gradle), else {@code java.class.path} when the processor sits
 * on the application class path (tests, a plain {@code java} run), and in every case the jars the
 * processor's libraries were loaded from.
 */
final class ProcessorClassPath {
  /**
   * System properties the build server is started with when the build set them, since the builds it
   * runs read them (where embedded PostgreSQL's binaries are, the home folder).
   */
  static final List<String> FORWARDED_PROPERTIES =
      List.of("maven.repo.local", "user.home", "file.encoding");

  /** One class of each library the processor uses at run time. */
  private static final List<String> LIBRARIES =
      List.of(
          "org.postgresql.Driver",
          "net.sf.jsqlparser.parser.CCJSqlParserUtil",
          "com.palantir.javapoet.JavaFile",
          "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
          "org.apache.commons.compress.archivers.ArchiveStreamFactory",
          "org.apache.commons.io.IOUtils",
          "org.apache.commons.lang3.StringUtils",
          "org.tukaani.xz.XZInputStream",
          "org.slf4j.LoggerFactory",
          "org.jspecify.annotations.Nullable");

  private ProcessorClassPath() {}

  /** The entries, as file paths, in order and without repeats. */
  static List<String> of(@Nullable ClassLoader loader) {
    List<String> entries = new ArrayList<>();
    if (loader instanceof URLClassLoader urls) {
      for (URL url : urls.getURLs()) {
        add(entries, url);
      }
    } else if (loader == ClassLoader.getSystemClassLoader()) {
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (!entry.isEmpty() && Files.exists(Path.of(entry))) {
          addPath(entries, Path.of(entry));
        }
      }
    }
    for (String name : LIBRARIES) {
      try {
        Class<?> type = Class.forName(name, false, loader);
        var source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
          add(entries, source.getLocation());
        }
      } catch (ClassNotFoundException | LinkageError | SecurityException e) {
        // Not used by this build (e.g. no embedded PostgreSQL): the server does without.
      }
    }
    return entries;
  }

  private static void add(List<String> entries, URL url) {
    if (!"file".equals(url.getProtocol())) {
      return;
    }
    try {
      addPath(entries, Path.of(url.toURI()));
    } catch (Exception e) {
      // Not a file path: skipped.
    }
  }

  private static void addPath(List<String> entries, Path path) {
    String entry = path.toAbsolutePath().normalize().toString();
    if (!entries.contains(entry)) {
      entries.add(entry);
    }
  }
}
