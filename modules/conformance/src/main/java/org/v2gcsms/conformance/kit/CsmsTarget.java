package org.v2gcsms.conformance.kit;

import java.net.URI;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The CSMS under test: where stations connect and where its back-office API answers, with an API key of the
 * admin role (stations and tokens are registered through it).
 *
 * <p>Given by system properties {@value #CSMS}, {@value #API}, {@value #API_KEY} (the harness sets them from
 * {@code --csms}, {@code --api}, {@code --api-key}). Without them, the first {@link CsmsLauncher} on the class
 * path starts one in-process CSMS for the whole run.
 *
 * @param ocppUrl    ends in '/': a station connects to {@code ocppUrl + stationId}
 * @param tlsOcppUrl the same CSMS's wss:// endpoint (security profiles 2 and 3), also ending in '/'; empty: the
 *                   TLS cases cannot run
 */
public record CsmsTarget(URI ocppUrl, URI apiUrl, String apiKey, Optional<URI> tlsOcppUrl) {
    public static final String CSMS = "conformance.csms";
    public static final String API = "conformance.api";
    public static final String API_KEY = "conformance.apiKey";
    public static final String TLS_CSMS = "conformance.tlsCsms";

    private static CsmsTarget current;

    public CsmsTarget {
        ocppUrl = withSlash(ocppUrl);
        tlsOcppUrl = tlsOcppUrl.map(CsmsTarget::withSlash);
    }

    /** A CSMS without a wss:// endpoint to test. */
    public CsmsTarget(URI ocppUrl, URI apiUrl, String apiKey) {
        this(ocppUrl, apiUrl, apiKey, Optional.empty());
    }

    private static URI withSlash(URI url) {
        return url.toString().endsWith("/") ? url : URI.create(url + "/");
    }

    /** Starts a CSMS in this process for a test run; found with {@link ServiceLoader}. */
    public interface CsmsLauncher {
        /** Starts the CSMS; it is stopped by {@link Running#close()} when the JVM ends. */
        Running launch() throws Exception;
    }

    /** An in-process CSMS started by a {@link CsmsLauncher}. */
    public record Running(CsmsTarget target, AutoCloseable stop) {}

    public static synchronized CsmsTarget current() {
        if (current == null) {
            current = fromProperties().orElseGet(CsmsTarget::launchInProcess);
        }
        return current;
    }

    static Optional<CsmsTarget> fromProperties() {
        String csms = System.getProperty(CSMS);
        if (csms == null || csms.isBlank()) {
            return Optional.empty();
        }
        String api = System.getProperty(API);
        if (api == null || api.isBlank()) {
            throw new IllegalStateException(CSMS + " is set but " + API + " is not: the cases need the back-office "
                    + "API to register stations and trigger the CSMS");
        }
        String tls = System.getProperty(TLS_CSMS, "");
        return Optional.of(new CsmsTarget(URI.create(csms), URI.create(api), System.getProperty(API_KEY, ""),
                tls.isBlank() ? Optional.empty() : Optional.of(URI.create(tls))));
    }

    private static CsmsTarget launchInProcess() {
        CsmsLauncher launcher = ServiceLoader.load(CsmsLauncher.class).findFirst().orElseThrow(() ->
                new IllegalStateException("No CSMS to test: set -D" + CSMS + "=ws://host:port/ocpp -D" + API
                        + "=http://host:port -D" + API_KEY + "=KEY, or put a CsmsLauncher on the class path"));
        try {
            Running running = launcher.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    running.stop().close();
                } catch (Exception e) {
                    // the JVM is ending; nothing left to tell
                }
            }, "conformance-csms-stop"));
            return running.target();
        } catch (Exception e) {
            throw new IllegalStateException("The in-process CSMS did not start: " + e, e);
        }
    }

    public BackOffice backOffice() {
        return new BackOffice(apiUrl, apiKey);
    }
}
