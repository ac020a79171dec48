package org.v2gcsms.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.v2gcsms.server.PasswordHash;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.devicemodel.DeviceVariable;
import org.v2gcsms.sessions.notices.NoticeKind;
import org.v2gcsms.sessions.stations.ConnectorState;
import org.v2gcsms.sessions.stations.RegistrationStatus;
import org.v2gcsms.sessions.stations.Station;
import org.v2gcsms.sessions.stations.StationSecret;

/** Stations: list, one with its EVSEs and connectors, device model, notices, command log; registration. */
final class StationEndpoints implements EndpointGroup {
    /** OCPP's passwordString: 16 to 40 characters. */
    private static final int MIN_PASSWORD = 16;
    private static final int MAX_PASSWORD = 40;
    private static final int MAX_STATION_ID = 48;

    private final CsmsDomain domain;

    StationEndpoints(CsmsDomain domain) {
        this.domain = domain;
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/stations", Role.VIEWER, q -> Reply.ok(domain.stations().all().stream()
                .map(StationEndpoints::summary).toList()));
        r.get("/api/v1/stations/{id}", Role.VIEWER, q -> {
            Station s = station(q.path("id"));
            JsonObject out = summary(s);
            out.add("evses", evses(domain.stations().connectors(s.id())));
            return Reply.ok(out);
        });
        r.get("/api/v1/stations/{id}/variables", Role.VIEWER, q -> {
            Station s = station(q.path("id"));
            List<DeviceVariable> vars = q.query("component")
                    .map(c -> domain.repositories().deviceModel().component(s.id(), c))
                    .orElseGet(() -> domain.repositories().deviceModel().variables(s.id()));
            return Reply.ok(vars);
        });
        r.get("/api/v1/stations/{id}/notices", Role.VIEWER, q -> {
            Station s = station(q.path("id"));
            NoticeKind kind = q.enumQuery("kind", NoticeKind.class).orElse(null);
            return Reply.ok(domain.notices().find(s.id(), kind, q.instantQuery("since").orElse(java.time.Instant.EPOCH),
                    q.intQuery("limit", 100, 1, 1000)).stream().map(n -> {
                        JsonObject o = ApiJson.tree(n).getAsJsonObject();
                        o.add("payload", com.google.gson.JsonParser.parseString(n.payload()));
                        return o;
                    }).toList());
        });
        r.get("/api/v1/stations/{id}/commands", Role.VIEWER, q -> Reply.ok(domain.repositories().commands()
                .recent(station(q.path("id")).id(), q.intQuery("limit", 50, 1, 1000))));
        r.post("/api/v1/stations", Role.ADMIN, this::register);
        r.put("/api/v1/stations/{id}/registration", Role.ADMIN, q -> {
            Station s = station(q.path("id"));
            RegistrationStatus status = registrationStatus(q.body());
            domain.stations().setStatus(s.id(), status);
            return Reply.ok(summary(station(s.id())));
        });
    }

    /** Creates a station with its credentials (or replaces them) and the registration status it boots into. */
    private Reply register(ApiRequest q) {
        JsonObject body = q.body();
        String id = Fields.text(body, "id", MAX_STATION_ID);
        if (!id.matches("[A-Za-z0-9._\\-:*]+")) {
            throw ApiError.badInput("id", "id may hold letters, digits and . _ - : * only");
        }
        int profile = Fields.optionalInt(body, "securityProfile").orElse(2);
        if (profile < 1 || profile > 3) {
            throw ApiError.badInput("securityProfile", "securityProfile must be 1, 2 or 3");
        }
        Optional<String> password = Fields.optionalString(body, "password");
        if (profile < 3 && password.isEmpty()) {
            throw ApiError.badInput("password", "security profiles 1 and 2 need a Basic-auth password");
        }
        if (profile == 3 && password.isPresent()) {
            throw ApiError.badInput("password", "security profile 3 authenticates by client certificate, not password");
        }
        if (password.isPresent() && (password.get().length() < MIN_PASSWORD || password.get().length() > MAX_PASSWORD)) {
            throw ApiError.badInput("password", "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters (OCPP passwordString)");
        }
        RegistrationStatus status = body.has("registrationStatus") ? registrationStatus(body)
                : RegistrationStatus.ACCEPTED;
        boolean existed = domain.stations().find(id).isPresent();
        domain.repositories().stations().register(new StationSecret(id, profile,
                password.map(p -> PasswordHash.of(p).encoded())));
        domain.stations().setStatus(id, status);
        JsonObject out = summary(station(id));
        out.addProperty("securityProfile", profile);
        return existed ? Reply.ok(out) : Reply.created(out);
    }

    private static RegistrationStatus registrationStatus(JsonObject body) {
        String s = Fields.string(body, "registrationStatus");
        return switch (s) {
            case "Accepted" -> RegistrationStatus.ACCEPTED;
            case "Pending" -> RegistrationStatus.PENDING;
            case "Rejected" -> RegistrationStatus.REJECTED;
            default -> throw ApiError.badInput("registrationStatus", "registrationStatus must be Accepted, Pending "
                    + "or Rejected");
        };
    }

    private Station station(String id) {
        return domain.stations().find(id).orElseThrow(() -> ApiError.notFound("no station " + id));
    }

    static JsonObject summary(Station s) {
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id());
        o.addProperty("registrationStatus", wire(s.registrationStatus()));
        o.addProperty("online", s.online());
        o.addProperty("protocol", s.protocolVersion() == null ? null : s.protocolVersion().subprotocol());
        o.addProperty("lastSeen", s.lastSeen() == null ? null : s.lastSeen().toString());
        o.addProperty("lastBootAt", s.lastBootAt() == null ? null : s.lastBootAt().toString());
        o.addProperty("vendor", s.vendor());
        o.addProperty("model", s.model());
        o.addProperty("serialNumber", s.serialNumber());
        o.addProperty("firmwareVersion", s.firmwareVersion());
        return o;
    }

    private static String wire(RegistrationStatus s) {
        return switch (s) {
            case NEW -> "New";
            case PENDING -> "Pending";
            case ACCEPTED -> "Accepted";
            case REJECTED -> "Rejected";
        };
    }

    private static JsonArray evses(List<ConnectorState> connectors) {
        Map<Integer, JsonArray> byEvse = new TreeMap<>();
        for (ConnectorState c : connectors) {
            JsonObject o = new JsonObject();
            o.addProperty("id", c.connectorId());
            o.add("status", ApiJson.tree(c.status()));
            o.addProperty("reportedAt", c.reportedAt() == null ? null : c.reportedAt().toString());
            byEvse.computeIfAbsent(c.evseId(), k -> new JsonArray()).add(o);
        }
        JsonArray out = new JsonArray();
        byEvse.forEach((evse, list) -> {
            JsonObject e = new JsonObject();
            e.addProperty("id", evse);
            e.add("connectors", list);
            out.add(e);
        });
        return out;
    }
}
