package dev.quarry.bench.runtime;

import dev.quarry.bench.Workload.Account;
import dev.quarry.bench.Workload.Entry;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ's DSL without generated classes: tables and typed fields named with {@link DSL#table} and
 * {@link DSL#field}, default settings (SQL rendered per execution, values bound to prepared
 * statements), rows mapped with {@link Records#mapping}. Batches are a {@code batch(...).bind(...)}
 * (one JDBC batch) in {@link DSLContext#transaction}.
 */
public class JooqBenchmark extends RuntimeBenchmark {
  private static final Table<?> ACCOUNTS = DSL.table(DSL.name("accounts"));
  private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
  private static final Field<String> EMAIL = DSL.field(DSL.name("email"), SQLDataType.CLOB);
  private static final Field<String> NAME = DSL.field(DSL.name("name"), SQLDataType.CLOB);
  private static final Field<Long> BALANCE = DSL.field(DSL.name("balance"), SQLDataType.BIGINT);
  private static final Field<Boolean> ACTIVE = DSL.field(DSL.name("active"), SQLDataType.BOOLEAN);
  private static final Field<OffsetDateTime> CREATED_AT =
      DSL.field(DSL.name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Field<String> NOTE = DSL.field(DSL.name("note"), SQLDataType.CLOB);

  private static final Table<?> LEDGER = DSL.table(DSL.name("ledger"));
  private static final Field<Long> ACCOUNT_ID =
      DSL.field(DSL.name("account_id"), SQLDataType.BIGINT);
  private static final Field<Long> AMOUNT = DSL.field(DSL.name("amount"), SQLDataType.BIGINT);
  private static final Field<String> MEMO = DSL.field(DSL.name("memo"), SQLDataType.CLOB);
  private static final Field<OffsetDateTime> BOOKED_AT =
      DSL.field(DSL.name("booked_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

  static {
    // jOOQ prints a banner and tips on first use otherwise.
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private DSLContext dsl;

  @Override
  protected void prepare() {
    dsl = DSL.using(connection, SQLDialect.POSTGRES);
  }

  @Override
  protected Account getAccount(long id) {
    return dsl.select(ID, EMAIL, NAME, BALANCE, ACTIVE, CREATED_AT, NOTE)
        .from(ACCOUNTS)
        .where(ID.eq(id))
        .fetchOne(Records.mapping(Account::new));
  }

  @Override
  protected List<Account> listAccounts(long afterId, int limit) {
    return dsl.select(ID, EMAIL, NAME, BALANCE, ACTIVE, CREATED_AT, NOTE)
        .from(ACCOUNTS)
        .where(ID.gt(afterId))
        .orderBy(ID)
        .limit(limit)
        .fetch(Records.mapping(Account::new));
  }

  @Override
  protected void insertEntry(Entry entry) {
    dsl.insertInto(LEDGER, ACCOUNT_ID, AMOUNT, MEMO, BOOKED_AT)
        .values(entry.accountId(), entry.amount(), entry.memo(), entry.bookedAt())
        .execute();
  }

  @Override
  protected void insertBatch() {
    insertAll(batch);
  }

  @Override
  protected void bulkLoad() {
    insertAll(bulk);
  }

  private void insertAll(List<Entry> entries) {
    dsl.transaction(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          BatchBindStep insert =
              tx.batch(
                  tx.insertInto(LEDGER, ACCOUNT_ID, AMOUNT, MEMO, BOOKED_AT)
                      .values((Long) null, null, null, null));
          for (Entry entry : entries) {
            insert = insert.bind(entry.accountId(), entry.amount(), entry.memo(), entry.bookedAt());
          }
          insert.execute();
        });
  }
}
