package org.v2gcsms.sessions.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.v21.AuthorizeCertificateStatusEnumType;

/**
 * The MO (mobility operator) root certificates the operator installed, and the check of an EV's contract
 * certificate chain against them (C07 central contract validation): the leaf, through the sub-CAs the station sent
 * with it, must be signed up to one of these roots, and every certificate on that path must be valid now.
 */
public final class MoRootCertificates {
    private static final Logger log = LoggerFactory.getLogger(MoRootCertificates.class);
    /** Leaf, up to two MO sub-CAs, root: ISO 15118-2 allows no more; a longer path is not followed. */
    private static final int MAX_PATH = 4;

    private final List<X509CertificateHolder> roots;
    private final Clock clock;

    public MoRootCertificates(List<X509CertificateHolder> roots, Clock clock) {
        this.roots = List.copyOf(roots);
        this.clock = clock;
    }

    /**
     * The roots in the {@code *.pem} files of {@code dir} (none when it does not exist).
     *
     * @throws IllegalStateException naming the file, when one holds anything but certificates
     */
    public static MoRootCertificates load(Path dir, Clock clock) {
        List<X509CertificateHolder> roots = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                    try {
                        roots.addAll(X509Material.certificates(Files.readString(file)));
                    } catch (IOException e) {
                        throw new IllegalStateException("MO root certificate file " + file + ": " + e.getMessage(), e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + dir, e);
            }
        }
        if (roots.isEmpty()) {
            log.info("No MO root certificates in {}: contract certificates in Authorize are answered CertChainError",
                    dir);
        } else {
            log.info("{} MO root certificate(s) from {}: {}", roots.size(), dir,
                    roots.stream().map(r -> r.getSubject().toString()).toList());
        }
        return new MoRootCertificates(roots, clock);
    }

    /** The status of the PEM contract certificate chain (leaf first) an EV presented. */
    public AuthorizeCertificateStatusEnumType check(String pemChain) {
        if (pemChain.isBlank()) {
            return AuthorizeCertificateStatusEnumType.NoCertificateAvailable;
        }
        List<X509CertificateHolder> sent;
        try {
            sent = X509Material.certificates(pemChain);
        } catch (IOException | RuntimeException e) {
            return AuthorizeCertificateStatusEnumType.CertChainError;
        }
        if (sent.isEmpty()) {
            return AuthorizeCertificateStatusEnumType.CertChainError;
        }
        List<X509CertificateHolder> path = new ArrayList<>(List.of(sent.getFirst()));
        while (true) {
            X509CertificateHolder current = path.getLast();
            if (roots.contains(current)) {
                return validity(path);
            }
            Optional<X509CertificateHolder> root = issuerAmong(current, roots);
            if (root.isPresent()) {
                path.add(root.get());
                return validity(path);
            }
            Optional<X509CertificateHolder> sub = issuerAmong(current, sent);
            if (sub.isEmpty() || path.contains(sub.get()) || path.size() == MAX_PATH) {
                return namedIssuerSignedNot(current, sent)
                        ? AuthorizeCertificateStatusEnumType.SignatureError
                        : AuthorizeCertificateStatusEnumType.CertChainError;
            }
            path.add(sub.get());
        }
    }

    private AuthorizeCertificateStatusEnumType validity(List<X509CertificateHolder> path) {
        Date now = Date.from(clock.instant());
        return path.stream().allMatch(c -> c.isValidOn(now))
                ? AuthorizeCertificateStatusEnumType.Accepted : AuthorizeCertificateStatusEnumType.CertificateExpired;
    }

    /** The certificate among {@code candidates} whose subject is {@code cert}'s issuer and whose key signed it. */
    private static Optional<X509CertificateHolder> issuerAmong(X509CertificateHolder cert,
                                                               List<X509CertificateHolder> candidates) {
        return candidates.stream().filter(c -> c != cert && c.getSubject().equals(cert.getIssuer()))
                .filter(c -> signedBy(cert, c)).findFirst();
    }

    /** A root or sent certificate bears the issuer's name, but its key did not sign: a forged or damaged chain. */
    private boolean namedIssuerSignedNot(X509CertificateHolder cert, List<X509CertificateHolder> sent) {
        return Stream.concat(roots.stream(), sent.stream())
                .anyMatch(c -> c != cert && c.getSubject().equals(cert.getIssuer()) && !signedBy(cert, c));
    }

    private static boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) {
        try {
            return cert.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer));
        } catch (CertException | OperatorCreationException | CertificateException | RuntimeException e) {
            return false;
        }
    }

    /** How many roots contract certificates may chain to. */
    public int size() {
        return roots.size();
    }
}
