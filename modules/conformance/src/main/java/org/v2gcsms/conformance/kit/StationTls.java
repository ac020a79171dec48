package org.v2gcsms.conformance.kit;

import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * TLS as a scripted station sees it (security profiles 2 and 3): which CSMS certificates it trusts, and the key
 * and certificate a profile-3 station proves itself with. Like a real station, it makes its own key, sends a
 * certificate request (SignCertificate) and connects with the chain the CSMS signed.
 *
 * <p>The trusted CSMS certificates come from the PEM file named by {@value #TRUST}; without it, the JDK's.
 */
public final class StationTls {
    public static final String TRUST = "conformance.tlsTrust";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    private final KeyStore trusted; // null: the JDK's own trust store

    private StationTls(KeyStore trusted) {
        this.trusted = trusted;
    }

    public static StationTls configured() {
        String file = System.getProperty(TRUST);
        return new StationTls(file == null || file.isBlank() ? null : trustStore(Path.of(file)));
    }

    /** Security profile 2: the station checks the CSMS's certificate and shows none of its own. */
    public SSLContext serverAuthenticated() {
        return context(null);
    }

    /** Security profile 3: the station also shows its certificate. */
    public SSLContext withKey(StationKey key) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("station", key.pair().getPrivate(), new char[0],
                    key.chain().toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
            return context(keys);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot use the station key for TLS", e);
        }
    }

    private SSLContext context(KeyManagerFactory keys) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for the scripted station", e);
        }
    }

    /**
     * Whether the endpoint takes up a TLS handshake at this protocol version (0x0303 is TLS 1.2, 0x0302 TLS 1.1):
     * it answers the ClientHello with a handshake record, where a refusal is an alert or a closed connection.
     * Hand-made, because the JDK's client will not offer TLS 1.1 at all.
     */
    public static boolean acceptsHandshake(URI endpoint, int version) {
        int port = endpoint.getPort() < 0 ? 443 : endpoint.getPort();
        try (Socket socket = new Socket(endpoint.getHost(), port)) {
            socket.setSoTimeout((int) ScriptedStation.WAIT.toMillis());
            socket.getOutputStream().write(clientHello(version));
            return socket.getInputStream().read() == TLS_HANDSHAKE_RECORD;
        } catch (IOException e) {
            return false; // reset by the server: refused as well
        }
    }

    /** A ClientHello offering the AEAD suites OCPP names (ECDHE-ECDSA, ECDHE-RSA and RSA with AES-GCM). */
    private static byte[] clientHello(int version) throws IOException {
        int[] suites = {0xC02B, 0xC02C, 0xC02F, 0xC030, 0x009C, 0x009D};
        byte[] extensions = {
                0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x1d, // supported groups
                0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // point formats
                0x00, 0x0d, 0x00, 0x08, 0x00, 0x06, 0x04, 0x01, 0x08, 0x04, 0x04, 0x03}; // signature algorithms
        var body = new java.io.ByteArrayOutputStream();
        var out = new DataOutputStream(body);
        out.writeShort(version);
        out.write(new byte[32]);
        out.writeByte(0);
        out.writeShort(suites.length * 2);
        for (int suite : suites) {
            out.writeShort(suite);
        }
        out.write(new byte[] {1, 0});
        out.writeShort(extensions.length);
        out.write(extensions);
        byte[] hello = body.toByteArray();
        var record = new java.io.ByteArrayOutputStream();
        var r = new DataOutputStream(record);
        r.writeByte(TLS_HANDSHAKE_RECORD);
        r.writeShort(0x0301);
        r.writeShort(hello.length + 4);
        r.writeInt((1 << 24) | hello.length); // client_hello, 24-bit length
        r.write(hello);
        return record.toByteArray();
    }

    private static KeyStore trustStore(Path pem) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate c : certificates(Files.readString(pem))) {
                store.setCertificateEntry("csms-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException(TRUST + " " + pem + " holds no PEM certificate");
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TRUST + " " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from " + pem, e);
        }
    }

    static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            out.add((X509Certificate) c);
        }
        return out;
    }

    /** A station's key pair (EC P-256) and the certificate chain it holds for it, leaf first. */
    public record StationKey(KeyPair pair, List<X509Certificate> chain) {
        public StationKey {
            chain = List.copyOf(chain);
        }

        /** A fresh key, no certificate yet. */
        public static StationKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return new StationKey(generator.generateKeyPair(), List.of());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no EC P-256 in this JDK", e);
            }
        }

        /** A PEM PKCS#10 request for this key, subject CN = {@code commonName} (the station identity). */
        public String certificateRequest(String commonName, String organization) {
            try {
                var request = new JcaPKCS10CertificationRequestBuilder(
                        new X500Name("CN=" + commonName + ",O=" + organization), pair.getPublic())
                        .build(signer());
                return pem(request);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The same key with the chain the CSMS sent (CertificateSigned, PEM, leaf first). */
        public StationKey withChain(String pemChain) {
            try {
                List<X509Certificate> chain = certificates(pemChain);
                if (chain.isEmpty() || !chain.get(0).getPublicKey().equals(pair.getPublic())) {
                    throw new AssertionError("the certificate chain the CSMS sent is not for the station's key");
                }
                return new StationKey(pair, chain);
            } catch (GeneralSecurityException e) {
                throw new AssertionError("the certificate chain the CSMS sent does not parse: " + e.getMessage(), e);
            }
        }

        /** The same key with a certificate it signed itself: one no CSMS should trust. */
        public StationKey selfSigned(String commonName) {
            try {
                X500Name name = new X500Name("CN=" + commonName + ",O=untrusted");
                Instant now = Instant.now();
                var holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                        pair.getPublic()).build(signer());
                return new StationKey(pair, List.of(new JcaX509CertificateConverter().getCertificate(holder)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private ContentSigner signer() {
            try {
                return new JcaContentSignerBuilder(SIGNATURE).build(pair.getPrivate());
            } catch (OperatorCreationException e) {
                throw new IllegalStateException(SIGNATURE + " is not available", e);
            }
        }

        private static String pem(Object object) throws IOException {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(object);
            }
            return text.toString();
        }
    }
}
