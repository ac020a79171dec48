package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.Transaction;

/**
 * L Firmware: secure UpdateFirmware (signed, with the signing certificate) triggered by the operator, the
 * station's FirmwareStatusNotifications acknowledged and kept (API notices); publish and unpublish.
 */
class FirmwareTest extends CsmsCase {
    private static final String SIGNATURE = "MEUCIQDQh0bl7cL5gG2xMzfLh5sPZPy0T3kQ0aH1Y8hFSV1ZsAIgUY6H9YpV/5Q==";

    private static JsonObject update(int requestId, Instant install) {
        JsonObject firmware = Json.obj("location", "https://firmware.example.com/v2.bin", "retrieveDateTime",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), "signingCertificate", Certificates.ROOT_PEM,
                "signature", SIGNATURE);
        if (install != null) {
            firmware.addProperty("installDateTime", install.toString());
        }
        return Json.obj("requestId", requestId, "firmware", firmware, "retries", 1, "retryInterval", 30);
    }

    private static boolean secure(JsonObject p) {
        return Json.has(p, "firmware.signingCertificate") && Json.has(p, "firmware.signature")
                && Json.has(p, "firmware.location");
    }

    /** The operator orders the update; the station answers {@code answer}; returns the requestId sent. */
    private int order(ScriptedStation s, String answer, Instant install) {
        Exchange e = operatorStatus(s, "UpdateFirmware", update(20 + (int) (Math.random() * 1000), install),
                FirmwareTest::secure, "location, signingCertificate and signature", answer);
        return Json.integer(e.payload(), "requestId");
    }

    private void statuses(ScriptedStation s, int requestId, String... statuses) {
        for (String status : statuses) {
            assertEquals(new JsonObject(), s.call("FirmwareStatusNotification", Json.obj("status", status,
                    "requestId", requestId)), "FirmwareStatusNotification " + status);
        }
    }

    /** The last firmware status the CSMS kept for the station equals {@code status}. */
    private void lastStatusIs(ScriptedStation s, String status) {
        var notices = api.get("/api/v1/stations/" + s.id() + "/notices?kind=FIRMWARE_STATUS").expect(200, "notices")
                .body().getAsJsonArray();
        assertTrue(notices.size() > 0, "the CSMS keeps firmware status notifications");
        assertTrue(notices.toString().contains("\"" + status + "\""), "a kept firmware status is " + status + ": "
                + notices);
    }

    @Test
    void TC_L_01_CSMS() {
        ScriptedStation s = booted();
        int id = order(s, "Accepted", null);
        statuses(s, id, "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallRebooting");
        s = reconnect(s);
        assertEquals("Accepted", Json.str(s.call("BootNotification", Messages.boot("FirmwareUpdate")), "status"));
        statuses(s, id, "Installed");
        lastStatusIs(s, "Installed");
    }

    @Test
    void TC_L_02_CSMS() {
        ScriptedStation s = booted();
        int id = order(s, "Accepted", Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS));
        statuses(s, id, "Downloading", "Downloaded", "SignatureVerified", "InstallScheduled");
        lastStatusIs(s, "InstallScheduled");
    }

    @Test
    void TC_L_03_CSMS() {
        ScriptedStation s = booted();
        int id = order(s, "Accepted", null);
        statuses(s, id, "DownloadScheduled", "Downloading", "Downloaded", "SignatureVerified", "Installing",
                "Installed");
        lastStatusIs(s, "DownloadScheduled");
    }

    @Test
    void TC_L_04_CSMS() {
        order(booted(), "RevokedCertificate", null);
    }

    @Test
    void TC_L_05_CSMS() {
        ScriptedStation s = booted();
        order(s, "InvalidCertificate", null);
        assertEquals(new JsonObject(), s.call("SecurityEventNotification", Json.obj("type",
                "InvalidFirmwareSigningCertificate", "timestamp", Messages.now())));
    }

    @Test
    void TC_L_06_CSMS() {
        ScriptedStation s = booted();
        int id = order(s, "Accepted", null);
        statuses(s, id, "Downloading", "Downloaded", "InvalidSignature");
        s.call("SecurityEventNotification", Json.obj("type", "InvalidFirmwareSignature", "timestamp", Messages.now()));
        lastStatusIs(s, "InvalidSignature");
    }

    @Test
    void TC_L_07_CSMS() {
        ScriptedStation s = booted();
        int id = order(s, "Accepted", null);
        statuses(s, id, "Downloading", "DownloadFailed");
        lastStatusIs(s, "DownloadFailed");
    }

    @Test
    void TC_L_08_CSMS() {
        ScriptedStation s = booted();
        int id = order(s, "Accepted", null);
        statuses(s, id, "Downloading", "Downloaded", "SignatureVerified", "InstallVerificationFailed");
        lastStatusIs(s, "InstallVerificationFailed");
    }

    @Test
    void TC_L_09_CSMS() {
        ScriptedStation s = booted();
        int id = order(s, "Accepted", null);
        statuses(s, id, "Downloading", "Downloaded", "SignatureVerified", "Installing", "InstallationFailed");
        lastStatusIs(s, "InstallationFailed");
    }

    /** A second update while the first downloads: the station cancels the first (AcceptedCanceled). */
    @Test
    void TC_L_10_CSMS() {
        ScriptedStation s = booted();
        int first = order(s, "Accepted", null);
        statuses(s, first, "Downloading");
        int second = order(s, "AcceptedCanceled", null);
        statuses(s, second, "Downloading", "Downloaded", "SignatureVerified", "Installing", "Installed");
    }

    @Test
    void TC_L_11_CSMS() {
        ScriptedStation s = booted();
        int first = order(s, "Accepted", null);
        statuses(s, first, "Downloading");
        order(s, "Rejected", null);
        statuses(s, first, "Downloaded");
    }

    /** A transaction runs; the station waits for it to end (AllowNewSessionsPendingFirmwareUpdate=false). */
    @Test
    void TC_L_13_CSMS() {
        ScriptedStation s = booted();
        Transaction tx = charging(s);
        int id = order(s, "Accepted", null);
        statuses(s, id, "Downloading", "Downloaded", "SignatureVerified");
        s.call("StatusNotification", Messages.statusNotification(1, 1, "Occupied"));
        s.call("TransactionEvent", tx.ended("StopAuthorized", "EVConnected", "Local"));
        statuses(s, id, "Installing", "Installed");
        lastStatusIs(s, "Installed");
    }

    private static JsonObject publish() {
        return Json.obj("location", "https://firmware.example.com/v2.bin", "checksum",
                "0123456789abcdef0123456789abcdef", "requestId", 17);
    }

    private void published(String... statuses) {
        ScriptedStation s = booted();
        operatorStatus(s, "PublishFirmware", publish(), p -> Json.has(p, "checksum"), "location and checksum",
                "Accepted");
        for (String status : statuses) {
            JsonObject n = Json.obj("status", status, "requestId", 17);
            if (status.equals("Published")) {
                n.add("location", Json.arr("http://lc.local/firmware/v2.bin"));
            }
            assertEquals(new JsonObject(), s.call("PublishFirmwareStatusNotification", n));
        }
    }

    @Test
    void TC_L_17_CSMS() {
        published("Downloading", "Downloaded", "ChecksumVerified", "Published");
    }

    @Test
    void TC_L_19_CSMS() {
        published("Downloading", "Downloaded", "InvalidChecksum");
    }

    @Test
    void TC_L_20_CSMS() {
        published("Downloading", "Downloaded", "ChecksumVerified", "PublishFailed");
    }

    @Test
    void TC_L_24_CSMS() {
        published("Downloading", "DownloadFailed");
    }

    private void unpublish(String status) {
        ScriptedStation s = booted();
        operatorStatus(s, "UnpublishFirmware", Json.obj("checksum", "0123456789abcdef0123456789abcdef"),
                p -> Json.has(p, "checksum"), "checksum", status);
    }

    @Test
    void TC_L_21_CSMS() {
        unpublish("Unpublished");
    }

    @Test
    void TC_L_22_CSMS() {
        unpublish("NoFirmware");
    }

    @Test
    void TC_L_23_CSMS() {
        unpublish("DownloadOngoing");
    }
}
