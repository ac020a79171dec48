package org.v2gcsms.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.v2gcsms.sessions.certificates.PlugAndChargeSettings;

/**
 * TEST material only: stand-ins on loopback for the services an operator connects the CSMS to for ISO 15118
 * Plug &amp; Charge, so the in-process conformance CSMS can answer M06 and M01/M02. {@code /ocsp} is an OCSP
 * responder that answers "good" for every certificate, signed by a throw-away key ("TEST OCSP Responder"); no EV
 * trusts it. {@code /contract-certificates} is a contract certificate service that accepts every request and
 * answers a fixed, meaningless EXI payload. {@link #configure} points {@code config/iso15118.properties} at them.
 */
final class TestIso15118Services implements AutoCloseable {
    /** Not a real CertificateInstallationRes: bytes for the relay to carry back, base64 as OCPP wants. */
    static final String EXI_RESPONSE = Base64.getEncoder().encodeToString(
            "TEST contract certificate response".getBytes(StandardCharsets.US_ASCII));

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final KeyPair responderKey;

    private TestIso15118Services() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        responderKey = g.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/ocsp", this::ocsp);
        server.createContext("/contract-certificates", exchange -> answer(exchange, "application/json",
                ("{\"status\":\"Accepted\",\"exiResponse\":\"" + EXI_RESPONSE + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    /** Starts the services and writes {@code configDir/iso15118.properties} naming them. */
    static TestIso15118Services configure(Path configDir) throws Exception {
        TestIso15118Services services = new TestIso15118Services();
        String base = "http://127.0.0.1:" + services.server.getAddress().getPort();
        Files.writeString(configDir.resolve(PlugAndChargeSettings.FILE), """
                # TEST services on loopback (TestIso15118Services), in place of the e-mobility operator's.
                contract-certificate-url = %s/contract-certificates
                ocsp-responder-url = %s/ocsp
                """.formatted(base, base));
        return services;
    }

    private void ocsp(HttpExchange exchange) throws IOException {
        try {
            OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
            BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(new X500Name("CN=TEST OCSP Responder")));
            for (Req r : request.getRequestList()) {
                b.addResponse(r.getCertID(), CertificateStatus.GOOD);
            }
            byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(responderKey.getPrivate()), null,
                    new Date())).getEncoded();
            answer(exchange, "application/ocsp-response", der);
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        } catch (OCSPException | OperatorCreationException e) {
            throw new IOException(e);
        }
    }

    private static void answer(HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.close();
    }
}
