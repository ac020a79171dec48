package org.v2gcsms.app;

import java.nio.file.Path;

/**
 * Points the log file at the data directory. Must run before the first logger is created: logback
 * reads {@code csms.log.dir} when it configures itself (see logback.xml).
 */
final class Logging {
    private Logging() {}

    static void toDirectory(Path dataDir) {
        System.setProperty("csms.log.dir", dataDir.resolve("logs").toAbsolutePath().normalize().toString());
    }

    static Path logFile(Path dataDir) {
        return dataDir.resolve("logs").resolve("csms.log").toAbsolutePath().normalize();
    }
}
