package org.v2gcsms.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to the IdleStateHandler in front of it: pings a quiet station (ALL_IDLE) and closes a
 * connection that sent nothing at all, not even a pong, for the idle timeout (READER_IDLE).
 */
final class KeepAlive extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(KeepAlive.class);

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof IdleStateEvent idle)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        StationConnection connection = ctx.channel().attr(OcppSocketHandler.CONNECTION).get();
        if (connection == null) {
            if (idle.state() == IdleState.READER_IDLE) {
                log.info("Closing idle connection from {} that never completed a handshake", ctx.channel().remoteAddress());
                ctx.close();
            }
            return;
        }
        if (idle.state() == IdleState.READER_IDLE) {
            log.info("Station {} from {} sent nothing within the idle timeout; closing",
                    connection.station().stationId(), ctx.channel().remoteAddress());
            connection.close(WebSocketCloseStatus.NORMAL_CLOSURE, "idle timeout");
        } else if (idle.state() == IdleState.ALL_IDLE) {
            ctx.channel().writeAndFlush(new PingWebSocketFrame()); // from the tail, through the WebSocket encoder
        }
    }
}
