package org.v2gcsms.sessions.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A CPO sub-CA of the ISO 15118 V2G PKI (the "CPO Sub-CA 2"), which issues charging stations' SECC certificates
 * (SignCertificate for a V2GCertificate). The CPO obtains it from its V2G PKI and installs it in a directory as
 * {@code ca-key.pem} (its private key, unencrypted PKCS#8 or SEC1 PEM) and {@code ca-chain.pem} (its certificate
 * first, then each CA above it, up to the V2G root or short of it). The CSMS never makes one up: EVs trust only
 * the V2G roots, so a CA of our own would be worthless to them.
 */
public final class V2gCertificateAuthority implements CertificateIssuer {
    public static final String KEY_FILE = "ca-key.pem";
    public static final String CHAIN_FILE = "ca-chain.pem";
    /** A year (the usual SECC certificate validity), never beyond the sub-CA's own. */
    private static final Duration SECC_VALIDITY = Duration.ofDays(365);

    private final PrivateKey key;
    private final X509CertificateHolder certificate;
    /** The sub-CA and the CAs above it without the root, which every EV holds already (ISO 15118 leaves it out). */
    private final String chainPem;
    private final String signature;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private V2gCertificateAuthority(PrivateKey key, List<X509CertificateHolder> chain, String signature,
                                    Clock clock) {
        this.key = key;
        this.certificate = chain.get(0);
        this.chainPem = chain.stream().filter(c -> !c.getSubject().equals(c.getIssuer())).map(X509Material::pem)
                .reduce("", String::concat);
        this.signature = signature;
        this.clock = clock;
    }

    /**
     * The sub-CA installed in {@code dir}, or empty when there is no such directory.
     *
     * @throws IllegalStateException naming the file and the fault when the directory holds no usable sub-CA (a
     *                               file missing or unreadable, a key that is not the certificate's, a chain
     *                               whose links do not verify, a certificate that is no CA): an installation
     *                               mistake, reported at start rather than to the first station that asks
     */
    public static Optional<V2gCertificateAuthority> openIfPresent(Path dir, Clock clock) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Path keyFile = dir.resolve(KEY_FILE);
        Path chainFile = dir.resolve(CHAIN_FILE);
        PrivateKey key;
        List<X509CertificateHolder> chain;
        try {
            key = X509Material.privateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            throw fault(keyFile, "cannot read the sub-CA's private key: " + e.getMessage());
        }
        try {
            chain = X509Material.certificates(Files.readString(chainFile, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            throw fault(chainFile, "cannot read the certificate chain: " + e.getMessage());
        }
        if (chain.isEmpty()) {
            throw fault(chainFile, "holds no certificate");
        }
        if (!(key instanceof ECPrivateKey ec)) {
            throw fault(keyFile, "not an EC key: ISO 15118 certificates are signed with ECDSA");
        }
        X509CertificateHolder ca = chain.get(0);
        BasicConstraints constraints = BasicConstraints.fromExtensions(ca.getExtensions());
        KeyUsage usage = KeyUsage.fromExtensions(ca.getExtensions());
        if (constraints == null || !constraints.isCA() || (usage != null && !usage.hasUsages(KeyUsage.keyCertSign))) {
            throw fault(chainFile, "its first certificate (" + ca.getSubject() + ") is no CA certificate");
        }
        String signature = signatureFor(ec);
        if (!keyMatches(key, signature, ca)) {
            throw fault(keyFile, "the key is not the one certified by " + ca.getSubject());
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!signedBy(chain.get(i), chain.get(i + 1))) {
                throw fault(chainFile, chain.get(i).getSubject() + " is not signed by the next certificate, "
                        + chain.get(i + 1).getSubject() + " (the chain must go from the sub-CA up to the root)");
            }
        }
        return Optional.of(new V2gCertificateAuthority(key, chain, signature, clock));
    }

    /**
     * Signs a PEM PKCS#10 request into an SECC certificate (ISO 15118-2 Annex F profile: the request's subject
     * and EC key, ECDSA with the hash of the sub-CA's curve, digitalSignature and keyAgreement, no CA) followed by
     * the sub-CA chain without the root, all PEM.
     */
    @Override
    public String sign(String csrPem) {
        PKCS10CertificationRequest csr = X509Material.certificateRequest(csrPem);
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(csr.getSubjectPublicKeyInfo().getAlgorithm().getAlgorithm())) {
            throw new InvalidCsrException("an SECC certificate certifies an EC key");
        }
        Instant now = clock.instant();
        Instant caEnd = certificate.getNotAfter().toInstant();
        if (!certificate.isValidOn(Date.from(now))) {
            throw new CaNotValidException("the V2G sub-CA " + certificate.getSubject() + " is valid only from "
                    + certificate.getNotBefore().toInstant() + " to " + caEnd);
        }
        Instant end = now.plus(SECC_VALIDITY).isBefore(caEnd) ? now.plus(SECC_VALIDITY) : caEnd;
        BcX509ExtensionUtils ids = new BcX509ExtensionUtils();
        SubjectKeyIdentifier caId = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        AuthorityKeyIdentifier authority = caId != null ? new AuthorityKeyIdentifier(caId.getKeyIdentifier())
                : ids.createAuthorityKeyIdentifier(certificate.getSubjectPublicKeyInfo());
        try {
            X509CertificateHolder leaf = new X509v3CertificateBuilder(certificate.getSubject(),
                    X509Material.serial(random), Date.from(now), Date.from(end), csr.getSubject(),
                    csr.getSubjectPublicKeyInfo())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ids.createSubjectKeyIdentifier(csr.getSubjectPublicKeyInfo()))
                    .addExtension(Extension.authorityKeyIdentifier, false, authority)
                    .build(X509Material.signer(key, signature));
            return X509Material.pem(leaf) + chainPem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sub-CA's name, for the log. */
    public X500Name subject() {
        return certificate.getSubject();
    }

    /** When the sub-CA's certificate expires: SECC certificates issued near then are cut short to it. */
    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** ECDSA with the hash that matches the curve's strength (P-256: SHA-256, P-384: SHA-384, P-521: SHA-512). */
    private static String signatureFor(ECPrivateKey key) {
        int bits = key.getParams().getCurve().getField().getFieldSize();
        return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }

    private static boolean keyMatches(PrivateKey key, String algorithm, X509CertificateHolder ca) {
        try {
            byte[] probe = "v2g-csms key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signed = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            // The public key, not the certificate: a CA's key usage (keyCertSign) would refuse a plain signature.
            verifier.initVerify(new JcaPEMKeyConverter().getPublicKey(ca.getSubjectPublicKeyInfo()));
            verifier.update(probe);
            return verifier.verify(signed);
        } catch (GeneralSecurityException | IOException e) {
            return false;
        }
    }

    private static boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) {
        try {
            return cert.getIssuer().equals(issuer.getSubject())
                    && cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer));
        } catch (OperatorCreationException | CertException | CertificateException e) {
            return false;
        }
    }

    private static IllegalStateException fault(Path file, String what) {
        return new IllegalStateException("V2G sub-CA " + file + ": " + what);
    }
}
