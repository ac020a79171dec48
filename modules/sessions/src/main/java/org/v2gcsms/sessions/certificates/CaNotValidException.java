package org.v2gcsms.sessions.certificates;

/** The CA cannot issue now: its own certificate has expired or is not valid yet. */
public final class CaNotValidException extends IllegalStateException {
    public CaNotValidException(String message) {
        super(message);
    }
}
