package dev.quarry.processor.model;

/** What a generated method returns for each row, or for the whole statement. */
public sealed interface ResultShape {
  /** {@code :exec}: nothing. */
  record Nothing() implements ResultShape {}

  /**
   * {@code :execrows}: the number of affected rows.
   *
   * @param returnsRows the statement returns rows ({@code RETURNING}): the count is the number of
   *     rows it returns, which is what its command tag counts; JDBC only gives the tag's count of a
   *     statement without rows
   */
  record RowCount(boolean returnsRows) implements ResultShape {}

  /** {@code :execresult}: the runtime's {@code ExecResult}, counted as {@link RowCount} counts. */
  record ExecResult(boolean returnsRows) implements ResultShape {}

  /** One column, returned as its Java value. */
  record SingleValue(Field field) implements ResultShape {}

  /** Exactly one table's row, returned as that table's record. */
  record TableRow(TableRecord record) implements ResultShape {}

  /** Any other set of columns, returned as a nested row record. */
  record Row(RowRecord record) implements ResultShape {}
}
