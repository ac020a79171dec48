package org.v2gcsms.sessions.devicemodel;

import java.util.Objects;
import org.v2gcsms.ocpp.v21.AttributeEnumType;
import org.v2gcsms.ocpp.v21.ComponentType;
import org.v2gcsms.ocpp.v21.EVSEType;
import org.v2gcsms.ocpp.v21.VariableType;

/**
 * Names one attribute of one variable of one component. Absent parts are stored as "" (instances) and -1
 * (EVSE, connector) so the key is total; names keep the case the station reported.
 */
public record VariableKey(String component, String componentInstance, int evseId, int connectorId, String variable,
                          String variableInstance, AttributeEnumType attributeType) {
    public static final int NONE = -1;

    public VariableKey {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(variable, "variable");
        componentInstance = componentInstance == null ? "" : componentInstance;
        variableInstance = variableInstance == null ? "" : variableInstance;
        attributeType = attributeType == null ? AttributeEnumType.Actual : attributeType;
    }

    public static VariableKey of(ComponentType c, VariableType v, AttributeEnumType type) {
        EVSEType evse = c.evse();
        return new VariableKey(c.name(), c.instance(), evse == null ? NONE : evse.id(),
                evse == null || evse.connectorId() == null ? NONE : evse.connectorId(), v.name(), v.instance(), type);
    }

    public ComponentType componentType() {
        EVSEType evse = evseId == NONE ? null : new EVSEType(evseId, connectorId == NONE ? null : connectorId, null);
        return new ComponentType(evse, component, componentInstance.isEmpty() ? null : componentInstance, null);
    }

    public VariableType variableType() {
        return new VariableType(variable, variableInstance.isEmpty() ? null : variableInstance, null);
    }

    /** Whether this names {@code component.variable[instance]} regardless of case, as OCPP names are. */
    public boolean is(String componentName, String variableName, String instance) {
        return component.equalsIgnoreCase(componentName) && variable.equalsIgnoreCase(variableName)
                && variableInstance.equalsIgnoreCase(instance == null ? "" : instance);
    }
}
