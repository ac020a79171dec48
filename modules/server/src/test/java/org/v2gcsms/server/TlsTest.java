package org.v2gcsms.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// for security profiles 2 and 3: protocol versions, cipher suites, Basic auth over TLS, mutual TLS. */
class TlsTest {
    private static final String PASSWORD = "0123456789abcdefXYZ";
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    private static final int TLS_ALERT_RECORD = 0x15;

    @TempDir
    static Path dir;
    static Path serverStore;
    static Path stationStore;
    static Path strangerStore;
    static Path clientCas;

    private TestServer server;

    @BeforeAll
    static void certificates() throws Exception {
        serverStore = TestCertificates.serverKeyStore(dir);
        stationStore = TestCertificates.clientKeyStore(dir, "CERT3");
        strangerStore = TestCertificates.clientKeyStore(dir, "OTHER");
        clientCas = TestCertificates.certificatesPem(dir.resolve("client-cas.pem"), stationStore, strangerStore);
    }

    @BeforeEach
    void start() throws Exception {
        TlsConfig tls = new TlsConfig(new TlsConfig.ServerKey.Pkcs12(serverStore, TestCertificates.PASSWORD),
                Optional.of(clientCas));
        server = TestServer.start(b -> b.tls(tls));
        server.registry.setAutoRegistration(AutoRegistration.REJECT);
        server.registry.registerWithPassword("TLS2", SecurityProfile.TLS_BASIC_AUTH, PASSWORD);
        server.registry.registerWithCertificate("CERT3");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void profile2StationConnectsWithBasicAuthOverTls() throws Exception {
        StationClient station = StationClient.to(server.url("TLS2")).offering("ocpp2.0.1")
                .basicAuth("TLS2", PASSWORD).tls(TestCertificates.clientContext(serverStore, null)).open();
        server.awaitEvent("connected TLS2");
        assertEquals(SecurityProfile.TLS_BASIC_AUTH, server.link().station("TLS2").orElseThrow().securityProfile());
        station.closeBlocking();
    }

    /**
     * Profile upgrade (A05): a profile-1 station that comes back over TLS with its password is on profile 2
     * from then on, and its plain ws:// connections are refused — on the same CSMS, which listens on both.
     */
    @Test
    void aProfile1StationThatConnectsOverTlsIsUpgradedAndPlainIsRefusedAfterwards() throws Exception {
        TlsConfig tls = new TlsConfig(new TlsConfig.ServerKey.Pkcs12(serverStore, TestCertificates.PASSWORD),
                Optional.empty());
        try (TestServer both = TestServer.start(b -> b.tls(tls).plainPort(0))) {
            both.registry.setAutoRegistration(AutoRegistration.REJECT);
            both.registry.registerWithPassword("UP1", SecurityProfile.BASIC_AUTH, PASSWORD);
            String plainUrl = "ws://localhost:" + both.server.plainPort() + "/ocpp/UP1";

            StationClient before = StationClient.to(plainUrl).offering("ocpp2.0.1").basicAuth("UP1", PASSWORD).open();
            both.awaitEvent("connected UP1");
            assertEquals(SecurityProfile.BASIC_AUTH, both.link().station("UP1").orElseThrow().securityProfile());
            before.closeBlocking();
            both.awaitEvent("disconnected UP1");

            StationClient upgraded = StationClient.to(both.url("UP1")).offering("ocpp2.0.1").basicAuth("UP1", PASSWORD)
                    .tls(TestCertificates.clientContext(serverStore, null)).open();
            both.awaitEvent("connected UP1");
            assertEquals(SecurityProfile.TLS_BASIC_AUTH, both.link().station("UP1").orElseThrow().securityProfile());
            assertEquals(SecurityProfile.TLS_BASIC_AUTH, both.registry.find("UP1").orElseThrow().profile());
            upgraded.closeBlocking();

            try (Socket plain = new Socket("127.0.0.1", both.server.plainPort())) {
                RawHttp.Response refused = RawHttp.upgrade(plain, "/ocpp/UP1", "Sec-WebSocket-Protocol: ocpp2.0.1",
                        "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("UP1:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertEquals(401, refused.status(), "after the upgrade, profile 1 is refused");
            }
        }
    }

    @Test
    void aPlainPortNeedsTls() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.builder().plainPort(0).build());
    }

    @Test
    void profile2WithWrongPasswordOverTlsGets401() throws Exception {
        assertEquals(401, upgradeStatus("TLS2", null, "Authorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("TLS2:wrong-password-000".getBytes())));
    }

    @Test
    void profile3StationConnectsWithItsClientCertificate() throws Exception {
        StationClient station = StationClient.to(server.url("CERT3")).offering("ocpp2.1")
                .tls(TestCertificates.clientContext(serverStore, stationStore)).open();
        server.awaitEvent("connected CERT3");
        assertEquals(SecurityProfile.TLS_CLIENT_CERTIFICATE,
                server.link().station("CERT3").orElseThrow().securityProfile());
        station.closeBlocking();
    }

    @Test
    void profile3WithAnotherStationsCertificateGets401() throws Exception {
        assertEquals(401, upgradeStatus("CERT3", strangerStore));
    }

    @Test
    void profile3WithoutClientCertificateGets401() throws Exception {
        assertEquals(401, upgradeStatus("CERT3", null));
    }

    @Test
    void serverKeyFromPemFilesWorksToo() throws Exception {
        Path cert = TestCertificates.certificatesPem(dir.resolve("server.pem"), serverStore);
        Path key = TestCertificates.privateKeyPem(dir.resolve("server-key.pem"), serverStore);
        TlsConfig tls = new TlsConfig(new TlsConfig.ServerKey.Pem(cert, key, Optional.empty()), Optional.empty());
        try (TestServer pem = TestServer.start(b -> b.tls(tls))) {
            StationClient station = StationClient.to(pem.url("ANY")).offering("ocpp2.0.1")
                    .tls(TestCertificates.clientContext(serverStore, null)).open();
            assertEquals("ocpp2.0.1", station.subprotocol());
            station.closeBlocking();
        }
    }

    @Test
    void tls12WithAnAeadSuiteIsAccepted() throws IOException {
        // The control for the two refusals below: the same hand-made ClientHello, acceptable version and suites.
        assertEquals(TLS_HANDSHAKE_RECORD, firstRecordAnswering(0x0303, 0xC02F, 0xC030, 0x009C, 0x009D));
    }

    @Test
    void theOcppRsaSuitesAreAcceptedForStationsWithoutEcdhe() throws IOException {
        // OCPP requires TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009C) and _256_GCM_SHA384 (0x009D), which the JDK disables.
        assertEquals(TLS_HANDSHAKE_RECORD, firstRecordAnswering(0x0303, 0x009C));
        assertEquals(TLS_HANDSHAKE_RECORD, firstRecordAnswering(0x0303, 0x009D));
    }

    @Test
    void tls11IsRefused() throws IOException {
        assertTlsRefused(firstRecordAnswering(0x0302, 0xC02F, 0xC013, 0x002F, 0x009C));
    }

    @Test
    void brokenCipherSuitesAreRefused() throws IOException {
        // CBC with SHA-1, RC4, 3DES, NULL: nothing the server may agree to.
        assertTlsRefused(firstRecordAnswering(0x0303, 0xC013, 0x002F, 0x0005, 0x000A, 0x0002));
    }

    private static void assertTlsRefused(int firstRecord) {
        assertTrue(firstRecord == TLS_ALERT_RECORD || firstRecord == -1,
                "expected an alert or a closed connection, got record type " + firstRecord);
    }

    private int upgradeStatus(String stationId, Path clientStore, String... headers) throws Exception {
        SSLContext context = TestCertificates.clientContext(serverStore, clientStore);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.startHandshake();
            String[] all = new String[headers.length + 1];
            all[0] = "Sec-WebSocket-Protocol: ocpp2.0.1";
            System.arraycopy(headers, 0, all, 1, headers.length);
            RawHttp.Response response = RawHttp.upgrade(socket, "/ocpp/" + stationId, all);
            if (response.status() == 401) {
                assertTrue(response.header("www-authenticate").startsWith("Basic"));
            }
            return response.status();
        }
    }

    /**
     * Sends a minimal ClientHello (the JDK's own client refuses to offer TLS 1.1 or weak suites, so it
     * cannot test the server) and returns the type of the first record the server answers with.
     */
    private int firstRecordAnswering(int clientVersion, int... suites) throws IOException {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(hello);
        h.writeShort(clientVersion);
        h.write(new byte[32]); // random
        h.writeByte(0); // no session id
        h.writeShort(suites.length * 2);
        for (int suite : suites) {
            h.writeShort(suite);
        }
        h.writeByte(1);
        h.writeByte(0); // null compression
        byte[] extensions = {
                0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x1d, // supported_groups: secp256r1, x25519
                0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // ec_point_formats: uncompressed
                0x00, 0x0d, 0x00, 0x08, 0x00, 0x06, 0x04, 0x01, 0x08, 0x04, 0x04, 0x03}; // signature_algorithms
        h.writeShort(extensions.length);
        h.write(extensions);
        byte[] body = hello.toByteArray();

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        DataOutputStream r = new DataOutputStream(record);
        r.writeByte(TLS_HANDSHAKE_RECORD);
        r.writeShort(0x0301);
        r.writeShort(body.length + 4);
        r.writeByte(1); // client_hello
        r.writeByte(0);
        r.writeShort(body.length);
        r.write(body);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(record.toByteArray());
            return socket.getInputStream().read();
        }
    }
}
