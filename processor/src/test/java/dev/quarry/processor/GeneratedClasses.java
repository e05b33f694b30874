package dev.quarry.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;

/** Loads the classes of a successful compilation, to check the generated API by reflection. */
final class GeneratedClasses extends ClassLoader {
  private final Map<String, byte[]> classes = new HashMap<>();

  GeneratedClasses(Compilation compilation) throws IOException {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name =
            path.substring(
                    path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                    path.length() - ".class".length())
                .replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        }
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /**
   * The public methods a class declares, as {@code ReturnType name(Type a, Type b)} with package
   * names dropped, sorted by name.
   */
  Map<String, String> signatures(String className) throws ClassNotFoundException {
    Map<String, String> signatures = new TreeMap<>();
    for (Method method : loadClass(className).getDeclaredMethods()) {
      if (!Modifier.isPublic(method.getModifiers())) {
        continue;
      }
      StringBuilder s =
          new StringBuilder(simple(method.getGenericReturnType().getTypeName()))
              .append(' ')
              .append(method.getName())
              .append('(');
      Parameter[] parameters = method.getParameters();
      for (int i = 0; i < parameters.length; i++) {
        s.append(i == 0 ? "" : ", ")
            .append(simple(parameters[i].getParameterizedType().getTypeName()))
            .append(' ')
            .append(parameters[i].getName());
      }
      signatures.put(method.getName(), s.append(')').toString());
    }
    return signatures;
  }

  /** {@code java.util.List<com.example.db.Foo$Bar>} gives {@code List<Foo.Bar>}. */
  static String simple(String typeName) {
    return typeName.replaceAll("[a-z0-9_]+\\.", "").replace('$', '.');
  }
}
