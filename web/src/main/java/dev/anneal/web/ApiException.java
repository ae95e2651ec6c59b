package dev.anneal.web;

/** A request the API refuses: its status (400, 403 or 404) and a message for the user, never a stack trace. */
final class ApiException extends RuntimeException {
    private final int status;

    private ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    int status() {
        return status;
    }
}
