package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.CsmsTarget;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.Messages;
import org.v2gcsms.conformance.kit.ReceivedCall;
import org.v2gcsms.conformance.kit.ScriptedStation;
import org.v2gcsms.conformance.kit.StationTls;

/** A Security: Basic auth, TLS, password update, certificate signing, security profile upgrade. */
class SecurityTest extends CsmsCase {
    private static final int TLS_1_2 = 0x0303;
    private static final int TLS_1_1 = 0x0302;
    private static final String NO_TLS = "the suite has no wss:// endpoint to test: set -D" + CsmsTarget.TLS_CSMS
            + " (and -D" + StationTls.TRUST + " when its certificate is not in the JDK's trust store)";

    @Test
    void TC_A_01_CSMS() {
        ScriptedStation s = connect(registered("Accepted"), V201);
        assertEquals("Accepted", Json.str(s.call("BootNotification", Messages.boot("PowerUp")), "status"));
    }

    @Test
    void TC_A_02_CSMS() {
        String id = registered("Accepted");
        ScriptedStation s = keep(ScriptedStation.open(target.ocppUrl(), id, id + "X", PASSWORD, V201));
        assertFalse(s.isOpen(), "the CSMS must refuse a Basic-auth user that is not the station id");
    }

    @Test
    void TC_A_03_CSMS() {
        String id = registered("Accepted");
        ScriptedStation s = keep(ScriptedStation.open(target.ocppUrl(), id, id, PASSWORD + "wrong", V201));
        assertFalse(s.isOpen(), "the CSMS must refuse a wrong password");
    }

    private URI tlsEndpoint() {
        return target.tlsOcppUrl().orElseThrow(() -> new AssertionError(NO_TLS));
    }

    /** Security profile 2: a station on wss:// with Basic auth gets in and boots. */
    @Test
    void TC_A_04_CSMS() {
        String id = newStationId();
        api.registerStation(id, 2, PASSWORD, "Accepted");
        ScriptedStation s = keep(ScriptedStation.connect(tlsEndpoint(), id, PASSWORD, V201));
        assertEquals("Accepted", Json.str(s.call("BootNotification", Messages.boot("PowerUp")), "status"));
    }

    /** A TLS version below 1.2 is refused. */
    @Test
    void TC_A_06_CSMS() {
        assertTrue(StationTls.acceptsHandshake(tlsEndpoint(), TLS_1_2), "the endpoint must speak TLS 1.2");
        assertFalse(StationTls.acceptsHandshake(tlsEndpoint(), TLS_1_1), "the CSMS must refuse a TLS 1.1 handshake");
    }

    /**
     * Security profile 3, valid client certificate: the station (on profile 2) has its own key signed by the
     * CSMS (SignCertificate, then CertificateSigned), connects with that certificate and no password, and
     * boots. From then on it is a profile-3 station: Basic auth over TLS no longer gets it in.
     */
    @Test
    void TC_A_07_CSMS() {
        String id = newStationId();
        api.registerStation(id, 2, PASSWORD, "Accepted");
        ScriptedStation s = keep(ScriptedStation.connect(tlsEndpoint(), id, PASSWORD, V201));
        assertEquals("Accepted", Json.str(s.call("BootNotification", Messages.boot("PowerUp")), "status"));
        StationTls.StationKey key = signedByCsms(s);
        s.close();

        ScriptedStation mutual = keep(ScriptedStation.connectWithCertificate(tlsEndpoint(), id, key, V201));
        assertEquals("Accepted", Json.str(mutual.call("BootNotification", Messages.boot("PowerUp")), "status"));
        mutual.close();
        ScriptedStation password = keep(ScriptedStation.open(tlsEndpoint(), id, id, PASSWORD, V201));
        assertFalse(password.isOpen(), "after connecting on profile 3 the CSMS must refuse profile 2");
    }

    /** Security profile 3, a client certificate the CSMS never signed (self-signed): refused. */
    @Test
    void TC_A_08_CSMS() {
        String id = newStationId();
        api.registerStation(id, 3, null, "Accepted");
        StationTls.StationKey untrusted = StationTls.StationKey.generate().selfSigned(id);
        ScriptedStation s = keep(ScriptedStation.openWithCertificate(tlsEndpoint(), id, untrusted, V201));
        assertFalse(s.isOpen(), "the CSMS must refuse a client certificate it does not trust");
    }

    /** The operator triggers a renewal; the station asks the CSMS to sign a request for its own key. */
    private StationTls.StationKey signedByCsms(ScriptedStation s) {
        operatorStatus(s, "TriggerMessage", Json.obj("requestedMessage", "SignChargingStationCertificate"),
                field("requestedMessage", "SignChargingStationCertificate"),
                "requestedMessage SignChargingStationCertificate", "Accepted");
        StationTls.StationKey key = StationTls.StationKey.generate();
        JsonObject sign = Json.obj("csr", key.certificateRequest(s.id(), "v2g-csms conformance"),
                "certificateType", "ChargingStationCertificate");
        assertEquals("Accepted", Json.str(s.call("SignCertificate", sign), "status"));
        ReceivedCall signed = s.expectCall("CertificateSigned", p -> Json.has(p, "certificateChain"),
                "a certificateChain", java.time.Duration.ofSeconds(20));
        signed.replyStatus("Accepted");
        return key.withChain(Json.str(signed.payload(), "certificateChain"));
    }

    private static JsonObject passwordVariable(String password) {
        return Json.obj("setVariableData", Json.arr(Json.obj("attributeValue", password, "component",
                Json.obj("name", "SecurityCtrlr"), "variable", Json.obj("name", "BasicAuthPassword"))));
    }

    private static JsonObject setResult(String status) {
        return Json.obj("setVariableResult", Json.arr(Json.obj("attributeStatus", status, "component",
                Json.obj("name", "SecurityCtrlr"), "variable", Json.obj("name", "BasicAuthPassword"))));
    }

    /**
     * New BasicAuthPassword accepted: the operator sets it through the API, the station accepts and reconnects
     * with it; the operator's procedure (docs/api.md) is to store the new password by re-registering the
     * station. From then on only the new password gets in.
     */
    @Test
    void TC_A_09_CSMS() {
        ScriptedStation s = booted();
        String fresh = "octt-NewPassw0rd-987654321";
        operator(s, "SetVariables", passwordVariable(fresh), p -> fresh.equals(Json.str(p,
                "setVariableData.0.attributeValue")), "SecurityCtrlr.BasicAuthPassword", setResult("Accepted"));
        api.registerStation(s.id(), fresh, "Accepted");
        s.close();
        ScriptedStation old = keep(ScriptedStation.open(target.ocppUrl(), s.id(), s.id(), PASSWORD, V201));
        assertFalse(old.isOpen(), "the old password must no longer get in");
        ScriptedStation renewed = keep(ScriptedStation.connect(target.ocppUrl(), s.id(), fresh, V201));
        assertEquals("Accepted", Json.str(renewed.call("BootNotification", Messages.boot("PowerUp")), "status"));
    }

    /** Rejected by the station: the old password stays valid. */
    @Test
    void TC_A_10_CSMS() {
        ScriptedStation s = booted();
        operator(s, "SetVariables", passwordVariable("octt-Refused-Passw0rd-000"), any(), "", setResult("Rejected"));
        ScriptedStation again = reconnect(s);
        assertTrue(again.isOpen());
        assertTrue(Json.has(again.call("Heartbeat", new JsonObject()), "currentTime"));
    }

    /**
     * The operator asks the station to renew a certificate (TriggerMessage); the station sends a CSR; the CSMS
     * accepts it and sends the signed chain (CertificateSigned) for that certificate type.
     */
    private void renew(String trigger, String certificateType) {
        ScriptedStation s = booted();
        operatorStatus(s, "TriggerMessage", Json.obj("requestedMessage", trigger), field("requestedMessage", trigger),
                "requestedMessage " + trigger, "Accepted");
        JsonObject sign = Json.obj("csr", Certificates.CSR_PEM, "certificateType", certificateType);
        assertEquals("Accepted", Json.str(s.call("SignCertificate", sign), "status"));
        ReceivedCall signed = s.expectCall("CertificateSigned", p -> Json.has(p, "certificateChain")
                && certificateType.equals(Json.str(p, "certificateType")),
                "a certificateChain of certificateType " + certificateType, java.time.Duration.ofSeconds(20));
        signed.replyStatus("Accepted");
    }

    @Test
    void TC_A_11_CSMS() {
        renew("SignChargingStationCertificate", "ChargingStationCertificate");
    }

    /** V2G: the CSMS needs the CPO sub-CA of the ISO 15118 V2G PKI to sign the station's SECC certificate. */
    @Test
    void TC_A_12_CSMS() {
        renew("SignV2GCertificate", "V2GCertificate");
    }

    @Test
    void TC_A_13_CSMS() {
        renew("SignCombinedCertificate", "ChargingStationCertificate");
    }

    /** The station refuses the chain the CSMS signed; it reports InvalidChargingStationCertificate. */
    @Test
    void TC_A_14_CSMS() {
        ScriptedStation s = booted();
        operatorStatus(s, "TriggerMessage", Json.obj("requestedMessage", "SignChargingStationCertificate"), any(), "",
                "Accepted");
        assertEquals("Accepted", Json.str(s.call("SignCertificate", Json.obj("csr", Certificates.CSR_PEM,
                "certificateType", "ChargingStationCertificate")), "status"));
        s.expectCall("CertificateSigned", any(), "", java.time.Duration.ofSeconds(20)).replyStatus("Rejected");
        assertEquals(new JsonObject(), s.call("SecurityEventNotification", Json.obj("type",
                "InvalidChargingStationCertificate", "timestamp", Messages.now())));
    }

    /**
     * Upgrade to security profile 2: the CSMS sends SetNetworkProfile (profile 2), sets
     * NetworkConfigurationPriority and resets; the station reconnects over wss:// and the CSMS then refuses
     * profile-1 connections. The operator drives the three steps through the API.
     */
    @Test
    void TC_A_19_CSMS() {
        URI tls = tlsEndpoint();
        ScriptedStation s = booted();
        operatorStatus(s, "SetNetworkProfile", Json.obj("configurationSlot", 2, "connectionData", Json.obj(
                "ocppVersion", "OCPP20", "ocppTransport", "JSON", "ocppCsmsUrl", tls.toString(), "messageTimeout", 30,
                "securityProfile", 2, "ocppInterface", "Wired0")), any(), "", "Accepted");
        operator(s, "SetVariables", Json.obj("setVariableData", Json.arr(Json.obj("attributeValue", "2,1",
                "component", Json.obj("name", "OCPPCommCtrlr"), "variable", Json.obj("name",
                        "NetworkConfigurationPriority")))), any(), "", Json.obj("setVariableResult", Json.arr(
                Json.obj("attributeStatus", "Accepted", "component", Json.obj("name", "OCPPCommCtrlr"), "variable",
                        Json.obj("name", "NetworkConfigurationPriority")))));
        operatorStatus(s, "Reset", Json.obj("type", "Immediate"), any(), "", "Accepted");
        s.close();
        ScriptedStation upgraded = keep(ScriptedStation.connect(tls, s.id(), PASSWORD, V201));
        assertEquals("Accepted", Json.str(upgraded.call("BootNotification", Messages.boot("RemoteReset")), "status"));
        upgraded.close();
        ScriptedStation downgraded = keep(ScriptedStation.open(target.ocppUrl(), s.id(), s.id(), PASSWORD, V201));
        assertFalse(downgraded.isOpen(), "after the upgrade the CSMS must refuse security profile 1");
    }
}
