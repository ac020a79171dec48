package org.v2gcsms.server;

import java.time.Duration;

/** The station did not answer within the call timeout. A reply arriving later is dropped. */
public final class CallTimeoutException extends CallFailedException {
    public CallTimeoutException(String stationId, String action, Duration timeout) {
        super(stationId, action, action + " to " + stationId + " got no answer within " + timeout, null);
    }
}
