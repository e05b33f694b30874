package dev.quarry.processor.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The sources the previous build generated, reused when nothing they came from changed: building
 * the model and printing JavaPoet trees is most of a lock-fresh build's time in a new JVM.
 *
 * <p>One entry per generated package, in {@value #FOLDER} beside the generated-sources folder
 * (Maven: {@code target/generated-sources/.quarry-generation}). It holds a key and, per generated
 * type, its qualified name and the SHA-256 of its text. The key is a SHA-256 of everything the
 * sources are made from: the processor jar's SHA-256 (so a new Quarry never reuses an old one's
 * output), where JavaPoet was loaded from, the package, the type overrides, each query file's path
 * and text, and the resolved facts (the lock file's text). The texts themselves are not copied: an
 * entry is used only when every source it lists is still in the generated-sources folder with the
 * same SHA-256, i.e. the outputs on disk are still what the build that wrote the entry wrote.
 * Anything else (no entry, another key, a source missing or edited, an unreadable file) is a miss,
 * and the sources are generated as without a cache. The sources are written through the Filer in
 * every case, as javac requires of a processor.
 */
public final class GenerationCache {
  static final String FOLDER = ".quarry-generation";
  private static final String HEADER = "quarry generation cache 1";

  private final Path sourceOutput;
  private final Path folder;

  private GenerationCache(Path sourceOutput) {
    this.sourceOutput = sourceOutput;
    this.folder = sourceOutput.resolveSibling(FOLDER);
  }

  /**
   * The cache for sources written to {@code sourceOutput}, or empty when the processor's own code
   * cannot be hashed (then nothing is reused).
   */
  public static Optional<GenerationCache> forSourceOutput(Path sourceOutput) {
    if (sourceOutput.getParent() == null) {
      return Optional.empty();
    }
    GenerationCache cache = new GenerationCache(sourceOutput);
    String processor = ProcessorCode.hash(cache.folder);
    return processor == null ? Optional.empty() : Optional.of(cache);
  }

  /**
   * The SHA-256 of the processor's own code (its jar, or its class files), or null when it cannot
   * be read; {@code folder} keeps it between JVMs (see {@link ProcessorCode}).
   */
  public static @Nullable String processorHash(@Nullable Path folder) {
    return ProcessorCode.hash(folder);
  }

  /** A new key, starting with the processor's own code. */
  public KeyBuilder key() {
    return new KeyBuilder(String.valueOf(ProcessorCode.hash(folder)));
  }

  /** Builds an entry's key from everything the generated sources depend on. */
  public static final class KeyBuilder {
    private final MessageDigest digest = sha256();

    private KeyBuilder(String processorHash) {
      add(HEADER);
      add(processorHash);
      add(ProcessorCode.javaPoet());
    }

    /** Adds one input; inputs are separated, so "ab","c" and "a","bc" differ. */
    public KeyBuilder add(String part) {
      byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
      return this;
    }

    public String build() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }

  /**
   * The sources of {@code packageName} the previous build wrote under {@code key}, when every one
   * of them is still on disk as it wrote it.
   */
  public Optional<List<GeneratedSource>> lookup(String packageName, String key) {
    Path entry = entry(packageName);
    List<GeneratedSource> sources = new ArrayList<>();
    try {
      if (!Files.isRegularFile(entry)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
      if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key)) {
        return Optional.empty();
      }
      for (String line : lines.subList(2, lines.size())) {
        // <sha256> <R|T> <qualified name>
        String[] parts = line.split(" ", 3);
        if (parts.length != 3) {
          return Optional.empty();
        }
        String name = parts[2];
        int dot = name.lastIndexOf('.');
        String pkg = dot < 0 ? "" : name.substring(0, dot);
        String simple = name.substring(dot + 1);
        Path file = sourceFile(pkg, simple);
        if (!Files.isRegularFile(file)) {
          return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!hash(text).equals(parts[0])) {
          return Optional.empty();
        }
        sources.add(new GeneratedSource(pkg, simple, text, parts[1].equals("R")));
      }
    } catch (IOException | RuntimeException e) {
      // Unreadable or malformed: generate as without a cache.
      return Optional.empty();
    }
    return Optional.of(sources);
  }

  /**
   * Records that {@code sources} were generated from {@code key}. A failure to write only costs the
   * next build the reuse.
   */
  public void store(String packageName, String key, List<GeneratedSource> sources) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("key ").append(key).append('\n');
    for (GeneratedSource source : sources) {
      text.append(hash(source.text()))
          .append(source.repository() ? " R " : " T ")
          .append(source.qualifiedName())
          .append('\n');
    }
    save(entry(packageName), text.toString());
  }

  /**
   * Writes {@code file} whole or not at all (parallel builds may write it at once). A failure only
   * costs the next build the reuse.
   */
  private static void save(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "entry", ".tmp");
      try {
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
          Files.move(
              temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException | RuntimeException e) {
      // The cache is only a shortcut; without it the next build generates the sources again.
    }
  }

  /** Forgets the entry of {@code packageName}, when its sources are about to change. */
  public void forget(String packageName) {
    try {
      Files.deleteIfExists(entry(packageName));
    } catch (IOException e) {
      // A stale entry cannot be used anyway: its sources' hashes no longer match.
    }
  }

  private Path entry(String packageName) {
    return folder.resolve((packageName.isEmpty() ? "(unnamed)" : packageName) + ".cache");
  }

  private Path sourceFile(String packageName, String simpleName) {
    Path dir = sourceOutput;
    if (!packageName.isEmpty()) {
      for (String part : packageName.split("\\.")) {
        dir = dir.resolve(part);
      }
    }
    return dir.resolve(simpleName + ".java");
  }

  static String hash(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * The processor's own code: the SHA-256 of the jar it was loaded from (of the class files, when
   * loaded from a folder as in Quarry's own tests). Reading a 600 kB jar through SHA-256 in a new
   * JVM costs about 50 ms, a third of a lock-fresh build, so the hash is computed once per jar: it
   * is kept in memory, and in {@value #JAR_HASH} beside the cache entries together with the jar's
   * path, size and modification time, and computed again only when one of those changes.
   */
  static final class ProcessorCode {
    static final String JAR_HASH = "processor-jar.sha256";
    private static @Nullable Path location;
    private static @Nullable String stamp;
    private static @Nullable String hash;

    private ProcessorCode() {}

    /** The hash, or null when the processor's code cannot be found or read. */
    static synchronized @Nullable String hash(@Nullable Path folder) {
      try {
        Path path = location();
        if (path == null) {
          return null;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
          // Class files in a folder (Quarry's own tests): hashed once per class loader.
          if (hash == null || !"folder".equals(stamp)) {
            hash = hashFolder(path);
            stamp = "folder";
          }
          return hash;
        }
        String now =
            path + "\n" + attributes.size() + "\n" + attributes.lastModifiedTime().toMillis();
        if (hash != null && now.equals(stamp)) {
          return hash;
        }
        Path saved = folder == null ? null : folder.resolve(JAR_HASH);
        String fromFile = saved == null ? null : savedHash(saved, now);
        hash = fromFile != null ? fromFile : hashFile(path);
        stamp = now;
        if (fromFile == null && saved != null) {
          save(saved, now + "\n" + hash + "\n");
        }
        return hash;
      } catch (IOException | RuntimeException | URISyntaxException e) {
        return null;
      }
    }

    private static @Nullable String savedHash(Path saved, String stamp) {
      try {
        if (!Files.isRegularFile(saved)) {
          return null;
        }
        String text = Files.readString(saved, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n', text.length() - 2);
        if (end < 0 || !text.substring(0, end).equals(stamp)) {
          return null;
        }
        String value = text.substring(end + 1).strip();
        return value.matches("[0-9a-f]{64}") ? value : null;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /**
     * Where JavaPoet is loaded from (its version is in the path), found without loading it: a build
     * that reuses its sources never needs JavaPoet.
     */
    static String javaPoet() {
      ClassLoader loader = GenerationCache.class.getClassLoader();
      java.net.URL url =
          loader == null ? null : loader.getResource("com/palantir/javapoet/JavaFile.class");
      return url == null ? "javapoet: unknown" : url.toString();
    }

    private static @Nullable Path location() throws URISyntaxException {
      if (location == null) {
        CodeSource source = GenerationCache.class.getProtectionDomain().getCodeSource();
        if (source == null
            || source.getLocation() == null
            || !source.getLocation().getProtocol().equals("file")) {
          return null;
        }
        location = Path.of(source.getLocation().toURI());
      }
      return location;
    }

    private static String hashFile(Path jar) throws IOException {
      MessageDigest digest = sha256();
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = Files.newInputStream(jar)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    }

    /** A folder of class files: every file's path and content. */
    private static String hashFolder(Path folder) throws IOException {
      MessageDigest digest = sha256();
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(file));
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
