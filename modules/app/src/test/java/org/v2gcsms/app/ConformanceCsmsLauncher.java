package org.v2gcsms.app;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.v2gcsms.conformance.kit.CsmsTarget;
import org.v2gcsms.conformance.kit.StationTls;
import org.v2gcsms.sessions.certificates.PlugAndChargeSettings;

/**
 * Starts the CSMS the conformance cases run against in this module's test run: the real composition
 * ({@link Csms#start}), on loopback with a throw-away H2 database and an admin API key. Its configuration is the
 * shipped presets, loads and tariffs with the conformance sites ({@code src/test/resources/conformance-config}:
 * the station-id prefixes the cases that need a planned station use; docs/conformance.md). Its data directory
 * holds a test V2G sub-CA ({@link TestCertificates#installV2gSubCa}), as an operator's holds the CPO sub-CA,
 * for TC_A_12. For ISO 15118 Plug &amp; Charge its configuration names stand-in OCSP and contract certificate services
 * ({@link TestIso15118Services}: TC_M_24, TC_M_26, TC_M_28) and holds the cases' test root as MO root
 * ({@code conformance-config/mo-roots/octt-test-root.pem}, the contract certificate TC_C_52 sends). It serves
 * wss:// (a fresh self-signed {@code localhost} certificate, which the scripted stations are told to trust) on its
 * main port for the TLS cases, and ws:// with the API on a second one.
 */
public final class ConformanceCsmsLauncher implements CsmsTarget.CsmsLauncher {
    private static final String ADMIN_KEY = "conformance-admin-key-0123456789";

    @Override
    public CsmsTarget.Running launch() throws Exception {
        Path dataDir = Files.createTempDirectory("conformance-csms");
        TestCertificates.installV2gSubCa(dataDir);
        // wss:// on the main port (the TLS cases), plain ws:// and the API beside it on a second one.
        TestCertificates.ServerCertificate tls = TestCertificates.localhost(dataDir.resolve("tls"));
        System.setProperty(StationTls.TRUST, tls.certificate().toString());
        Path config = configDir(dataDir.resolve("config"));
        TestIso15118Services iso15118 = TestIso15118Services.configure(config);
        Csms csms = Csms.start(CsmsSettings.local(0, dataDir).withAdminApiKey(ADMIN_KEY).withConfigDir(config)
                .withTls(new CsmsSettings.Tls(tls.certificate(), tls.key(), Optional.empty(), OptionalInt.of(0))));
        URI plain = csms.plainOcppUrl().orElseThrow();
        CsmsTarget target = new CsmsTarget(plain, URI.create("http://127.0.0.1:" + plain.getPort()), ADMIN_KEY,
                Optional.of(URI.create("wss://localhost:" + csms.port() + plain.getPath())));
        return new CsmsTarget.Running(target, () -> {
            csms.close();
            iso15118.close();
        });
    }

    private static Path configDir(Path dir) throws IOException, URISyntaxException {
        SiteConfigDir.create(dir);
        Files.createDirectories(dir.resolve(PlugAndChargeSettings.MO_ROOTS_DIR));
        Path conformance = Path.of(ConformanceCsmsLauncher.class.getResource("/conformance-config").toURI());
        for (String sub : List.of("sites", "grid-safety", PlugAndChargeSettings.MO_ROOTS_DIR)) {
            try (var files = Files.list(conformance.resolve(sub))) {
                for (Path p : files.toList()) {
                    Files.copy(p, dir.resolve(sub).resolve(p.getFileName()));
                }
            }
        }
        return dir;
    }
}
