package org.v2gcsms.sessions.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
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
    void v2gAndInvalidRequestsAreRejectedWithoutACall() throws Exception {
        RecordingStation station = new RecordingStation();
        CertificateSigning signing = signing(station);
        SignCertificateResponse v2g = signing.signCertificate(STATION, new SignCertificateRequest(
                csr(ecKey(), "CN=CS-1"), CertificateSigningUseEnumType.V2GCertificate, null, null, null));
        SignCertificateResponse invalid = signing.signCertificate(STATION, new SignCertificateRequest("garbage"));

        assertEquals(GenericStatusEnumType.Rejected, v2g.status());
        assertEquals("UnsupportedCertType", v2g.statusInfo().reasonCode());
        assertEquals(GenericStatusEnumType.Rejected, invalid.status());
        assertEquals("InvalidCSR", invalid.statusInfo().reasonCode());
        assertFalse(station.sent.isDone(), "nothing is sent for a refused request");
    }

    private CertificateSigning signing(RecordingStation station) {
        return new CertificateSigning(StationCertificateAuthority.openOrCreate(dir, CLOCK),
                new StationCommands(station, new NoCommandLog(), CLOCK));
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static String csr(KeyPair key, String subject) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(request);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(String pem) throws Exception {
        return (List<X509Certificate>) (List<?>) List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
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
