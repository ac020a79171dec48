package org.v2gcsms.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/** Writes plain HTTP responses with a correct Content-Length and connection handling. */
final class HttpReplies {
    private HttpReplies() {}

    static ChannelFuture write(ChannelHandlerContext ctx, RouteResponse response, boolean keepAlive) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            http.headers().set(h.getKey(), h.getValue());
        }
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, http.content().readableBytes());
        if (!keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ChannelFuture written = ctx.writeAndFlush(http);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }

    /** Sends the headers of a streamed response (chunked); the returned stream writes its body. */
    static ResponseStream startStream(ChannelHandlerContext ctx, RouteResponse response) {
        HttpResponse http = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()));
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            http.headers().set(h.getKey(), h.getValue());
        }
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        HttpUtil.setTransferEncodingChunked(http, true);
        ctx.writeAndFlush(http);
        return new ResponseStream() {
            @Override
            public boolean write(String piece) {
                if (!ctx.channel().isActive() || !ctx.channel().isWritable()) {
                    return false;
                }
                ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(piece, StandardCharsets.UTF_8)));
                return true;
            }

            @Override
            public void onClose(Runnable action) {
                ctx.channel().closeFuture().addListener(closed -> action.run());
            }

            @Override
            public void close() {
                if (ctx.channel().isActive()) {
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                }
            }
        };
    }
}
