package com.jiangxin.web;

/**
 * A request that cannot be served, with the status and the message the caller sees. Handlers and
 * repositories fail futures with it; the router's failure handler turns it into the answer.
 */
public class HttpError extends RuntimeException {
  private final int status;

  public HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  public static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  public static HttpError forbidden(String message) {
    return new HttpError(403, message);
  }

  public static HttpError conflict(String message) {
    return new HttpError(409, message);
  }
}
