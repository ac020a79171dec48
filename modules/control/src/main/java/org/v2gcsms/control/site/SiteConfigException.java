package org.v2gcsms.control.site;

/** A site, tariff or load file that cannot be used; the message names the file and the field. */
public final class SiteConfigException extends RuntimeException {
    public SiteConfigException(String source, String field, String problem) {
        super(source + ": " + field + " " + problem);
    }
}
