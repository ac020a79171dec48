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
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.v2gcsms.sessions.certificates.CertificateSigning;
import org.v2gcsms.sessions.certificates.V2gCertificateAuthority;

/**
 * TEST material only, EC P-256, written as the PEM files the CSMS reads: a self-signed server certificate for
 * {@code localhost} / {@code 127.0.0.1} ({@code --tls-cert}, {@code --tls-key}; its own trust anchor), and a
 * made-up ISO 15118 V2G PKI (a "TEST V2G Root CA" and a "TEST CPO Sub-CA" under it) installed where an operator
 * installs the CPO sub-CA of the real V2G PKI. No station or EV trusts any of it.
 */
final class TestCertificates {
    private TestCertificates() {
    }

    /** @param certificate PEM certificate; @param key PEM PKCS#8 private key */
    record ServerCertificate(Path certificate, Path key) {}

    static ServerCertificate localhost(Path dir) throws IOException, GeneralSecurityException {
        KeyPair key = ecKey();
        X500Name name = new X500Name("CN=localhost,O=v2g-csms tests");
        X509CertificateHolder certificate = sign(certificate(name, key, name, 1, Duration.ofDays(2))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")})), key);
        Files.createDirectories(dir);
        return new ServerCertificate(Files.writeString(dir.resolve("server-cert.pem"), pem(certificate)),
                Files.writeString(dir.resolve("server-key.pem"), privateKey(key)));
    }

    /** Writes a test V2G sub-CA's key and its chain (sub-CA, root) into {@code dataDir}'s V2G sub-CA directory. */
    static void installV2gSubCa(Path dataDir) throws IOException, GeneralSecurityException {
        KeyPair rootKey = ecKey();
        KeyPair subKey = ecKey();
        X500Name root = new X500Name("CN=TEST V2G Root CA (not for production),O=v2g-csms tests,DC=V2G");
        X500Name sub = new X500Name("CN=TEST CPO Sub-CA (not for production),O=v2g-csms tests,DC=CPO");
        Duration validity = Duration.ofDays(2 * 365);
        X509CertificateHolder rootCert = sign(ca(certificate(root, rootKey, root, 1, validity)), rootKey);
        X509CertificateHolder subCert = sign(ca(certificate(root, subKey, sub, 2, validity)), rootKey);
        Path dir = Files.createDirectories(dataDir.resolve(CertificateSigning.V2G_CA_DIR));
        Files.writeString(dir.resolve(V2gCertificateAuthority.KEY_FILE), privateKey(subKey));
        Files.writeString(dir.resolve(V2gCertificateAuthority.CHAIN_FILE), pem(subCert) + pem(rootCert));
    }

    private static X509v3CertificateBuilder certificate(X500Name issuer, KeyPair key, X500Name subject, long serial,
                                                        Duration validity) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, key.getPublic());
    }

    private static X509v3CertificateBuilder ca(X509v3CertificateBuilder builder) throws IOException {
        return builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    private static X509CertificateHolder sign(X509v3CertificateBuilder builder, KeyPair issuerKey)
            throws GeneralSecurityException {
        try {
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String privateKey(KeyPair key) throws IOException {
        return pem(new JcaPKCS8Generator(key.getPrivate(), null).generate());
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
