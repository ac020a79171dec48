package org.v2gcsms.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.ConnectorStatusEnumType;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.stations.ConnectorState;
import org.v2gcsms.sessions.stations.RegistrationStatus;
import org.v2gcsms.sessions.stations.Station;
import org.v2gcsms.sessions.stations.StationIdentity;
import org.v2gcsms.sessions.stations.StationRepository;
import org.v2gcsms.sessions.stations.StationSecret;

final class JdbcStationRepository implements StationRepository {
    private static final List<String> STATION_KEY = List.of("id");
    private static final List<String> NEW_STATION = List.of("id", "registration_status", "online",
            "local_list_version", "created_at");
    private static final List<String> CONNECTOR = List.of("station_id", "evse_id", "connector_id", "status",
            "reported_at");

    private final Database db;

    JdbcStationRepository(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Station> find(String stationId) {
        return db.inTransaction(c -> Sql.one(c, "SELECT * FROM station WHERE id = ?",
                JdbcStationRepository::station, stationId));
    }

    @Override
    public List<Station> all() {
        return db.inTransaction(c -> Sql.list(c, "SELECT * FROM station ORDER BY id", JdbcStationRepository::station));
    }

    @Override
    public void connected(String stationId, OcppVersion version, Instant at) {
        db.inTransaction(c -> {
            ensure(c, stationId, RegistrationStatus.NEW, at);
            return Sql.update(c, "UPDATE station SET online = TRUE, protocol_version = ?, last_seen = ? WHERE id = ?",
                    version.subprotocol(), at, stationId);
        });
    }

    @Override
    public void disconnected(String stationId, Instant at) {
        db.inTransaction(c -> Sql.update(c, "UPDATE station SET online = FALSE, last_seen = ? WHERE id = ?", at,
                stationId));
    }

    @Override
    public void seen(Map<String, Instant> lastSeenByStation) {
        if (lastSeenByStation.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            // Never moves last_seen back (a disconnect may have written a later time meanwhile).
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE station SET last_seen = ? WHERE id = ? AND (last_seen IS NULL OR last_seen < ?)")) {
                for (Map.Entry<String, Instant> e : lastSeenByStation.entrySet()) {
                    Sql.bind(ps, e.getValue(), e.getKey(), e.getValue()).addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    @Override
    public void booted(String stationId, StationIdentity id, RegistrationStatus status) {
        db.inTransaction(c -> {
            ensure(c, stationId, status, id.bootedAt());
            return Sql.update(c, "UPDATE station SET vendor = ?, model = ?, serial_number = ?, firmware_version = ?, "
                            + "protocol_version = ?, boot_reason = ?, last_boot_at = ?, last_seen = ?, "
                            + "registration_status = ? WHERE id = ?",
                    id.vendor(), id.model(), id.serialNumber(), id.firmwareVersion(),
                    id.protocolVersion() == null ? null : id.protocolVersion().subprotocol(), id.bootReason(),
                    id.bootedAt(), id.bootedAt(), status.name(), stationId);
        });
    }

    @Override
    public void setRegistrationStatus(String stationId, RegistrationStatus status) {
        db.inTransaction(c -> {
            ensure(c, stationId, status, Instant.now());
            return Sql.update(c, "UPDATE station SET registration_status = ? WHERE id = ?", status.name(), stationId);
        });
    }

    @Override
    public void connectorReported(ConnectorState s) {
        db.write(s.stationId(), c -> {
            ensure(c, s.stationId(), RegistrationStatus.NEW, s.reportedAt());
            if (s.status() == null) {
                // A report only tells the connector exists: keep a known status.
                try (PreparedStatement ps = Sql.bind(c.prepareStatement(db.dialect().insertIfAbsent("connector",
                        CONNECTOR, CONNECTOR.subList(0, 3))), s.stationId(), s.evseId(), s.connectorId(), null,
                        s.reportedAt())) {
                    return ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = Sql.bind(c.prepareStatement(db.dialect().upsert("connector", CONNECTOR,
                    CONNECTOR.subList(0, 3))), s.stationId(), s.evseId(), s.connectorId(),
                    WireEnums.wire(s.status()), s.reportedAt())) {
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ConnectorState> connectors(String stationId) {
        return db.inTransaction(c -> Sql.list(c,
                "SELECT * FROM connector WHERE station_id = ? ORDER BY evse_id, connector_id",
                rs -> new ConnectorState(stationId, rs.getInt("evse_id"), rs.getInt("connector_id"),
                        WireEnums.parse(ConnectorStatusEnumType.class, rs.getString("status")),
                        Sql.instant(rs, "reported_at")), stationId));
    }

    @Override
    public Optional<StationSecret> secret(String stationId) {
        return db.inTransaction(c -> Sql.one(c,
                "SELECT security_profile, password_hash FROM station WHERE id = ? AND security_profile IS NOT NULL",
                rs -> new StationSecret(stationId, rs.getInt("security_profile"),
                        Optional.ofNullable(rs.getString("password_hash"))), stationId));
    }

    @Override
    public void register(StationSecret secret) {
        db.inTransaction(c -> {
            ensure(c, secret.stationId(), RegistrationStatus.ACCEPTED, Instant.now());
            return Sql.update(c, "UPDATE station SET security_profile = ?, password_hash = ? WHERE id = ?",
                    secret.securityProfile(), secret.passwordHash().orElse(null), secret.stationId());
        });
    }

    /** Creates the station row with this status if there is none; an existing row is left as it is. */
    private void ensure(Connection c, String stationId, RegistrationStatus status, Instant at) throws SQLException {
        try (PreparedStatement ps = Sql.bind(c.prepareStatement(db.dialect().insertIfAbsent("station", NEW_STATION,
                STATION_KEY)), stationId, status.name(), false, 0, at)) {
            ps.executeUpdate();
        }
    }

    private static Station station(ResultSet rs) throws SQLException {
        String version = rs.getString("protocol_version");
        return new Station(rs.getString("id"), rs.getString("vendor"), rs.getString("model"),
                rs.getString("serial_number"), rs.getString("firmware_version"),
                version == null ? null : OcppVersion.fromSubprotocol(version).orElse(null),
                RegistrationStatus.valueOf(rs.getString("registration_status")), Sql.instant(rs, "last_boot_at"),
                Sql.instant(rs, "last_seen"), rs.getBoolean("online"));
    }
}
