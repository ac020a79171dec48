package org.v2gcsms.sessions.certificates;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/** Reading and writing the PEM material the CSMS's certificate authorities keep and issue. */
final class X509Material {
    private X509Material() {
    }

    /** The first PEM object in {@code pem}. */
    static Object read(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o = parser.readObject();
            if (o == null) {
                throw new IOException("no PEM object");
            }
            return o;
        }
    }

    /** Every certificate in a PEM bundle, in the bundle's order. */
    static List<X509CertificateHolder> certificates(String pem) throws IOException {
        List<X509CertificateHolder> out = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof X509CertificateHolder cert)) {
                    throw new IOException("not a certificate: " + o.getClass().getSimpleName());
                }
                out.add(cert);
            }
        }
        return out;
    }

    /** A private key written as PKCS#8 ({@code PRIVATE KEY}) or, as OpenSSL does for EC keys, SEC1. */
    static PrivateKey privateKey(String pem) throws IOException {
        return switch (read(pem)) {
            case PrivateKeyInfo info -> new JcaPEMKeyConverter().getPrivateKey(info);
            case PEMKeyPair pair -> new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
            default -> throw new IOException("no unencrypted private key (PKCS#8 or SEC1 PEM)");
        };
    }

    static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A station's PEM PKCS#10 request whose signature verifies (the station holds the key it asks a certificate
     * for).
     *
     * @throws InvalidCsrException otherwise
     */
    static PKCS10CertificationRequest certificateRequest(String csrPem) {
        Object parsed;
        try {
            parsed = read(csrPem);
        } catch (IOException | RuntimeException e) {
            throw new InvalidCsrException("not a PEM certificate request: " + e.getMessage());
        }
        if (!(parsed instanceof PKCS10CertificationRequest csr)) {
            throw new InvalidCsrException("not a PEM certificate request");
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                throw new InvalidCsrException("the request's signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new InvalidCsrException("the request's signature cannot be checked: " + e.getMessage());
        }
        return csr;
    }

    static ContentSigner signer(PrivateKey key, String algorithm) {
        try {
            return new JcaContentSignerBuilder(algorithm).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }

    /** Positive, 128 random bits: unique enough that two certificates of one CA never share one. */
    static BigInteger serial(SecureRandom random) {
        return new BigInteger(128, random);
    }
}
