package org.v2gcsms.gridsafety.preset;

/** A grid-code preset (or a site's override of one) that cannot be used; the message names the file and field. */
public final class GridCodeException extends RuntimeException {
    private final String field;

    public GridCodeException(String source, String field, String problem) {
        super(source + ": " + field + " " + problem);
        this.field = field;
    }

    /** The offending key. */
    public String field() {
        return field;
    }
}
