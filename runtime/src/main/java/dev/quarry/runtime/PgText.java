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
 * PostgreSQL's text forms of values, for the attributes of composite types, which the driver
 * hands over only as text. Each {@code to…} method reads one attribute's text (null for NULL);
 * {@link #of} writes one; {@link #fields} and {@link #record} split and build a record literal
 * such as {@code ("Main St",12345)}.
 */
public final class PgText {
  private PgText() {}

  /**
   * The attribute texts of a record literal, or null for a null record.
   *
   * @param expected the number of attributes the composite type has
   * @param type the type's name, for the message when the text does not fit
   */
  public static @Nullable List<@Nullable String> fields(@Nullable String text, int expected, String type)
      throws SQLException {
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
          "a record of type " + type + " has " + expected + " attributes, the database sent " + fields.size(), "22P02");
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
    return value.toString();
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
    return text == null ? null : LocalDate.parse(text);
  }

  public static @Nullable LocalTime toLocalTime(@Nullable String text) {
    return text == null ? null : LocalTime.parse(text);
  }

  public static @Nullable OffsetTime toOffsetTime(@Nullable String text) {
    return text == null ? null : OffsetTime.parse(isoOffset(text));
  }

  public static @Nullable LocalDateTime toLocalDateTime(@Nullable String text) {
    return text == null ? null : LocalDateTime.parse(text.replace(' ', 'T'));
  }

  public static @Nullable OffsetDateTime toOffsetDateTime(@Nullable String text) {
    return text == null ? null : OffsetDateTime.parse(isoOffset(text.replace(' ', 'T')));
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
