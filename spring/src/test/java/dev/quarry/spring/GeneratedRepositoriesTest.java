package dev.quarry.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.spring.library.AuthorsQueries;
import dev.quarry.spring.library.BooksQueries;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the repository index: every index on the class path, comments, duplicates, errors. */
class GeneratedRepositoriesTest {

  @Test
  void theProcessorsIndexListsThisModulesRepositories() {
    assertEquals(
        List.of(AuthorsQueries.class, BooksQueries.class),
        GeneratedRepositories.find(getClass().getClassLoader()));
  }

  @Test
  void readsEveryIndexOnTheClassPathAndListsEachClassOnce(@TempDir Path dir) throws Exception {
    Path first =
        index(dir.resolve("first"), "# a comment\n\ndev.quarry.spring.library.BooksQueries\n");
    Path second =
        index(
            dir.resolve("second"),
            "  dev.quarry.spring.library.AuthorsQueries  \ndev.quarry.spring.library.BooksQueries\n");
    try (URLClassLoader loader = loader(first, second)) {
      assertEquals(
          List.of(BooksQueries.class, AuthorsQueries.class), GeneratedRepositories.find(loader));
    }
  }

  @Test
  void aClassTheIndexNamesThatIsGoneIsAClearError(@TempDir Path dir) throws Exception {
    Path stale = index(dir, "dev.quarry.spring.library.RemovedQueries\n");
    try (URLClassLoader loader = loader(stale)) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> GeneratedRepositories.find(loader));
      assertTrue(
          e.getMessage().contains("dev.quarry.spring.library.RemovedQueries"), e.getMessage());
      assertTrue(
          e.getMessage().contains(stale.getFileName() + "/" + GeneratedRepositories.INDEX),
          e.getMessage());
      assertTrue(e.getMessage().contains("rebuild the module"), e.getMessage());
    }
  }

  private static Path index(Path root, String text) throws Exception {
    Path file = root.resolve(GeneratedRepositories.INDEX);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return root;
  }

  /** A loader that sees only these folders' indexes, and this module's classes. */
  private URLClassLoader loader(Path... roots) throws Exception {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    ClassLoader classesOnly =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          public java.util.Enumeration<URL> getResources(String name) {
            return java.util.Collections.emptyEnumeration();
          }
        };
    return new URLClassLoader(urls, classesOnly);
  }
}
