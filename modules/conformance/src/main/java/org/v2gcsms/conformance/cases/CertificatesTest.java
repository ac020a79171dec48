package org.v2gcsms.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.v2gcsms.conformance.kit.Json;
import org.v2gcsms.conformance.kit.ScriptedStation;

/** M Certificates: install, list and delete certificates on the station; OCSP and EV certificate relay. */
class CertificatesTest extends CsmsCase {

    private void install(String type, String answer) {
        ScriptedStation s = booted();
        Exchange e = operatorStatus(s, "InstallCertificate", Json.obj("certificateType", type, "certificate",
                Certificates.ROOT_PEM), field("certificateType", type), "certificateType " + type, answer);
        assertEquals(Certificates.ROOT_PEM, Json.str(e.payload(), "certificate"));
    }

    @Test
    void TC_M_01_CSMS() {
        install("CSMSRootCertificate", "Accepted");
    }

    @Test
    void TC_M_02_CSMS() {
        install("ManufacturerRootCertificate", "Accepted");
    }

    @Test
    void TC_M_03_CSMS() {
        install("V2GRootCertificate", "Accepted");
    }

    @Test
    void TC_M_04_CSMS() {
        install("MORootCertificate", "Accepted");
    }

    @Test
    void TC_M_05_CSMS() {
        install("CSMSRootCertificate", "Rejected");
    }

    /** GetInstalledCertificateIds for these types (none: all); the station reports one per type, or none. */
    private void installed(boolean found, String... types) {
        ScriptedStation s = booted();
        JsonObject request = new JsonObject();
        JsonArray filter = new JsonArray();
        for (String t : types) {
            filter.add(t);
        }
        if (types.length > 0) {
            request.add("certificateType", filter);
        }
        JsonArray chains = new JsonArray();
        for (String t : types.length > 0 ? types : new String[] {"CSMSRootCertificate", "V2GRootCertificate"}) {
            chains.add(Json.obj("certificateType", t, "certificateHashData", Certificates.hashData()));
        }
        JsonObject answer = found ? Json.obj("status", "Accepted", "certificateHashDataChain", chains)
                : Json.obj("status", "NotFound");
        Exchange e = operator(s, "GetInstalledCertificateIds", request, p -> types.length == 0
                ? !Json.has(p, "certificateType") : p.getAsJsonArray("certificateType").size() == types.length,
                types.length == 0 ? "no filter" : "certificateType " + String.join(", ", types), answer);
        assertEquals(found ? "Accepted" : "NotFound", Json.str(e.reply().body(), "status"));
    }

    @Test
    void TC_M_12_CSMS() {
        installed(true, "CSMSRootCertificate");
    }

    @Test
    void TC_M_13_CSMS() {
        installed(true, "ManufacturerRootCertificate");
    }

    @Test
    void TC_M_14_CSMS() {
        installed(true, "V2GRootCertificate");
    }

    @Test
    void TC_M_15_CSMS() {
        installed(true, "V2GCertificateChain");
    }

    @Test
    void TC_M_16_CSMS() {
        installed(true, "MORootCertificate");
    }

    @Test
    void TC_M_17_CSMS() {
        installed(true, "CSMSRootCertificate", "ManufacturerRootCertificate");
    }

    @Test
    void TC_M_18_CSMS() {
        installed(true);
    }

    @Test
    void TC_M_19_CSMS() {
        installed(false, "MORootCertificate");
    }

    private void delete(String answer) {
        ScriptedStation s = booted();
        operatorStatus(s, "DeleteCertificate", Json.obj("certificateHashData", Certificates.hashData()),
                p -> Json.has(p, "certificateHashData.serialNumber"), "certificateHashData", answer);
    }

    @Test
    void TC_M_20_CSMS() {
        delete("Accepted");
    }

    @Test
    void TC_M_21_CSMS() {
        delete("Failed");
    }

    /** The station asks the CSMS for the OCSP status of a 15118 certificate. */
    @Test
    void TC_M_24_CSMS() {
        ScriptedStation s = booted();
        JsonObject ocsp = Json.obj("hashAlgorithm", "SHA256", "issuerNameHash", "a1b2", "issuerKeyHash", "c3d4",
                "serialNumber", "0a1b", "responderURL", "http://ocsp.example.com");
        JsonObject answer = s.call("GetCertificateStatus", Json.obj("ocspRequestData", ocsp));
        assertEquals("Accepted", Json.str(answer, "status"));
    }

    private void evCertificate(String action) {
        ScriptedStation s = booted();
        JsonObject answer = s.call("Get15118EVCertificate", Json.obj("iso15118SchemaVersion", "urn:iso:15118:2:2013:MsgDef",
                "action", action, "exiRequest", "gAAQgAAAAAAAAAAAAAAAAAAAAAAA"));
        assertEquals("Accepted", Json.str(answer, "status"));
    }

    @Test
    void TC_M_26_CSMS() {
        evCertificate("Install");
    }

    @Test
    void TC_M_28_CSMS() {
        evCertificate("Update");
    }
}
