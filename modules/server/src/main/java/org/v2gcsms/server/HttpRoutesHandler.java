package org.v2gcsms.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers the plain HTTP requests no one before it took, through the {@link HttpRoute}s, off the event loop. */
final class HttpRoutesHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(HttpRoutesHandler.class);

    private final List<HttpRoute> routes;
    private final Executor blocking;

    HttpRoutesHandler(List<HttpRoute> routes, Executor blocking) {
        this.routes = routes;
        this.blocking = blocking;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest http)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (http.decoderResult().isFailure()) {
            // Netty could not read the request (a line or header over its limits): say so, never route it.
            boolean tooLong = http.decoderResult().cause() instanceof io.netty.handler.codec.TooLongFrameException;
            http.release();
            HttpReplies.write(ctx, RouteResponse.text(tooLong ? 431 : 400, tooLong
                    ? "Request line or headers too large" : "Bad request"), false);
            return;
        }
        RouteRequest request;
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        try {
            request = toRouteRequest(http, (InetSocketAddress) ctx.channel().remoteAddress());
        } finally {
            http.release();
        }
        // One request at a time per connection, so keep-alive responses cannot overtake each other.
        ctx.channel().config().setAutoRead(false);
        try {
            blocking.execute(() -> {
                RouteResponse response = answer(request);
                if (response.isStreamed()) {
                    ctx.executor().execute(() -> stream(ctx, response));
                    return;
                }
                ctx.executor().execute(() -> HttpReplies.write(ctx, response, keepAlive)
                        .addListener(written -> ctx.channel().config().setAutoRead(true)));
            });
        } catch (RejectedExecutionException e) {
            HttpReplies.write(ctx, RouteResponse.text(503, "Service unavailable"), false);
        }
    }

    /** Headers now; the route's producer gets the stream off the event loop once they are out. */
    private void stream(ChannelHandlerContext ctx, RouteResponse response) {
        ResponseStream body = HttpReplies.startStream(ctx, response);
        // Reading again is how a client's disconnect is noticed; it sends nothing else on this connection.
        ctx.channel().config().setAutoRead(true);
        try {
            blocking.execute(() -> {
                try {
                    response.stream().accept(body);
                } catch (RuntimeException e) {
                    log.error("Streamed HTTP response failed", e);
                    body.close();
                }
            });
        } catch (RejectedExecutionException e) {
            body.close();
        }
    }

    private RouteResponse answer(RouteRequest request) {
        for (HttpRoute route : routes) {
            if (route.matches(request.method(), request.path())) {
                try {
                    return route.handle(request);
                } catch (Exception e) {
                    log.error("HTTP route for {} {} failed", request.method(), request.path(), e);
                    return RouteResponse.text(500, "Internal server error");
                }
            }
        }
        return RouteResponse.text(404, "Not found");
    }

    private static RouteRequest toRouteRequest(FullHttpRequest http, InetSocketAddress remote) {
        QueryStringDecoder uri = new QueryStringDecoder(http.uri());
        Map<String, List<String>> headers = new HashMap<>();
        for (Map.Entry<String, String> h : http.headers()) {
            headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
        }
        return new RouteRequest(http.method().name(), uri.path(), uri.parameters(), headers,
                ByteBufUtil.getBytes(http.content()), remote);
    }
}
