package org.v2gcsms.sessions.certificates;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.v2gcsms.sessions.outbound.OutboundUrls;

/**
 * What the ISO 15118 Plug &amp; Charge services need from the operator, from {@value #FILE} in the configuration
 * directory (absent: nothing configured) and the MO root certificates in its {@value #MO_ROOTS_DIR} directory.
 *
 * @param contractCertificateService where Get15118EVCertificate requests are forwarded (the e-mobility
 *                                   operator's / PKI's contract certificate service); empty: answered Failed
 * @param ocspResponder              when set, every GetCertificateStatus goes to this OCSP responder (a cache, or
 *                                   one the CSMS's network can reach) instead of the one the station names
 * @param moRoots                    the directory of MO root certificates ({@code *.pem}) contract certificates
 *                                   in Authorize must chain to
 * @param timeout                    how long a call to either service may take, connecting included
 */
public record PlugAndChargeSettings(Optional<URI> contractCertificateService, Optional<URI> ocspResponder,
                                    Path moRoots, Duration timeout) {
    public static final String FILE = "iso15118.properties";
    public static final String MO_ROOTS_DIR = "mo-roots";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public PlugAndChargeSettings {
        Objects.requireNonNull(contractCertificateService, "contractCertificateService");
        Objects.requireNonNull(ocspResponder, "ocspResponder");
        Objects.requireNonNull(moRoots, "moRoots");
        Objects.requireNonNull(timeout, "timeout");
        contractCertificateService.ifPresent(u -> requireHttp(u, "contract-certificate-url"));
        ocspResponder.ifPresent(u -> requireHttp(u, "ocsp-responder-url"));
    }

    /** Nothing configured: no contract certificate service, the stations' own OCSP responders, no MO roots. */
    public static PlugAndChargeSettings none() {
        return new PlugAndChargeSettings(Optional.empty(), Optional.empty(), Path.of(MO_ROOTS_DIR), DEFAULT_TIMEOUT);
    }

    /**
     * Reads {@code configDir/}{@value #FILE} (keys {@code contract-certificate-url}, {@code ocsp-responder-url},
     * {@code timeout-seconds}; all optional) and takes the MO roots from {@code configDir/}{@value #MO_ROOTS_DIR}.
     *
     * @throws IllegalArgumentException naming the file and key, for a value that is not usable
     */
    public static PlugAndChargeSettings load(Path configDir) {
        Path file = configDir.resolve(FILE);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        try {
            return new PlugAndChargeSettings(url(p, "contract-certificate-url"), url(p, "ocsp-responder-url"),
                    configDir.resolve(MO_ROOTS_DIR), timeout(p));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The same settings, forwarding Get15118EVCertificate to {@code service}. */
    public PlugAndChargeSettings withContractCertificateService(URI service) {
        return new PlugAndChargeSettings(Optional.of(service), ocspResponder, moRoots, timeout);
    }

    /** The same settings, asking {@code responder} for every certificate status. */
    public PlugAndChargeSettings withOcspResponder(URI responder) {
        return new PlugAndChargeSettings(contractCertificateService, Optional.of(responder), moRoots, timeout);
    }

    /** The same settings, with the MO roots in {@code dir}. */
    public PlugAndChargeSettings withMoRoots(Path dir) {
        return new PlugAndChargeSettings(contractCertificateService, ocspResponder, dir, timeout);
    }

    private static Optional<URI> url(Properties p, String key) {
        String value = p.getProperty(key, "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(requireHttp(new URI(value), key));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + value, e);
        }
    }

    private static Duration timeout(Properties p) {
        String value = p.getProperty("timeout-seconds", "").strip();
        if (value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long seconds = Long.parseLong(value);
            if (seconds < 1 || seconds > 60) {
                throw new IllegalArgumentException("timeout-seconds must be 1..60: " + value);
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("timeout-seconds is not a whole number: " + value, e);
        }
    }

    private static URI requireHttp(URI u, String key) {
        if (!OutboundUrls.isHttp(u)) {
            throw new IllegalArgumentException(key + " must be an http:// or https:// URL: " + u);
        }
        return u;
    }
}
