package org.v2gcsms.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.v2gcsms.ocpp.v21.ComponentType;
import org.v2gcsms.ocpp.v21.DataEnumType;
import org.v2gcsms.ocpp.v21.EVSEType;
import org.v2gcsms.ocpp.v21.MutabilityEnumType;
import org.v2gcsms.ocpp.v21.VariableType;

/**
 * A station's device model (OCPP 2.x part 2, appendix 3): components, their variables and each variable's
 * Actual attribute. What GetVariables reads, SetVariables writes and NotifyReport lists. Writes are checked
 * against the variable's data type and value list. Not thread-safe: owned by the station's serial context.
 */
final class DeviceModel {

    /** Where a variable lives; {@code evseId}/{@code connectorId} are null for station-level components. */
    record Key(String component, Integer evseId, Integer connectorId, String variable, String instance) {
        ComponentType componentType() {
            return new ComponentType(evseId == null ? null : new EVSEType(evseId, connectorId, null), component, null, null);
        }

        VariableType variableType() {
            return new VariableType(variable, instance, null);
        }
    }

    /** One variable with its Actual value and characteristics. */
    static final class Variable {
        final Key key;
        final MutabilityEnumType mutability;
        final DataEnumType dataType;
        final String unit;
        final Double maxLimit;
        final String valuesList;
        String value;

        Variable(Key key, MutabilityEnumType mutability, DataEnumType dataType, String unit, Double maxLimit,
                 String valuesList, String value) {
            this.key = key;
            this.mutability = mutability;
            this.dataType = dataType;
            this.unit = unit;
            this.maxLimit = maxLimit;
            this.valuesList = valuesList;
            this.value = value;
        }
    }

    /** Why a write was refused, or empty when it was applied. */
    enum WriteRefusal { UNKNOWN_COMPONENT, UNKNOWN_VARIABLE, READ_ONLY, INVALID_VALUE }

    private final Map<Key, Variable> variables = new LinkedHashMap<>();
    private final List<BiConsumer<Key, String>> listeners = new ArrayList<>();

    DeviceModel add(String component, Integer evseId, Integer connectorId, String variable, String instance,
                    MutabilityEnumType mutability, DataEnumType type, String unit, Double maxLimit, String valuesList,
                    String value) {
        Key key = new Key(component, evseId, connectorId, variable, instance);
        variables.put(key, new Variable(key, mutability, type, unit, maxLimit, valuesList, value));
        return this;
    }

    /** A read-only variable. */
    DeviceModel fixed(String component, Integer evseId, String variable, DataEnumType type, String value) {
        return add(component, evseId, null, variable, null, MutabilityEnumType.ReadOnly, type, null, null, null, value);
    }

    /** A read-write variable. */
    DeviceModel writable(String component, String variable, DataEnumType type, String unit, String valuesList,
                         String value) {
        return add(component, null, null, variable, null, MutabilityEnumType.ReadWrite, type, unit, null, valuesList, value);
    }

    /** Tells {@code listener} about every accepted write. */
    void onWrite(BiConsumer<Key, String> listener) {
        listeners.add(listener);
    }

    List<Variable> all() {
        return List.copyOf(variables.values());
    }

    List<Variable> select(Predicate<Variable> which) {
        return variables.values().stream().filter(which).toList();
    }

    boolean hasComponent(ComponentType c) {
        return variables.keySet().stream().anyMatch(k -> sameComponent(k, c));
    }

    Optional<Variable> find(ComponentType c, VariableType v) {
        return variables.values().stream()
                .filter(x -> sameComponent(x.key, c) && x.key.variable().equals(v.name())
                        && Objects.equals(x.key.instance(), v.instance()))
                .findFirst();
    }

    /** The station's own value of a station-level variable. */
    String value(String component, String variable) {
        return variables.get(new Key(component, null, null, variable, null)).value;
    }

    int intValue(String component, String variable) {
        return Integer.parseInt(value(component, variable));
    }

    /** Sets a value the station itself measures or decides (no mutability check, no listeners). */
    void update(String component, Integer evseId, Integer connectorId, String variable, String value) {
        Variable v = variables.get(new Key(component, evseId, connectorId, variable, null));
        if (v != null) {
            v.value = value;
        }
    }

    Optional<WriteRefusal> write(ComponentType c, VariableType v, String value) {
        if (!hasComponent(c)) {
            return Optional.of(WriteRefusal.UNKNOWN_COMPONENT);
        }
        Optional<Variable> found = find(c, v);
        if (found.isEmpty()) {
            return Optional.of(WriteRefusal.UNKNOWN_VARIABLE);
        }
        Variable x = found.get();
        if (x.mutability == MutabilityEnumType.ReadOnly) {
            return Optional.of(WriteRefusal.READ_ONLY);
        }
        if (!valid(x, value)) {
            return Optional.of(WriteRefusal.INVALID_VALUE);
        }
        x.value = value;
        listeners.forEach(l -> l.accept(x.key, value));
        return Optional.empty();
    }

    private static boolean sameComponent(Key k, ComponentType c) {
        if (!k.component().equals(c.name())) {
            return false;
        }
        EVSEType evse = c.evse();
        if (evse == null) {
            return k.evseId() == null;
        }
        return Objects.equals(k.evseId(), evse.id()) && (evse.connectorId() == null || Objects.equals(k.connectorId(), evse.connectorId()));
    }

    private static boolean valid(Variable x, String value) {
        try {
            return switch (x.dataType) {
                case integer -> {
                    int n = Integer.parseInt(value);
                    yield n >= 0 && (x.maxLimit == null || n <= x.maxLimit);
                }
                case decimal -> Double.isFinite(Double.parseDouble(value));
                case boolean_ -> value.equals("true") || value.equals("false");
                case OptionList -> x.valuesList == null || Arrays.asList(x.valuesList.split(",")).contains(value);
                case MemberList, SequenceList -> x.valuesList == null
                        || Arrays.asList(x.valuesList.split(",")).containsAll(Arrays.asList(value.split(",")));
                default -> value.length() <= 1000;
            };
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
