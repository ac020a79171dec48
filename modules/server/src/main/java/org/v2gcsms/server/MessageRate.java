package org.v2gcsms.server;

import java.util.function.LongSupplier;

/**
 * A per-connection token bucket. Each inbound message takes a token; a message without one is
 * refused. Refusals in a row (or a full inbox) count as strikes; enough strikes close the connection.
 * Used from the connection's event loop only.
 */
final class MessageRate {
    enum Verdict { ALLOW, REFUSE, CLOSE }

    private final double tokensPerNano;
    private final int burst;
    private final int strikesBeforeClose;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;
    private int strikes;

    MessageRate(ServerConfig.RateLimit limit, LongSupplier nanoClock) {
        this.tokensPerNano = limit.messagesPerSecond() / 1e9;
        this.burst = limit.burst();
        this.strikesBeforeClose = limit.refusalsBeforeClose();
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
    }

    Verdict onMessage() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            strikes = 0;
            return Verdict.ALLOW;
        }
        return strike();
    }

    /** Records a refusal for another reason (a full inbox). */
    Verdict strike() {
        strikes++;
        return strikes >= strikesBeforeClose ? Verdict.CLOSE : Verdict.REFUSE;
    }

    /** True for the first refusal of a streak, so a flood is logged once, not per message. */
    boolean firstStrike() {
        return strikes == 1;
    }
}
