package org.v2gcsms.sessions.devicemodel;

import java.util.List;

/** The stations' device models as reported, and the results of reading and writing variables. */
public interface DeviceModelRepository {

    /** Creates or replaces these attributes of the station. */
    void store(String stationId, List<DeviceVariable> variables);

    /** Changes only the value of an attribute already known (creating it if not). */
    void storeValue(String stationId, VariableKey key, String value, java.time.Instant at);

    List<DeviceVariable> variables(String stationId);

    /** The attributes of one component (by name, any instance and EVSE, case-insensitive). */
    List<DeviceVariable> component(String stationId, String componentName);

    void results(List<VariableResult> results);

    /** The station's Get/SetVariables results, newest first. */
    List<VariableResult> results(String stationId, int limit);
}
