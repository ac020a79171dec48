package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/** H Reservation: reserve (EVSE, any, connector type), cancel, expiry, use, station-side removal. */
class ReservationTest extends CsmsCase {

    private JsonObject reserve(int id, String token, Integer evseId, String connectorType, String group) {
        JsonObject r = Json.obj("id", id, "expiryDateTime", Instant.now().plusSeconds(1800).truncatedTo(
                ChronoUnit.SECONDS).toString(), "idToken", Messages.idToken(token, "ISO14443"));
        if (evseId != null) {
            r.addProperty("evseId", evseId);
        }
        if (connectorType != null) {
            r.addProperty("connectorType", connectorType);
        }
        if (group != null) {
            r.add("groupIdToken", Messages.idToken(group, "Central"));
        }
        return r;
    }

    private Exchange reserved(ScriptedStation s, JsonObject request, Predicate<JsonObject> condition, String what,
                              String answer) {
        return operatorStatus(s, "ReserveNow", request, condition, what, answer);
    }

    private void statusUpdate(ScriptedStation s, int reservationId, String status) {
        assertEquals(new JsonObject(), s.call("ReservationStatusUpdate", Json.obj("reservationId", reservationId,
                "reservationUpdateStatus", status)));
    }

    /** Reserved EVSE 1, then used by the same token: the transaction carries the reservationId. */
    @Test
    void TC_H_01_CSMS() {
        ScriptedStation s = booted();
        String token = acceptedToken();
        reserved(s, reserve(1, token, 1, null, null), field("evseId", 1), "evseId 1", "Accepted");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Reserved"));
        Transaction tx = new Transaction(1);
        JsonObject started = Transaction.withIdToken(tx.started("Authorized", "Charging"), token, "ISO14443");
        started.addProperty("reservationId", 1);
        assertEquals("Accepted", Json.str(s.call("TransactionEvent", started), "idTokenInfo.status"));
    }

    @Test
    void TC_H_07_CSMS() {
        ScriptedStation s = booted();
        reserved(s, reserve(7, acceptedToken(), 1, null, null), any(), "", "Accepted");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Reserved"));
        statusUpdate(s, 7, "Expired");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
        String notices = api.get("/api/v1/stations/" + s.id() + "/notices?kind=RESERVATION_STATUS").expect(200,
                "notices").body().toString();
        assertEquals(true, notices.contains("Expired"), "the CSMS keeps the reservation's end: " + notices);
    }

    @Test
    void TC_H_08_CSMS() {
        reserved(booted(), reserve(8, acceptedToken(), null, null, null), p -> !Json.has(p, "evseId"), "no evseId",
                "Accepted");
    }

    @Test
    void TC_H_14_CSMS() {
        ScriptedStation s = booted();
        reserved(s, reserve(14, acceptedToken(), null, null, null), any(), "", "Accepted");
        reserved(s, reserve(15, acceptedToken(), null, null, null), any(), "", "Occupied");
    }

    @Test
    void TC_H_15_CSMS() {
        reserved(booted(), reserve(15, acceptedToken(), null, "cType2", null), field("connectorType", "cType2"),
                "connectorType cType2", "Accepted");
    }

    @Test
    void TC_H_17_CSMS() {
        ScriptedStation s = booted();
        reserved(s, reserve(17, acceptedToken(), 1, null, null), any(), "", "Accepted");
        operatorStatus(s, "CancelReservation", Json.obj("reservationId", 17), field("reservationId", 17),
                "reservationId 17", "Accepted");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Available"));
    }

    /** A reservation with a group: another token of that group uses it. */
    @Test
    void TC_H_19_CSMS() {
        ScriptedStation s = booted();
        String group = "GRP-H19-" + s.id().substring(s.id().length() - 4);
        String owner = token("Accepted", group);
        reserved(s, reserve(19, owner, 1, null, group), p -> Json.has(p, "groupIdToken"), "a groupIdToken",
                "Accepted");
        String member = token("Accepted", group);
        JsonObject answer = s.call("Authorize", Messages.authorize(member, "ISO14443"));
        assertEquals(group, Json.str(answer, "idTokenInfo.groupIdToken.idToken"));
        Transaction tx = new Transaction(1);
        JsonObject started = Transaction.withIdToken(tx.started("Authorized", "Charging"), member, "ISO14443");
        started.addProperty("reservationId", 19);
        assertEquals("Accepted", Json.str(s.call("TransactionEvent", started), "idTokenInfo.status"));
    }

    @Test
    void TC_H_20_CSMS() {
        ScriptedStation s = booted();
        reserved(s, reserve(20, acceptedToken(), 1, null, null), any(), "", "Accepted");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Faulted"));
        statusUpdate(s, 20, "Removed");
    }

    @Test
    void TC_H_22_CSMS() {
        reserved(booted(), reserve(22, acceptedToken(), 1, null, null), any(), "", "Rejected");
    }
}
