package org.v2gcsms.api;

import java.time.Duration;
import java.util.Objects;
import org.v2gcsms.sessions.outbound.OutboundUrls;

/**
 * How webhook deliveries are retried: the n-th retry waits {@code firstRetry * 2^(n-1)}, at most
 * {@code maxDelay}; after {@code maxAttempts} failed attempts the delivery is FAILED. {@code requestTimeout}
 * bounds one attempt. {@code allowPrivateTargets}: webhooks may call loopback, private, link-local and other
 * non-public addresses (off by default: see {@link OutboundUrls}).
 */
public record WebhookPolicy(Duration firstRetry, Duration maxDelay, int maxAttempts, Duration requestTimeout,
                            boolean allowPrivateTargets) {
    public WebhookPolicy {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** 10 s, 20 s, 40 s ... capped at 1 h; 12 attempts (about 9 hours in all); public targets only. */
    public static WebhookPolicy defaults() {
        return new WebhookPolicy(Duration.ofSeconds(10), Duration.ofHours(1), 12, Duration.ofSeconds(10), false);
    }

    /** This policy, with private targets allowed or not ({@code webhook-allow-private}). */
    public WebhookPolicy allowingPrivateTargets(boolean allow) {
        return new WebhookPolicy(firstRetry, maxDelay, maxAttempts, requestTimeout, allow);
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration delayAfter(int attempts) {
        long factor = 1L << Math.min(30, attempts - 1);
        Duration d = firstRetry.multipliedBy(factor);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
