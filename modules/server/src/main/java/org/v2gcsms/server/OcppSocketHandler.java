package org.v2gcsms.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.compression.DecompressionException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * Turns a completed WebSocket handshake into a {@link StationConnection} and feeds it the socket's
 * frames. A handshake that agreed on no OCPP version is closed at once (1002). Oversized messages
 * close with 1009: no CALLERROR first, because the message id sits inside the frame we refuse to read.
 */
final class OcppSocketHandler extends ChannelInboundHandlerAdapter {
    static final AttributeKey<StationConnection> CONNECTION = AttributeKey.valueOf("ocpp.connection");
    private static final Logger log = LoggerFactory.getLogger(OcppSocketHandler.class);

    private final ServerConfig config;
    private final ConnectedStations stations;
    private final Executor handlerThreads;
    private final InboundDispatch dispatch;
    private final StationListener listener;
    private final AtomicLong connectionIds;
    private StationConnection connection;

    OcppSocketHandler(ServerConfig config, ConnectedStations stations, Executor handlerThreads,
                      InboundDispatch dispatch, StationListener listener, AtomicLong connectionIds) {
        this.config = config;
        this.stations = stations;
        this.handlerThreads = handlerThreads;
        this.dispatch = dispatch;
        this.listener = listener;
        this.connectionIds = connectionIds;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        Admission.Admitted admitted = ctx.channel().attr(HandshakeGate.ADMITTED).get();
        Optional<OcppVersion> version = Optional.ofNullable(handshake.selectedSubprotocol())
                .flatMap(OcppVersion::fromSubprotocol);
        if (version.isEmpty()) {
            log.info("Refused station {} from {} (offered {}): no supported OCPP version", admitted.stationId(),
                    ctx.channel().remoteAddress(),
                    handshake.requestHeaders().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL, "no sub-protocol"));
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR,
                    "No supported OCPP version offered")).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ConnectedStation station = new ConnectedStation(admitted.stationId(), connectionIds.incrementAndGet(),
                version.get(), admitted.profile(), admitted.autoRegistered(),
                (InetSocketAddress) ctx.channel().remoteAddress(), Instant.now());
        connection = new StationConnection(station, ctx.channel(), config, handlerThreads, dispatch, listener);
        ctx.channel().attr(CONNECTION).set(connection);
        log.info("Station {} connected from {} ({}, security profile {}{})", station.stationId(),
                station.remoteAddress(), station.version().subprotocol(), station.securityProfile().number(),
                station.autoRegistered() ? ", auto-registered" : "");
        stations.attach(connection);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            switch (frame) {
                case TextWebSocketFrame text when connection != null -> connection.onText(text.text());
                case CloseWebSocketFrame close -> onCloseFrame(ctx, close);
                case BinaryWebSocketFrame binary when connection != null ->
                        connection.close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "OCPP-J uses text frames");
                default -> { } // pongs; frames after a refused handshake
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private void onCloseFrame(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        int code = close.statusCode();
        String reason = "closed by station" + (code < 0 ? "" : " (" + code
                + (close.reasonText().isEmpty() ? "" : " " + InboundDispatch.printable(close.reasonText())) + ")");
        if (connection != null) {
            connection.recordReason(reason);
        }
        WebSocketCloseStatus echo = code < 0 ? WebSocketCloseStatus.NORMAL_CLOSURE : WebSocketCloseStatus.valueOf(code);
        ctx.writeAndFlush(new CloseWebSocketFrame(echo)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            stations.detach(connection);
            connection.onClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (tooLarge(cause)) {
            String reason = "message larger than " + config.maxFrameBytes() + " bytes";
            log.warn("Station {} from {} sent a {}; closing with 1009",
                    connection == null ? "?" : connection.station().stationId(), ctx.channel().remoteAddress(), reason);
            if (connection != null) {
                connection.close(WebSocketCloseStatus.MESSAGE_TOO_BIG, reason);
            } else {
                ctx.close();
            }
            return;
        }
        if (connection != null) {
            log.warn("Connection of station {} from {} failed: {}", connection.station().stationId(),
                    ctx.channel().remoteAddress(), cause.toString());
            connection.close(WebSocketCloseStatus.PROTOCOL_ERROR, "protocol error");
        } else {
            log.info("Connection from {} failed before the handshake: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    private static boolean tooLarge(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooLongFrameException || t instanceof DecompressionException
                    || t instanceof CorruptedWebSocketFrameException c
                    && c.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG) {
                return true;
            }
        }
        return false;
    }
}
