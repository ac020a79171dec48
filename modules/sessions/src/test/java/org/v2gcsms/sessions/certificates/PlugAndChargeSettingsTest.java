package org.v2gcsms.sessions.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlugAndChargeSettingsTest {
    @TempDir
    Path config;

    @Test
    void withoutTheFileNothingIsConfigured() {
        PlugAndChargeSettings s = PlugAndChargeSettings.load(config);
        assertEquals(Optional.empty(), s.contractCertificateService());
        assertEquals(Optional.empty(), s.ocspResponder());
        assertEquals(config.resolve("mo-roots"), s.moRoots());
        assertEquals(PlugAndChargeSettings.DEFAULT_TIMEOUT, s.timeout());
    }

    @Test
    void theOperatorsServicesAreReadFromTheFile() throws Exception {
        Files.writeString(config.resolve(PlugAndChargeSettings.FILE), """
                contract-certificate-url = https://pki.example.com/contract-certificates
                ocsp-responder-url = http://ocsp-cache.internal:8080/
                timeout-seconds = 3
                """);
        PlugAndChargeSettings s = PlugAndChargeSettings.load(config);
        assertEquals(Optional.of(URI.create("https://pki.example.com/contract-certificates")),
                s.contractCertificateService());
        assertEquals(Optional.of(URI.create("http://ocsp-cache.internal:8080/")), s.ocspResponder());
        assertEquals(Duration.ofSeconds(3), s.timeout());
    }

    @Test
    void aValueThatIsNoHttpUrlStopsTheStartNamingFileAndKey() throws Exception {
        Files.writeString(config.resolve(PlugAndChargeSettings.FILE), "contract-certificate-url = ftp://pki/\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlugAndChargeSettings.load(config));
        assertTrue(e.getMessage().contains("iso15118.properties") && e.getMessage().contains("contract-certificate-url"),
                e.getMessage());
        Files.writeString(config.resolve(PlugAndChargeSettings.FILE), "timeout-seconds = soon\n");
        assertThrows(IllegalArgumentException.class, () -> PlugAndChargeSettings.load(config));
    }
}
