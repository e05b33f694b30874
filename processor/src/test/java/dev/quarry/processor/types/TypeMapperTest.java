package dev.quarry.processor.types;

import static dev.quarry.processor.lock.ResolutionFixture.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.processor.config.TypeOverrideSpec;
import dev.quarry.processor.diagnostics.Diagnostic;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.lock.ResolutionFixture;
import dev.quarry.processor.lock.ResolvedTable;
import dev.quarry.processor.types.ValueType.ArrayValue;
import dev.quarry.processor.types.ValueType.CompositeValue;
import dev.quarry.processor.types.ValueType.ConvertedValue;
import dev.quarry.processor.types.ValueType.EnumValue;
import dev.quarry.processor.types.ValueType.RowListValue;
import dev.quarry.processor.types.ValueType.ScalarValue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Type mapping from a {@link dev.quarry.processor.lock.Resolution} built in the test: no database
 * (see {@code DatabaseFreeUnitTestsTest}).
 */
class TypeMapperTest {
  private final ResolutionFixture fixture = new ResolutionFixture();
  private final String int4 = fixture.builtIn("int4");
  private final String int8 = fixture.builtIn("int8");
  private final String text = fixture.builtIn("text");
  private final String jsonb = fixture.builtIn("jsonb");
  private final String numeric = fixture.builtIn("numeric");
  private final String money = fixture.builtIn("money");

  private static Scalar scalar(ValueType type) {
    return assertInstanceOf(ScalarValue.class, type).scalar();
  }

  @Test
  void builtInTypesMapToTheirScalars() {
    TypeMapper types = new TypeMapper(fixture.resolution());
    assertEquals(Scalar.INT, scalar(types.map(int4)));
    assertEquals(Scalar.LONG, scalar(types.map(int8)));
    assertEquals(Scalar.STRING, scalar(types.map(text)));
    assertEquals(Scalar.DECIMAL, scalar(types.map(numeric)));
    assertEquals(Scalar.TEXT_OTHER, scalar(types.map(jsonb)));
    assertEquals("int8", types.map(int8).pgName());
  }

  @Test
  void typesWithoutAJavaTypeTravelAsText() {
    String citext = fixture.baseType("public", "citext");
    String ltree = fixture.baseType("ext", "LTree");
    TypeMapper types = new TypeMapper(fixture.resolution());
    assertEquals(Scalar.TEXT_OTHER, scalar(types.map(money)));
    assertEquals(Scalar.TEXT_OTHER, scalar(types.map(citext)));
    // Outside pg_catalog and public, or not lower case: quoted with its schema for the driver.
    assertEquals("\"ext\".\"LTree\"", types.map(ltree).pgName());
  }

  @Test
  void arraysAreListsNestedAsDeepAsTheirDimensions() {
    TypeMapper types = new TypeMapper(fixture.resolution());
    ArrayValue flat = assertInstanceOf(ArrayValue.class, types.map(fixture.arrayOf(int4)));
    assertEquals(Scalar.INT, scalar(flat.element()));
    assertEquals("_int4", flat.pgName());
    ArrayValue outer = assertInstanceOf(ArrayValue.class, types.map(fixture.arrayOf(text), 2));
    ArrayValue inner = assertInstanceOf(ArrayValue.class, outer.element());
    assertEquals(Scalar.STRING, scalar(inner.element()));
  }

  @Test
  void enumsGetJavaEnumsAndASecondSchemaQualifiesTheName() {
    String mood = fixture.enumType("public", "mood", "happy", "very sad", "Happy");
    String auditMood = fixture.enumType("audit", "mood", "low");
    TypeMapper types = new TypeMapper(fixture.resolution());
    EnumValue value = assertInstanceOf(EnumValue.class, types.map(mood));
    assertEquals("Mood", value.javaName());
    assertEquals(
        List.of(
            new EnumType.Constant("HAPPY", "happy"),
            new EnumType.Constant("VERY_SAD", "very sad"),
            new EnumType.Constant("HAPPY_2", "Happy")),
        value.enumType().constants());
    assertEquals("AuditMood", assertInstanceOf(EnumValue.class, types.map(auditMood)).javaName());
    // Mapped again, the same enum; listed by schema and name.
    assertSame(value.enumType(), assertInstanceOf(EnumValue.class, types.map(mood)).enumType());
    assertEquals(
        List.of("audit.mood", "public.mood"),
        types.enums().stream().map(e -> e.schema() + "." + e.pgName()).toList());
  }

  @Test
  void domainsMapAsTheirBaseType() {
    String email = fixture.domain("public", "email", text);
    String positive = fixture.domain("public", "positive", fixture.domain("public", "count", int8));
    TypeMapper types = new TypeMapper(fixture.resolution());
    assertEquals(Scalar.STRING, scalar(types.map(email)));
    assertEquals(Scalar.LONG, scalar(types.map(positive)));
  }

  @Test
  void compositeTypesGetRecordsUnlessAnAttributeIsAnArray() {
    String mood = fixture.enumType("public", "mood", "ok");
    String address =
        fixture.composite(
            "public",
            "address",
            field("street", text, false),
            field("zip", int4, false),
            field("mood", mood, false));
    String tagged =
        fixture.composite("public", "tagged", field("tags", fixture.arrayOf(text), false));
    TypeMapper types = new TypeMapper(fixture.resolution());
    CompositeValue value = assertInstanceOf(CompositeValue.class, types.map(address));
    assertEquals("Address", value.javaName());
    assertEquals(
        List.of("street", "zip", "mood"),
        value.compositeType().attributes().stream()
            .map(CompositeType.Attribute::javaName)
            .toList());
    assertInstanceOf(EnumValue.class, value.compositeType().attributes().get(2).type());
    assertEquals(Scalar.TEXT_OTHER, scalar(types.map(tagged)));
    assertEquals(1, types.composites().size());
  }

  @Test
  void anArrayOfARowTypeIsAListOfTheRelationsRows() {
    String comments =
        fixture.table("public", "comments", field("id", int8, true), field("body", text, false));
    TypeMapper types = new TypeMapper(fixture.resolution());
    RowListValue rows = assertInstanceOf(RowListValue.class, types.map(fixture.arrayOf(comments)));
    assertEquals("comments", rows.relation().displayName());
    assertEquals(
        List.of(true, false), rows.relation().columns().stream().map(c -> c.notNull()).toList());
    // Nested deeper than one dimension, it is a list of lists of the row's text.
    ArrayValue nested = assertInstanceOf(ArrayValue.class, types.map(fixture.arrayOf(comments), 2));
    assertEquals(
        Scalar.TEXT_OTHER, scalar(assertInstanceOf(ArrayValue.class, nested.element()).element()));
  }

  @Test
  void tableColumnsKeepTheirDeclaredDimensions() {
    String grids =
        fixture.table("public", "grids", field("cells", fixture.arrayOf(int4), false, 2));
    TypeMapper types = new TypeMapper(fixture.resolution());
    ResolvedTable table = fixture.resolution().tables().get(grids);
    ValueType cells = types.mapColumn(table, table.columns().get(0));
    ArrayValue outer = assertInstanceOf(ArrayValue.class, cells);
    assertInstanceOf(ArrayValue.class, outer.element());
  }

  @Test
  void aTypeOverrideConvertsAndAMismatchIsReportedOnce() {
    String mood = fixture.enumType("public", "mood", "ok");
    Diagnostics diagnostics = new Diagnostics();
    TypeMapper types =
        new TypeMapper(
            fixture.resolution(),
            List.of(
                new TypeOverrideSpec(
                    "jsonb", null, "app.JsonConverter", "java.lang.String", "app.Json"),
                new TypeOverrideSpec(
                    "public.mood", null, "app.MoodConverter", "java.lang.String", "app.Mood")),
            diagnostics);
    ConvertedValue json = assertInstanceOf(ConvertedValue.class, types.map(jsonb));
    assertEquals("app.JsonConverter", json.converterClass());
    assertEquals("app.Json", json.javaType());
    assertEquals(Scalar.TEXT_OTHER, scalar(json.base()));
    // An enum cannot be converted: the default mapping stays, with one error however often mapped.
    assertInstanceOf(EnumValue.class, types.map(mood));
    assertInstanceOf(EnumValue.class, types.map(mood));
    List<Diagnostic> errors = diagnostics.all();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors
            .get(0)
            .message()
            .contains("a type that converters cannot take (an enum or an array)"),
        errors.get(0).message());
    // An array of an overridden type stays a list of the converted elements.
    ArrayValue list = assertInstanceOf(ArrayValue.class, types.map(fixture.arrayOf(jsonb)));
    assertInstanceOf(ConvertedValue.class, list.element());
  }

  @Test
  void aColumnOverrideAppliesToItsColumnAndToParametersNamedLikeIt() {
    String orders =
        fixture.table("shop", "orders", field("id", int8, true), field("total", numeric, true));
    fixture.overrideTable("orders", orders);
    Diagnostics diagnostics = new Diagnostics();
    TypeMapper types =
        new TypeMapper(
            fixture.resolution(),
            List.of(
                new TypeOverrideSpec(
                    null,
                    "orders.total",
                    "app.MoneyConverter",
                    "java.math.BigDecimal",
                    "app.Money"),
                new TypeOverrideSpec(
                    "numeric", null, "app.NumberConverter", "java.math.BigDecimal", "app.Num")),
            diagnostics);
    ResolvedTable table = fixture.resolution().tables().get(orders);
    ConvertedValue total =
        assertInstanceOf(ConvertedValue.class, types.mapColumn(table, table.columns().get(1)));
    // The column's override wins over the type's, converting the plain value.
    assertEquals("app.MoneyConverter", total.converterClass());
    assertEquals(Scalar.DECIMAL, scalar(total.base()));
    assertEquals(
        "app.MoneyConverter",
        assertInstanceOf(
                ConvertedValue.class,
                types.mapParameter("total", numeric, 1, Set.of("orders", "total")))
            .converterClass());
    // Without the table in the statement, or with another type, only the type's override applies.
    assertEquals(
        "app.NumberConverter",
        assertInstanceOf(ConvertedValue.class, types.mapParameter("total", numeric, 1, Set.of()))
            .converterClass());
    assertEquals(Scalar.LONG, scalar(types.mapParameter("total", int8, 1, Set.of("orders"))));
    assertEquals(List.of(), diagnostics.all());
  }

  @Test
  void copyValuesAreTypedAsTheirColumns() {
    String grids =
        fixture.table("public", "grids", field("Cells", fixture.arrayOf(int4), false, 2));
    fixture.overrideTable("grids", grids).overrideTable("public.grids", grids);
    TypeMapper types = new TypeMapper(fixture.resolution());
    ArrayValue cells =
        assertInstanceOf(
            ArrayValue.class, types.mapCopyColumn("public.grids", "\"Cells\"", "pg_catalog._int4"));
    assertInstanceOf(ArrayValue.class, cells.element());
    assertNull(types.mapCopyColumn("grids", "cells", "pg_catalog._int4"));
    assertNull(types.mapCopyColumn("grids", "\"Cells\"", int8));
  }

  @Test
  void aTypeTheResolutionLacksIsAnInternalError() {
    TypeMapper types = new TypeMapper(fixture.resolution());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> types.map("public.missing"));
    assertEquals("the resolution has no type public.missing", e.getMessage());
  }
}
