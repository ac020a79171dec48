package org.v2gcsms.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.v2gcsms.ocpp.v21.AttributeEnumType;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.devicemodel.DeviceModelRepository;
import org.v2gcsms.sessions.devicemodel.DeviceVariable;
import org.v2gcsms.sessions.devicemodel.VariableKey;
import org.v2gcsms.sessions.devicemodel.VariableResult;

final class JdbcDeviceModelRepository implements DeviceModelRepository {
    private static final List<String> KEY = List.of("station_id", "component", "component_instance", "evse_id",
            "connector_id", "variable", "variable_instance", "attribute_type");
    private static final List<String> VARIABLE = List.of("station_id", "component", "component_instance", "evse_id",
            "connector_id", "variable", "variable_instance", "attribute_type", "attr_value", "mutability",
            "persistent", "is_constant", "data_type", "unit", "min_limit", "max_limit", "values_list", "updated_at");
    private static final List<String> VALUE_ONLY = List.of("station_id", "component", "component_instance",
            "evse_id", "connector_id", "variable", "variable_instance", "attribute_type", "attr_value", "updated_at");

    private final Database db;
    private final String upsertVariable;
    private final String upsertValue;

    JdbcDeviceModelRepository(Database db) {
        this.db = db;
        this.upsertVariable = db.dialect().upsert("device_variable", VARIABLE, KEY);
        this.upsertValue = db.dialect().upsert("device_variable", VALUE_ONLY, KEY);
    }

    @Override
    public void store(String stationId, List<DeviceVariable> variables) {
        if (variables.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(upsertVariable)) {
                for (DeviceVariable v : variables) {
                    VariableKey k = v.key();
                    Sql.bind(ps, stationId, k.component(), k.componentInstance(), k.evseId(), k.connectorId(),
                            k.variable(), k.variableInstance(), WireEnums.wire(k.attributeType()), v.value(),
                            v.mutability(), v.persistent(), v.constant(), v.dataType(), v.unit(), v.minLimit(),
                            v.maxLimit(), v.valuesList(), v.updatedAt());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void storeValue(String stationId, VariableKey k, String value, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = Sql.bind(c.prepareStatement(upsertValue), stationId, k.component(),
                    k.componentInstance(), k.evseId(), k.connectorId(), k.variable(), k.variableInstance(),
                    WireEnums.wire(k.attributeType()), value, at)) {
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<DeviceVariable> variables(String stationId) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM device_variable WHERE station_id = ? "
                + "ORDER BY component, component_instance, evse_id, connector_id, variable, variable_instance, "
                + "attribute_type", JdbcDeviceModelRepository::variable, stationId));
    }

    @Override
    public List<DeviceVariable> component(String stationId, String componentName) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM device_variable WHERE station_id = ? "
                        + "AND LOWER(component) = LOWER(?) ORDER BY component_instance, evse_id, connector_id, variable, "
                        + "variable_instance, attribute_type", JdbcDeviceModelRepository::variable, stationId,
                componentName));
    }

    @Override
    public void results(List<VariableResult> results) {
        if (results.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO variable_result (station_id, component, "
                    + "component_instance, evse_id, connector_id, variable, variable_instance, attribute_type, "
                    + "operation, attr_value, status, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (VariableResult r : results) {
                    VariableKey k = r.key();
                    Sql.bind(ps, r.stationId(), k.component(), k.componentInstance(), k.evseId(), k.connectorId(),
                            k.variable(), k.variableInstance(), WireEnums.wire(k.attributeType()), r.operation().name(),
                            r.value(), r.status(), r.reason(), r.at());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<VariableResult> results(String stationId, int limit) {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM variable_result WHERE station_id = ? ORDER BY id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", rs -> new VariableResult(stationId, key(rs),
                VariableResult.Operation.valueOf(rs.getString("operation")), rs.getString("attr_value"),
                rs.getString("status"), rs.getString("reason"), Sql.instant(rs, "recorded_at")), stationId));
    }

    private static VariableKey key(ResultSet rs) throws SQLException {
        return new VariableKey(rs.getString("component"), rs.getString("component_instance"), rs.getInt("evse_id"),
                rs.getInt("connector_id"), rs.getString("variable"), rs.getString("variable_instance"),
                WireEnums.parse(AttributeEnumType.class, rs.getString("attribute_type")));
    }

    private static DeviceVariable variable(ResultSet rs) throws SQLException {
        return new DeviceVariable(key(rs), rs.getString("attr_value"), rs.getString("mutability"),
                Sql.bool(rs, "persistent"), Sql.bool(rs, "is_constant"), rs.getString("data_type"),
                rs.getString("unit"), Sql.decimal(rs, "min_limit"), Sql.decimal(rs, "max_limit"),
                rs.getString("values_list"), Sql.instant(rs, "updated_at"));
    }
}
