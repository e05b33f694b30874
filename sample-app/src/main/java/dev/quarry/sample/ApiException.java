package dev.quarry.sample;

/**
 * A request the API refuses: carries the HTTP status and a message for the client, which the server
 * sends as {@code {"status": 404, "error": "post 7 does not exist"}}.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }
}
