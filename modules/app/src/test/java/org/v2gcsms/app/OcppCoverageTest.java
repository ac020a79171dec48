package org.v2gcsms.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/ocpp-coverage.md says what the composed CSMS really handles. */
class OcppCoverageTest {
    private static final Path PAGE = Path.of("../../docs/ocpp-coverage.md");

    @TempDir
    Path dataDir;

    @Test
    void coveragePageMatchesTheComposedCsms() throws Exception {
        String fresh;
        try (Csms csms = Csms.start(CsmsSettings.local(0, dataDir))) {
            fresh = OcppCoverage.markdown(csms.handlers());
        }
        assertTrue(fresh.contains("| BootNotification | station → CSMS | yes | yes | handled |"), fresh);
        if (Boolean.getBoolean("ocpp.coverage.write")) {
            Files.writeString(PAGE, fresh);
        }
        assertEquals(fresh, Files.exists(PAGE) ? Files.readString(PAGE) : "",
                "docs/ocpp-coverage.md is out of date: rerun with -Docpp.coverage.write=true");
    }
}
