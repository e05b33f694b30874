package dev.quarry.processor;

import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Message;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code typeOverrides} of a {@code @GenerateQueries} and checks each converter with the
 * compiler's model of it: a public concrete class with a public no-argument constructor that
 * implements {@code ValueConverter<D, J>} with plain types for {@code D} and {@code J}. Problems
 * are errors on the annotation naming the converter.
 */
final class TypeOverrideReader {
  private static final String VALUE_CONVERTER = "dev.quarry.runtime.ValueConverter";

  private final ProcessingEnvironment environment;

  TypeOverrideReader(ProcessingEnvironment environment) {
    this.environment = environment;
  }

  /** The overrides that passed the checks, and whether any did not (those are reported). */
  record Result(List<TypeOverrideSpec> valid, boolean hadErrors) {}

  Result read(Element element, AnnotationMirror annotation) {
    List<TypeOverrideSpec> specs = new ArrayList<>();
    boolean ok = true;
    for (AnnotationValue item : values(annotation, "typeOverrides")) {
      AnnotationMirror override = (AnnotationMirror) item.getValue();
      String type = string(override, "type");
      String column = string(override, "column");
      AnnotationValue converterValue = value(override, "converter");
      if (converterValue == null
          || !(converterValue.getValue() instanceof DeclaredType converter)
          || converter.getKind() == TypeKind.ERROR) {
        // javac reports a converter class it cannot find itself.
        ok = false;
        continue;
      }
      String name = ((TypeElement) converter.asElement()).getQualifiedName().toString();
      String problem = null;
      if (type.isBlank() == column.isBlank()) {
        problem = "give exactly one of type = \"...\" and column = \"...\"";
      } else if (!column.isBlank() && column.split("\\.").length < 2) {
        problem =
            "column = \""
                + column
                + "\" must name a table column as table.column or schema.table.column";
      }
      String[] arguments = problem == null ? converterArguments(converter) : null;
      if (problem == null && arguments == null) {
        problem =
            name
                + " must implement dev.quarry.runtime.ValueConverter<D, J> with plain classes for D and J"
                + " (no type variables, no type arguments on J)";
      }
      if (problem == null) {
        problem = constructionProblem((TypeElement) converter.asElement());
      }
      if (problem != null || arguments == null) {
        error(element, annotation, name, problem);
        ok = false;
        continue;
      }
      specs.add(
          new TypeOverrideSpec(
              type.isBlank() ? null : type.strip(),
              column.isBlank() ? null : column.strip(),
              name,
              arguments[0],
              arguments[1]));
    }
    return new Result(specs, !ok);
  }

  /** {@code D} and {@code J} of the converter's {@code ValueConverter<D, J>}, or null. */
  private String @Nullable [] converterArguments(DeclaredType converter) {
    Types types = environment.getTypeUtils();
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(converter));
    while (!pending.isEmpty()) {
      TypeMirror current = pending.removeFirst();
      if (current instanceof DeclaredType declared
          && ((TypeElement) declared.asElement())
              .getQualifiedName()
              .contentEquals(VALUE_CONVERTER)) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (arguments.size() != 2) {
          return null;
        }
        String database = plain(arguments.get(0), true);
        String java = plain(arguments.get(1), false);
        return database == null || java == null ? null : new String[] {database, java};
      }
      pending.addAll(types.directSupertypes(current));
    }
    return null;
  }

  /** The type's canonical name if it is a plain class (or {@code byte[]} for D), else null. */
  private static @Nullable String plain(TypeMirror type, boolean allowByteArray) {
    if (allowByteArray && type.toString().equals("byte[]")) {
      return "byte[]";
    }
    if (type instanceof DeclaredType declared && declared.getTypeArguments().isEmpty()) {
      return ((TypeElement) declared.asElement()).getQualifiedName().toString();
    }
    return null;
  }

  private static @Nullable String constructionProblem(TypeElement converter) {
    if (converter.getKind() != ElementKind.CLASS
        || converter.getModifiers().contains(Modifier.ABSTRACT)) {
      return converter.getQualifiedName() + " must be a concrete class";
    }
    if (!converter.getModifiers().contains(Modifier.PUBLIC)) {
      return converter.getQualifiedName() + " must be public: generated code creates it";
    }
    if (converter.getNestingKind().isNested()
        && !converter.getModifiers().contains(Modifier.STATIC)) {
      return converter.getQualifiedName() + " must be a top-level or static nested class";
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(converter.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()
          && constructor.getModifiers().contains(Modifier.PUBLIC)) {
        return null;
      }
    }
    return converter.getQualifiedName() + " needs a public constructor without parameters";
  }

  private void error(
      Element element, AnnotationMirror annotation, String converter, @Nullable String problem) {
    Messager messager = environment.getMessager();
    messager.printMessage(
        Kind.ERROR,
        Diagnostic.of(Message.TYPE_OVERRIDE_INVALID, null, converter, problem).render(),
        element,
        annotation);
  }

  private static List<? extends AnnotationValue> values(AnnotationMirror mirror, String name) {
    AnnotationValue value = value(mirror, name);
    if (value != null && value.getValue() instanceof List<?> list) {
      List<AnnotationValue> values = new ArrayList<>();
      for (Object item : list) {
        values.add((AnnotationValue) item);
      }
      return values;
    }
    return List.of();
  }

  private static String string(AnnotationMirror mirror, String name) {
    AnnotationValue value = value(mirror, name);
    return value == null ? "" : String.valueOf(value.getValue());
  }

  private static @Nullable AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
