package dev.quarry.runtime;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads an array of a table's (or view's) rows in PostgreSQL's text form, such as {@code
 * ARRAY(SELECT c FROM comments c WHERE ...)} or {@code array_agg(c)} gives it: {@code {"(1,2,\"Nice
 * post\")","(2,2,)"}}. Generated code reads such a column with {@link #list} and each record's
 * attributes, in order, with the {@code next...} methods.
 *
 * <p>The text is read as the driver's bytes ({@code ResultSet.getBytes}, which for a text-format
 * column is the value as PostgreSQL sent it, UTF-8), in one pass: numbers are parsed from the
 * bytes, strings are decoded once from their bytes, and only quoted values with escapes are copied,
 * once per nesting level, into a scratch buffer. No intermediate string is made for an element or a
 * record.
 *
 * <p>A NULL array reads as an empty list (so does {@code array_agg} over no rows), and NULL
 * elements (what {@code array_agg(c)} collects for the null-extended side of an outer join) are
 * left out: a list of rows never holds nulls.
 */
public final class PgRows {
  /**
   * Converts one element's text (null for NULL) of an array attribute, e.g. {@code PgText::toLong}.
   */
  @FunctionalInterface
  public interface ValueReader<T> {
    @Nullable T read(@Nullable String text) throws SQLException;
  }

  /** Reads one record's attributes from {@code row}, in order, into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(PgRows row) throws SQLException;
  }

  /** Unescaped copies of quoted values; appended above {@link #top}, released per record. */
  private byte[] scratch;

  private int top;

  // The record being read: its bytes, the next position, the position of its closing parenthesis.
  private byte[] source = new byte[0];
  private int position;
  private int end;
  private boolean first;
  private String type = "";

  // The attribute last read by next(): null, or its bytes between start and stop.
  private byte[] field = new byte[0];
  private int start;
  private int stop;
  private boolean isNull;

  // Whether the current record is in the binary format (record_send).
  private boolean binary;

  private PgRows(int capacity) {
    scratch = new byte[capacity];
  }

  /**
   * The rows of {@code text}, an array of records of {@code type} in PostgreSQL's text form; an
   * empty list when {@code text} is null.
   */
  public static <T> List<T> list(byte @Nullable [] text, String type, RowReader<T> reader)
      throws SQLException {
    if (text == null) {
      return List.of();
    }
    if (text.length > 0 && text[0] == 0) {
      // Binary (array_send): it starts with the number of dimensions, a big-endian int32 of 0 or
      // 1; the text form starts with '{' or '['.
      return new PgRows(0).binaryArray(text, 0, text.length, type, reader);
    }
    return new PgRows(text.length).array(text, 0, text.length, type, reader);
  }

  /**
   * Asks the driver to receive columns of the array type {@code arrayType} (as the driver names it,
   * e.g. {@code _comments}) in PostgreSQL's binary format, which PostgreSQL writes without
   * formatting and quoting each value as text, once {@code statement} is prepared on the server
   * (the driver's {@code prepareThreshold}). Generated code calls it before running a statement
   * whose lists of rows have only attributes this class reads in binary. It tells the connection
   * (pgjdbc's {@code binaryTransferEnable} for this one type); other drivers are left alone.
   */
  public static void receiveBinary(java.sql.Statement statement, String arrayType)
      throws SQLException {
    java.sql.Connection connection = statement.getConnection();
    if (!connection.isWrapperFor(org.postgresql.core.BaseConnection.class)) {
      return;
    }
    org.postgresql.core.BaseConnection pg =
        connection.unwrap(org.postgresql.core.BaseConnection.class);
    int oid = pg.getTypeInfo().getPGType(arrayType);
    if (oid != 0) {
      // A set: adding the same OID again changes nothing.
      pg.getQueryExecutor().addBinaryReceiveOid(oid);
    }
  }

  private static int int32(byte[] b, int at) {
    return (b[at] & 0xff) << 24
        | (b[at + 1] & 0xff) << 16
        | (b[at + 2] & 0xff) << 8
        | (b[at + 3] & 0xff);
  }

  private static long int64(byte[] b, int at) {
    return (long) int32(b, at) << 32 | (int32(b, at + 4) & 0xffffffffL);
  }

  private <T> List<T> binaryArray(
      byte[] data, int from, int to, String rowType, RowReader<T> reader) throws SQLException {
    if (to - from < 12) {
      throw malformed(rowType, "a binary array", data, from, to);
    }
    int dimensions = int32(data, from);
    if (dimensions == 0) {
      return List.of();
    }
    if (dimensions != 1) {
      throw notOneDimensional(rowType);
    }
    int count = int32(data, from + 12);
    int p = from + 20;
    List<T> rows = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int length = int32(data, p);
      p += 4;
      if (length < 0) {
        continue;
      }
      if (p + length > to || length < 4) {
        throw malformed(rowType, "a binary array", data, from, to);
      }
      rows.add(binaryRecord(data, p, p + length, rowType, reader));
      p += length;
    }
    if (p != to) {
      throw malformed(rowType, "a binary array", data, from, to);
    }
    return Collections.unmodifiableList(rows);
  }

  private <T> T binaryRecord(byte[] data, int from, int to, String rowType, RowReader<T> reader)
      throws SQLException {
    // After the attribute count: each attribute's OID, length and bytes.
    return row(data, from + 4, to, true, rowType, reader);
  }

  /**
   * Reads one row of {@code rowType} from {@code data[from, to)} (a record's attributes, without
   * the text form's parentheses or the binary form's attribute count) and returns to the row around
   * it.
   */
  private <T> T row(
      byte[] data, int from, int to, boolean binaryRow, String rowType, RowReader<T> reader)
      throws SQLException {
    byte[] savedSource = source;
    int savedPosition = position;
    int savedEnd = end;
    boolean savedBinary = binary;
    boolean savedFirst = first;
    String savedType = type;
    int mark = top;
    source = data;
    position = from;
    end = to;
    binary = binaryRow;
    first = true;
    type = rowType;
    T value = reader.read(this);
    if (position != end || (!binaryRow && first && end > from)) {
      throw new SQLException(
          "a "
              + rowType
              + " row has more attributes than Quarry read; rebuild after the schema"
              + " changed",
          "22P02");
    }
    source = savedSource;
    position = savedPosition;
    end = savedEnd;
    binary = savedBinary;
    first = savedFirst;
    type = savedType;
    top = mark;
    return value;
  }

  private <T> List<T> array(byte[] text, int from, int to, String rowType, RowReader<T> reader)
      throws SQLException {
    int i = from;
    if (i < to && text[i] == '[') {
      // Explicit bounds, e.g. [0:1]={...}: the elements follow the '='.
      while (i < to && text[i] != '=') {
        i++;
      }
      i++;
    }
    if (i >= to || text[i] != '{' || text[to - 1] != '}') {
      throw malformed(rowType, "an array", text, from, to);
    }
    i++;
    if (text[i] == '}') {
      return List.of();
    }
    List<T> rows = new ArrayList<>();
    while (true) {
      byte c = text[i];
      if (c == '{') {
        throw notOneDimensional(rowType);
      }
      if (c == '"') {
        int mark = top;
        i++;
        while (text[i] != '"') {
          if (text[i] == '\\') {
            i++;
          }
          put(text[i++]);
        }
        i++;
        byte[] element = scratch;
        rows.add(record(element, mark, top, rowType, reader));
        top = mark;
      } else {
        int j = i;
        while (text[j] != ',' && text[j] != '}') {
          j++;
        }
        if (!(j - i == 4
            && text[i] == 'N'
            && text[i + 1] == 'U'
            && text[i + 2] == 'L'
            && text[i + 3] == 'L')) {
          rows.add(record(text, i, j, rowType, reader));
        }
        i = j;
      }
      if (text[i] == ',') {
        i++;
      } else if (text[i] == '}' && i == to - 1) {
        return Collections.unmodifiableList(rows);
      } else {
        throw malformed(rowType, "an array", text, from, to);
      }
    }
  }

  private <T> T record(byte[] text, int from, int to, String rowType, RowReader<T> reader)
      throws SQLException {
    if (to - from < 2 || text[from] != '(' || text[to - 1] != ')') {
      throw malformed(rowType, "a record", text, from, to);
    }
    return row(text, from + 1, to - 1, false, rowType, reader);
  }

  /** Moves to the next attribute of the current record. */
  private void next() throws SQLException {
    if (binary) {
      // Each attribute: its type's OID, its length (-1 for NULL), its bytes.
      if (position + 8 > end) {
        throw new SQLException(
            "a "
                + type
                + " row has fewer attributes than Quarry read; rebuild after the schema"
                + " changed",
            "22P02");
      }
      int length = int32(source, position + 4);
      position += 8;
      isNull = length < 0;
      if (!isNull) {
        field = source;
        start = position;
        stop = position + length;
        position = stop;
      }
      return;
    }
    if (first) {
      first = false;
    } else if (position < end && source[position] == ',') {
      position++;
    } else {
      throw new SQLException(
          "a "
              + type
              + " row has fewer attributes than Quarry read; rebuild after the schema"
              + " changed",
          "22P02");
    }
    int p = position;
    if (p == end || source[p] == ',') {
      isNull = true;
      return;
    }
    isNull = false;
    if (source[p] != '"') {
      // Unquoted: PostgreSQL quotes any value holding a quote, backslash, comma or parenthesis.
      int q = p;
      while (q < end && source[q] != ',') {
        q++;
      }
      field = source;
      start = p;
      stop = q;
      position = q;
      return;
    }
    // Quoted: take the bytes as they are when nothing inside is escaped.
    int q = p + 1;
    boolean plain = true;
    while (q < end) {
      byte c = source[q];
      if (c == '\\') {
        plain = false;
        q += 2;
      } else if (c == '"') {
        if (q + 1 < end && source[q + 1] == '"') {
          plain = false;
          q += 2;
        } else {
          break;
        }
      } else {
        q++;
      }
    }
    if (plain && (q + 1 == end || source[q + 1] == ',')) {
      field = source;
      start = p + 1;
      stop = q;
      position = q + 1;
      return;
    }
    int mark = top;
    boolean quoted = false;
    q = p;
    while (q < end) {
      byte c = source[q];
      if (quoted) {
        if (c == '\\') {
          put(source[++q]);
        } else if (c == '"') {
          if (q + 1 < end && source[q + 1] == '"') {
            put((byte) '"');
            q++;
          } else {
            quoted = false;
          }
        } else {
          put(c);
        }
      } else if (c == ',') {
        break;
      } else if (c == '"') {
        quoted = true;
      } else if (c == '\\') {
        put(source[++q]);
      } else {
        put(c);
      }
      q++;
    }
    field = scratch;
    start = mark;
    stop = top;
    position = q;
  }

  private void put(byte b) {
    if (top == scratch.length) {
      // Earlier regions stay readable in the old array: nothing below top changes.
      scratch = java.util.Arrays.copyOf(scratch, Math.max(16, scratch.length * 2));
    }
    scratch[top++] = b;
  }

  private SQLException notNull() {
    return new SQLException(
        "a NOT NULL attribute of a " + type + " row is NULL; rebuild after the schema changed",
        "22004");
  }

  private long parseLong() throws SQLException {
    if (binary) {
      return switch (stop - start) {
        case 8 -> int64(field, start);
        case 4 -> int32(field, start);
        case 2 -> (short) (((field[start] & 0xff) << 8) | (field[start + 1] & 0xff));
        default -> throw new SQLException("not a binary integer in a " + type + " row", "22P02");
      };
    }
    int i = start;
    boolean negative = field[i] == '-';
    if (negative || field[i] == '+') {
      i++;
    }
    if (i == stop) {
      throw new SQLException("not a number in a " + type + " row: " + text(), "22P02");
    }
    long value = 0;
    for (; i < stop; i++) {
      int digit = field[i] - '0';
      if (digit < 0
          || digit > 9
          || value < -922337203685477580L
          || (value == -922337203685477580L && digit > 8)) {
        throw new SQLException("not a number in a " + type + " row: " + text(), "22P02");
      }
      value = value * 10 - digit;
    }
    if (!negative && value == Long.MIN_VALUE) {
      throw new SQLException("not a number in a " + type + " row: " + text(), "22P02");
    }
    return negative ? value : -value;
  }

  private String text() {
    return new String(field, start, stop - start, StandardCharsets.UTF_8);
  }

  /** The next attribute, which may not be NULL, as a {@code bigint}. */
  public long nextLong() throws SQLException {
    next();
    if (isNull) {
      throw notNull();
    }
    return parseLong();
  }

  public @Nullable Long nextNullableLong() throws SQLException {
    next();
    return isNull ? null : parseLong();
  }

  public int nextInt() throws SQLException {
    return Math.toIntExact(nextLong());
  }

  public @Nullable Integer nextNullableInt() throws SQLException {
    next();
    return isNull ? null : Math.toIntExact(parseLong());
  }

  public short nextShort() throws SQLException {
    return (short) nextInt();
  }

  public @Nullable Short nextNullableShort() throws SQLException {
    next();
    return isNull ? null : (short) parseLong();
  }

  public double nextDouble() throws SQLException {
    Double value = nextNullableDouble();
    if (value == null) {
      throw notNull();
    }
    return value;
  }

  public @Nullable Double nextNullableDouble() throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    if (binary) {
      return stop - start == 4
          ? (double) Float.intBitsToFloat(int32(field, start))
          : Double.longBitsToDouble(int64(field, start));
    }
    return Double.valueOf(text());
  }

  public float nextFloat() throws SQLException {
    Float value = nextNullableFloat();
    if (value == null) {
      throw notNull();
    }
    return value;
  }

  public @Nullable Float nextNullableFloat() throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    return binary ? Float.intBitsToFloat(int32(field, start)) : Float.valueOf(text());
  }

  public boolean nextBoolean() throws SQLException {
    next();
    if (isNull) {
      throw notNull();
    }
    return bool();
  }

  public @Nullable Boolean nextNullableBoolean() throws SQLException {
    next();
    return isNull ? null : bool();
  }

  private boolean bool() {
    return binary ? field[start] != 0 : field[start] == 't';
  }

  /** Microseconds and days of PostgreSQL's binary dates and times count from 2000-01-01. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  private static final int POSTGRES_EPOCH_DAYS = 10_957;

  public java.time.@Nullable LocalDateTime nextNullableLocalDateTime() throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    if (!binary) {
      return PgText.toLocalDateTime(text());
    }
    long micros = int64(field, start);
    if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
      return micros > 0 ? java.time.LocalDateTime.MAX : java.time.LocalDateTime.MIN;
    }
    return java.time.LocalDateTime.ofEpochSecond(
        POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
        (int) Math.floorMod(micros, 1_000_000L) * 1000,
        java.time.ZoneOffset.UTC);
  }

  public java.time.@Nullable LocalDate nextNullableLocalDate() throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    if (!binary) {
      return PgText.toLocalDate(text());
    }
    int days = int32(field, start);
    if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
      return days > 0 ? java.time.LocalDate.MAX : java.time.LocalDate.MIN;
    }
    return java.time.LocalDate.ofEpochDay((long) POSTGRES_EPOCH_DAYS + days);
  }

  public java.util.@Nullable UUID nextNullableUuid() throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    return binary
        ? new java.util.UUID(int64(field, start), int64(field, start + 8))
        : PgText.toUuid(text());
  }

  public byte @Nullable [] nextNullableBytes() throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    return binary ? java.util.Arrays.copyOfRange(field, start, stop) : PgText.toBytes(text());
  }

  /** The next attribute, which may not be NULL, as its text. */
  public String nextString() throws SQLException {
    next();
    if (isNull) {
      throw notNull();
    }
    return text();
  }

  /** The next attribute as its text, null for NULL: for {@link PgText}'s conversions. */
  public @Nullable String nextNullableString() throws SQLException {
    next();
    return isNull ? null : text();
  }

  /**
   * The next attribute, a {@code timestamptz}, in UTC as the driver reads a column (the record text
   * has the session's time zone), null for NULL; {@code infinity} is {@code OffsetDateTime.MAX}.
   */
  public java.time.@Nullable OffsetDateTime nextNullableOffsetDateTime() throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    if (binary) {
      long micros = int64(field, start);
      if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
        return micros > 0 ? java.time.OffsetDateTime.MAX : java.time.OffsetDateTime.MIN;
      }
      return java.time.OffsetDateTime.of(
          java.time.LocalDateTime.ofEpochSecond(
              POSTGRES_EPOCH_SECONDS + Math.floorDiv(micros, 1_000_000L),
              (int) Math.floorMod(micros, 1_000_000L) * 1000,
              java.time.ZoneOffset.UTC),
          java.time.ZoneOffset.UTC);
    }
    java.time.OffsetDateTime fast = offsetDateTime();
    if (fast != null) {
      return fast;
    }
    java.time.OffsetDateTime value = PgText.toOffsetDateTime(text());
    if (value == null
        || value.equals(java.time.OffsetDateTime.MAX)
        || value.equals(java.time.OffsetDateTime.MIN)) {
      return value;
    }
    return value.withOffsetSameInstant(java.time.ZoneOffset.UTC);
  }

  /**
   * The current attribute in PostgreSQL's ISO output ({@code 2024-01-02 03:04:05.123456+02}, the
   * {@code DateStyle} the driver sets), parsed from its bytes in UTC; null for any other form
   * (years past 9999, BC, infinity), which {@link PgText} reads.
   */
  private java.time.@Nullable OffsetDateTime offsetDateTime() {
    int length = stop - start;
    if (length < 22
        || field[start + 4] != '-'
        || field[start + 7] != '-'
        || field[start + 10] != ' '
        || field[start + 13] != ':'
        || field[start + 16] != ':') {
      return null;
    }
    int year = digits(start, 4);
    int month = digits(start + 5, 2);
    int day = digits(start + 8, 2);
    int hour = digits(start + 11, 2);
    int minute = digits(start + 14, 2);
    int second = digits(start + 17, 2);
    int i = start + 19;
    int nanos = 0;
    if (field[i] == '.') {
      int scale = 100_000_000;
      for (i++; i < stop && field[i] >= '0' && field[i] <= '9'; i++) {
        nanos += (field[i] - '0') * scale;
        scale /= 10;
      }
    }
    if (i >= stop || (field[i] != '+' && field[i] != '-') || stop - i < 3) {
      return null;
    }
    int sign = field[i] == '-' ? -1 : 1;
    int offsetHours = digits(i + 1, 2);
    int offsetMinutes = 0;
    int offsetSeconds = 0;
    i += 3;
    if (i < stop && field[i] == ':' && i + 3 <= stop) {
      offsetMinutes = digits(i + 1, 2);
      i += 3;
      if (i < stop && field[i] == ':' && i + 3 <= stop) {
        offsetSeconds = digits(i + 1, 2);
        i += 3;
      }
    }
    if (i != stop
        || (year
                | month
                | day
                | hour
                | minute
                | second
                | offsetHours
                | offsetMinutes
                | offsetSeconds)
            < 0) {
      return null;
    }
    int offset = offsetHours * 3600 + offsetMinutes * 60 + offsetSeconds;
    java.time.LocalDateTime local;
    try {
      local = java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    } catch (java.time.DateTimeException e) {
      return null;
    }
    if (offset != 0) {
      local = local.minusSeconds((long) sign * offset);
    }
    return java.time.OffsetDateTime.of(local, java.time.ZoneOffset.UTC);
  }

  /** {@code count} decimal digits at {@code at}, or -1 when one is not a digit. */
  private int digits(int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      int digit = field[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /**
   * A {@code timestamptz} element's text in UTC, as the driver reads a column: for arrays of {@code
   * timestamptz} inside a row.
   */
  public static java.time.@Nullable OffsetDateTime toUtcOffsetDateTime(@Nullable String text) {
    java.time.OffsetDateTime value = PgText.toOffsetDateTime(text);
    if (value == null
        || value.equals(java.time.OffsetDateTime.MAX)
        || value.equals(java.time.OffsetDateTime.MIN)) {
      return value;
    }
    return value.withOffsetSameInstant(java.time.ZoneOffset.UTC);
  }

  /** {@code value}, which a NOT NULL attribute gave; an error if it is null. */
  public <T> T required(@Nullable T value) throws SQLException {
    if (value == null) {
      throw notNull();
    }
    return value;
  }

  /**
   * The next attribute, an array of {@code rowType} rows, as a list; empty for NULL (see the class
   * comment).
   */
  public <T> List<T> nextList(String rowType, RowReader<T> reader) throws SQLException {
    next();
    if (isNull) {
      return List.of();
    }
    if (binary) {
      return binaryArray(field, start, stop, rowType, reader);
    }
    return array(field, start, stop, rowType, reader);
  }

  /**
   * The next attribute, a one-dimensional array of a scalar or enum type in text form, as a list
   * (null for NULL) whose elements {@code reader} converts from their text (null for NULL).
   */
  public <T> @Nullable List<@Nullable T> nextNullableValues(ValueReader<T> reader)
      throws SQLException {
    next();
    if (isNull) {
      return null;
    }
    if (binary) {
      throw new SQLException("an array attribute of a " + type + " row came in binary", "22P02");
    }
    byte[] text = field;
    int i = start;
    int to = stop;
    if (i < to && text[i] == '[') {
      while (i < to && text[i] != '=') {
        i++;
      }
      i++;
    }
    if (i >= to || text[i] != '{' || text[to - 1] != '}') {
      throw malformed(type, "an array attribute", text, start, stop);
    }
    i++;
    List<@Nullable T> values = new ArrayList<>();
    if (text[i] == '}') {
      return Collections.unmodifiableList(values);
    }
    while (true) {
      if (text[i] == '{') {
        throw new SQLException(
            "a multi-dimensional array attribute of a " + type + " row", "22P02");
      }
      String value;
      if (text[i] == '"') {
        int mark = top;
        i++;
        while (text[i] != '"') {
          if (text[i] == '\\') {
            i++;
          }
          put(text[i++]);
        }
        i++;
        value = new String(scratch, mark, top - mark, StandardCharsets.UTF_8);
        top = mark;
      } else {
        int j = i;
        while (text[j] != ',' && text[j] != '}') {
          j++;
        }
        value =
            j - i == 4
                    && text[i] == 'N'
                    && text[i + 1] == 'U'
                    && text[i + 2] == 'L'
                    && text[i + 3] == 'L'
                ? null
                : new String(text, i, j - i, StandardCharsets.UTF_8);
        i = j;
      }
      values.add(reader.read(value));
      if (text[i] == ',') {
        i++;
      } else if (text[i] == '}' && i == to - 1) {
        return Collections.unmodifiableList(values);
      } else {
        throw malformed(type, "an array attribute", text, start, stop);
      }
    }
  }

  private static SQLException notOneDimensional(String rowType) {
    return new SQLException(
        "a list of " + rowType + " rows must be a one-dimensional array", "22P02");
  }

  private static SQLException malformed(String type, String what, byte[] text, int from, int to) {
    String shown = new String(text, from, Math.min(to - from, 200), StandardCharsets.UTF_8);
    return new SQLException(
        "not " + what + " of " + type + " rows in PostgreSQL's text form: " + shown, "22P02");
  }
}
