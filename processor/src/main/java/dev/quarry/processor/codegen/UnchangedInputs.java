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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The key of the unchanged-inputs fast path: one hash ({@link ContentHash}) over the raw bytes of
 * everything a build with a fresh lock file reads, computed before anything is read, lexed or
 * parsed. When it equals the key the last such build recorded (see {@link GenerationCache#replay})
 * and that build's sources are still on disk as it wrote them, the build writes those sources and
 * reports that build's diagnostics again, and does nothing else.
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
   * on). A source file is its paths and the hash of its text.
   */
  static String canonical(@Nullable Object value, boolean strict) {
    StringBuilder text = new StringBuilder(256);
    new Canonical(strict).append(value, text);
    return text.toString();
  }

  /**
   * Writes one value's canonical form into a single builder. A repository's form is hundreds of
   * kilobytes: building each nested part as a string of its own and copying it into its parent
   * copied the text once per level of nesting, and every query's tokens and source file hashed the
   * same file text again; here each character is appended once and each text hashed once.
   */
  private static final class Canonical {
    private final boolean strict;
    private final Map<String, String> hashes = new IdentityHashMap<>();

    Canonical(boolean strict) {
      this.strict = strict;
    }

    /** The hash of a text, once per text object (the file text is shared by every query). */
    private String hash(String text) {
      return hashes.computeIfAbsent(text, ContentHash::of);
    }

    private String of(@Nullable Object value) {
      StringBuilder text = new StringBuilder();
      append(value, text);
      return text.toString();
    }

    void append(@Nullable Object value, StringBuilder text) {
      if (value == null) {
        text.append("null");
        return;
      }
      if (value instanceof SourceFile file) {
        text.append("SourceFile[")
            .append(file.path())
            .append(", ")
            .append(file.displayPath())
            .append(", ")
            .append(hash(file.text()))
            .append(']');
        return;
      }
      if (value instanceof TokenList tokens) {
        // The tokens are the lexer's function of the text (the processor's code is in every key):
        // the text's hash and the range stand for them, instead of every token by reflection.
        text.append("TokenList[").append(hash(tokens.text())).append(", ").append(tokens.size());
        if (!tokens.isEmpty()) {
          text.append(", ")
              .append(tokens.get(0).start())
              .append('-')
              .append(tokens.get(tokens.size() - 1).end());
        }
        text.append(']');
        return;
      }
      if (value instanceof Map<?, ?> map) {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          entries.add(of(entry.getKey()) + "=" + of(entry.getValue()));
        }
        Collections.sort(entries);
        text.append('{');
        join(entries, text);
        text.append('}');
        return;
      }
      if (value instanceof Set<?> set) {
        List<String> elements = new ArrayList<>();
        for (Object element : set) {
          elements.add(of(element));
        }
        Collections.sort(elements);
        text.append('{');
        join(elements, text);
        text.append('}');
        return;
      }
      if (value instanceof Collection<?> list) {
        text.append('[');
        boolean first = true;
        for (Object element : list) {
          if (!first) {
            text.append(", ");
          }
          first = false;
          append(element, text);
        }
        text.append(']');
        return;
      }
      Class<?> type = value.getClass();
      Method[] accessors = ACCESSORS.get(type);
      if (accessors != null) {
        text.append(type.getName()).append('[');
        for (Method accessor : accessors) {
          Object part;
          try {
            part = accessor.invoke(value);
          } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + accessor + " of " + type, e);
          }
          text.append(accessor.getName()).append('=');
          append(part, text);
          text.append(", ");
        }
        text.append(']');
        return;
      }
      if (strict
          && !(value instanceof String
              || value instanceof Number
              || value instanceof Boolean
              || value instanceof Character
              || value instanceof Enum<?>)) {
        throw new IllegalStateException("no canonical form for " + type.getName());
      }
      text.append(type.getName()).append(':').append(value);
    }

    private static void join(List<String> parts, StringBuilder text) {
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          text.append(", ");
        }
        text.append(parts.get(i));
      }
    }
  }

  /**
   * A record class's component accessors, made accessible once per class (looking them up and
   * opening them on every value was a good part of a key's cost); null for a class that is no
   * record.
   */
  private static final ClassValue<Method @Nullable []> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method @Nullable [] computeValue(Class<?> type) {
          if (!type.isRecord()) {
            return null;
          }
          RecordComponent[] components = type.getRecordComponents();
          Method[] accessors = new Method[components.length];
          for (int i = 0; i < components.length; i++) {
            Method accessor = components[i].getAccessor();
            try {
              accessor.setAccessible(true);
            } catch (RuntimeException e) {
              // Invoked as it is: a failure then says which component could not be read.
            }
            accessors[i] = accessor;
          }
          return accessors;
        }
      };

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
