package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/** C Authorization: token statuses, auth cache, ClearCache, GroupId, master pass, ISO 15118 contracts. */
class AuthorizationTest extends CsmsCase {

    private String authorize(ScriptedStation s, String idToken) {
        return Json.str(s.call("Authorize", Messages.authorize(idToken, "ISO14443")), "idTokenInfo.status");
    }

    @Test
    void TC_C_02_CSMS() {
        ScriptedStation s = booted();
        String status = authorize(s, "UNKNOWN" + UUID.randomUUID().toString().substring(0, 8));
        assertTrue(Set.of("Invalid", "Unknown").contains(status), "an unknown idToken is Invalid or Unknown, got "
                + status);
    }

    @Test
    void TC_C_06_CSMS() {
        ScriptedStation s = booted();
        assertEquals("Blocked", authorize(s, token("Blocked", null)));
    }

    /** Expired: a token whose expiry lies in the past. */
    @Test
    void TC_C_07_CSMS() {
        ScriptedStation s = booted();
        String id = "EXP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        api.putToken("ISO14443", id, Json.obj("status", "Accepted", "expiresAt", "2020-01-01T00:00:00Z"));
        assertEquals("Expired", authorize(s, id));
    }

    /** Auth cache: the station authorized a token (cached) and starts with it; the CSMS confirms Accepted. */
    @Test
    void TC_C_08_CSMS() {
        ScriptedStation s = booted();
        String id = acceptedToken();
        assertEquals("Accepted", authorize(s, id));
        Transaction tx = new Transaction(1);
        JsonObject answer = s.call("TransactionEvent", Transaction.withIdToken(tx.started("Authorized", "Charging"),
                id, "ISO14443"));
        assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
    }

    /** Auth cache holds a token that is no longer valid: the CSMS answers the transaction's idToken not Accepted. */
    @Test
    void TC_C_20_CSMS() {
        ScriptedStation s = booted();
        String id = token("Blocked", null);
        Transaction tx = new Transaction(1);
        JsonObject started = Transaction.withIdToken(tx.started("Authorized", "Charging"), id, "ISO14443");
        started.addProperty("offline", true);
        JsonObject answer = s.call("TransactionEvent", started);
        assertNotEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
        s.call("TransactionEvent", tx.ended("Deauthorized", "EVConnected", "DeAuthorized"));
    }

    @Test
    void TC_C_37_CSMS() {
        operatorStatus(booted(), "ClearCache", new JsonObject(), any(), "", "Accepted");
    }

    @Test
    void TC_C_38_CSMS() {
        operatorStatus(booted(), "ClearCache", new JsonObject(), any(), "", "Rejected");
    }

    /** GroupId: the CSMS answers the token's group in groupIdToken. */
    @Test
    void TC_C_39_CSMS() {
        ScriptedStation s = booted();
        String group = "GRP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String a = token("Accepted", group);
        JsonObject answer = s.call("Authorize", Messages.authorize(a, "ISO14443"));
        assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
        assertEquals(group, Json.str(answer, "idTokenInfo.groupIdToken.idToken"));
        // A second token of the same group stops the first one's transaction (GroupId match, done by the station).
        Transaction tx = new Transaction(1);
        s.call("TransactionEvent", Transaction.withIdToken(tx.started("Authorized", "Charging"), a, "ISO14443"));
        String b = token("Accepted", group);
        JsonObject second = s.call("Authorize", Messages.authorize(b, "ISO14443"));
        assertEquals(group, Json.str(second, "idTokenInfo.groupIdToken.idToken"));
        JsonObject ended = s.call("TransactionEvent", Transaction.withIdToken(tx.ended("StopAuthorized",
                "EVConnected", "Local"), b, "ISO14443"));
        assertEquals("Accepted", Json.str(ended, "idTokenInfo.status"));
    }

    private JsonObject listEntry(String idToken, String status, String group) {
        JsonObject info = Json.obj("status", status);
        if (group != null) {
            info.add("groupIdToken", Messages.idToken(group, "Central"));
        }
        return Json.obj("idToken", Messages.idToken(idToken, "ISO14443"), "idTokenInfo", info);
    }

    /** GroupId with a local list: the CSMS sends a list whose entries carry the group; tokens answer it too. */
    @Test
    void TC_C_40_CSMS() {
        ScriptedStation s = booted();
        String group = "GRP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String a = token("Accepted", group);
        Exchange e = operatorStatus(s, "SendLocalList", Json.obj("versionNumber", 40, "updateType", "Full",
                "localAuthorizationList", Json.arr(listEntry(a, "Accepted", group))), field("updateType", "Full"),
                "updateType Full", "Accepted");
        assertEquals(group, Json.str(e.payload(), "localAuthorizationList.0.idTokenInfo.groupIdToken.idToken"));
        JsonObject answer = s.call("Authorize", Messages.authorize(a, "ISO14443"));
        assertEquals(group, Json.str(answer, "idTokenInfo.groupIdToken.idToken"));
    }

    @Test
    void TC_C_43_CSMS() {
        ScriptedStation s = booted();
        String group = "GRP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String blocked = token("Blocked", group);
        operatorStatus(s, "SendLocalList", Json.obj("versionNumber", 43, "updateType", "Full",
                "localAuthorizationList", Json.arr(listEntry(blocked, "Blocked", group))), any(), "", "Accepted");
        assertEquals("Blocked", authorize(s, blocked));
    }

    /** A master-pass token: Accepted with the MasterPassGroupId as group; it stops transactions (MasterPass). */
    private void masterPass(int transactions) {
        ScriptedStation s = booted();
        String masterGroup = "MASTERPASS";
        String pass = token("Accepted", masterGroup);
        Transaction[] txs = new Transaction[transactions];
        for (int i = 0; i < transactions; i++) {
            txs[i] = new Transaction(i + 1);
            s.call("TransactionEvent", Transaction.withIdToken(txs[i].started("Authorized", "Charging"),
                    acceptedToken(), "ISO14443"));
        }
        JsonObject answer = s.call("Authorize", Messages.authorize(pass, "ISO14443"));
        assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
        assertEquals(masterGroup, Json.str(answer, "idTokenInfo.groupIdToken.idToken"));
        for (Transaction tx : txs) {
            JsonObject ended = s.call("TransactionEvent", Transaction.withIdToken(tx.ended("StopAuthorized",
                    "EVConnected", "MasterPass"), pass, "ISO14443"));
            assertEquals("Accepted", Json.str(ended, "idTokenInfo.status"));
            assertEquals("ENDED", Json.str(api.get("/api/v1/stations/" + s.id() + "/transactions/" + tx.id())
                    .expect(200, "transaction").object(), "state"));
        }
    }

    @Test
    void TC_C_47_CSMS() {
        masterPass(2);
    }

    @Test
    void TC_C_48_CSMS() {
        masterPass(1);
    }

    @Test
    void TC_C_49_CSMS() {
        masterPass(1);
    }

    /** ISO 15118 contract (eMAID) validated locally by the station; the CSMS authorizes the eMAID. */
    @Test
    void TC_C_50_CSMS() {
        ScriptedStation s = booted();
        String emaid = "NLV2G" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        api.putToken("eMAID", emaid, Json.obj("status", "Accepted"));
        JsonObject answer = s.call("Authorize", Json.obj("idToken", Messages.idToken(emaid, "eMAID"),
                "iso15118CertificateHashData", Json.arr(Json.obj("hashAlgorithm", "SHA256", "issuerNameHash",
                        "a1b2c3", "issuerKeyHash", "d4e5f6", "serialNumber", "0a1b", "responderURL",
                        "http://ocsp.example.com"))));
        assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
    }

    @Test
    void TC_C_51_CSMS() {
        ScriptedStation s = booted();
        String emaid = "NLV2GUNKNOWN" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        JsonObject answer = s.call("Authorize", Json.obj("idToken", Messages.idToken(emaid, "eMAID")));
        assertNotEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
    }

    /** Central contract validation: the station passes the contract certificate; the CSMS reports its status. */
    @Test
    void TC_C_52_CSMS() {
        ScriptedStation s = booted();
        String emaid = "NLV2G" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        api.putToken("eMAID", emaid, Json.obj("status", "Accepted"));
        JsonObject answer = s.call("Authorize", Json.obj("idToken", Messages.idToken(emaid, "eMAID"),
                "certificate", Certificates.CONTRACT_PEM));
        assertEquals("Accepted", Json.str(answer, "idTokenInfo.status"));
        assertTrue(Json.has(answer, "certificateStatus"), "central validation answers a certificateStatus");
    }
}
