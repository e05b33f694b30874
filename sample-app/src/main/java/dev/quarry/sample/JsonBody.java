package dev.quarry.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.runtime.Patch;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request's JSON object, read field by field so that every malformed input gets a 400 answer
 * naming the field and what was expected, rather than a data-binding stack trace.
 */
final class JsonBody {
  private final ObjectNode object;

  private JsonBody(ObjectNode object) {
    this.object = object;
  }

  /** Parses {@code body}, which must be a JSON object; an empty body counts as {@code {}}. */
  static JsonBody parse(ObjectMapper mapper, byte[] body) {
    if (body.length == 0) {
      return new JsonBody(mapper.createObjectNode());
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("request body could not be read: " + e.getMessage());
    }
    if (node instanceof ObjectNode objectNode) {
      return new JsonBody(objectNode);
    }
    throw ApiException.badRequest("request body must be a JSON object");
  }

  /** The whole object as JSON text. */
  String json() {
    return object.toString();
  }

  private @Nullable JsonNode field(String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private static ApiException wrongType(String name, String expected) {
    return ApiException.badRequest("field '" + name + "' must be " + expected);
  }

  String requiredString(String name) {
    String value = optionalString(name);
    if (value == null) {
      throw ApiException.badRequest("field '" + name + "' is required");
    }
    return value;
  }

  @Nullable String optionalString(String name) {
    JsonNode value = field(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(name, "a string");
    }
    return value.textValue();
  }

  long requiredLong(String name) {
    JsonNode value = field(name);
    if (value == null) {
      throw ApiException.badRequest("field '" + name + "' is required");
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "an integer");
    }
    return value.longValue();
  }

  @Nullable Integer optionalInt(String name, int min, int max) {
    JsonNode value = field(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber()
        || !value.canConvertToInt()
        || value.intValue() < min
        || value.intValue() > max) {
      throw wrongType(name, "an integer from " + min + " to " + max);
    }
    return value.intValue();
  }

  boolean optionalBoolean(String name, boolean fallback) {
    JsonNode value = field(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return value.booleanValue();
  }

  double optionalDouble(String name, double fallback) {
    JsonNode value = field(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber()) {
      throw wrongType(name, "a number");
    }
    return value.doubleValue();
  }

  /** A decimal given as a JSON string ({@code "3.50"}) or number; strings keep it exact. */
  BigDecimal requiredDecimal(String name) {
    JsonNode value = field(name);
    if (value == null) {
      throw ApiException.badRequest("field '" + name + "' is required");
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      try {
        return new BigDecimal(value.textValue());
      } catch (NumberFormatException e) {
        throw wrongType(name, "a decimal number");
      }
    }
    throw wrongType(name, "a decimal number");
  }

  @Nullable LocalDate optionalDate(String name) {
    String value = optionalString(name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw wrongType(name, "a date like 1990-12-31");
    }
  }

  /**
   * A field of a partial update: absent leaves the column unchanged, {@code null} sets it to NULL,
   * a string sets it.
   */
  Patch<String> patchString(String name) {
    if (!object.has(name)) {
      return Patch.unchanged();
    }
    return Patch.set(optionalString(name));
  }

  /** As {@link #patchString}, for a date like 1990-12-31. */
  Patch<LocalDate> patchDate(String name) {
    if (!object.has(name)) {
      return Patch.unchanged();
    }
    return Patch.set(optionalDate(name));
  }

  /** A JSON array of strings; absent means empty. */
  List<String> stringList(String name) {
    JsonNode value = field(name);
    List<String> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (!value.isArray()) {
      throw wrongType(name, "an array of strings");
    }
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw wrongType(name, "an array of strings");
      }
      result.add(element.textValue());
    }
    return result;
  }

  /** A nested JSON object as JSON text, or {@code fallback} when absent. */
  String optionalObjectJson(String name, String fallback) {
    JsonNode value = field(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isObject()) {
      throw wrongType(name, "a JSON object");
    }
    return value.toString();
  }
}
