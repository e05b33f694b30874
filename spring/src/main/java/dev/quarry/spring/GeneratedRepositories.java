package dev.quarry.spring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated repository classes on a class path, read from the index Quarry's processor writes
 * beside the classes it generates ({@value #INDEX}: one class name a line, {@code #} comments), in
 * every jar and class folder that has one. No class-path scanning.
 */
final class GeneratedRepositories {
  static final String INDEX = "META-INF/quarry/repositories";

  private GeneratedRepositories() {}

  /**
   * The classes every index on {@code loader}'s class path names, each once, in the order found.
   *
   * @throws IllegalStateException when an index names a class that is not there (a stale index: the
   *     class was removed and the module not rebuilt), naming the index and the class
   */
  static List<Class<?>> find(ClassLoader loader) {
    Map<String, URL> names = new LinkedHashMap<>();
    try {
      Enumeration<URL> indexes = loader.getResources(INDEX);
      while (indexes.hasMoreElements()) {
        URL index = indexes.nextElement();
        for (String name : read(index)) {
          names.putIfAbsent(name, index);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Quarry repository index " + INDEX, e);
    }
    List<Class<?>> classes = new ArrayList<>();
    for (Map.Entry<String, URL> entry : names.entrySet()) {
      try {
        classes.add(Class.forName(entry.getKey(), false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException(
            entry.getValue()
                + " lists the generated repository "
                + entry.getKey()
                + ", which cannot be loaded ("
                + e
                + "); rebuild the module that holds the index (mvn clean compile) so that it"
                + " lists the repositories it has",
            e);
      }
    }
    return classes;
  }

  private static List<String> read(URL index) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
