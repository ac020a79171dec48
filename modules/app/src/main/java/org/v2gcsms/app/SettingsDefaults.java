package org.v2gcsms.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Fills every option not given on the command line: first from the environment ({@code CSMS_PORT} for
 * {@code --port}), then from the config file ({@code port=}), else the option's own default. The config
 * file is {@code --config}, else {@code $CSMS_CONFIG}, else {@code config/csms.properties} if present.
 */
final class SettingsDefaults implements CommandLine.IDefaultValueProvider {
    static final String DEFAULT_CONFIG = "config/csms.properties";

    private final Map<String, String> env;
    private final Path explicitConfig;
    private Properties file;

    /**
     * @param explicitConfig the {@code --config} given on the command line, or null. Picocli asks for
     *     defaults before it parses, so the launcher finds this one itself (see {@link #configArgument}).
     */
    SettingsDefaults(Map<String, String> env, Path explicitConfig) {
        this.env = env;
        this.explicitConfig = explicitConfig;
    }

    /** The value of {@code --config X} or {@code --config=X} among the arguments, or null. */
    static Path configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    @Override
    public String defaultValue(ArgSpec arg) throws IOException {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String key = option.longestName().replaceFirst("^--", "");
        String fromEnv = env.get(envName(key));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        if (key.equals("config")) {
            return null;
        }
        String fromFile = configFile().getProperty(key);
        return fromFile != null && !fromFile.isBlank() ? fromFile.trim() : option.defaultValue();
    }

    static String envName(String key) {
        return "CSMS_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    private Properties configFile() throws IOException {
        if (file == null) {
            file = load(configPath());
        }
        return file;
    }

    private Path configPath() {
        if (explicitConfig != null) {
            return explicitConfig;
        }
        String fromEnv = env.get(envName("config"));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Path fallback = Path.of(DEFAULT_CONFIG);
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    private static Properties load(Path path) throws IOException {
        Properties p = new Properties();
        if (path == null) {
            return p;
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("config file not found: " + path.toAbsolutePath());
        }
        try (Reader r = Files.newBufferedReader(path)) {
            p.load(r);
        }
        return p;
    }
}
