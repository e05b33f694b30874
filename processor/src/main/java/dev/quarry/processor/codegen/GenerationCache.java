package dev.quarry.processor.codegen;

import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.diagnostics.SourceLocation;
import dev.quarry.processor.source.DeferredWrites;
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
import java.util.ArrayList;
import java.util.Base64;
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
 * type, its qualified name and the hash of its text. The key is a hash of everything the sources
 * are made from: the processor jar's hash (so a new Quarry never reuses an old one's output), where
 * JavaPoet was loaded from, the package, the type overrides, each query file's path and text, and
 * the resolved facts (the lock file's text). The texts themselves are not copied: an entry is used
 * only when every source it lists is still in the generated-sources folder with the same hash, i.e.
 * the outputs on disk are still what the build that wrote the entry wrote. Anything else (no entry,
 * another key, a source missing or edited, an unreadable file) is a miss, and the sources are
 * generated as without a cache. The sources are written through the Filer in every case, as javac
 * requires of a processor.
 */
public final class GenerationCache {
  static final String FOLDER = ".quarry-generation";
  // Version 2: ContentHash instead of SHA-256.
  private static final String HEADER = "quarry generation cache 2";
  private static final String REPLAY_HEADER = "quarry unchanged inputs 2";
  private static final String TYPES_HEADER = "quarry generated types 2";

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
   * The hash of the processor's own code (its jar, or its class files), or null when it cannot be
   * read; {@code folder} keeps it between JVMs (see {@link ProcessorCode}).
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
    private final ContentHash digest = new ContentHash();

    KeyBuilder(String processorHash) {
      add(HEADER);
      add(processorHash);
      add(ProcessorCode.javaPoet());
    }

    /** Adds one input; inputs are separated, so "ab","c" and "a","bc" differ. */
    public KeyBuilder add(String part) {
      return add(part.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds one input's bytes, separated from the others as {@link #add(String)} does. */
    public KeyBuilder add(byte[] bytes) {
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
      return this;
    }

    public String build() {
      return digest.hex();
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
        GeneratedSource source = onDisk(line);
        if (source == null) {
          return Optional.empty();
        }
        sources.add(source);
      }
    } catch (IOException | RuntimeException e) {
      // Unreadable or malformed: generate as without a cache.
      return Optional.empty();
    }
    return Optional.of(sources);
  }

  /**
   * The source a line {@code <hash> <R|T> <qualified name>} of an entry lists, when it is on disk
   * with that hash; else null.
   */
  private @Nullable GeneratedSource onDisk(String line) throws IOException {
    String[] parts = line.split(" ", 3);
    if (parts.length != 3) {
      return null;
    }
    String name = parts[2];
    int dot = name.lastIndexOf('.');
    String pkg = dot < 0 ? "" : name.substring(0, dot);
    String simple = name.substring(dot + 1);
    Path file = sourceFile(pkg, simple);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (!ContentHash.of(text).equals(parts[0])) {
      return null;
    }
    return new GeneratedSource(pkg, simple, text, parts[1].equals("R"));
  }

  private static String sourceLine(GeneratedSource source) {
    return ContentHash.of(source.text())
        + (source.repository() ? " R " : " T ")
        + source.qualifiedName();
  }

  /**
   * What a whole build reported and wrote, replayed by the next build whose inputs are byte for
   * byte the same (see {@link UnchangedInputs}): its sources, its diagnostics in their order, and
   * its summary before and after the milliseconds it took.
   */
  public record Replay(
      List<GeneratedSource> sources,
      List<Diagnostic> diagnostics,
      String summaryPrefix,
      String summarySuffix) {
    public Replay {
      sources = List.copyOf(sources);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * The build the previous one recorded under {@code inputsKey} (a key from {@link
   * UnchangedInputs#key}), when every source it wrote is still on disk as it wrote it. Anything
   * else (no entry, another key, a source missing or edited, an unreadable or malformed entry) is
   * empty: the build runs in full.
   */
  public Optional<Replay> replay(String packageName, String inputsKey) {
    Path entry = replayEntry(packageName);
    try {
      if (!Files.isRegularFile(entry)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
      if (lines.size() < 3
          || !lines.get(0).equals(REPLAY_HEADER)
          || !lines.get(1).equals("key " + inputsKey)
          || !lines.get(2).startsWith("summary ")) {
        return Optional.empty();
      }
      String[] summary = lines.get(2).split(" ", -1);
      if (summary.length != 3) {
        return Optional.empty();
      }
      List<Diagnostic> diagnostics = new ArrayList<>();
      List<GeneratedSource> sources = new ArrayList<>();
      for (String line : lines.subList(3, lines.size())) {
        if (line.startsWith("diagnostic ")) {
          // diagnostic <severity> <problem> <path|-> <line> <column> <message>, texts in Base64
          String[] parts = line.split(" ", 7);
          if (parts.length != 7) {
            return Optional.empty();
          }
          SourceLocation location =
              parts[3].equals("-")
                  ? null
                  : new SourceLocation(
                      decoded(parts[3]), Integer.parseInt(parts[4]), Integer.parseInt(parts[5]));
          diagnostics.add(
              new Diagnostic(
                  Severity.valueOf(parts[1]),
                  Problem.valueOf(parts[2]),
                  location,
                  decoded(parts[6])));
        } else if (line.startsWith("source ")) {
          GeneratedSource source = onDisk(line.substring("source ".length()));
          if (source == null) {
            return Optional.empty();
          }
          sources.add(source);
        } else {
          return Optional.empty();
        }
      }
      if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
        return Optional.empty(); // never recorded: a build with an error writes nothing
      }
      return Optional.of(
          new Replay(sources, diagnostics, decoded(summary[1]), decoded(summary[2])));
    } catch (IOException | RuntimeException e) {
      // Unreadable or malformed: build as without a cache.
      return Optional.empty();
    }
  }

  /**
   * Records what a build whose inputs had {@code inputsKey} reported and wrote, for {@link
   * #replay}. A failure to write only costs the next build the replay.
   */
  public void storeReplay(String packageName, String inputsKey, Replay replay) {
    StringBuilder text = new StringBuilder(REPLAY_HEADER).append('\n');
    text.append("key ").append(inputsKey).append('\n');
    text.append("summary ")
        .append(encoded(replay.summaryPrefix()))
        .append(' ')
        .append(encoded(replay.summarySuffix()))
        .append('\n');
    for (Diagnostic d : replay.diagnostics()) {
      SourceLocation location = d.location();
      text.append("diagnostic ")
          .append(d.severity().name())
          .append(' ')
          .append(d.problem().name())
          .append(' ')
          .append(
              location == null
                  ? "- 0 0"
                  : encoded(location.path()) + " " + location.line() + " " + location.column())
          .append(' ')
          .append(encoded(d.message()))
          .append('\n');
    }
    for (GeneratedSource source : replay.sources()) {
      text.append("source ").append(sourceLine(source)).append('\n');
    }
    save(replayEntry(packageName), text.toString());
  }

  /** Forgets the replay of {@code packageName}. */
  public void forgetReplay(String packageName) {
    try {
      Files.deleteIfExists(replayEntry(packageName));
    } catch (IOException e) {
      // A stale entry cannot be used anyway: its key or its sources' hashes no longer match.
    }
  }

  private static String encoded(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decoded(String text) {
    return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
  }

  /**
   * Records that {@code sources} were generated from {@code key}. A failure to write only costs the
   * next build the reuse.
   */
  public void store(String packageName, String key, List<GeneratedSource> sources) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("key ").append(key).append('\n');
    for (GeneratedSource source : sources) {
      text.append(sourceLine(source)).append('\n');
    }
    save(entry(packageName), text.toString());
  }

  /**
   * Writes {@code file} whole or not at all (parallel builds may write it at once). A failure only
   * costs the next build the reuse.
   */
  private static void save(Path file, String text) {
    if (DeferredWrites.held(() -> save(file, text))) {
      return;
    }
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

  /**
   * The sources of {@code packageName}'s types the previous build generated, by the key of the
   * model part each was written from (see {@link CodeGenerator#sources}); a source is handed out
   * only when it is still on disk as written.
   */
  final class Types {
    private final String packageName;
    private final java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();

    private Types(String packageName) {
      this.packageName = packageName;
      try {
        Path entry = typesEntry(packageName);
        if (Files.isRegularFile(entry)) {
          List<String> all = Files.readAllLines(entry, StandardCharsets.UTF_8);
          if (!all.isEmpty() && all.get(0).equals(TYPES_HEADER)) {
            for (String line : all.subList(1, all.size())) {
              // <part key> <hash> <R|T> <qualified name>
              int space = line.indexOf(' ');
              if (space > 0) {
                lines.put(line.substring(0, space), line.substring(space + 1));
              }
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        lines.clear(); // unreadable: every type is written again
      }
    }

    /** A new key for one part of the model, starting with the processor's code and the package. */
    KeyBuilder key() {
      return GenerationCache.this.key().add("type").add(packageName);
    }

    /** The source written from the part with {@code partKey}, when it is on disk as written. */
    @Nullable GeneratedSource reuse(String partKey) {
      String line = lines.get(partKey);
      try {
        return line == null ? null : onDisk(line);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /** The qualified names of the types, in the order the previous build wrote them. */
    List<String> names() {
      List<String> names = new ArrayList<>();
      for (String line : lines.values()) {
        names.add(line.substring(line.lastIndexOf(' ') + 1));
      }
      return names;
    }

    /** Records the sources and the keys of the parts they were written from. */
    void store(List<String> partKeys, List<GeneratedSource> sources) {
      StringBuilder text = new StringBuilder(TYPES_HEADER).append('\n');
      for (int i = 0; i < sources.size(); i++) {
        text.append(partKeys.get(i)).append(' ').append(sourceLine(sources.get(i))).append('\n');
      }
      save(typesEntry(packageName), text.toString());
    }
  }

  /** The sources of {@code packageName}'s types the previous build generated. */
  public Types types(String packageName) {
    return new Types(packageName);
  }

  /**
   * The qualified names of the types the previous build generated for {@code packageName} into
   * {@code sourceOutput}, as its record says (not checked against the processor's code or the
   * files: a hint only); empty when there is none.
   */
  public static List<String> previousTypeNames(Path sourceOutput, String packageName) {
    return new GenerationCache(sourceOutput).types(packageName).names();
  }

  private Path typesEntry(String packageName) {
    return folder.resolve((packageName.isEmpty() ? "(unnamed)" : packageName) + ".types");
  }

  /** Forgets the entry of {@code packageName}, when its sources are about to change. */
  public void forget(String packageName) {
    Path entry = entry(packageName);
    if (DeferredWrites.held(() -> forget(packageName))) {
      return;
    }
    try {
      Files.deleteIfExists(entry);
    } catch (IOException e) {
      // A stale entry cannot be used anyway: its sources' hashes no longer match.
    }
  }

  private Path entry(String packageName) {
    return folder.resolve((packageName.isEmpty() ? "(unnamed)" : packageName) + ".cache");
  }

  private Path replayEntry(String packageName) {
    return folder.resolve((packageName.isEmpty() ? "(unnamed)" : packageName) + ".inputs");
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

  /**
   * The processor's own code: the hash of the jar it was loaded from (of the class files, when
   * loaded from a folder as in Quarry's own tests). Reading a 600 kB jar costs a new JVM tens of
   * milliseconds (about 50 ms through SHA-256), so the hash is computed once per jar: it is kept in
   * memory, and in {@value #JAR_HASH} beside the cache entries together with the jar's path, size
   * and modification time, and computed again only when one of those changes.
   */
  static final class ProcessorCode {
    static final String JAR_HASH = "processor-jar.hash";
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
        return isHash(value) ? value : null;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /** Whether {@code value} looks like a {@link ContentHash}: 32 lower-case hexadecimal digits. */
    private static boolean isHash(String value) {
      if (value.length() != 32) {
        return false;
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
          return false;
        }
      }
      return true;
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
      ContentHash digest = new ContentHash();
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = Files.newInputStream(jar)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      return digest.hex();
    }

    /** A folder of class files: every file's path and content. */
    private static String hashFolder(Path folder) throws IOException {
      ContentHash digest = new ContentHash();
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          digest.update(folder.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
          digest.update(Files.readAllBytes(file));
        }
      }
      return digest.hex();
    }
  }
}
