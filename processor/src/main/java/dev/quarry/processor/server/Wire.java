package dev.quarry.processor.server;

import dev.quarry.processor.codegen.GeneratedSource;
import dev.quarry.processor.config.ProjectRequest;
import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Problem;
import dev.quarry.processor.diagnostics.Severity;
import dev.quarry.processor.diagnostics.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The build server's protocol: frames of a type byte, a length and a payload, over a Unix-domain
 * socket. A client sends one {@link #REQUEST}; the server answers with {@link #HEARTBEAT}s (one a
 * second, so that a client tells a long build from a hung server) and then one {@link #REPLY} or
 * {@link #REFUSED}. Strings are UTF-8 with an int length; enums travel by name.
 */
final class Wire {
  /** The protocol's version: part of every request, so that an older server refuses a newer one. */
  static final int VERSION = 1;

  static final byte REQUEST = 'Q';
  static final byte HEARTBEAT = 'H';
  static final byte REPLY = 'R';
  static final byte REFUSED = 'X';

  /** The largest payload either side accepts (generated sources of a large project fit). */
  static final int MAX_PAYLOAD = 256 << 20;

  private Wire() {}

  /** One frame: its type and payload. */
  record Frame(byte type, byte[] payload) {}

  // ---- frames

  static void write(SocketChannel channel, byte type, byte[] payload) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(5).put(type).putInt(payload.length).flip();
    ByteBuffer body = ByteBuffer.wrap(payload);
    while (header.hasRemaining() || body.hasRemaining()) {
      channel.write(new ByteBuffer[] {header, body});
    }
  }

  /**
   * Reads one frame from a non-blocking {@code channel} registered for reading with {@code
   * selector}, waiting until {@code deadlineNanos} at most.
   *
   * @throws SocketTimeoutException when the deadline passes first
   * @throws EOFException when the other side closed the connection
   */
  static Frame read(SocketChannel channel, Selector selector, long deadlineNanos)
      throws IOException {
    ByteBuffer header = ByteBuffer.allocate(5);
    readFully(channel, selector, header, deadlineNanos);
    header.flip();
    byte type = header.get();
    int length = header.getInt();
    if (length < 0 || length > MAX_PAYLOAD) {
      throw new IOException("bad frame length " + length);
    }
    ByteBuffer body = ByteBuffer.allocate(length);
    readFully(channel, selector, body, deadlineNanos);
    return new Frame(type, body.array());
  }

  private static void readFully(
      SocketChannel channel, Selector selector, ByteBuffer buffer, long deadlineNanos)
      throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer);
      if (n < 0) {
        throw new EOFException("the other side closed the connection");
      }
      if (n > 0) {
        continue;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("no answer in time");
      }
      selector.select(Math.max(1, left / 1_000_000));
      selector.selectedKeys().clear();
    }
  }

  /** Registers {@code channel}, made non-blocking, for reading with a new selector. */
  static Selector readSelector(SocketChannel channel) throws IOException {
    channel.configureBlocking(false);
    Selector selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    return selector;
  }

  // ---- the request

  static byte[] encode(BuildRequest request) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(VERSION);
    string(out, request.codeKey());
    string(out, request.environment());
    string(out, request.workingDirectory());
    out.writeInt(request.options().size());
    for (Map.Entry<String, String> option : request.options().entrySet()) {
      string(out, option.getKey());
      nullable(out, option.getValue());
    }
    ProjectRequest project = request.project();
    string(out, project.packageName());
    strings(out, project.migrations());
    strings(out, project.queries());
    out.writeInt(project.typeOverrides().size());
    for (TypeOverrideSpec spec : project.typeOverrides()) {
      nullable(out, spec.pgType());
      nullable(out, spec.column());
      string(out, spec.converterClass());
      string(out, spec.databaseType());
      string(out, spec.javaType());
    }
    nullable(out, request.sourceOutput());
    out.flush();
    return bytes.toByteArray();
  }

  static BuildRequest decodeRequest(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("protocol version " + version + ", this server speaks " + VERSION);
    }
    String codeKey = string(in);
    String environment = string(in);
    String workingDirectory = string(in);
    int options = count(in);
    Map<String, @Nullable String> map = new LinkedHashMap<>();
    for (int i = 0; i < options; i++) {
      map.put(string(in), nullable(in));
    }
    String packageName = string(in);
    List<String> migrations = strings(in);
    List<String> queries = strings(in);
    int overrides = count(in);
    List<TypeOverrideSpec> specs = new ArrayList<>();
    for (int i = 0; i < overrides; i++) {
      specs.add(
          new TypeOverrideSpec(nullable(in), nullable(in), string(in), string(in), string(in)));
    }
    String sourceOutput = nullable(in);
    return new BuildRequest(
        codeKey,
        environment,
        workingDirectory,
        map,
        new ProjectRequest(packageName, migrations, queries, specs),
        sourceOutput);
  }

  // ---- the reply

  static byte[] encode(BuildReply reply) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    List<Diagnostic> all = reply.diagnostics().all();
    out.writeInt(all.size());
    for (Diagnostic d : all) {
      string(out, d.severity().name());
      string(out, d.problem().name());
      SourceLocation location = d.location();
      out.writeBoolean(location != null);
      if (location != null) {
        string(out, location.path());
        out.writeInt(location.line());
        out.writeInt(location.column());
      }
      string(out, d.message());
    }
    out.writeInt(reply.sources().size());
    for (GeneratedSource source : reply.sources()) {
      string(out, source.packageName());
      string(out, source.simpleName());
      string(out, source.text());
      out.writeBoolean(source.repository());
    }
    string(out, reply.summary());
    out.writeInt(reply.phaseNanos().size());
    for (Map.Entry<String, Long> phase : reply.phaseNanos().entrySet()) {
      string(out, phase.getKey());
      out.writeLong(phase.getValue());
    }
    out.writeInt(reply.analysedQueries());
    out.flush();
    return bytes.toByteArray();
  }

  static BuildReply decodeReply(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    Diagnostics diagnostics = new Diagnostics();
    int count = count(in);
    try {
      for (int i = 0; i < count; i++) {
        Severity severity = Severity.valueOf(string(in));
        Problem problem = Problem.valueOf(string(in));
        SourceLocation location =
            in.readBoolean() ? new SourceLocation(string(in), in.readInt(), in.readInt()) : null;
        diagnostics.add(new Diagnostic(severity, problem, location, string(in)));
      }
    } catch (IllegalArgumentException e) {
      throw new IOException("a diagnostic this client does not know: " + e.getMessage(), e);
    }
    int sourceCount = count(in);
    List<GeneratedSource> sources = new ArrayList<>();
    for (int i = 0; i < sourceCount; i++) {
      sources.add(new GeneratedSource(string(in), string(in), string(in), in.readBoolean()));
    }
    String summary = string(in);
    int phases = count(in);
    Map<String, Long> nanos = new LinkedHashMap<>();
    for (int i = 0; i < phases; i++) {
      nanos.put(string(in), in.readLong());
    }
    int analysed = in.readInt();
    if (in.read() != -1) {
      throw new IOException("trailing bytes after the reply");
    }
    return new BuildReply(diagnostics, sources, summary, nanos, analysed);
  }

  // ---- values

  static void string(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String string(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_PAYLOAD) {
      throw new IOException("bad string length " + length);
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException("a string was cut short");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void nullable(DataOutputStream out, @Nullable String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      string(out, value);
    }
  }

  private static @Nullable String nullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? string(in) : null;
  }

  private static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      string(out, value);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int count = count(in);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      values.add(string(in));
    }
    return values;
  }

  private static int count(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > 10_000_000) {
      throw new IOException("bad count " + count);
    }
    return count;
  }
}
