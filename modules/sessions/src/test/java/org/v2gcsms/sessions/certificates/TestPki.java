package org.v2gcsms.sessions.certificates;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Keys, requests and certificates for the tests. TEST material only: a made-up V2G PKI (root, CPO Sub-CA 1,
 * CPO Sub-CA 2) to install as the operator would install the real one. No EV trusts it.
 */
final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(1);

    record Ca(KeyPair key, X509CertificateHolder certificate) {
    }

    final Ca root;
    final Ca sub1;
    final Ca sub2;

    TestPki(Instant from, Instant until) throws Exception {
        root = ca("CN=TEST V2G Root CA,O=v2g-csms test,DC=V2G", null, from, until);
        sub1 = ca("CN=TEST CPO Sub-CA 1,O=v2g-csms test,DC=CPO", root, from, until);
        sub2 = ca("CN=TEST CPO Sub-CA 2,O=v2g-csms test,DC=CPO", sub1, from, until);
    }

    /** A CA certificate for a fresh P-256 key, signed by {@code issuer} (self-signed when null). */
    static Ca ca(String name, Ca issuer, Instant from, Instant until) throws Exception {
        KeyPair key = ecKey();
        X500Name subject = new X500Name(name);
        X500Name issuerName = issuer == null ? subject : issuer.certificate().getSubject();
        X509CertificateHolder cert = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(from), Date.from(until), subject,
                key.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .build((issuer == null ? key : issuer.key()).getPrivate()));
        return new Ca(key, cert);
    }

    /** Installs {@code ca}'s key (SEC1, as OpenSSL writes it) and the chain in {@code dir}, leaf first. */
    static void install(Path dir, Ca ca, Ca... above) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(V2gCertificateAuthority.KEY_FILE), sec1(ca.key()));
        StringBuilder chain = new StringBuilder(pem(ca.certificate()));
        for (Ca c : above) {
            chain.append(pem(c.certificate()));
        }
        Files.writeString(dir.resolve(V2gCertificateAuthority.CHAIN_FILE), chain);
    }

    /**
     * The private key as OpenSSL writes an EC key, SEC1 naming its curve (BouncyCastle's own writer leaves the
     * curve out).
     */
    static String sec1(KeyPair key) throws Exception {
        BigInteger d = ((ECPrivateKey) key.getPrivate()).getS();
        byte[] der = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d,
                new X962Parameters(SECObjectIdentifiers.secp256r1)).getEncoded();
        return pem(new PemObject("EC PRIVATE KEY", der));
    }

    static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A PEM PKCS#10 request for {@code key}, signed with it. */
    static String csr(KeyPair key, String subject) throws Exception {
        return pem(new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }

    @SuppressWarnings("unchecked")
    static List<X509Certificate> certificates(String pem) throws Exception {
        return (List<X509Certificate>) (List<?>) List.copyOf(CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }

    static String pem(Object o) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        }
        return out.toString();
    }
}
