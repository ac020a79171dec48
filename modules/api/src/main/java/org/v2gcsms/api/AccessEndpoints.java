package org.v2gcsms.api;

import com.google.gson.JsonObject;
import org.v2gcsms.sessions.backoffice.ApiKeyRecord;
import org.v2gcsms.sessions.backoffice.ApiKeyRepository;
import org.v2gcsms.sessions.backoffice.AuditRepository;

/** API keys (issue, list, revoke) and the audit trail of writes; admin only. */
final class AccessEndpoints implements EndpointGroup {
    private final ApiKeys keys;
    private final ApiKeyRepository repository;
    private final AuditRepository audit;
    private final java.time.Clock clock;

    AccessEndpoints(ApiKeys keys, ApiKeyRepository repository, AuditRepository audit, java.time.Clock clock) {
        this.keys = keys;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/keys", Role.ADMIN, q -> Reply.ok(repository.all().stream().map(AccessEndpoints::json).toList()));
        r.post("/api/v1/keys", Role.ADMIN, q -> {
            JsonObject body = q.body();
            String name = Fields.text(body, "name", 200);
            Role role = Role.parse(Fields.string(body, "role")).orElseThrow(() ->
                    ApiError.badInput("role", "role must be viewer, operator or admin"));
            ApiKeys.Issued issued = keys.issue(name, role, q.caller().name());
            JsonObject out = json(issued.record());
            out.addProperty("key", issued.key());
            return Reply.created(out);
        });
        r.delete("/api/v1/keys/{keyId}", Role.ADMIN, q -> {
            String id = q.path("keyId");
            if (repository.find(id).isEmpty()) {
                throw ApiError.notFound("no API key " + id);
            }
            repository.revoke(id, clock.instant());
            return Reply.ok(json(repository.find(id).orElseThrow()));
        });
        r.get("/api/v1/audit", Role.ADMIN, q -> Reply.ok(audit.find(q.query("actor").orElse(null),
                q.instantQuery("since").orElse(null), q.intQuery("limit", 100, 1, 1000))));
    }

    private static JsonObject json(ApiKeyRecord k) {
        JsonObject o = new JsonObject();
        o.addProperty("id", k.id());
        o.addProperty("name", k.name());
        o.addProperty("role", k.role());
        o.addProperty("createdAt", k.createdAt().toString());
        o.addProperty("createdBy", k.createdBy());
        o.addProperty("revokedAt", k.revokedAt() == null ? null : k.revokedAt().toString());
        return o;
    }
}
