package org.v2gcsms.sessions.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The CA the CSMS signs station certificate requests (SignCertificate) with: an EC P-256 key and a self-signed
 * certificate kept as {@code ca-key.pem} and {@code ca-cert.pem} in one directory, created there on first use
 * so every later start signs with the same CA (stations keep trusting it).
 */
public final class StationCertificateAuthority implements CertificateIssuer {
    static final String KEY_FILE = "ca-key.pem";
    static final String CERT_FILE = "ca-cert.pem";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration STATION_VALIDITY = Duration.ofDays(365);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final PrivateKey key;
    private final X509CertificateHolder certificate;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private StationCertificateAuthority(PrivateKey key, X509CertificateHolder certificate, Clock clock) {
        this.key = key;
        this.certificate = certificate;
        this.clock = clock;
    }

    /** The CA's certificate (PEM) in {@code dir}: what TLS trusts as the issuer of station certificates. */
    public static Path certificateFile(Path dir) {
        return dir.resolve(CERT_FILE);
    }

    /** The CA kept in {@code dir}, generated and written there if the directory holds none yet. */
    public static StationCertificateAuthority openOrCreate(Path dir, Clock clock) {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certFile = dir.resolve(CERT_FILE);
        try {
            if (Files.exists(keyFile) && Files.exists(certFile)) {
                return new StationCertificateAuthority(X509Material.privateKey(Files.readString(keyFile)),
                        (X509CertificateHolder) X509Material.read(Files.readString(certFile)), clock);
            }
            KeyPair pair = newKeyPair();
            X500Name name = new X500Name("CN=v2g-csms station CA,O=v2g-csms");
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    X509Material.serial(new SecureRandom()), Date.from(now), Date.from(now.plus(CA_VALIDITY)), name,
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509CertificateHolder cert = builder.build(X509Material.signer(pair.getPrivate(), SIGNATURE));
            Files.createDirectories(dir);
            Files.writeString(keyFile, X509Material.pem(pkcs8(pair.getPrivate())));
            restrictToOwner(keyFile);
            Files.writeString(certFile, X509Material.pem(cert));
            return new StationCertificateAuthority(pair.getPrivate(), cert, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the station CA in " + dir, e);
        }
    }

    /**
     * Signs a PEM PKCS#10 request: the station certificate (the request's subject and key, a year's validity,
     * client and server authentication) followed by this CA's certificate, both PEM.
     *
     * @throws InvalidCsrException when the text is no PEM certificate request or its signature does not verify
     */
    @Override
    public String sign(String csrPem) {
        PKCS10CertificationRequest csr = X509Material.certificateRequest(csrPem);
        Instant now = clock.instant();
        try {
            X509CertificateHolder signed = new X509v3CertificateBuilder(certificate.getSubject(),
                    X509Material.serial(random), Date.from(now), Date.from(now.plus(STATION_VALIDITY)),
                    csr.getSubject(), csr.getSubjectPublicKeyInfo())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}))
                    .build(X509Material.signer(key, SIGNATURE));
            return X509Material.pem(signed) + X509Material.pem(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This CA's certificate, PEM: what stations install as their CSMS root to trust the chains. */
    public String certificatePem() {
        return X509Material.pem(certificate);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JDK", e);
        }
    }

    /** PKCS#8, which carries the curve with the key (the SEC1 form BouncyCastle writes by default does not). */
    private static JcaPKCS8Generator pkcs8(PrivateKey key) {
        try {
            return new JcaPKCS8Generator(key, null);
        } catch (PemGenerationException e) {
            throw new IllegalStateException("Cannot encode the CA key", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions are all the protection there is.
        }
    }
}
