package org.v2gcsms.sessions.certificates;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A service outside the CSMS for the tests (an OCSP responder, a contract certificate service): an HTTP server
 * on loopback that keeps what it is posted and answers each body as {@code answer} says.
 */
final class FakeHttpService implements AutoCloseable {
    record Posted(String contentType, byte[] body) {
    }

    record Answer(int status, byte[] body) {
    }

    final BlockingQueue<Posted> posted = new LinkedBlockingQueue<>();
    private final HttpServer server;

    FakeHttpService(Function<byte[], Answer> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            posted.add(new Posted(exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Answer a = answer.apply(body);
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a.body());
            }
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** A loopback URL nothing listens on: connecting is refused. */
    static URI unreachable() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/ocsp");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
