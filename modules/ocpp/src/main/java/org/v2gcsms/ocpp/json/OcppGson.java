package org.v2gcsms.ocpp.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.time.Instant;
import org.v2gcsms.ocpp.CustomDataType;

/**
 * The Gson configuration for OCPP payloads: records through their canonical constructors, enums by their
 * {@code @SerializedName} wire values, {@link Instant} as RFC 3339, {@link CustomDataType} flat. Null fields are
 * left out, as OCPP-J wants optional fields absent rather than null.
 */
public final class OcppGson {
    private OcppGson() {
    }

    public static Gson create() {
        return new GsonBuilder()
                .registerTypeAdapter(Instant.class, new InstantAdapter())
                .registerTypeAdapter(CustomDataType.class, new CustomDataAdapter())
                .disableHtmlEscaping() // display messages may carry HTML; "<" need not become "\u003c"
                .disableJdkUnsafe() // records are built through their constructors, never bypassing their checks
                .create();
    }
}
