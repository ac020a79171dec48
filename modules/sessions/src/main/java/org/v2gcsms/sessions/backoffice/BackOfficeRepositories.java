package org.v2gcsms.sessions.backoffice;

import java.util.Objects;

/** What the back-office API keeps: its keys, the audit trail of writes, webhooks and their deliveries. */
public record BackOfficeRepositories(ApiKeyRepository apiKeys, AuditRepository audit, WebhookRepository webhooks) {
    public BackOfficeRepositories {
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(webhooks, "webhooks");
    }
}
