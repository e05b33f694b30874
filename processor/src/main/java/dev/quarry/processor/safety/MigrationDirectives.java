package dev.quarry.processor.safety;

import dev.quarry.processor.config.Check;
import dev.quarry.processor.diagnostics.Diagnostics;
import dev.quarry.processor.diagnostics.Message;
import dev.quarry.processor.migration.Migration;
import dev.quarry.processor.syntax.QuarryComment;
import dev.quarry.processor.syntax.SqlScript;
import dev.quarry.processor.syntax.Token;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Per-migration check settings, written as comments anywhere in a migration's file: {@code --
 * quarry:allow lock-risk} switches a check off for that migration (say why on the same line, after
 * the check names), {@code -- quarry:check lock-risk=error} sets its level. A comment naming an
 * unknown check or level is an error at the comment, so a typo cannot silently leave a risk
 * unchecked.
 */
final class MigrationDirectives {
  /** The check names after {@code quarry:allow}, then the reason. */
  private static final Pattern ALLOW =
      Pattern.compile("([a-z-]+(?:\\s*,\\s*[a-z-]+)*)(.*)", Pattern.CASE_INSENSITIVE);

  /** The words of {@link QuarryComment}s in migrations. */
  private static final List<String> WORDS = List.of("allow", "check");

  private final Map<Check, Check.Level> buildLevels;
  private final Diagnostics diagnostics;
  private final Map<String, Map<Check, Check.Level>> byFile = new HashMap<>();

  MigrationDirectives(Map<Check, Check.Level> buildLevels, Diagnostics diagnostics) {
    this.buildLevels = buildLevels;
    this.diagnostics = diagnostics;
  }

  /** The level of {@code check} for the build ({@code quarry.checks} or the default). */
  Check.Level buildLevel(Check check) {
    return buildLevels.getOrDefault(check, check.defaultLevel());
  }

  /** The level of {@code check} for {@code migration}: its file's comment, else the build's. */
  Check.Level level(Check check, Migration migration) {
    Check.Level own =
        byFile.computeIfAbsent(migration.file().displayPath(), f -> parse(migration)).get(check);
    return own != null ? own : buildLevel(check);
  }

  private Map<Check, Check.Level> parse(Migration migration) {
    Map<Check, Check.Level> levels = new EnumMap<>(Check.class);
    String text = migration.file().text();
    for (Token token : SqlScript.of(migration.file()).tokens()) {
      Optional<QuarryComment> directive = QuarryComment.of(text, token);
      if (directive.isEmpty()) {
        continue;
      }
      QuarryComment comment = directive.get();
      Matcher allow = ALLOW.matcher(comment.arguments());
      if (!WORDS.contains(comment.word())) {
        diagnostics.report(
            Message.DIRECTIVE_UNKNOWN,
            migration.file().locationOf(comment.wordOffset()),
            comment.word(),
            comment.suggestion(WORDS),
            QuarryComment.listed(WORDS));
      } else if (comment.arguments().isEmpty()) {
        bad(
            migration,
            token,
            Message.DIRECTIVE_WITHOUT_CHECKS,
            comment.word(),
            (comment.word().equals("allow") ? "allow lock-risk" : "check lock-risk=error"));
      } else if (comment.word().equals("allow") && allow.matches()) {
        for (String name : allow.group(1).split(",")) {
          named(name, migration, token).ifPresent(c -> levels.put(c, Check.Level.OFF));
        }
      } else if (comment.word().equals("check")) {
        for (String setting : comment.arguments().split("\\s*,\\s*")) {
          int eq = setting.indexOf('=');
          @Nullable Check c =
              eq < 0 ? null : named(setting.substring(0, eq), migration, token).orElse(null);
          if (eq < 0) {
            bad(migration, token, Message.DIRECTIVE_SETTING_MALFORMED, setting);
          } else if (c != null) {
            Optional<Check.Level> level = c.parseLevel(setting.substring(eq + 1));
            if (level.isEmpty()) {
              bad(
                  migration,
                  token,
                  Message.DIRECTIVE_LEVEL_UNKNOWN,
                  setting.substring(eq + 1).strip());
            }
            level.ifPresent(l -> levels.put(c, l));
          }
        }
      }
    }
    return levels;
  }

  private Optional<Check> named(String name, Migration migration, Token token) {
    Optional<Check> check = Check.named(name);
    if (check.isEmpty()) {
      bad(migration, token, Message.DIRECTIVE_CHECK_UNKNOWN, name.strip(), Check.names());
    }
    return check;
  }

  private void bad(Migration migration, Token token, Message message, Object... arguments) {
    diagnostics.report(message, migration.file().locationOf(token.start()), arguments);
  }
}
