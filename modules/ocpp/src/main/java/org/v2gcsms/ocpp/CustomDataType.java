package org.v2gcsms.ocpp;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * The {@code customData} object every OCPP 2.x schema object may carry: a required {@code vendorId} (reversed-DNS
 * form advised) and any vendor-defined properties. It is the one place where properties outside the schema are
 * legal, so they are kept as JSON. Shared by both versions: the schema definition is the same in 2.0.1 and 2.1.
 *
 * @param vendorId   who defined the extra properties, at most 255 characters
 * @param properties every other property of the object, never null (empty when there are none)
 */
public record CustomDataType(String vendorId, JsonObject properties) {

    public CustomDataType {
        Objects.requireNonNull(vendorId, "vendorId");
        // JsonObject is mutable: keep a private copy so the record stays a value.
        properties = properties == null ? new JsonObject() : properties.deepCopy();
        properties.remove("vendorId");
    }

    public CustomDataType(String vendorId) {
        this(vendorId, null);
    }

    /** A copy of the vendor properties; changing it does not change this record. */
    @Override
    public JsonObject properties() {
        return properties.deepCopy();
    }
}
