package org.v2gcsms.sessions.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2gcsms.sessions.certificates.TestPki.certificates;
import static org.v2gcsms.sessions.certificates.TestPki.csr;
import static org.v2gcsms.sessions.certificates.TestPki.ecKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.ocpp.OcppVersion;
import org.v2gcsms.ocpp.v21.CertificateSignedRequest;
import org.v2gcsms.ocpp.v21.CertificateSignedResponse;
import org.v2gcsms.ocpp.v21.CertificateSignedStatusEnumType;
import org.v2gcsms.ocpp.v21.CertificateSigningUseEnumType;
import org.v2gcsms.ocpp.v21.GenericStatusEnumType;
import org.v2gcsms.ocpp.v21.SignCertificateRequest;
import org.v2gcsms.ocpp.v21.SignCertificateResponse;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.commands.CommandRecord;
import org.v2gcsms.sessions.commands.CommandRepository;
import org.v2gcsms.sessions.commands.StationCalls;
import org.v2gcsms.sessions.commands.StationCommands;

class CertificateSigningTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    private static final StationContext STATION = new StationContext("CS-1", OcppVersion.V21, 1);

    @TempDir
    Path dir;

    @Test
    void theCaIsCreatedOnceAndKeptAcrossStarts() throws Exception {
        String first = StationCertificateAuthority.openOrCreate(dir, CLOCK).certificatePem();
        String second = StationCertificateAuthority.openOrCreate(dir, CLOCK).certificatePem();
        assertEquals(first, second, "a restart must sign with the same CA");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(StationCertificateAuthority.KEY_FILE))));
    }

    @Test
    void aRequestIsSignedIntoAChainEndingInTheCa() throws Exception {
        StationCertificateAuthority ca = StationCertificateAuthority.openOrCreate(dir, CLOCK);
        KeyPair stationKey = ecKey();
        List<X509Certificate> chain = certificates(ca.sign(csr(stationKey, "CN=CS-1,O=Operator")));

        assertEquals(2, chain.size());
        X509Certificate leaf = chain.get(0);
        X509Certificate root = chain.get(1);
        leaf.verify(root.getPublicKey());
        assertEquals(stationKey.getPublic(), leaf.getPublicKey());
        assertEquals(new X500Name("CN=CS-1,O=Operator"), new X500Name(leaf.getSubjectX500Principal().getName()));
        assertEquals(-1, leaf.getBasicConstraints(), "a station certificate is no CA");
        assertEquals(certificates(ca.certificatePem()).get(0), root);
        // A restarted CSMS's chains verify against the CA stations already trust.
        X509Certificate later = certificates(StationCertificateAuthority.openOrCreate(dir, CLOCK)
                .sign(csr(ecKey(), "CN=CS-2"))).get(0);
        later.verify(root.getPublicKey());
    }

    @Test
    void garbageOrForgedRequestsAreRefused() throws Exception {
        StationCertificateAuthority ca = StationCertificateAuthority.openOrCreate(dir, CLOCK);
        assertThrows(InvalidCsrException.class, () -> ca.sign("not a csr"));
        assertThrows(InvalidCsrException.class, () -> ca.sign(ca.certificatePem()));
        String csr = csr(ecKey(), "CN=CS-1");
        String body = csr.replace("-----BEGIN CERTIFICATE REQUEST-----", "").replace("-----END CERTIFICATE REQUEST-----", "")
                .replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(body);
        der[der.length - 5] ^= 0x01; // one bit of the signature
        String forged = "-----BEGIN CERTIFICATE REQUEST-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE REQUEST-----\n";
        assertThrows(InvalidCsrException.class, () -> ca.sign(forged));
    }

    @Test
    void anAcceptedRequestIsFollowedByCertificateSignedWithTheChain() throws Exception {
        RecordingStation station = new RecordingStation();
        CertificateSigning signing = signing(station);
        SignCertificateResponse answer = signing.signCertificate(STATION, new SignCertificateRequest(
                csr(ecKey(), "CN=CS-1"), CertificateSigningUseEnumType.ChargingStationCertificate, null, 7, null));

        assertEquals(GenericStatusEnumType.Accepted, answer.status());
        CertificateSignedRequest sent = (CertificateSignedRequest) station.sent.get(10, TimeUnit.SECONDS);
        assertEquals(CertificateSigningUseEnumType.ChargingStationCertificate, sent.certificateType());
        assertEquals(7, sent.requestId());
        assertEquals(2, certificates(sent.certificateChain()).size());
    }

    @Test
    void withoutAnInstalledV2gSubCaV2gAndInvalidRequestsAreRejectedWithoutACall() throws Exception {
        RecordingStation station = new RecordingStation();
        CertificateSigning signing = signing(station);
        SignCertificateResponse v2g = signing.signCertificate(STATION, new SignCertificateRequest(
                csr(ecKey(), "CN=CS-1"), CertificateSigningUseEnumType.V2GCertificate, null, null, null));
        SignCertificateResponse v2g20 = signing.signCertificate(STATION, new SignCertificateRequest(
                csr(ecKey(), "CN=CS-1"), CertificateSigningUseEnumType.V2G20Certificate, null, null, null));
        SignCertificateResponse invalid = signing.signCertificate(STATION, new SignCertificateRequest("garbage"));

        assertEquals(GenericStatusEnumType.Rejected, v2g.status());
        assertEquals("UnsupportedCertType", v2g.statusInfo().reasonCode());
        assertTrue(v2g.statusInfo().additionalInfo().contains("V2G"), v2g.statusInfo().additionalInfo());
        assertEquals(GenericStatusEnumType.Rejected, v2g20.status());
        assertEquals(GenericStatusEnumType.Rejected, invalid.status());
        assertEquals("InvalidCSR", invalid.statusInfo().reasonCode());
        assertFalse(station.sent.isDone(), "nothing is sent for a refused request");
    }

    /**
     * With the CPO sub-CA installed beside the station CA, a V2GCertificate request is Accepted and answered with a
     * CertificateSigned of that type: the SECC certificate the sub-CA issued, then the sub-CAs (the root left out).
     */
    @Test
    void anInstalledV2gSubCaSignsSeccCertificates() throws Exception {
        TestPki pki = new TestPki(CLOCK.instant().minusSeconds(86400), CLOCK.instant().plusSeconds(4 * 365 * 86400L));
        TestPki.install(dir.resolve(CertificateSigning.V2G_CA_DIR), pki.sub2, pki.sub1, pki.root);
        RecordingStation station = new RecordingStation();
        KeyPair secc = ecKey();
        SignCertificateResponse answer = signing(station).signCertificate(STATION, new SignCertificateRequest(
                csr(secc, "CN=DEABCS1234567890123456789012345678901,O=Operator,C=DE,DC=CPO"),
                CertificateSigningUseEnumType.V2GCertificate, null, 9, null));

        assertEquals(GenericStatusEnumType.Accepted, answer.status());
        CertificateSignedRequest sent = (CertificateSignedRequest) station.sent.get(10, TimeUnit.SECONDS);
        assertEquals(CertificateSigningUseEnumType.V2GCertificate, sent.certificateType());
        assertEquals(9, sent.requestId());
        List<X509Certificate> chain = certificates(sent.certificateChain());
        assertEquals(3, chain.size(), "SECC certificate, Sub-CA 2, Sub-CA 1; the V2G root stays out");
        chain.get(0).verify(chain.get(1).getPublicKey());
        chain.get(1).verify(chain.get(2).getPublicKey());
        assertEquals(secc.getPublic(), chain.get(0).getPublicKey());
        assertEquals(new X500Name("CN=TEST CPO Sub-CA 2,O=v2g-csms test,DC=CPO"),
                new X500Name(chain.get(0).getIssuerX500Principal().getName()));

        // Charging-station certificates are still the station CA's, not the V2G PKI's.
        RecordingStation other = new RecordingStation();
        signing(other).signCertificate(STATION, new SignCertificateRequest(csr(ecKey(), "CN=CS-1"),
                CertificateSigningUseEnumType.ChargingStationCertificate, null, null, null));
        X509Certificate stationLeaf = certificates(((CertificateSignedRequest) other.sent.get(10, TimeUnit.SECONDS))
                .certificateChain()).get(0);
        stationLeaf.verify(certificates(StationCertificateAuthority.openOrCreate(dir.resolve("ca"), CLOCK)
                .certificatePem()).get(0).getPublicKey());
    }

    /** OCPP 2.1's ISO 15118-20 certificates come from their own sub-CA, never from the -2 one. */
    @Test
    void v2g20RequestsAreSignedByTheV2g20SubCaOnly() throws Exception {
        TestPki two = new TestPki(CLOCK.instant().minusSeconds(86400), CLOCK.instant().plusSeconds(365 * 86400L));
        TestPki.install(dir.resolve(CertificateSigning.V2G_CA_DIR), two.sub2, two.sub1, two.root);
        assertEquals(GenericStatusEnumType.Rejected, askForV2g20(new RecordingStation()).status());

        TestPki twenty = new TestPki(CLOCK.instant().minusSeconds(86400), CLOCK.instant().plusSeconds(365 * 86400L));
        TestPki.install(dir.resolve(CertificateSigning.V2G20_CA_DIR), twenty.sub2, twenty.sub1, twenty.root);
        RecordingStation station = new RecordingStation();
        assertEquals(GenericStatusEnumType.Accepted, askForV2g20(station).status());
        CertificateSignedRequest sent = (CertificateSignedRequest) station.sent.get(10, TimeUnit.SECONDS);
        assertEquals(CertificateSigningUseEnumType.V2G20Certificate, sent.certificateType());
        certificates(sent.certificateChain()).get(0).verify(certificates(TestPki.pem(twenty.sub2.certificate()))
                .get(0).getPublicKey());
    }

    private SignCertificateResponse askForV2g20(RecordingStation station) throws Exception {
        return signing(station).signCertificate(STATION, new SignCertificateRequest(csr(ecKey(), "CN=SECC-1"),
                CertificateSigningUseEnumType.V2G20Certificate, null, null, null));
    }

    /** The station CA in {@code dir/ca}, V2G sub-CAs beside it when a test installed them. */
    private CertificateSigning signing(RecordingStation station) {
        return CertificateSigning.open(dir.resolve("ca"), CLOCK, new StationCommands(station, new NoCommandLog(),
                CLOCK));
    }

    /** A connected 2.1 station that accepts whatever it is sent and remembers the first request. */
    private static final class RecordingStation implements StationCalls {
        final CompletableFuture<Object> sent = new CompletableFuture<>();

        @Override
        public CompletableFuture<Object> call(String stationId, Object request) {
            sent.complete(request);
            return CompletableFuture.completedFuture(
                    new CertificateSignedResponse(CertificateSignedStatusEnumType.Accepted));
        }

        @Override
        public Optional<OcppVersion> version(String stationId) {
            return Optional.of(OcppVersion.V21);
        }
    }

    private static final class NoCommandLog implements CommandRepository {
        @Override
        public long sent(String stationId, String action, String requestJson, Instant at) {
            return 1;
        }

        @Override
        public void answered(long id, String status, String responseJson, Instant at) {
        }

        @Override
        public void failed(long id, String error, Instant at) {
        }

        @Override
        public List<CommandRecord> recent(String stationId, int limit) {
            return List.of();
        }
    }
}
