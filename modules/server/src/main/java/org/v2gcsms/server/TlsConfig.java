package org.v2gcsms.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS for wss:// (security profiles 2 and 3). The server key comes from PEM files or a PKCS#12 key
 * store. With {@code clientCaCertificates} (PEM) the server asks for, but does not demand, a client
 * certificate, so profile-2 and profile-3 stations share the port; profile-3 stations are then
 * refused without one.
 */
public record TlsConfig(ServerKey serverKey, Optional<Path> clientCaCertificates) {

    public TlsConfig {
        Objects.requireNonNull(serverKey, "tls.serverKey");
        Objects.requireNonNull(clientCaCertificates, "tls.clientCaCertificates");
        clientCaCertificates.ifPresent(p -> requireFile(p, "tls.clientCaCertificates"));
    }

    /** Where the server's certificate chain and private key come from. */
    public sealed interface ServerKey {
        /** A PEM certificate chain (leaf first) and a PKCS#8 PEM private key, optionally encrypted. */
        record Pem(Path certificateChain, Path privateKey, Optional<String> keyPassword) implements ServerKey {
            public Pem {
                requireFile(certificateChain, "tls.serverKey.certificateChain");
                requireFile(privateKey, "tls.serverKey.privateKey");
                Objects.requireNonNull(keyPassword, "tls.serverKey.keyPassword");
            }
        }

        /** A PKCS#12 key store holding one private key entry; the store and key share the password. */
        record Pkcs12(Path keyStore, String password) implements ServerKey {
            public Pkcs12 {
                requireFile(keyStore, "tls.serverKey.keyStore");
                Objects.requireNonNull(password, "tls.serverKey.password");
            }

            @Override
            public String toString() {
                return "Pkcs12[keyStore=" + keyStore + "]";
            }
        }
    }

    private static void requireFile(Path path, String field) {
        if (path == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(field + " is not a readable file: " + path);
        }
    }
}
