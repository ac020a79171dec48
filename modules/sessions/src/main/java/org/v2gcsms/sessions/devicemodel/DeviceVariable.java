package org.v2gcsms.sessions.devicemodel;

import java.time.Instant;
import java.util.Objects;

/**
 * One reported attribute with its variable's characteristics. All but the key and {@code updatedAt} may be
 * null (a WriteOnly attribute has no value; characteristics come only with full reports).
 */
public record DeviceVariable(VariableKey key, String value, String mutability, Boolean persistent, Boolean constant,
                             String dataType, String unit, Double minLimit, Double maxLimit, String valuesList,
                             Instant updatedAt) {
    public DeviceVariable {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
