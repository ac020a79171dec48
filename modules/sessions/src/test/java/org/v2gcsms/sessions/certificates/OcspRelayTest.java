package org.v2gcsms.sessions.certificates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.v2gcsms.sessions.outbound.OutboundUrls;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.GetCertificateStatusEnumType;
import org.v2gcsms.ocpp.v21.GetCertificateStatusRequest;
import org.v2gcsms.ocpp.v21.GetCertificateStatusResponse;
import org.v2gcsms.ocpp.v21.HashAlgorithmEnumType;
import org.v2gcsms.ocpp.v21.OCSPRequestDataType;
import org.v2gcsms.sessions.StationContext;

class OcspRelayTest {
    private static final StationContext STATION = new StationContext("CS-OCSP", OcppVersion.V201, 1);
    private static final String NAME_HASH = "a1b2c3d4e5f60718293a4b5c6d7e8f900112233445566778899aabbccddeeff0";
    private static final String KEY_HASH = "0fedcba9876543210fedcba9876543210fedcba9876543210fedcba987654321";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    /** A responder's answer: "good" for every certificate asked about, signed by a test CA. */
    private static FakeHttpService.Answer good(byte[] request) {
        try {
            TestPki.Ca responder = TestPki.ca("CN=TEST OCSP Responder", null, NOW.minusSeconds(3600),
                    NOW.plusSeconds(86400));
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(responder.certificate().getSubject()));
            for (var req : new OCSPReq(request).getRequestList()) {
                b.addResponse(req.getCertID(), CertificateStatus.GOOD);
            }
            var basic = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(responder.key().getPrivate()),
                    null, Date.from(NOW));
            return new FakeHttpService.Answer(200, new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic)
                    .getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GetCertificateStatusRequest request(String responderUrl) {
        return new GetCertificateStatusRequest(new OCSPRequestDataType(HashAlgorithmEnumType.SHA256, NAME_HASH,
                KEY_HASH, "56b6cd42b88d72898b46560099fde7c1ef7fece0", responderUrl));
    }

    /** A relay that lets stations name loopback responders, as these tests' fake responders are. */
    private static OcspRelay relay(PlugAndChargeSettings settings) {
        return new OcspRelay(settings, new OutboundUrls(true, "ocsp-responder-url"));
    }

    @Test
    void aResponderTheStationNamesOnThisNetworkIsNotCalledByDefault() throws Exception {
        try (FakeHttpService responder = new FakeHttpService(OcspRelayTest::good)) {
            GetCertificateStatusResponse answer = new OcspRelay(PlugAndChargeSettings.none())
                    .getCertificateStatus(STATION, request(responder.url("/ocsp").toString()));

            assertEquals(GetCertificateStatusEnumType.Failed, answer.status());
            assertEquals("InvalidURL", answer.statusInfo().reasonCode());
            assertEquals(0, responder.posted.size(), "a loopback host named by a station is never called");
        }
    }

    @Test
    void relaysTheResponderAnswerToTheCertificateTheStationNamed() throws Exception {
        try (FakeHttpService responder = new FakeHttpService(OcspRelayTest::good)) {
            GetCertificateStatusResponse answer = relay(PlugAndChargeSettings.none())
                    .getCertificateStatus(STATION, request(responder.url("/ocsp").toString()));

            assertEquals(GetCertificateStatusEnumType.Accepted, answer.status());
            FakeHttpService.Posted posted = responder.posted.poll(5, TimeUnit.SECONDS);
            assertEquals("application/ocsp-request", posted.contentType());
            CertificateID asked = new OCSPReq(posted.body()).getRequestList()[0].getCertID();
            assertEquals(new BigInteger("56b6cd42b88d72898b46560099fde7c1ef7fece0", 16), asked.getSerialNumber());
            assertArrayEquals(HexFormat.of().parseHex(NAME_HASH), asked.getIssuerNameHash());
            assertArrayEquals(HexFormat.of().parseHex(KEY_HASH), asked.getIssuerKeyHash());
            assertEquals("2.16.840.1.101.3.4.2.1", asked.getHashAlgOID().getId(), "SHA-256, as the station hashed");
            OCSPResp relayed = new OCSPResp(Base64.getDecoder().decode(answer.ocspResult()));
            assertEquals(OCSPResp.SUCCESSFUL, relayed.getStatus());
            SingleResp single = ((org.bouncycastle.cert.ocsp.BasicOCSPResp) relayed.getResponseObject())
                    .getResponses()[0];
            assertEquals(asked, single.getCertID());
            assertNull(single.getCertStatus(), "GOOD is written as no status");
        }
    }

    @Test
    void theOperatorsResponderIsAskedInsteadOfTheStationsWhenConfigured() throws Exception {
        try (FakeHttpService responder = new FakeHttpService(OcspRelayTest::good)) {
            GetCertificateStatusResponse answer = relay(PlugAndChargeSettings.none()
                    .withOcspResponder(responder.url("/cache")))
                    .getCertificateStatus(STATION, request("http://ocsp.example.invalid/"));

            assertEquals(GetCertificateStatusEnumType.Accepted, answer.status());
            assertEquals(1, responder.posted.size());
        }
    }

    @Test
    void anUnreachableResponderIsFailedWithTheReason() throws Exception {
        GetCertificateStatusResponse answer = relay(PlugAndChargeSettings.none())
                .getCertificateStatus(STATION, request(FakeHttpService.unreachable().toString()));

        assertEquals(GetCertificateStatusEnumType.Failed, answer.status());
        assertEquals("ResponderUnreachable", answer.statusInfo().reasonCode());
        assertNull(answer.ocspResult());
    }

    @Test
    void aResponderThatDoesNotAnswerInTimeIsFailed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeHttpService silent = new FakeHttpService(body -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FakeHttpService.Answer(200, new byte[0]);
        })) {
            PlugAndChargeSettings settings = new PlugAndChargeSettings(java.util.Optional.empty(),
                    java.util.Optional.empty(), PlugAndChargeSettings.none().moRoots(), Duration.ofSeconds(1));
            long started = System.nanoTime();
            GetCertificateStatusResponse answer = relay(settings)
                    .getCertificateStatus(STATION, request(silent.url("/ocsp").toString()));

            assertEquals(GetCertificateStatusEnumType.Failed, answer.status());
            assertEquals("ResponderUnreachable", answer.statusInfo().reasonCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0,
                    "answered without waiting for the responder");
        } finally {
            release.countDown();
        }
    }

    @Test
    void anAnswerThatIsNoOcspResponseIsFailed() throws Exception {
        try (FakeHttpService html = new FakeHttpService(body -> new FakeHttpService.Answer(200,
                "<html>proxy login</html>".getBytes()))) {
            GetCertificateStatusResponse answer = relay(PlugAndChargeSettings.none())
                    .getCertificateStatus(STATION, request(html.url("/").toString()));

            assertEquals(GetCertificateStatusEnumType.Failed, answer.status());
            assertEquals("BadOcspResponse", answer.statusInfo().reasonCode());
        }
    }

    @Test
    void anOcspErrorStatusIsFailed() throws Exception {
        try (FakeHttpService busy = new FakeHttpService(body -> {
            try {
                return new FakeHttpService.Answer(200, new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null)
                        .getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            GetCertificateStatusResponse answer = relay(PlugAndChargeSettings.none())
                    .getCertificateStatus(STATION, request(busy.url("/").toString()));

            assertEquals(GetCertificateStatusEnumType.Failed, answer.status());
            assertEquals("OcspError", answer.statusInfo().reasonCode());
        }
    }

    @Test
    void onlyHttpResponderUrlsAreFollowedAndHashesMustBeHex() {
        OcspRelay relay = relay(PlugAndChargeSettings.none());
        assertEquals("InvalidURL", relay.getCertificateStatus(STATION, request("file:///etc/passwd"))
                .statusInfo().reasonCode());
        assertEquals("InvalidURL", relay.getCertificateStatus(STATION, request("ldap://ocsp.example.com"))
                .statusInfo().reasonCode());
        GetCertificateStatusRequest notHex = new GetCertificateStatusRequest(new OCSPRequestDataType(
                HashAlgorithmEnumType.SHA256, "zz", KEY_HASH, "01", "http://127.0.0.1:1/"));
        assertEquals("InvalidRequestData", relay.getCertificateStatus(STATION, notHex).statusInfo().reasonCode());
    }
}
