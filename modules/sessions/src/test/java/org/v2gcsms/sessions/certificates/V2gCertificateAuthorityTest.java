package org.v2gcsms.sessions.certificates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2gcsms.sessions.certificates.TestPki.certificates;
import static org.v2gcsms.sessions.certificates.TestPki.csr;
import static org.v2gcsms.sessions.certificates.TestPki.ecKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class V2gCertificateAuthorityTest {
    private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECC = "CN=DEABCS1234567890123456789012345678901,O=Operator,C=DE,DC=CPO";

    @TempDir
    Path dir;

    private final TestPki pki = new TestPki(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(4 * 365)));

    V2gCertificateAuthorityTest() throws Exception {
    }

    @Test
    void theSeccCertificateIsTheRequestsSubjectAndKeyIssuedByTheSubCa() throws Exception {
        TestPki.install(dir, pki.sub2, pki.sub1, pki.root);
        V2gCertificateAuthority ca = V2gCertificateAuthority.openIfPresent(dir, CLOCK).orElseThrow();
        KeyPair key = ecKey();
        List<X509Certificate> chain = certificates(ca.sign(csr(key, SECC)));

        X509Certificate leaf = chain.get(0);
        X509Certificate sub2 = certificates(TestPki.pem(pki.sub2.certificate())).get(0);
        assertEquals(List.of(leaf, sub2, certificates(TestPki.pem(pki.sub1.certificate())).get(0)), chain,
                "leaf first, then the sub-CAs; the root stays out");
        leaf.verify(sub2.getPublicKey());
        assertEquals(new X500Name(SECC), new X500Name(leaf.getSubjectX500Principal().getName()));
        assertEquals(sub2.getSubjectX500Principal(), leaf.getIssuerX500Principal());
        assertEquals(key.getPublic(), leaf.getPublicKey());
        assertEquals("SHA256withECDSA", leaf.getSigAlgName());
        assertEquals(-1, leaf.getBasicConstraints(), "an SECC certificate is no CA");
        assertTrue(leaf.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
        boolean[] usage = leaf.getKeyUsage();
        assertTrue(usage[0] && usage[4], "digitalSignature and keyAgreement");
        assertEquals(2, count(usage), "nothing else");
        assertEquals(NOW, leaf.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(365)), leaf.getNotAfter().toInstant());
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(
                DEROctetString.getInstance(leaf.getExtensionValue(
                        Extension.authorityKeyIdentifier.getId())).getOctets());
        assertArrayEquals(new BcX509ExtensionUtils().createSubjectKeyIdentifier(
                pki.sub2.certificate().getSubjectPublicKeyInfo()).getKeyIdentifier(), aki.getKeyIdentifier());
    }

    @Test
    void aChainWithoutTheRootAndAKeyInPkcs8AreFineToo() throws Exception {
        TestPki.install(dir, pki.sub2, pki.sub1);
        Files.writeString(dir.resolve(V2gCertificateAuthority.KEY_FILE),
                TestPki.pem(new JcaPKCS8Generator(pki.sub2.key().getPrivate(), null)));
        V2gCertificateAuthority ca = V2gCertificateAuthority.openIfPresent(dir, CLOCK).orElseThrow();
        assertEquals(3, certificates(ca.sign(csr(ecKey(), SECC))).size());
    }

    @Test
    void noSeccCertificateOutlivesTheSubCa() throws Exception {
        TestPki.Ca shortLived = TestPki.ca("CN=TEST CPO Sub-CA 2 ending soon", pki.sub1, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)));
        TestPki.install(dir, shortLived, pki.sub1, pki.root);
        V2gCertificateAuthority ca = V2gCertificateAuthority.openIfPresent(dir, CLOCK).orElseThrow();
        X509Certificate leaf = certificates(ca.sign(csr(ecKey(), SECC))).get(0);
        assertEquals(NOW.plus(Duration.ofDays(30)), leaf.getNotAfter().toInstant());

        V2gCertificateAuthority later = V2gCertificateAuthority.openIfPresent(dir,
                Clock.fixed(NOW.plus(Duration.ofDays(31)), ZoneOffset.UTC)).orElseThrow();
        assertThrows(CaNotValidException.class, () -> later.sign(csr(ecKey(), SECC)));
    }

    @Test
    void requestsThatCannotBeSeccCertificatesAreRefused() throws Exception {
        TestPki.install(dir, pki.sub2, pki.sub1, pki.root);
        V2gCertificateAuthority ca = V2gCertificateAuthority.openIfPresent(dir, CLOCK).orElseThrow();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaKey = rsa.generateKeyPair();
        String rsaCsr = TestPki.pem(new JcaPKCS10CertificationRequestBuilder(new X500Name(SECC), rsaKey.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsaKey.getPrivate())));
        assertThrows(InvalidCsrException.class, () -> ca.sign(rsaCsr));
        assertThrows(InvalidCsrException.class, () -> ca.sign("not a csr"));
    }

    @Test
    void noDirectoryMeansNoSubCa() {
        assertTrue(V2gCertificateAuthority.openIfPresent(dir.resolve("absent"), CLOCK).isEmpty());
    }

    /** An installation mistake stops the start, naming the file, instead of failing the first station. */
    @Test
    void aMisinstalledSubCaIsReportedAtOpen() throws Exception {
        TestPki.install(dir, pki.sub2, pki.root, pki.sub1);
        assertFault(V2gCertificateAuthority.CHAIN_FILE, "is not signed by the next certificate");

        TestPki.install(dir, pki.sub2, pki.sub1, pki.root);
        Files.writeString(dir.resolve(V2gCertificateAuthority.KEY_FILE), TestPki.sec1(pki.sub1.key()));
        assertFault(V2gCertificateAuthority.KEY_FILE, "the key is not the one certified by");

        TestPki.install(dir, pki.sub2, pki.sub1, pki.root);
        Files.delete(dir.resolve(V2gCertificateAuthority.KEY_FILE));
        assertFault(V2gCertificateAuthority.KEY_FILE, "cannot read");

        KeyPair leafKey = ecKey();
        TestPki.install(dir, pki.sub2);
        X509Certificate leaf = certificates(V2gCertificateAuthority.openIfPresent(dir, CLOCK).orElseThrow()
                .sign(csr(leafKey, SECC))).get(0);
        Files.writeString(dir.resolve(V2gCertificateAuthority.CHAIN_FILE), TestPki.pem(leaf));
        Files.writeString(dir.resolve(V2gCertificateAuthority.KEY_FILE), TestPki.sec1(leafKey));
        assertFault(V2gCertificateAuthority.CHAIN_FILE, "is no CA certificate");
    }

    private void assertFault(String file, String what) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> V2gCertificateAuthority.openIfPresent(dir, CLOCK));
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(what), e.getMessage());
    }

    private static int count(boolean[] bits) {
        int n = 0;
        for (boolean b : bits) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
