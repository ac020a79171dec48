package org.v2gcsms.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.v2gcsms.control.site.Site;
import org.v2gcsms.control.site.SiteConfig;
import org.v2gcsms.control.site.SiteConfigException;
import org.v2gcsms.sessions.session.MaxDuration;
import org.v2gcsms.sessions.session.SessionLimits;

/**
 * The maximum session durations in the config directory: {@code max-session=} in a site file
 * ({@code sites/<id>.properties}) for that site's stations, and station groups
 * ({@code station-groups/<id>.properties}: {@code stations=} and {@code max-session=}). A group wins over a
 * site, a site over the default ({@code --max-session}). Bad values are refused naming the file and the field.
 */
final class SessionLimitsConfig {
    static final String GROUPS = "station-groups";
    private static final String MAX_SESSION = "max-session";
    private static final Set<String> GROUP_FIELDS = Set.of("stations", MAX_SESSION);

    private SessionLimitsConfig() {}

    /** The limits of {@code sites} (their {@code max-session}) and of the station groups under {@code configDir}. */
    static SessionLimits load(Path configDir, List<Site> sites, MaxDuration defaultLimit, Duration warnBefore)
            throws IOException {
        SessionLimits limits = SessionLimits.of(defaultLimit, warnBefore);
        for (Site site : sites) {
            limits = limits.withSiteStations(site.id(), site.stations());
            if (site.maxSession().isPresent()) {
                limits = limits.withSite(site.id(), site.maxSession().get());
            }
        }
        Path groups = configDir.resolve(GROUPS);
        if (!Files.isDirectory(groups)) {
            return limits;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(groups, "*.properties")) {
            for (Path file : files) {
                String id = file.getFileName().toString().replaceFirst("\\.properties$", "");
                Properties p = read(file);
                for (String key : p.stringPropertyNames()) {
                    if (!GROUP_FIELDS.contains(key)) {
                        throw new SiteConfigException(file.toString(), key,
                                "is not a station-group field (known: max-session, stations)");
                    }
                }
                List<String> stations = SiteConfig.stations(p, file.toString());
                String max = p.getProperty(MAX_SESSION, "");
                if (max.isBlank()) {
                    throw new SiteConfigException(file.toString(), MAX_SESSION,
                            "is missing: give the group's limit, e.g. 20m, 1h30m or off");
                }
                limits = limits.withGroupStations(id, stations).withGroup(id, SiteConfig.maxSession(max,
                        file.toString()));
            }
        }
        return limits;
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
