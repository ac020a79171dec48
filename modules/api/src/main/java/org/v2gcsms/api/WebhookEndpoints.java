package org.v2gcsms.api;

import com.google.gson.JsonObject;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.v2gcsms.sessions.backoffice.Webhook;
import org.v2gcsms.sessions.backoffice.WebhookRepository;
import org.v2gcsms.sessions.outbound.OutboundUrls;

/** Webhooks: register (the signing secret is returned once), list, delete, and each one's delivery log. */
final class WebhookEndpoints implements EndpointGroup {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository repository;
    private final Webhooks webhooks;
    private final Clock clock;

    WebhookEndpoints(WebhookRepository repository, Webhooks webhooks, Clock clock) {
        this.repository = repository;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/webhooks", Role.ADMIN, q -> Reply.ok(repository.all().stream().map(w -> json(w, false))
                .toList()));
        r.post("/api/v1/webhooks", Role.ADMIN, q -> {
            JsonObject body = q.body();
            String url = Fields.text(body, "url", 2000);
            try {
                webhooks.targets().check(url);
            } catch (OutboundUrls.Refused e) {
                throw ApiError.badInput("url", e.getMessage());
            } catch (UnknownHostException e) {
                throw ApiError.badInput("url", "url's host does not resolve, so it cannot be checked: "
                        + e.getMessage());
            }
            String secret = Fields.optionalString(body, "secret").orElseGet(WebhookEndpoints::newSecret);
            if (secret.length() < 16 || secret.length() > 200) {
                throw ApiError.badInput("secret", "secret must be 16 to 200 characters");
            }
            Webhook w = new Webhook(UUID.randomUUID().toString(), url, secret, Fields.strings(body, "eventTypes"),
                    clock.instant());
            repository.save(w);
            webhooks.reload();
            return Reply.created(json(w, true));
        });
        r.delete("/api/v1/webhooks/{webhookId}", Role.ADMIN, q -> {
            if (!repository.delete(q.path("webhookId"), clock.instant())) {
                throw ApiError.notFound("no webhook " + q.path("webhookId"));
            }
            webhooks.reload();
            return Reply.noContent();
        });
        r.get("/api/v1/webhooks/{webhookId}/deliveries", Role.ADMIN, q -> {
            String id = q.path("webhookId");
            if (repository.find(id).isEmpty()) {
                throw ApiError.notFound("no webhook " + id);
            }
            return Reply.ok(repository.deliveries(id, q.intQuery("limit", 100, 1, 1000)));
        });
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static JsonObject json(Webhook w, boolean withSecret) {
        JsonObject o = new JsonObject();
        o.addProperty("id", w.id());
        o.addProperty("url", w.url());
        o.add("eventTypes", ApiJson.tree(w.eventTypes()));
        o.addProperty("createdAt", w.createdAt().toString());
        if (withSecret) {
            o.addProperty("secret", w.secret());
        }
        return o;
    }
}
