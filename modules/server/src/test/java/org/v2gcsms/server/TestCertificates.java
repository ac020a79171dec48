package org.v2gcsms.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed certificates made with the JDK's keytool, and client TLS contexts that use them. */
final class TestCertificates {
    static final String PASSWORD = "changeit";

    private TestCertificates() {}

    /** A PKCS#12 store with one key pair whose certificate has this CN (and SANs, for the server). */
    static Path keyStore(Path dir, String name, String cn, String... extra) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-dname", "CN=" + cn + ",O=v2g-csms tests", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        command.addAll(List.of(extra));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return store;
    }

    static Path serverKeyStore(Path dir) throws IOException, InterruptedException {
        return keyStore(dir, "server", "localhost", "-keyalg", "RSA", "-keysize", "2048",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1");
    }

    static Path clientKeyStore(Path dir, String stationId) throws IOException, InterruptedException {
        return keyStore(dir, "client-" + stationId, stationId, "-keyalg", "EC", "-groupname", "secp256r1");
    }

    static KeyStore load(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        return keyStore;
    }

    static Certificate certificate(Path store) throws Exception {
        KeyStore keyStore = load(store);
        return keyStore.getCertificate(keyStore.aliases().nextElement());
    }

    /** The certificates of these stores, as one PEM bundle. */
    static Path certificatesPem(Path file, Path... stores) throws Exception {
        StringBuilder pem = new StringBuilder();
        for (Path store : stores) {
            pem.append(pem("CERTIFICATE", certificate(store).getEncoded()));
        }
        return Files.writeString(file, pem);
    }

    /** The private key of a store as unencrypted PKCS#8 PEM. */
    static Path privateKeyPem(Path file, Path store) throws Exception {
        KeyStore keyStore = load(store);
        PrivateKey key = (PrivateKey) keyStore.getKey(keyStore.aliases().nextElement(), PASSWORD.toCharArray());
        return Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
    }

    /** A client context trusting the server's certificate, presenting {@code clientStore} if given. */
    static SSLContext clientContext(Path serverStore, Path clientStore) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate(serverStore));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (clientStore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(clientStore), PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
