package dev.quarry.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.quarry.processor.types.JavaNames;
import org.junit.jupiter.api.Test;

class JavaNamesTest {

  @Test
  void typeNamesArePascalCase() {
    assertEquals("UserRole", JavaNames.typeName("user_role"));
    assertEquals("RiverJob", JavaNames.typeName("RiverJob"));
    assertEquals("QueryBuilding", JavaNames.typeName("query-building"));
    assertEquals("UserName", JavaNames.typeName("\"user name\""));
    assertEquals("_2fa", JavaNames.typeName("2fa"));
  }

  @Test
  void memberNamesAreCamelCaseAndNeverKeywords() {
    assertEquals("authorId", JavaNames.memberName("author_id"));
    assertEquals("createdAt", JavaNames.memberName("createdAt"));
    assertEquals("isbn", JavaNames.memberName("ISBN"));
    assertEquals("class_", JavaNames.memberName("class"));
    assertEquals("default_", JavaNames.memberName("default"));
    assertEquals("hashCode_", JavaNames.memberName("hash_code"));
    assertEquals("value", JavaNames.memberName("?"));
    assertEquals("straße", JavaNames.memberName("straße"));
  }

  @Test
  void enumConstantsComeFromLabels() {
    assertEquals("IN_REVIEW", JavaNames.constantName("in review"));
    assertEquals("OP_EN", JavaNames.constantName("op!en"));
    assertEquals("_1ST", JavaNames.constantName("1st"));
    assertEquals("VALUE", JavaNames.constantName("!!"));
  }

  @Test
  void singularsOfTableNames() {
    assertEquals("user", JavaNames.singular("users"));
    assertEquals("category", JavaNames.singular("categories"));
    assertEquals("address", JavaNames.singular("addresses"));
    assertEquals("box", JavaNames.singular("boxes"));
    assertEquals("status", JavaNames.singular("status"));
    assertEquals("city", JavaNames.singular("city"));
    assertEquals("pilot_language", JavaNames.singular("pilot_languages"));
    assertEquals("analysis", JavaNames.singular("analysis"));
  }

  @Test
  void methodNamesKeepTheQueryNamesCapitals() {
    assertEquals("findUserByEmail", ModelBuilder.methodName("FindUserByEmail"));
    assertEquals("updateBookISBN", ModelBuilder.methodName("UpdateBookISBN"));
    assertEquals("isbnLookup", ModelBuilder.methodName("ISBNLookup"));
    assertEquals("listPosts", ModelBuilder.methodName("list_posts"));
    assertEquals("new_", ModelBuilder.methodName("New"));
  }
}
