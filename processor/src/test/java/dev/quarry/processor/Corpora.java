package dev.quarry.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds {@code ../shared/corpora}: beside the checkout in CI, or at /work/shared on a workstation.
 */
final class Corpora {
  private Corpora() {}

  static Optional<Path> root() {
    String repoRoot = System.getProperty("quarry.repoRoot");
    if (repoRoot != null) {
      Path beside = Path.of(repoRoot).resolve("../shared/corpora").normalize();
      if (Files.isDirectory(beside)) {
        return Optional.of(beside);
      }
    }
    Path fallback = Path.of("/work/shared/corpora");
    return Files.isDirectory(fallback) ? Optional.of(fallback) : Optional.empty();
  }
}
