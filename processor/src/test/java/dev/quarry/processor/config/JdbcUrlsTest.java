package dev.quarry.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
  @Test
  void redactsPasswordParameters() {
    assertEquals(
        "jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true",
        JdbcUrls.redact("jdbc:postgresql://h:5432/db?user=u&password=p%40ss&ssl=true"));
    assertEquals(
        "jdbc:postgresql://h/db?PASSWORD=***&sslpassword=***",
        JdbcUrls.redact("jdbc:postgresql://h/db?PASSWORD=x&sslpassword=y"));
    assertEquals(
        "jdbc:postgresql://h/db?password=***", JdbcUrls.redact("jdbc:postgresql://h/db?password="));
  }

  @Test
  void redactsUserInfo() {
    assertEquals(
        "jdbc:postgresql://me:***@h:5432/db",
        JdbcUrls.redact("jdbc:postgresql://me:secret@h:5432/db"));
    assertEquals("jdbc:postgresql://me@h/db", JdbcUrls.redact("jdbc:postgresql://me@h/db"));
  }

  @Test
  void leavesOtherUrlsAlone() {
    String url = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    assertEquals(url, JdbcUrls.redact(url));
  }

  @Test
  void replacesTheDatabase() {
    assertEquals(
        "jdbc:postgresql://h:5432/x?user=u",
        JdbcUrls.withDatabase("jdbc:postgresql://h:5432/db?user=u", "x"));
    assertEquals(
        "jdbc:postgresql://h:5432/x", JdbcUrls.withDatabase("jdbc:postgresql://h:5432/", "x"));
    assertEquals(
        "jdbc:postgresql://h:5432/x", JdbcUrls.withDatabase("jdbc:postgresql://h:5432", "x"));
    assertEquals(
        "jdbc:postgresql://h/x?a=1", JdbcUrls.withDatabase("jdbc:postgresql://h?a=1", "x"));
    assertEquals(
        "jdbc:postgresql://a:1,b:2/x?targetServerType=primary",
        JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2/db?targetServerType=primary", "x"));
    assertEquals(
        "jdbc:postgresql:x?user=u", JdbcUrls.withDatabase("jdbc:postgresql:db?user=u", "x"));
    assertThrows(
        IllegalArgumentException.class, () -> JdbcUrls.withDatabase("jdbc:mysql://h/db", "x"));
  }

  @Test
  void readsParts() {
    assertEquals(Optional.of("db"), JdbcUrls.database("jdbc:postgresql://h/db?user=u"));
    assertEquals(Optional.empty(), JdbcUrls.database("jdbc:postgresql://h/?user=u"));
    assertEquals(Optional.empty(), JdbcUrls.database("jdbc:postgresql://h"));
    assertEquals(
        Optional.of("p@ss"), JdbcUrls.password("jdbc:postgresql://h/db?user=u&password=p@ss"));
    assertEquals("127.0.0.1:5432", JdbcUrls.hostAndPort("jdbc:postgresql://127.0.0.1/db"));
    assertEquals("h:6543", JdbcUrls.hostAndPort("jdbc:postgresql://u:pw@h:6543/db"));
  }
}
