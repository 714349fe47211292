package dev.relmap.bootstrap;

/** The selected database could not be reached; the message names the URL and what to do. */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
