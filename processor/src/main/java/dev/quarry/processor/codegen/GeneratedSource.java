package dev.quarry.processor.codegen;

import com.palantir.javapoet.JavaFile;

/**
 * One generated top-level type's source, ready to write: the text JavaPoet printed, or the same
 * text reused from the previous build by {@link GenerationCache}.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleName the type's simple name (the file is {@code simpleName.java})
 * @param text the source text
 * @param repository whether the type is a repository ({@link RepositoryIndex} lists those)
 */
public record GeneratedSource(
    String packageName, String simpleName, String text, boolean repository) {
  public static GeneratedSource of(JavaFile file) {
    return new GeneratedSource(
        file.packageName(),
        file.typeSpec().name(),
        file.toString(),
        RepositoryIndex.isRepository(file.typeSpec()));
  }

  /** The type's qualified name, as the Filer takes it. */
  public String qualifiedName() {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
