package org.v2gcsms.api;

import com.google.gson.JsonObject;
import java.util.Set;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.auth.TokenRepository;

/** Id tokens: status, expiry and group, by (type, idToken). */
final class TokenEndpoints implements EndpointGroup {
    /** OCPP 2.1 IdTokenType.type values (2.0.1's enum names plus the open string set of 2.1). */
    private static final Set<String> TYPES = Set.of("Central", "DirectPayment", "eMAID", "EVCCID", "ISO14443",
            "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization", "VIN");

    private final TokenRepository tokens;

    TokenEndpoints(TokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/tokens", Role.VIEWER, q -> Reply.ok(tokens.all().stream()
                .filter(t -> q.query("groupId").map(g -> g.equals(t.groupId())).orElse(true))
                .map(TokenEndpoints::json).toList()));
        r.get("/api/v1/tokens/{type}/{idToken}", Role.VIEWER, q -> Reply.ok(json(find(q))));
        r.put("/api/v1/tokens/{type}/{idToken}", Role.ADMIN, q -> {
            String type = type(q);
            String idToken = idToken(q);
            JsonObject body = q.body();
            String statusText = Fields.optionalString(body, "status").orElse("Accepted");
            AuthorizationStatusEnumType status;
            try {
                status = WireEnums.parse(AuthorizationStatusEnumType.class, statusText);
            } catch (IllegalArgumentException e) {
                throw ApiError.badInput("status", "status must be an OCPP AuthorizationStatus (Accepted, Blocked, "
                        + "Expired, Invalid, ...)");
            }
            String group = Fields.optionalString(body, "groupId").orElse(null);
            if (group != null && (group.isEmpty() || group.length() > 255)) {
                throw ApiError.badInput("groupId", "groupId must be 1 to 255 characters");
            }
            boolean existed = tokens.find(idToken, type).isPresent();
            TokenRecord t = new TokenRecord(idToken, type, status, Fields.optionalInstant(body, "expiresAt").orElse(null),
                    group);
            tokens.save(t);
            return existed ? Reply.ok(json(t)) : Reply.created(json(t));
        });
        r.delete("/api/v1/tokens/{type}/{idToken}", Role.ADMIN, q -> {
            TokenRecord t = find(q);
            tokens.delete(t.idToken(), t.type());
            return Reply.noContent();
        });
    }

    private TokenRecord find(ApiRequest q) {
        String type = type(q);
        String idToken = idToken(q);
        return tokens.find(idToken, type).orElseThrow(() -> ApiError.notFound("no id token " + type + "/" + idToken));
    }

    private static String type(ApiRequest q) {
        String type = q.path("type");
        if (!TYPES.contains(type)) {
            throw new ApiError(400, "type must be one of " + TYPES, "type");
        }
        return type;
    }

    private static String idToken(ApiRequest q) {
        String id = q.path("idToken");
        if (id.length() > 255) {
            throw new ApiError(400, "idToken must be at most 255 characters", "idToken");
        }
        return id;
    }

    static JsonObject json(TokenRecord t) {
        JsonObject o = new JsonObject();
        o.addProperty("idToken", t.idToken());
        o.addProperty("type", t.type());
        o.addProperty("status", WireEnums.wire(t.status()));
        o.addProperty("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
        o.addProperty("groupId", t.groupId());
        return o;
    }
}
