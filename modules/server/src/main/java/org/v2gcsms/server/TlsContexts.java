package org.v2gcsms.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;

/** Builds the JDK-provider TLS context: TLS 1.2/1.3 only, AEAD suites only. */
final class TlsContexts {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * The four suites OCPP requires, TLS 1.3's AEAD suites, and the ECDHE-RSA GCM pair for RSA server keys
     * with forward secrecy. No CBC, RC4, 3DES, NULL or export suites.
     */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256");

    private TlsContexts() {}

    static SslContext server(TlsConfig tls) {
        allowOcppRsaSuites();
        try {
            SslContextBuilder builder = switch (tls.serverKey()) {
                case TlsConfig.ServerKey.Pem pem -> SslContextBuilder.forServer(pem.certificateChain().toFile(),
                        pem.privateKey().toFile(), pem.keyPassword().orElse(null));
                case TlsConfig.ServerKey.Pkcs12 store -> SslContextBuilder.forServer(keyManagers(store));
            };
            builder.sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE);
            tls.clientCaCertificates().ifPresent(ca -> builder.trustManager(ca.toFile()).clientAuth(ClientAuth.OPTIONAL));
            return builder.build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tls: cannot build the TLS context from " + tls + ": " + e.getMessage(), e);
        }
    }

    /**
     * OCPP (A00) requires a CSMS to offer TLS_RSA_WITH_AES_128/256_GCM, for stations that cannot do
     * ECDHE; JDK 24+ disables every TLS_RSA_* suite in jdk.tls.disabledAlgorithms. Lift that one entry
     * for this process: {@link #CIPHER_SUITES} still limits what is offered to the AEAD suites above,
     * so no RSA-CBC suite comes back. The rest of the JDK's list stays as it is.
     */
    static synchronized void allowOcppRsaSuites() {
        String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
        if (disabled != null && disabled.contains("TLS_RSA_*")) {
            Security.setProperty("jdk.tls.disabledAlgorithms",
                    disabled.replaceAll("\\s*TLS_RSA_\\*\\s*,?", " ").replaceAll(",\\s*$", "").trim());
        }
    }

    private static KeyManagerFactory keyManagers(TlsConfig.ServerKey.Pkcs12 store)
            throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        char[] password = store.password().toCharArray();
        try (InputStream in = Files.newInputStream(store.keyStore())) {
            keyStore.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore, password);
        return factory;
    }
}
