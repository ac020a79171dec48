package org.v2gcsms.store;

/** The database failed; nothing of the failed work was committed. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
