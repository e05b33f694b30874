package dev.quarry.processor.server;

import dev.quarry.processor.codegen.ContentHash;
import dev.quarry.processor.codegen.GenerationCache;
import dev.quarry.processor.source.CommittedFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a build server listens: a Unix-domain socket in the kept servers' folder (readable by its
 * owner only), {@code NAME.<code key>.sock} beside the kept PostgreSQL {@code NAME} whose process
 * serves it. The code key is the start of the hash of the processor's code, so only the very same
 * Quarry talks to a server.
 *
 * <p>The server's folder {@code NAME/} holds {@value #WATCH_FOLDER}: a file {@code <project
 * id>.watched} for each project whose edits it prepares, and a {@code <project id>.request} a build
 * leaves there to ask it to watch a project it has not served (a build answered by its own replay).
 */
public final class BuildServerFiles {
  private static final String SUFFIX = ".sock";

  /** The longest socket path the platforms take (sun_path holds 108 bytes on Linux). */
  static final int MAX_SOCKET_PATH = 100;

  private BuildServerFiles() {}

  /**
   * The processor code's hash (kept in {@code root} between builds, so a build need not hash the
   * jar), or empty when the code cannot be read.
   */
  public static Optional<String> codeKey(Path root) {
    return Optional.ofNullable(GenerationCache.processorHash(root));
  }

  /** The socket of the server beside the kept PostgreSQL {@code name}, for code {@code key}. */
  public static Path socket(Path root, String name, String key) {
    return root.resolve(name + "." + shortKey(key) + SUFFIX);
  }

  /** Whether a socket path is short enough for the platform. */
  public static boolean usable(Path socket) {
    return socket.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        <= MAX_SOCKET_PATH;
  }

  /** The sockets of servers of code {@code key} under {@code root}, sorted by name. */
  static List<Path> sockets(Path root, String key) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(root, "*." + shortKey(key) + SUFFIX)) {
      entries.forEach(found::add);
    } catch (IOException | RuntimeException e) {
      // An unreadable folder: no server.
    }
    found.sort(null);
    return found;
  }

  /** The name of the kept PostgreSQL beside which {@code socket} (of code {@code key}) is. */
  static String serverName(Path socket, String key) {
    String file = String.valueOf(socket.getFileName());
    return file.substring(0, file.length() - ("." + shortKey(key) + SUFFIX).length());
  }

  /** The folder of a server's watch marks and requests, in the kept PostgreSQL's folder. */
  public static final String WATCH_FOLDER = "watch";

  /** What marks a project the server watches. */
  public static final String WATCHED = ".watched";

  /** What asks the server to watch a project. */
  public static final String REQUEST = ".request";

  /** The watch folder of the server beside the kept PostgreSQL {@code name}. */
  public static Path watchFolder(Path root, String name) {
    return root.resolve(name).resolve(WATCH_FOLDER);
  }

  /**
   * The name (without suffix) of a project's watch files: a hash of its working directory,
   * generated-sources folder and package, which tell its builds apart.
   */
  public static String projectId(
      String workingDirectory, @Nullable String sourceOutput, String packageName) {
    return ContentHash.of(workingDirectory + "\n" + sourceOutput + "\n" + packageName);
  }

  /**
   * Leaves a build's request in a server's watch {@code folder} as {@code <id>.request}, written
   * whole before it appears under that name ({@link CommittedFile}), so that the server never reads
   * half of one.
   */
  public static void leaveRequest(Path folder, String id, BuildRequest request) throws IOException {
    CommittedFile.writeIfChanged(folder.resolve(id + REQUEST), Wire.encode(request));
  }

  /** Reads and deletes the request a build left in {@code file}. */
  public static BuildRequest takeRequest(Path file) throws IOException {
    byte[] payload = Files.readAllBytes(file);
    Files.deleteIfExists(file);
    return Wire.decodeRequest(payload);
  }

  private static String shortKey(String key) {
    return key.length() > 16 ? key.substring(0, 16) : key;
  }
}
