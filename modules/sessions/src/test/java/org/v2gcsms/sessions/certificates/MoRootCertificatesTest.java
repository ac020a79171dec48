package org.v2gcsms.sessions.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2gcsms.sessions.certificates.TestPki.ca;
import static org.v2gcsms.sessions.certificates.TestPki.pem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2gcsms.ocpp.v21.AuthorizationStatusEnumType;
import org.v2gcsms.ocpp.v21.AuthorizeCertificateStatusEnumType;
import org.v2gcsms.ocpp.v21.AuthorizeRequest;
import org.v2gcsms.ocpp.v21.AuthorizeResponse;
import org.v2gcsms.ocpp.v21.IdTokenType;
import org.v2gcsms.ocpp.v21.OCSPRequestDataType;
import org.v2gcsms.ocpp.v21.HashAlgorithmEnumType;
import org.v2gcsms.sessions.auth.Authorizer;
import org.v2gcsms.sessions.auth.ContractAuthorization;
import org.v2gcsms.sessions.auth.TokenRecord;
import org.v2gcsms.sessions.auth.TokenRepository;
import org.v2gcsms.sessions.auth.UnknownTokenPolicy;

/** Central contract validation (C07): the contract chain against the operator's MO roots, and with the token. */
class MoRootCertificatesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Instant FROM = NOW.minus(Duration.ofDays(30));
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(365));

    @TempDir
    Path config;

    private final TestPki.Ca moRoot = ca("CN=TEST MO Root CA,O=v2g-csms test,DC=V2G", null, FROM, UNTIL);
    private final TestPki.Ca moSub = ca("CN=TEST MO Sub-CA 1,O=v2g-csms test", moRoot, FROM, UNTIL);
    private final TestPki.Ca contract = ca("CN=NLV2GC0000001,O=v2g-csms test", moSub, FROM, UNTIL);

    MoRootCertificatesTest() throws Exception {
    }

    private MoRootCertificates installed(TestPki.Ca... roots) throws Exception {
        Path dir = Files.createDirectories(config.resolve(PlugAndChargeSettings.MO_ROOTS_DIR));
        for (TestPki.Ca r : roots) {
            Files.writeString(dir.resolve(r.certificate().getSerialNumber() + ".pem"), pem(r.certificate()));
        }
        Files.writeString(dir.resolve("README.txt"), "not read: only *.pem files are roots");
        return MoRootCertificates.load(PlugAndChargeSettings.load(config).moRoots(), CLOCK);
    }

    private static String chain(TestPki.Ca... certs) throws Exception {
        StringBuilder s = new StringBuilder();
        for (TestPki.Ca c : certs) {
            s.append(pem(c.certificate()));
        }
        return s.toString();
    }

    @Test
    void aContractThatChainsToAnInstalledRootIsAccepted() throws Exception {
        MoRootCertificates roots = installed(moRoot);
        assertEquals(1, roots.size());
        assertEquals(AuthorizeCertificateStatusEnumType.Accepted, roots.check(chain(contract, moSub)));
        assertEquals(AuthorizeCertificateStatusEnumType.Accepted, roots.check(chain(contract, moSub, moRoot)),
                "2.0.1 stations may send the root along");
    }

    @Test
    void aContractOfAnotherPkiOrWithoutItsSubCaIsAChainError() throws Exception {
        TestPki.Ca otherRoot = ca("CN=TEST Other MO Root", null, FROM, UNTIL);
        assertEquals(AuthorizeCertificateStatusEnumType.CertChainError, installed(otherRoot)
                .check(chain(contract, moSub)));
        assertEquals(AuthorizeCertificateStatusEnumType.CertChainError, installed(moRoot).check(chain(contract)));
        assertEquals(AuthorizeCertificateStatusEnumType.CertChainError, installed(moRoot).check("not a PEM"));
        assertEquals(AuthorizeCertificateStatusEnumType.CertChainError,
                MoRootCertificates.load(config.resolve("absent"), CLOCK).check(chain(contract, moSub)));
    }

    @Test
    void aSubCaBearingTheRightNameButAnotherKeyIsASignatureError() throws Exception {
        TestPki.Ca forgedSub = ca("CN=TEST MO Sub-CA 1,O=v2g-csms test", null, FROM, UNTIL);
        TestPki.Ca forgedContract = ca("CN=NLV2GC0000001,O=v2g-csms test", forgedSub, FROM, UNTIL);
        assertEquals(AuthorizeCertificateStatusEnumType.SignatureError, installed(moRoot)
                .check(chain(forgedContract, moSub)));
    }

    @Test
    void anExpiredContractOrSubCaIsCertificateExpired() throws Exception {
        TestPki.Ca expired = ca("CN=NLV2GC0000002,O=v2g-csms test", moSub, FROM, NOW.minusSeconds(1));
        TestPki.Ca expiredSub = ca("CN=TEST MO Sub-CA 2", moRoot, FROM, NOW.minusSeconds(1));
        TestPki.Ca underExpiredSub = ca("CN=NLV2GC0000003", expiredSub, FROM, UNTIL);
        MoRootCertificates roots = installed(moRoot);
        assertEquals(AuthorizeCertificateStatusEnumType.CertificateExpired, roots.check(chain(expired, moSub)));
        assertEquals(AuthorizeCertificateStatusEnumType.CertificateExpired,
                roots.check(chain(underExpiredSub, expiredSub)));
    }

    @Test
    void aFileThatHoldsNoCertificateStopsTheStartNamingIt() throws Exception {
        Path dir = Files.createDirectories(config.resolve(PlugAndChargeSettings.MO_ROOTS_DIR));
        Files.writeString(dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n"
                + "-----END CERTIFICATE REQUEST-----\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MoRootCertificates.load(dir, CLOCK));
        assertTrue(e.getMessage().contains("broken.pem"), e.getMessage());
    }

    // Authorize: the certificate status with the token's own.

    private ContractAuthorization authorization(TokenRecord... known) throws Exception {
        return new ContractAuthorization(new Authorizer(new Tokens(List.of(known)), UnknownTokenPolicy.REJECT, CLOCK),
                installed(moRoot));
    }

    private static AuthorizeRequest authorize(String certificate, List<OCSPRequestDataType> hashData) {
        return new AuthorizeRequest(new IdTokenType(null, "NLV2GC0000001", "eMAID", null), certificate, hashData,
                null);
    }

    private static TokenRecord token(AuthorizationStatusEnumType status) {
        return new TokenRecord("NLV2GC0000001", "eMAID", status, null, null);
    }

    @Test
    void aValidContractOfAKnownTokenIsAcceptedWithItsCertificateStatus() throws Exception {
        AuthorizeResponse r = authorization(token(AuthorizationStatusEnumType.Accepted))
                .authorize(authorize(chain(contract, moSub), null));
        assertEquals(AuthorizationStatusEnumType.Accepted, r.idTokenInfo().status());
        assertEquals(AuthorizeCertificateStatusEnumType.Accepted, r.certificateStatus());
    }

    @Test
    void aContractThatDoesNotValidateMakesTheTokenInvalid() throws Exception {
        TestPki.Ca otherRoot = ca("CN=TEST Other MO Root", null, FROM, UNTIL);
        TestPki.Ca foreign = ca("CN=NLV2GC0000001,O=elsewhere", otherRoot, FROM, UNTIL);
        AuthorizeResponse r = authorization(token(AuthorizationStatusEnumType.Accepted))
                .authorize(authorize(chain(foreign), null));
        assertEquals(AuthorizationStatusEnumType.Invalid, r.idTokenInfo().status());
        assertEquals(AuthorizeCertificateStatusEnumType.CertChainError, r.certificateStatus());
    }

    @Test
    void aBlockedTokenStaysBlockedWhateverItsCertificate() throws Exception {
        AuthorizeResponse r = authorization(token(AuthorizationStatusEnumType.Blocked))
                .authorize(authorize(chain(contract, moSub), null));
        assertEquals(AuthorizationStatusEnumType.Blocked, r.idTokenInfo().status());
        assertEquals(AuthorizeCertificateStatusEnumType.Accepted, r.certificateStatus());
    }

    @Test
    void hashDataAloneIsNoCertificateToCheckAndATokenWithoutEitherGetsNoCertificateStatus() throws Exception {
        ContractAuthorization a = authorization(token(AuthorizationStatusEnumType.Accepted));
        AuthorizeResponse hashOnly = a.authorize(authorize(null, List.of(new OCSPRequestDataType(
                HashAlgorithmEnumType.SHA256, "aa", "bb", "01", "http://ocsp.example.com"))));
        assertEquals(AuthorizationStatusEnumType.Accepted, hashOnly.idTokenInfo().status());
        assertEquals(AuthorizeCertificateStatusEnumType.NoCertificateAvailable, hashOnly.certificateStatus());
        AuthorizeResponse plain = a.authorize(authorize(null, null));
        assertEquals(AuthorizationStatusEnumType.Accepted, plain.idTokenInfo().status());
        assertNull(plain.certificateStatus());
    }

    /** The token store, in memory. */
    private record Tokens(List<TokenRecord> known) implements TokenRepository {
        @Override
        public Optional<TokenRecord> find(String idToken, String type) {
            return known.stream().filter(t -> t.idToken().equals(idToken) && t.type().equals(type)).findFirst();
        }

        @Override
        public void save(TokenRecord token) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String idToken, String type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TokenRecord> all() {
            return new ArrayList<>(known);
        }

        @Override
        public int localListVersion(String stationId) {
            return 0;
        }

        @Override
        public void localListStored(String stationId, int version) {
            throw new UnsupportedOperationException();
        }
    }
}
