package org.v2gcsms.sessions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads generated OCPP enums back from their wire values (as stored in the database). */
public final class WireEnums {
    private static final Map<Class<?>, Map<String, Enum<?>>> BY_CLASS = new ConcurrentHashMap<>();
    private static final Map<Enum<?>, String> WIRE = new ConcurrentHashMap<>();

    private WireEnums() {
    }

    /** The constant with this wire value; null for null. */
    @SuppressWarnings("unchecked")
    public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        if (wire == null) {
            return null;
        }
        Enum<?> e = BY_CLASS.computeIfAbsent(type, WireEnums::index).get(wire);
        if (e == null) {
            throw new IllegalArgumentException(wire + " is not a " + type.getSimpleName());
        }
        return (E) e;
    }

    /** The wire value of a generated enum constant; null for null. */
    public static String wire(Enum<?> constant) {
        return constant == null ? null : WIRE.computeIfAbsent(constant, WireEnums::annotated);
    }

    private static String annotated(Enum<?> constant) {
        try {
            return constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(com.google.gson.annotations.SerializedName.class).value();
        } catch (NoSuchFieldException | NullPointerException e) {
            return constant.name();
        }
    }

    private static Map<String, Enum<?>> index(Class<?> type) {
        return Stream.of(type.getEnumConstants()).map(c -> (Enum<?>) c)
                .collect(Collectors.toUnmodifiableMap(WireEnums::wire, Function.identity()));
    }
}
