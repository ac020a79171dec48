package org.v2gcsms.ocpp.json;

import com.google.gson.JsonElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.v2gcsms.ocpp.CustomDataType;

/**
 * Binds the generated message types straight to and from Gson trees: records through their canonical constructors
 * and accessors, enums by their {@code @SerializedName} wire values, {@link Instant} as RFC 3339, {@link
 * CustomDataType} flat, lists as immutable lists. Null fields are left out, as OCPP-J wants optional fields absent
 * rather than null. Each type's binding is worked out once, on first use; reads and writes then cost no reflection
 * lookups and no intermediate token stream. Thread-safe.
 */
public final class PayloadJson {
    private static final Map<Class<?>, ValueBinding> FIELD_VALUES = Map.of(
            String.class, new ValueBinding.Text(),
            Integer.class, new ValueBinding.WholeNumber(),
            Double.class, new ValueBinding.Decimal(),
            Boolean.class, new ValueBinding.Flag(),
            Instant.class, new ValueBinding.Time(),
            CustomDataType.class, new ValueBinding.CustomData(),
            JsonElement.class, new ValueBinding.AnyJson());

    private static final ClassValue<ValueBinding> BINDINGS = new ClassValue<>() {
        @Override
        protected ValueBinding computeValue(Class<?> type) {
            ValueBinding fieldValue = FIELD_VALUES.get(type);
            if (fieldValue != null) {
                return fieldValue;
            }
            if (type.isEnum()) {
                return ValueBinding.EnumValues.of(type);
            }
            if (type.isRecord()) {
                return RecordBinding.of(type);
            }
            throw new IllegalArgumentException(type.getName() + " is not an OCPP message type");
        }
    };

    private PayloadJson() {
    }

    /** The value of this type the JSON holds; null for absent or JSON null. Fails on JSON of the wrong shape. */
    public static <T> T fromJson(JsonElement json, Class<T> type) {
        return type.cast(BINDINGS.get(type).readOrNull(json));
    }

    /** The JSON of a message record, enum or field value; a record's null fields are left out. */
    public static JsonElement toJson(Object value) {
        return BINDINGS.get(value.getClass()).write(value);
    }

    static ValueBinding bindingOf(Type type) {
        if (type instanceof Class<?> c) {
            return BINDINGS.get(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ValueBinding.ListOf(bindingOf(p.getActualTypeArguments()[0]));
        }
        throw new IllegalArgumentException(type + " is not an OCPP message type");
    }
}
