package dev.quarry.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code -Aquarry.keepAlive} and {@code -Aquarry.keepAlive.idleSeconds}. */
class KeepAliveTest {
  @Test
  void onWithTenIdleMinutesByDefaultOnLinux() throws Exception {
    assertEquals(KeepAlive.DEFAULT, KeepAlive.parse(null, null));
    assertEquals(
        new KeepAlive(KeepAlive.onByDefault(System.getProperty("os.name")), Duration.ofMinutes(10)),
        KeepAlive.parse(" ", ""));
    assertTrue(KeepAlive.onByDefault("Linux"));
    assertFalse(KeepAlive.onByDefault("Mac OS X"));
    assertFalse(KeepAlive.onByDefault("Windows 11"));
    assertTrue(KeepAlive.parse("true", null).enabled(), "can be turned on anywhere");
  }

  @Test
  void offAndAnIdleTimeInSeconds() throws Exception {
    assertFalse(KeepAlive.parse("FALSE", null).enabled());
    KeepAlive quick = KeepAlive.parse("true", "2");
    assertTrue(quick.enabled());
    assertEquals(Duration.ofSeconds(2), quick.idle());
  }

  @Test
  void otherValuesAreErrorsThatSayWhatIsAllowed() {
    InvalidOptionException notBoolean =
        assertThrows(InvalidOptionException.class, () -> KeepAlive.parse("sometimes", null));
    assertEquals(KeepAlive.OPTION, notBoolean.option());
    assertTrue(
        notBoolean.getMessage().startsWith("-Aquarry.keepAlive=sometimes is not true or false"),
        notBoolean.getMessage());
    for (String bad : new String[] {"0", "-5", "ten", "604801"}) {
      InvalidOptionException idle =
          assertThrows(InvalidOptionException.class, () -> KeepAlive.parse(null, bad));
      assertEquals(KeepAlive.IDLE_OPTION, idle.option());
      assertTrue(idle.getMessage().contains("is not a number of seconds from 1 to 604800"), bad);
    }
  }
}
