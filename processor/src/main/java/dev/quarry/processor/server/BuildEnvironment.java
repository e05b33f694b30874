package dev.quarry.processor.server;

import dev.quarry.processor.database.KeptServers;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a JVM's environment that a build reads (where embedded PostgreSQL's binaries and
 * caches are, the locale initdb uses, libpq-style variables, the Docker socket): a build server
 * runs a build only when its own equals the client's, else the client builds in-process.
 */
public final class BuildEnvironment {
  private static final String[] PROPERTIES = {
    "java.io.tmpdir",
    "maven.repo.local",
    "user.home",
    "user.name",
    "os.name",
    "os.arch",
    "java.home",
    "file.encoding"
  };

  private static final String[] VARIABLES = {
    "HOME", "LANG", "DOCKER_HOST", "XDG_RUNTIME_DIR", "HOSTNAME", "COMPUTERNAME"
  };

  private BuildEnvironment() {}

  /** This JVM's values, as one string. */
  public static String fingerprint() {
    Map<String, String> values = new TreeMap<>();
    for (String property : PROPERTIES) {
      values.put("-D" + property, System.getProperty(property, "(unset)"));
    }
    values.put("-D" + KeptServers.DIR_PROPERTY, KeptServers.defaultRoot().toString());
    Map<String, String> environment = System.getenv();
    for (String variable : VARIABLES) {
      values.put("$" + variable, environment.getOrDefault(variable, "(unset)"));
    }
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      String name = variable.getKey();
      if (name.startsWith("PG") || name.startsWith("LC_") || name.startsWith("TESTCONTAINERS")) {
        values.put("$" + name, variable.getValue());
      }
    }
    return values.toString();
  }

  /** The first difference between two fingerprints, for the server's log. */
  static String difference(String client, String server) {
    int i = 0;
    while (i < client.length() && i < server.length() && client.charAt(i) == server.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 40);
    return "client: ..."
        + client.substring(from, Math.min(client.length(), i + 40))
        + "... server: ..."
        + server.substring(from, Math.min(server.length(), i + 40))
        + "...";
  }
}
