package org.v2gcsms.sessions.transactions;

import org.v2gcsms.ocpp.v21.TransactionEventEnumType;

public enum EventType {
    STARTED,
    UPDATED,
    ENDED;

    static EventType of(TransactionEventEnumType wire) {
        return switch (wire) {
            case Started -> STARTED;
            case Updated -> UPDATED;
            case Ended -> ENDED;
        };
    }
}
