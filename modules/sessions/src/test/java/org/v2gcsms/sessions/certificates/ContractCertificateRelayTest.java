package org.v2gcsms.sessions.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.CertificateActionEnumType;
import org.v2gcsms.ocpp.v21.Get15118EVCertificateRequest;
import org.v2gcsms.ocpp.v21.Get15118EVCertificateResponse;
import org.v2gcsms.ocpp.v21.Iso15118EVCertificateStatusEnumType;
import org.v2gcsms.sessions.StationContext;

class ContractCertificateRelayTest {
    private static final StationContext STATION = new StationContext("CS-PNC", OcppVersion.V21, 1);
    private static final String EXI_REQUEST = "gAAQgAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String EXI_RESPONSE = "gAEAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw==";

    private static FakeHttpService.Answer json(int status, String body) {
        return new FakeHttpService.Answer(status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Get15118EVCertificateRequest request(CertificateActionEnumType action) {
        return new Get15118EVCertificateRequest("urn:iso:std:iso:15118:-20:CommonMessages", action, EXI_REQUEST, 2,
                List.of("NLV2GC0000001"), null);
    }

    @Test
    void theEvsRequestGoesToTheServiceAndItsExiAnswerBackToTheStation() throws Exception {
        try (FakeHttpService service = new FakeHttpService(body -> json(200,
                "{\"status\":\"Accepted\",\"exiResponse\":\"" + EXI_RESPONSE + "\",\"remainingContracts\":1}"))) {
            Get15118EVCertificateResponse answer = new ContractCertificateRelay(PlugAndChargeSettings.none()
                    .withContractCertificateService(service.url("/contract-certificates")))
                    .get15118EVCertificate(STATION, request(CertificateActionEnumType.Update));

            assertEquals(Iso15118EVCertificateStatusEnumType.Accepted, answer.status());
            assertEquals(EXI_RESPONSE, answer.exiResponse());
            assertEquals(1, answer.remainingContracts());
            FakeHttpService.Posted posted = service.posted.poll(5, TimeUnit.SECONDS);
            assertEquals("application/json", posted.contentType());
            JsonObject sent = JsonParser.parseString(new String(posted.body(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            assertEquals("CS-PNC", sent.get("stationId").getAsString());
            assertEquals("urn:iso:std:iso:15118:-20:CommonMessages", sent.get("schemaVersion").getAsString());
            assertEquals("Update", sent.get("action").getAsString());
            assertEquals(EXI_REQUEST, sent.get("exiRequest").getAsString());
            assertEquals(2, sent.get("maximumContractCertificateChains").getAsInt());
            assertEquals("NLV2GC0000001", sent.getAsJsonArray("prioritizedEMAIDs").get(0).getAsString());
        }
    }

    @Test
    void withoutAServiceTheStationIsAnsweredFailed() {
        Get15118EVCertificateResponse answer = new ContractCertificateRelay(PlugAndChargeSettings.none())
                .get15118EVCertificate(STATION, request(CertificateActionEnumType.Install));

        assertEquals(Iso15118EVCertificateStatusEnumType.Failed, answer.status());
        assertEquals("NoService", answer.statusInfo().reasonCode());
        assertEquals("", answer.exiResponse());
    }

    @Test
    void aServiceThatRefusesKeepsItsExiAnswerForTheEv() throws Exception {
        try (FakeHttpService service = new FakeHttpService(body -> json(200,
                "{\"status\":\"Failed\",\"exiResponse\":\"" + EXI_RESPONSE + "\"}"))) {
            Get15118EVCertificateResponse answer = new ContractCertificateRelay(PlugAndChargeSettings.none()
                    .withContractCertificateService(service.url("/")))
                    .get15118EVCertificate(STATION, request(CertificateActionEnumType.Install));

            assertEquals(Iso15118EVCertificateStatusEnumType.Failed, answer.status());
            assertEquals("ServiceFailed", answer.statusInfo().reasonCode());
            assertEquals(EXI_RESPONSE, answer.exiResponse());
        }
    }

    @Test
    void aServiceErrorOrAnAnswerWithoutExiIsFailed() throws Exception {
        try (FakeHttpService broken = new FakeHttpService(body -> json(500, "oops"));
             FakeHttpService partial = new FakeHttpService(body -> json(200, "{\"status\":\"Accepted\"}"));
             FakeHttpService html = new FakeHttpService(body -> json(200, "<html/>"))) {
            assertEquals("ServiceUnreachable", reason(broken));
            assertEquals("BadServiceAnswer", reason(partial));
            assertEquals("BadServiceAnswer", reason(html));
        }
        ContractCertificateRelay unreachable = new ContractCertificateRelay(PlugAndChargeSettings.none()
                .withContractCertificateService(FakeHttpService.unreachable()));
        Get15118EVCertificateResponse answer = unreachable.get15118EVCertificate(STATION,
                request(CertificateActionEnumType.Install));
        assertEquals("ServiceUnreachable", answer.statusInfo().reasonCode());
        assertNull(answer.remainingContracts());
    }

    private static String reason(FakeHttpService service) {
        return new ContractCertificateRelay(PlugAndChargeSettings.none().withContractCertificateService(
                service.url("/"))).get15118EVCertificate(STATION, request(CertificateActionEnumType.Install))
                .statusInfo().reasonCode();
    }
}
