package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MessageRateTest {
    private final AtomicLong now = new AtomicLong();
    private final MessageRate rate = new MessageRate(new ServerConfig.RateLimit(2, 3, 4), now::get);

    @Test
    void burstThenRefusalsThenCloseAfterEnoughStrikes() {
        for (int i = 0; i < 3; i++) {
            assertEquals(MessageRate.Verdict.ALLOW, rate.onMessage());
        }
        assertEquals(MessageRate.Verdict.REFUSE, rate.onMessage());
        assertEquals(MessageRate.Verdict.REFUSE, rate.onMessage());
        assertEquals(MessageRate.Verdict.REFUSE, rate.onMessage());
        assertEquals(MessageRate.Verdict.CLOSE, rate.onMessage());
    }

    @Test
    void tokensRefillAtTheSustainedRateAndAnAllowedMessageClearsStrikes() {
        for (int i = 0; i < 3; i++) {
            rate.onMessage();
        }
        assertEquals(MessageRate.Verdict.REFUSE, rate.onMessage());
        assertEquals(MessageRate.Verdict.REFUSE, rate.strike());
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500)); // 2 per second: one token back
        assertEquals(MessageRate.Verdict.ALLOW, rate.onMessage());
        assertEquals(MessageRate.Verdict.REFUSE, rate.onMessage());
        assertEquals(MessageRate.Verdict.REFUSE, rate.onMessage());
        assertEquals(MessageRate.Verdict.REFUSE, rate.onMessage());
        assertEquals(MessageRate.Verdict.CLOSE, rate.onMessage());
    }
}
