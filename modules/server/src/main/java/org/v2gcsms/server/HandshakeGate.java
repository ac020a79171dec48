package org.v2gcsms.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the WebSocket upgrade of {@code <prefix>/<stationId>}: a bad identity gets 400, an unknown
 * station 404, failed authentication 401 with {@code WWW-Authenticate: Basic}. The registry check
 * runs off the event loop (it may hit a database and hashes the password); reads pause meanwhile.
 * Admitted requests continue to Netty's WebSocket handshake; other paths pass by untouched.
 */
final class HandshakeGate extends ChannelInboundHandlerAdapter {
    static final AttributeKey<Admission.Admitted> ADMITTED = AttributeKey.valueOf("ocpp.admitted");
    private static final Logger log = LoggerFactory.getLogger(HandshakeGate.class);

    private final String prefix;
    private final StationAdmission admission;
    private final Executor blocking;
    private final BooleanSupplier acceptingStations;

    HandshakeGate(String prefix, StationAdmission admission, Executor blocking, BooleanSupplier acceptingStations) {
        this.prefix = prefix;
        this.admission = admission;
        this.blocking = blocking;
        this.acceptingStations = acceptingStations;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)
                || !StationPath.isUnder(prefix, new QueryStringDecoder(request.uri()).rawPath())) {
            ctx.fireChannelRead(msg);
            return;
        }
        String rawPath = new QueryStringDecoder(request.uri()).rawPath();
        if (!acceptingStations.getAsBoolean()) {
            refuse(ctx, request, rawPath, 503, "server is not accepting stations");
            return;
        }
        if (!isWebSocketUpgrade(request)) {
            refuse(ctx, request, rawPath, 400, "not a WebSocket upgrade");
            return;
        }
        String stationId;
        try {
            stationId = StationPath.stationId(prefix, rawPath);
        } catch (IllegalArgumentException e) {
            refuse(ctx, request, InboundDispatch.printable(rawPath), 400, e.getMessage());
            return;
        }
        Optional<String> authorization = Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        Optional<X509Certificate> clientCertificate = clientCertificate(tls);
        ctx.channel().config().setAutoRead(false);
        try {
            CompletableFuture
                    .supplyAsync(() -> admission.decide(stationId, authorization, tls != null, clientCertificate), blocking)
                    .whenComplete((outcome, error) -> ctx.executor().execute(() -> {
                        ctx.channel().config().setAutoRead(true);
                        if (error != null) {
                            log.error("Admission check for station {} failed", stationId, error);
                            refuse(ctx, request, stationId, 503, "admission check failed");
                            return;
                        }
                        switch (outcome) {
                            case Admission.Admitted admitted -> {
                                ctx.channel().attr(ADMITTED).set(admitted);
                                ctx.fireChannelRead(request);
                            }
                            case Admission.Refused refused ->
                                    refuse(ctx, request, stationId, refused.httpStatus(), refused.reason());
                        }
                    }));
        } catch (RejectedExecutionException e) {
            ctx.channel().config().setAutoRead(true);
            refuse(ctx, request, stationId, 503, "server is stopping");
        }
    }

    private static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return request.method().equals(HttpMethod.GET)
                && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static Optional<X509Certificate> clientCertificate(SslHandler tls) {
        if (tls == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = tls.engine().getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private static void refuse(ChannelHandlerContext ctx, FullHttpRequest request, String station, int status,
                               String reason) {
        log.info("Refused station {} from {} (offered {}): HTTP {} {}", station, ctx.channel().remoteAddress(),
                request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "no sub-protocol"), status, reason);
        request.release();
        Map<String, String> headers = status == StationAdmission.UNAUTHORIZED
                ? Map.of(HttpHeaderNames.WWW_AUTHENTICATE.toString(), "Basic realm=\"OCPP\", charset=\"UTF-8\"")
                : Map.of();
        // The status says enough; the station learns nothing about which check failed.
        String body = switch (status) {
            case 400 -> "Bad request: " + reason;
            case 401 -> "Unauthorized";
            case 404 -> "Unknown charging station";
            default -> "Service unavailable";
        };
        RouteResponse response = RouteResponse.text(status, body);
        HttpReplies.write(ctx, new RouteResponse(status, response.contentType(), response.body(), headers), false);
    }
}
