package dev.quarry.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.processor.QuarryProcessor;
import org.junit.jupiter.api.Test;

class JavaTypesTest {

  /**
   * The generated code's {@code @Generated} names the processor as a string, so that codegen does
   * not depend on the package that runs it (ArchitectureTest); this keeps the string true.
   */
  @Test
  void generatedNamesTheProcessorClass() {
    assertEquals(QuarryProcessor.class.getName(), JavaTypes.PROCESSOR);
  }
}
