package org.v2gcsms.app;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.v2gcsms.sessions.certificates.CertificateSigning;
import org.v2gcsms.sessions.certificates.V2gCertificateAuthority;

/**
 * TEST material only: a made-up ISO 15118 V2G PKI (a self-signed "TEST V2G Root CA" and a "TEST CPO Sub-CA" under
 * it, EC P-256), installed in a data directory where an operator installs the CPO sub-CA from the real V2G PKI
 * ({@code <data-dir>/v2g-ca}), so the in-process CSMS can sign V2GCertificate requests. No EV trusts it.
 */
final class TestV2gSubCa {
    private TestV2gSubCa() {
    }

    /** Writes the sub-CA's key and its chain (sub-CA, root) into {@code dataDir}'s V2G sub-CA directory. */
    static void installIn(Path dataDir) throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        Date from = Date.from(now.minus(Duration.ofMinutes(5)));
        Date until = Date.from(now.plus(Duration.ofDays(2 * 365)));
        KeyPair rootKey = ecKey();
        KeyPair subKey = ecKey();
        X500Name root = new X500Name("CN=TEST V2G Root CA (not for production),O=v2g-csms tests,DC=V2G");
        X500Name sub = new X500Name("CN=TEST CPO Sub-CA (not for production),O=v2g-csms tests,DC=CPO");
        X509CertificateHolder rootCert = ca(root, rootKey, root, rootKey, 1, from, until);
        X509CertificateHolder subCert = ca(root, rootKey, sub, subKey, 2, from, until);
        Path dir = Files.createDirectories(dataDir.resolve(CertificateSigning.V2G_CA_DIR));
        Files.writeString(dir.resolve(V2gCertificateAuthority.KEY_FILE),
                pem(new JcaPKCS8Generator(subKey.getPrivate(), null).generate()));
        Files.writeString(dir.resolve(V2gCertificateAuthority.CHAIN_FILE), pem(subCert) + pem(rootCert));
    }

    private static X509CertificateHolder ca(X500Name issuer, KeyPair issuerKey, X500Name subject, KeyPair key,
                                            long serial, Date from, Date until) throws GeneralSecurityException {
        try {
            return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial), from, until, subject,
                    key.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate()));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
