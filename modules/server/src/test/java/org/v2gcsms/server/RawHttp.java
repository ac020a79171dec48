package org.v2gcsms.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Plain HTTP over a socket, for asserting exact status codes and headers of handshakes (which a
 * WebSocket client hides) and of the plain HTTP routes.
 */
final class RawHttp {
    record Response(int status, Map<String, String> headers, Socket socket) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    /** A WebSocket upgrade request; extra header lines like "Sec-WebSocket-Protocol: ocpp2.0.1". */
    static Response upgrade(int port, String path, String... extraHeaders) throws IOException {
        return upgrade(new Socket("127.0.0.1", port), path, extraHeaders);
    }

    /** The same over a socket the caller connected (a TLS socket, for instance). */
    static Response upgrade(Socket socket, String path, String... extraHeaders) throws IOException {
        int port = socket.getPort();
        StringBuilder request = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
        for (String h : extraHeaders) {
            request.append(h).append("\r\n");
        }
        return exchange(socket, request.append("\r\n").toString());
    }

    static Response get(int port, String path) throws IOException {
        return exchange(new Socket("127.0.0.1", port), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** The body of a Content-Length response whose head {@link #get} read. */
    static String body(Response response) throws IOException {
        int length = Integer.parseInt(response.header("content-length"));
        byte[] body = response.socket().getInputStream().readNBytes(length);
        response.socket().close();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static Response exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        String statusLine = readLine(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, socket);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
