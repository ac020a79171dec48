package org.v2gcsms.sessions.certificates;

/** A station's certificate signing request the CSMS cannot sign: not a PKCS#10 PEM, or its signature is wrong. */
public final class InvalidCsrException extends IllegalArgumentException {
    public InvalidCsrException(String message) {
        super(message);
    }
}
