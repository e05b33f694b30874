package dev.quarry.processor;

import java.io.IOException;
import java.util.stream.Stream;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every compile case that {@link CompileCaseTest} runs under javac, run under the Eclipse compiler
 * (ECJ), whose Filer and Messager differ from javac's: the same generated sources byte for byte,
 * the same errors and warnings at the same SQL positions (ECJ gives errors no Java line number).
 * ECJ reads sources, generated ones included, as files, so it runs with real folders rather than
 * Compile Testing's in-memory file manager; javac's lint options ({@code -Xlint:all -Werror}) are
 * left out. {@code -Dquarry.cases=a,b} runs only those case folders.
 */
class EclipseCompilerTest {
  @TestFactory
  Stream<DynamicTest> everyCaseUnderEcj() throws IOException {
    return CompileCaseTest.caseFolders().stream()
        .map(
            folder ->
                DynamicTest.dynamicTest(
                    folder.getFileName().toString(),
                    () -> CompileCaseTest.check(folder, new EclipseCompiler())));
  }
}
