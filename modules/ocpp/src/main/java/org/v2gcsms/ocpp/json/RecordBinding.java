package org.v2gcsms.ocpp.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A generated record as a JSON object: one member per component, named as the component; a null component is left
 * out. Reads go through the canonical constructor, so the record's own checks (required fields) always run.
 * Members the record does not have are skipped: the schema, not the binding, decides whether they are allowed.
 */
final class RecordBinding implements ValueBinding {
    private final String[] names;
    private final ValueBinding[] fields;
    private final Function<Object, Object>[] accessors;
    private final MethodHandle constructor; // (Object[]) -> Object
    private final Map<String, Integer> positions;

    private RecordBinding(String[] names, ValueBinding[] fields, Function<Object, Object>[] accessors,
                          MethodHandle constructor) {
        this.names = names;
        this.fields = fields;
        this.accessors = accessors;
        this.constructor = constructor;
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            positions.put(names[i], i);
        }
        this.positions = Map.copyOf(positions);
    }

    static RecordBinding of(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        String[] names = new String[n];
        ValueBinding[] fields = new ValueBinding[n];
        @SuppressWarnings("unchecked") // generic array creation
        Function<Object, Object>[] accessors = new Function[n];
        Class<?>[] parameterTypes = new Class<?>[n];
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        try {
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                names[i] = c.getName();
                fields[i] = PayloadJson.bindingOf(c.getGenericType());
                accessors[i] = accessor(lookup, type, c);
                parameterTypes[i] = c.getType();
            }
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, parameterTypes))
                    .asSpreader(Object[].class, n)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordBinding(names, fields, accessors, constructor);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " is not a public record", e);
        }
    }

    /**
     * The accessor as a plain {@link Function}: the JIT calls it like any interface method, where a method handle
     * held in a field (or {@code Method.invoke}) costs several times more on every field of every message written.
     */
    @SuppressWarnings("unchecked") // the metafactory returns the Function it was asked for
    private static Function<Object, Object> accessor(MethodHandles.Lookup lookup, Class<?> type, RecordComponent c)
            throws ReflectiveOperationException {
        MethodHandle getter = lookup.unreflect(c.getAccessor());
        try {
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                    getter, MethodType.methodType(c.getType(), type)).getTarget().invokeExact();
        } catch (RuntimeException | Error | ReflectiveOperationException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public Object read(JsonElement json) {
        Object[] values = new Object[names.length];
        for (Map.Entry<String, JsonElement> member : json.getAsJsonObject().entrySet()) {
            Integer i = positions.get(member.getKey());
            if (i != null) {
                values[i] = fields[i].readOrNull(member.getValue());
            }
        }
        try {
            return (Object) constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) { // a canonical constructor declares no checked exception
            throw new IllegalStateException(t);
        }
    }

    @Override
    public JsonElement write(Object value) {
        JsonObject object = new JsonObject();
        for (int i = 0; i < names.length; i++) {
            Object component = accessors[i].apply(value);
            if (component != null) {
                JsonElement json = fields[i].write(component);
                if (!json.isJsonNull()) {
                    object.add(names[i], json);
                }
            }
        }
        return object;
    }

}
