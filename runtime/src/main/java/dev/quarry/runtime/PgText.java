package dev.quarry.runtime;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PGInterval;

/**
 * PostgreSQL's text forms of values, for the attributes of composite types, which the driver hands
 * over only as text. Each {@code to…} method reads one attribute's text (null for NULL); {@link
 * #of} writes one; {@link #fields} and {@link #record} split and build a record literal such as
 * {@code ("Main St",12345)}.
 */
public final class PgText {
  private PgText() {}

  /**
   * The attribute texts of a record literal, or null for a null record.
   *
   * @param expected the number of attributes the composite type has
   * @param type the type's name, for the message when the text does not fit
   */
  public static @Nullable List<@Nullable String> fields(
      @Nullable String text, int expected, String type) throws SQLException {
    if (text == null) {
      return null;
    }
    if (text.length() < 2 || text.charAt(0) != '(' || text.charAt(text.length() - 1) != ')') {
      throw new SQLException("not a record literal of type " + type + ": " + text, "22P02");
    }
    List<@Nullable String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < text.length() - 1) {
          field.append(text.charAt(++i));
        } else if (c == '"' && i + 1 < text.length() - 1 && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.length() == 0 && !wasQuoted ? null : field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\\' && i + 1 < text.length() - 1) {
        field.append(text.charAt(++i));
      } else {
        field.append(c);
      }
    }
    fields.add(field.length() == 0 && !wasQuoted ? null : field.toString());
    if (fields.size() != expected) {
      throw new SQLException(
          "a record of type "
              + type
              + " has "
              + expected
              + " attributes, the database sent "
              + fields.size(),
          "22P02");
    }
    return fields;
  }

  /** A record literal of these attribute texts; null ones are left empty, which reads as NULL. */
  public static String record(List<@Nullable String> fields) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String field = fields.get(i);
      if (field != null) {
        out.append('"');
        for (int j = 0; j < field.length(); j++) {
          char c = field.charAt(j);
          if (c == '"' || c == '\\') {
            out.append(c);
          }
          out.append(c);
        }
        out.append('"');
      }
    }
    return out.append(')').toString();
  }

  /** PostgreSQL's text form of a Java value, null for null. */
  public static @Nullable String of(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b ? "t" : "f";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof byte[] bytes) {
      return "\\x" + HexFormat.of().formatHex(bytes);
    }
    if (value instanceof PgEnum pgEnum) {
      return pgEnum.label();
    }
    if (value instanceof PgRecord record) {
      return record.pgText();
    }
    if (value instanceof Interval interval) {
      return interval.toPostgres();
    }
    if (value instanceof LocalDate
        || value instanceof LocalDateTime
        || value instanceof OffsetDateTime) {
      return dateTime(value);
    }
    return value.toString();
  }

  /**
   * A date or timestamp in the ISO form PostgreSQL reads, where {@code toString} differs from it:
   * {@code MAX}/{@code MIN} as {@code infinity}/{@code -infinity} (as the driver binds them), years
   * after 9999 without ISO's {@code +}, years before 1 as {@code BC} (year 0 is 1 BC).
   */
  private static String dateTime(Object value) {
    if (value.equals(LocalDate.MAX)
        || value.equals(LocalDateTime.MAX)
        || value.equals(OffsetDateTime.MAX)) {
      return "infinity";
    }
    if (value.equals(LocalDate.MIN)
        || value.equals(LocalDateTime.MIN)
        || value.equals(OffsetDateTime.MIN)) {
      return "-infinity";
    }
    int year;
    Object ad;
    if (value instanceof LocalDate date) {
      year = date.getYear();
      ad = year < 1 ? date.withYear(1 - year) : date;
    } else if (value instanceof LocalDateTime dateTime) {
      year = dateTime.getYear();
      ad = year < 1 ? dateTime.withYear(1 - year) : dateTime;
    } else {
      OffsetDateTime dateTime = (OffsetDateTime) value;
      year = dateTime.getYear();
      ad = year < 1 ? dateTime.withYear(1 - year) : dateTime;
    }
    String text = ad.toString();
    if (text.startsWith("+")) {
      text = text.substring(1);
    }
    return year < 1 ? text + " BC" : text;
  }

  /**
   * The ISO text of PostgreSQL's date or timestamp text without a BC suffix: years after 9999 get
   * ISO's {@code +}.
   */
  private static String isoYear(String text) {
    int dash = text.indexOf('-');
    return dash > 4 ? "+" + text : text;
  }

  private static boolean bc(String text) {
    return text.endsWith(" BC");
  }

  private static String ad(String text) {
    return isoYear(bc(text) ? text.substring(0, text.length() - 3) : text);
  }

  public static @Nullable Short toShort(@Nullable String text) {
    return text == null ? null : Short.valueOf(text);
  }

  public static @Nullable Integer toInteger(@Nullable String text) {
    return text == null ? null : Integer.valueOf(text);
  }

  public static @Nullable Long toLong(@Nullable String text) {
    return text == null ? null : Long.valueOf(text);
  }

  public static @Nullable Float toFloat(@Nullable String text) {
    return text == null ? null : Float.valueOf(text);
  }

  public static @Nullable Double toDouble(@Nullable String text) {
    return text == null ? null : Double.valueOf(text);
  }

  public static @Nullable Boolean toBoolean(@Nullable String text) {
    return text == null ? null : text.equals("t") || text.equals("true");
  }

  public static @Nullable BigDecimal toBigDecimal(@Nullable String text) {
    return text == null ? null : new BigDecimal(text);
  }

  public static @Nullable String toString(@Nullable String text) {
    return text;
  }

  public static byte @Nullable [] toBytes(@Nullable String text) {
    if (text == null) {
      return null;
    }
    return HexFormat.of().parseHex(text.startsWith("\\x") ? text.substring(2) : text);
  }

  public static @Nullable UUID toUuid(@Nullable String text) {
    return text == null ? null : UUID.fromString(text);
  }

  public static @Nullable LocalDate toLocalDate(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.equals("infinity") || text.equals("-infinity")) {
      return text.equals("infinity") ? LocalDate.MAX : LocalDate.MIN;
    }
    LocalDate date = LocalDate.parse(ad(text));
    return bc(text) ? date.withYear(1 - date.getYear()) : date;
  }

  public static @Nullable LocalTime toLocalTime(@Nullable String text) {
    return text == null ? null : LocalTime.parse(text);
  }

  public static @Nullable OffsetTime toOffsetTime(@Nullable String text) {
    return text == null ? null : OffsetTime.parse(isoOffset(text));
  }

  public static @Nullable LocalDateTime toLocalDateTime(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.equals("infinity") || text.equals("-infinity")) {
      return text.equals("infinity") ? LocalDateTime.MAX : LocalDateTime.MIN;
    }
    LocalDateTime dateTime = LocalDateTime.parse(ad(text).replace(' ', 'T'));
    return bc(text) ? dateTime.withYear(1 - dateTime.getYear()) : dateTime;
  }

  public static @Nullable OffsetDateTime toOffsetDateTime(@Nullable String text) {
    if (text == null) {
      return null;
    }
    if (text.equals("infinity") || text.equals("-infinity")) {
      return text.equals("infinity") ? OffsetDateTime.MAX : OffsetDateTime.MIN;
    }
    OffsetDateTime dateTime = OffsetDateTime.parse(isoOffset(ad(text).replace(' ', 'T')));
    return bc(text) ? dateTime.withYear(1 - dateTime.getYear()) : dateTime;
  }

  public static @Nullable Interval toInterval(@Nullable String text) throws SQLException {
    return text == null ? null : Interval.from(new PGInterval(text));
  }

  /** PostgreSQL writes offsets as {@code +02} or {@code +05:30}; ISO wants {@code +02:00}. */
  private static String isoOffset(String text) {
    int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
    if (sign > text.indexOf(':') - 3 && sign > 0 && text.length() - sign == 3) {
      return text + ":00";
    }
    return text;
  }
}
