package dev.quarry.processor.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small operations on PostgreSQL JDBC URLs ({@code jdbc:postgresql://host:port/db?params} and the
 * host-less {@code jdbc:postgresql:db} form): hiding secrets before a URL is shown, and pointing a
 * URL at another database.
 */
public final class JdbcUrls {
  /** The prefix every PostgreSQL JDBC URL starts with. */
  public static final String PREFIX = "jdbc:postgresql:";

  private static final String MASK = "***";

  // Any query parameter whose name mentions a password (password, sslpassword, ...).
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("([?&;][^=&;#]*password[^=&;#]*=)([^&;#]*)", Pattern.CASE_INSENSITIVE);
  // user:secret@ right after the double slash.
  private static final Pattern USER_INFO = Pattern.compile("(//[^/?#@:]*):([^/?#@]*)@");
  // Anything@ in the authority: //user@host or //user:secret@host.
  private static final Pattern USER_INFO_ANY = Pattern.compile("//[^/?#]*@");
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("[?&]password=([^&#]*)", Pattern.CASE_INSENSITIVE);

  private JdbcUrls() {}

  /**
   * The URL with every password replaced by {@code ***}: values of query parameters whose name
   * contains "password", and the password part of {@code user:password@host}. Safe to show.
   */
  public static String redact(String url) {
    String redacted = SECRET_PARAMETER.matcher(url).replaceAll("$1" + MASK);
    return USER_INFO.matcher(redacted).replaceAll("$1:" + MASK + "@");
  }

  /**
   * Whether the URL puts a user (and maybe a password) before the host, {@code
   * jdbc:postgresql://user:password@host/db}: libpq reads that form, the JDBC driver does not (it
   * takes {@code user:password@host} for a host name).
   */
  public static boolean hasUserInfo(String url) {
    return url.startsWith(PREFIX + "//")
        && USER_INFO_ANY.matcher(url.substring(PREFIX.length())).lookingAt();
  }

  /** The value of the URL's {@code password} parameter, percent-decoding not applied. */
  public static Optional<String> password(String url) {
    Matcher m = PASSWORD_PARAMETER.matcher(url);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * The same URL pointing at database {@code database}: host, port and parameters are kept, the
   * path is replaced (or added when the URL has none).
   *
   * @throws IllegalArgumentException when {@code url} is not a PostgreSQL JDBC URL
   */
  public static String withDatabase(String url, String database) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a " + PREFIX + " URL: " + redact(url));
    }
    String rest = url.substring(PREFIX.length());
    int queryStart = rest.indexOf('?');
    String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
    String query = queryStart < 0 ? "" : rest.substring(queryStart);
    if (beforeQuery.startsWith("//")) {
      int pathStart = beforeQuery.indexOf('/', 2);
      String authority = pathStart < 0 ? beforeQuery : beforeQuery.substring(0, pathStart);
      return PREFIX + authority + "/" + database + query;
    }
    // jdbc:postgresql:db or jdbc:postgresql:/ : the driver's host-less forms.
    return PREFIX + database + query;
  }

  /** The database named in the URL's path, or empty when it names none. */
  public static Optional<String> database(String url) {
    if (!url.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = url.substring(PREFIX.length());
    int queryStart = rest.indexOf('?');
    String path = queryStart < 0 ? rest : rest.substring(0, queryStart);
    if (path.startsWith("//")) {
      int pathStart = path.indexOf('/', 2);
      path = pathStart < 0 ? "" : path.substring(pathStart + 1);
    } else if (path.startsWith("/")) {
      path = path.substring(1);
    }
    return path.isEmpty() ? Optional.empty() : Optional.of(path);
  }

  /** The {@code host:port} part of a URL for messages, or the redacted URL when it has none. */
  public static String hostAndPort(String url) {
    String rest = url.startsWith(PREFIX) ? url.substring(PREFIX.length()) : url;
    if (!rest.startsWith("//")) {
      return "localhost:5432";
    }
    int end = rest.length();
    for (char c : new char[] {'/', '?'}) {
      int i = rest.indexOf(c, 2);
      if (i >= 0) {
        end = Math.min(end, i);
      }
    }
    String authority = rest.substring(2, end);
    int at = authority.lastIndexOf('@');
    authority = at < 0 ? authority : authority.substring(at + 1);
    return authority.contains(":") || authority.isEmpty()
        ? authority.toLowerCase(Locale.ROOT)
        : authority.toLowerCase(Locale.ROOT) + ":5432";
  }
}
