package org.v2gcsms.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.ocpp.v21.IdTokenInfoType;
import org.v2gcsms.ocpp.v21.TransactionEventResponse;

class MessageVersionsTest {

    @Test
    void aV201TransactionEventBecomesItsV21RecordWithEveryField() {
        var v201 = new org.v2gcsms.ocpp.v201.TransactionEventRequest(
                org.v2gcsms.ocpp.v201.TransactionEventEnumType.Updated, Instant.parse("2026-11-21T10:00:00Z"),
                org.v2gcsms.ocpp.v201.TriggerReasonEnumType.MeterValuePeriodic, 7,
                new org.v2gcsms.ocpp.v201.TransactionType(null, "TX-1",
                        org.v2gcsms.ocpp.v201.ChargingStateEnumType.SuspendedEV, 120, null, 5));
        var v21 = assertInstanceOf(org.v2gcsms.ocpp.v21.TransactionEventRequest.class, MessageVersions.toV21(v201));

        assertEquals(7, v21.seqNo());
        assertEquals("TX-1", v21.transactionInfo().transactionId());
        assertEquals(org.v2gcsms.ocpp.v21.ChargingStateEnumType.SuspendedEV, v21.transactionInfo().chargingState());
        assertEquals(5, v21.transactionInfo().remoteStartId());
        assertEquals("TransactionEvent", MessageVersions.actionOf(v201));
    }

    @Test
    void aV21ResponseGoesBackAsV201DroppingWhat201LacksAndARequestOnlyIn21IsRefused() {
        var v21 = new TransactionEventResponse(1.5, null, new IdTokenInfoType(AuthorizationStatusEnumType.Blocked,
                null, null, null, null, null, List.of(1), null, null), null, null, null, null);
        var v201 = assertInstanceOf(org.v2gcsms.ocpp.v201.TransactionEventResponse.class,
                MessageVersions.to(OcppVersion.V201, v21));
        assertEquals(org.v2gcsms.ocpp.v201.AuthorizationStatusEnumType.Blocked, v201.idTokenInfo().status());
        assertEquals(1.5, v201.totalCost());

        var onlyIn21 = new org.v2gcsms.ocpp.v21.ClearDERControlRequest(true, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> MessageVersions.to(OcppVersion.V201, onlyIn21));
    }
}
