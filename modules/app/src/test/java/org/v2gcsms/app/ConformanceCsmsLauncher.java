package org.v2gcsms.app;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.v2gcsms.conformance.kit.CsmsTarget;

/**
 * Starts the CSMS the conformance cases run against in this module's test run: the real composition
 * ({@link Csms#start}), on loopback with a throw-away H2 database and an admin API key.
 */
public final class ConformanceCsmsLauncher implements CsmsTarget.CsmsLauncher {
    private static final String ADMIN_KEY = "conformance-admin-key-0123456789";

    @Override
    public CsmsTarget.Running launch() throws Exception {
        Path dataDir = Files.createTempDirectory("conformance-csms");
        Csms csms = Csms.start(CsmsSettings.local(0, dataDir).withAdminApiKey(ADMIN_KEY));
        CsmsTarget target = new CsmsTarget(csms.ocppUrl(), URI.create("http://127.0.0.1:" + csms.port()), ADMIN_KEY);
        return new CsmsTarget.Running(target, csms);
    }
}
