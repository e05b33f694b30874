package dev.quarry.processor.server;

import dev.quarry.processor.config.ProjectRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a build sends the build server: everything {@code Pipeline} reads besides the files.
 *
 * @param codeKey the hash of the client's processor code ({@link BuildServerFiles#codeKey})
 * @param environment the system properties and environment variables builds read ({@link
 *     BuildEnvironment}), which must equal the server's
 * @param workingDirectory the client's working directory, which relative paths start from
 * @param options the processor options as javac got them ({@code -Akey=value})
 * @param project the {@code @GenerateQueries} use
 * @param sourceOutput the generated-sources folder (for the generation cache), or null
 */
public record BuildRequest(
    String codeKey,
    String environment,
    String workingDirectory,
    Map<String, @Nullable String> options,
    ProjectRequest project,
    @Nullable String sourceOutput) {
  public BuildRequest {
    options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }
}
