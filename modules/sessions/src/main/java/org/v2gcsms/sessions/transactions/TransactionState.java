package org.v2gcsms.sessions.transactions;

/**
 * OPEN until the station's Ended event arrives (ENDED). CLOSED_BY_CSMS: the CSMS gave up waiting under the
 * stale-transaction policy; a late Ended still moves it to ENDED (the flag {@link Transaction#closedByCsms()}
 * stays, so settlement can see it happened).
 */
public enum TransactionState {
    OPEN,
    ENDED,
    CLOSED_BY_CSMS
}
