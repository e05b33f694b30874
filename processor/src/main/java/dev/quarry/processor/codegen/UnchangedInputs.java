package dev.quarry.processor.codegen;

import dev.quarry.processor.config.ProcessorOptions;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.source.SourceFile;
import dev.quarry.processor.syntax.TokenList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The key of the unchanged-inputs fast path: one SHA-256 over the raw bytes of everything a build
 * with a fresh lock file reads, computed before anything is read, lexed or parsed. When it equals
 * the key the last such build recorded (see {@link GenerationCache#replay}) and that build's
 * sources are still on disk as it wrote them, the build writes those sources and reports that
 * build's diagnostics again, and does nothing else.
 *
 * <p>The key covers more than the readers read, never less: the processor's code and JavaPoet's
 * location ({@link GenerationCache.KeyBuilder}); every processor option and the annotation's
 * package, paths and type overrides; each migrations path as a whole tree (every file's relative
 * path and bytes, hidden ones included, links followed) and, for a single migration file, the
 * {@code atlas.sum} beside it; each queries path (a folder: the name and bytes of every entry
 * directly in it, the lock file among them; a file: its bytes); the lock file; and the files the
 * migration options name (snapshot, previous and recorded queries). A path that does not exist is
 * keyed as missing, so creating it changes the key.
 */
public final class UnchangedInputs {
  /** Beyond these, hashing costs more than it saves: no fast path. */
  private static final int MAX_FILES = 20_000;

  private static final long MAX_BYTES = 256L * 1024 * 1024;

  private final GenerationCache.KeyBuilder key;
  private int files;
  private long bytes;

  private UnchangedInputs(GenerationCache.KeyBuilder key) {
    this.key = key;
  }

  /**
   * The key of the inputs as they are now, or null when one of them cannot be read (then there is
   * no fast path: the build runs in full and reports the problem).
   */
  public static @Nullable String key(
      GenerationCache.KeyBuilder key,
      ProcessorOptions options,
      ProjectRequest request,
      Path lockFile) {
    UnchangedInputs inputs = new UnchangedInputs(key);
    try {
      key.add("unchanged inputs");
      key.add(canonical(options));
      key.add(canonical(request));
      Path project = options.projectDir();
      key.add("migrations " + request.migrations().size());
      for (String entry : request.migrations()) {
        Path path = project.resolve(entry).normalize();
        if (Files.isDirectory(path)) {
          inputs.tree(path);
        } else {
          inputs.file(path);
          Path parent = path.getParent();
          inputs.file(parent == null ? path : parent.resolve("atlas.sum"));
        }
      }
      key.add("queries " + request.queries().size());
      for (String entry : request.queries()) {
        Path path = project.resolve(entry).normalize();
        if (Files.isDirectory(path)) {
          inputs.folder(path);
        } else {
          inputs.file(path);
        }
      }
      key.add("lock file");
      inputs.file(lockFile);
      for (Path named :
          new Path[] {
            options.migrations().snapshot(),
            options.migrations().previousQueries(),
            options.migrations().recordQueries()
          }) {
        if (named != null) {
          inputs.file(named);
        }
      }
    } catch (IOException
        | UncheckedIOException
        | InvalidPathException
        | IllegalStateException
        | TooMany e) {
      return null;
    }
    return key.build();
  }

  /**
   * A value as text that is the same in every JVM: a record's components by name, a map's entries
   * and a set's elements sorted (the iteration order of {@code Map.copyOf} and {@code Set.copyOf}
   * changes from one JVM to the next), anything else by {@code toString}. Every component of a
   * record is included, so an option added later is part of the key without being listed here.
   */
  static String canonical(@Nullable Object value) {
    return canonical(value, false);
  }

  /**
   * As {@link #canonical(Object)}; when {@code strict}, a value that is not a record, a collection,
   * a map, a string, a number, a boolean, a character, an enum constant or a source file throws
   * {@link IllegalStateException} (its {@code toString} might leave out what the output depends
   * on). A source file is its paths and the SHA-256 of its text.
   */
  static String canonical(@Nullable Object value, boolean strict) {
    if (value == null) {
      return "null";
    }
    if (value instanceof SourceFile file) {
      return "SourceFile["
          + file.path()
          + ", "
          + file.displayPath()
          + ", "
          + GenerationCache.hash(file.text())
          + "]";
    }
    if (value instanceof TokenList tokens) {
      // The tokens are the lexer's function of the text (the processor's code is in every key):
      // the text's SHA-256 and the range stand for them, instead of every token by reflection.
      return "TokenList["
          + GenerationCache.hash(tokens.text())
          + ", "
          + tokens.size()
          + (tokens.isEmpty()
              ? ""
              : ", " + tokens.get(0).start() + "-" + tokens.get(tokens.size() - 1).end())
          + "]";
    }
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        entries.add(canonical(entry.getKey(), strict) + "=" + canonical(entry.getValue(), strict));
      }
      Collections.sort(entries);
      return "{" + String.join(", ", entries) + "}";
    }
    if (value instanceof Set<?> set) {
      List<String> elements = new ArrayList<>();
      for (Object element : set) {
        elements.add(canonical(element, strict));
      }
      Collections.sort(elements);
      return "{" + String.join(", ", elements) + "}";
    }
    if (value instanceof Collection<?> list) {
      List<String> elements = new ArrayList<>();
      for (Object element : list) {
        elements.add(canonical(element, strict));
      }
      return "[" + String.join(", ", elements) + "]";
    }
    Class<?> type = value.getClass();
    if (type.isRecord()) {
      StringBuilder text = new StringBuilder(type.getName()).append('[');
      for (RecordComponent component : type.getRecordComponents()) {
        Method accessor = component.getAccessor();
        Object part;
        try {
          accessor.setAccessible(true);
          part = accessor.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new IllegalStateException("cannot read " + component + " of " + type, e);
        }
        text.append(component.getName()).append('=').append(canonical(part, strict)).append(", ");
      }
      return text.append(']').toString();
    }
    if (strict
        && !(value instanceof String
            || value instanceof Number
            || value instanceof Boolean
            || value instanceof Character
            || value instanceof Enum<?>)) {
      throw new IllegalStateException("no canonical form for " + type.getName());
    }
    return type.getName() + ":" + value;
  }

  /** A file's path and bytes; a folder or something else by its kind; a missing path as missing. */
  private void file(Path path) throws IOException, TooMany {
    key.add(path.toString());
    if (Files.isRegularFile(path)) {
      byte[] content = Files.readAllBytes(path);
      count(content.length);
      key.add(content);
    } else if (Files.isDirectory(path)) {
      key.add("(folder)");
    } else if (Files.exists(path) || Files.isSymbolicLink(path)) {
      key.add("(not a file)");
    } else {
      key.add("(missing)");
    }
  }

  /** Every entry directly in {@code folder}, by name. */
  private void folder(Path folder) throws IOException, TooMany {
    key.add("folder " + folder);
    List<Path> children;
    try (Stream<Path> list = Files.list(folder)) {
      children =
          list.sorted(Comparator.comparing((Path p) -> String.valueOf(p.getFileName()))).toList();
    }
    key.add(Integer.toString(children.size()));
    for (Path child : children) {
      file(child);
    }
  }

  /** Every entry under {@code root}, links followed (a loop is an error: no fast path). */
  private void tree(Path root) throws IOException, TooMany {
    key.add("tree " + root);
    List<Path> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
      walk.forEach(all::add);
    }
    all.sort(Comparator.comparing(Path::toString));
    key.add(Integer.toString(all.size()));
    for (Path path : all) {
      file(path);
    }
  }

  private void count(long size) throws TooMany {
    files++;
    bytes += size;
    if (files > MAX_FILES || bytes > MAX_BYTES) {
      throw new TooMany();
    }
  }

  /** More inputs than are worth hashing. */
  private static final class TooMany extends Exception {
    private static final long serialVersionUID = 1L;

    TooMany() {
      super(null, null, false, false);
    }
  }
}
