package org.v2gcsms.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.v2gcsms.ocpp.OcppVersion;

/**
 * The OCPP-J WebSocket endpoint: {@code ws[s]://host:port/<prefix>/<stationId>}, plus plain HTTP
 * routes on the same port. The channel pipeline is composed here and nowhere else.
 *
 * <pre>
 * idle → keep-alive → [tls] → http codec → http aggregator → station gate → permessage-deflate
 *      → websocket handshake/codec → message aggregator → ocpp → http routes
 * </pre>
 */
public final class CsmsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CsmsServer.class);
    /** Plain HTTP bodies (the back-office API); station traffic is bounded by maxFrameBytes instead. */
    private static final int MAX_HTTP_BODY_BYTES = 1024 * 1024;
    /** How long close() waits for sockets to finish closing once the close frames are out. */
    private static final long SOCKET_CLOSE_WAIT_MILLIS = 2_000;

    private final ServerConfig config;
    private final StationAdmission admission;
    private final InboundDispatch dispatch;
    private final StationListener listener;
    private final List<HttpRoute> routes;
    private final ConnectedStations stations;
    private final ExecutorService handlerThreads =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ocpp-", 0).factory());
    private final AtomicLong connectionIds = new AtomicLong();
    private final ChannelGroup sockets = new DefaultChannelGroup("stations", GlobalEventExecutor.INSTANCE);
    private volatile ServerState state = ServerState.NEW;
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;
    private Channel listening;
    private Channel listeningPlain;

    /**
     * @param routes plain HTTP routes, asked after the built-in {@code GET /health}
     */
    public CsmsServer(ServerConfig config, StationRegistry registry, OcppHandlers handlers, StationListener listener,
                      List<HttpRoute> routes) {
        this.config = config;
        this.admission = new StationAdmission(registry);
        this.dispatch = new InboundDispatch(handlers);
        this.listener = listener;
        this.stations = new ConnectedStations(config.callTimeout());
        List<HttpRoute> all = new ArrayList<>();
        all.add(new HealthRoute(this::state, stations::count));
        all.addAll(routes);
        this.routes = List.copyOf(all);
    }

    /** Binds and returns once the port is listening. */
    public synchronized void start() throws InterruptedException {
        if (state != ServerState.NEW) {
            throw new IllegalStateException("Server was already started (" + state + ")");
        }
        state = ServerState.STARTING;
        for (OcppVersion version : OcppVersion.values()) {
            Catalogues.of(version); // load the schemas now, not on the first station's message
        }
        SslContext tls = config.tls().map(TlsContexts::server).orElse(null);
        acceptors = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        try {
            listening = listen(config.port(), tls);
            if (config.plainPort().isPresent()) {
                listeningPlain = listen(config.plainPort().getAsInt(), null);
            }
        } catch (RuntimeException | InterruptedException e) {
            if (listening != null) {
                listening.close();
            }
            acceptors.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            handlerThreads.shutdown();
            state = ServerState.STOPPED;
            throw e;
        }
        state = ServerState.RUNNING;
        log.info("Accepting stations on {}://{}:{}{}/<stationId> ({} and {})", config.tlsEnabled() ? "wss" : "ws",
                config.host(), port(), config.pathPrefix(), OcppVersion.V21.subprotocol(), OcppVersion.V201.subprotocol());
        if (listeningPlain != null) {
            log.info("Accepting stations on ws://{}:{}{}/<stationId> too (security profile 1, until they upgrade)",
                    config.host(), plainPort(), config.pathPrefix());
        }
    }

    /** One listening socket; {@code tls} null: plain ws://. Both listeners share the threads and the pipeline. */
    private Channel listen(int port, SslContext tls) throws InterruptedException {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        sockets.add(channel);
                        compose(channel, tls);
                    }
                })
                .bind(config.host(), port).sync().channel();
    }

    private void compose(SocketChannel channel, SslContext tls) {
        ChannelPipeline p = channel.pipeline();
        p.addLast("idle", new IdleStateHandler(config.idleTimeout().toMillis(), 0, config.pingInterval().toMillis(),
                TimeUnit.MILLISECONDS));
        p.addLast("keep-alive", new KeepAlive());
        if (tls != null) {
            p.addLast("tls", tls.newHandler(channel.alloc()));
        }
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregator", new HttpBodyLimit(MAX_HTTP_BODY_BYTES));
        p.addLast("station-gate", new HandshakeGate(config.pathPrefix(), admission, handlerThreads,
                () -> state == ServerState.RUNNING));
        p.addLast("permessage-deflate", new WebSocketServerExtensionHandler(new PerMessageDeflateServerExtensionHandshaker(
                6, ZlibCodecFactory.isSupportingWindowSizeAndMemLevel(), PerMessageDeflateServerExtensionHandshaker.MAX_WINDOW_SIZE,
                true, // allow server_no_context_takeover: common station stacks ask for it
                false, config.maxFrameBytes())));
        p.addLast("websocket", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(config.pathPrefix())
                .checkStartsWith(true)
                // Netty picks the first of the client's offers that appears here: the client's preference wins.
                .subprotocols(OcppVersion.V21.subprotocol() + "," + OcppVersion.V201.subprotocol())
                .maxFramePayloadLength(config.maxFrameBytes())
                .allowExtensions(true)
                .handleCloseFrames(false)
                // We send every close frame ourselves, with the code and reason that fit (1009, 1008, 1001...).
                .sendCloseFrame(null)
                .closeOnProtocolViolation(false)
                .handshakeTimeoutMillis(config.handshakeTimeout().toMillis())
                .build()));
        p.addLast("websocket-messages", new WebSocketFrameAggregator(config.maxFrameBytes()));
        p.addLast("ocpp", new OcppSocketHandler(config, stations, handlerThreads, dispatch, listener, connectionIds));
        p.addLast("http-routes", new HttpRoutesHandler(routes, handlerThreads));
    }

    /** The bound port (useful with port 0). */
    public int port() {
        if (listening == null) {
            throw new IllegalStateException("Server is not started");
        }
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /** The bound port of the extra ws:// listener ({@link ServerConfig#plainPort()}). */
    public int plainPort() {
        if (listeningPlain == null) {
            throw new IllegalStateException("Server has no plain listener (not started, or no plainPort configured)");
        }
        return ((InetSocketAddress) listeningPlain.localAddress()).getPort();
    }

    /** Where other modules send CALLs to stations. */
    public StationLink stations() {
        return stations;
    }

    public ServerState state() {
        return state;
    }

    public ServerConfig config() {
        return config;
    }

    /**
     * Graceful shutdown: refuse new stations (and report 503 on /health), let running handlers finish
     * (at most {@code shutdownGrace}), close every station with 1001, stop listening, deliver the
     * disconnect events, and release the threads.
     */
    @Override
    public synchronized void close() {
        if (state == ServerState.STOPPING || state == ServerState.STOPPED) {
            return;
        }
        if (state == ServerState.NEW) {
            state = ServerState.STOPPED;
            handlerThreads.shutdown();
            return;
        }
        state = ServerState.STOPPING;
        List<StationConnection> open = stations.all();
        log.info("Stopping: letting handlers of {} stations finish", open.size());
        await(CompletableFuture.allOf(open.stream().map(StationConnection::quiesce).toArray(CompletableFuture[]::new)),
                config.shutdownGrace().toMillis(), "running handlers");
        for (StationConnection connection : open) {
            connection.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "server shutting down");
        }
        listening.close().syncUninterruptibly();
        if (listeningPlain != null) {
            listeningPlain.close().syncUninterruptibly();
        }
        if (!sockets.newCloseFuture().awaitUninterruptibly(SOCKET_CLOSE_WAIT_MILLIS)) {
            log.warn("Some sockets did not close in time; forcing them closed");
        }
        sockets.close().awaitUninterruptibly(SOCKET_CLOSE_WAIT_MILLIS);
        await(CompletableFuture.allOf(open.stream().map(StationConnection::finished).toArray(CompletableFuture[]::new)),
                config.shutdownGrace().toMillis(), "disconnect events");
        handlerThreads.shutdown();
        acceptors.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        state = ServerState.STOPPED;
        log.info("Stopped");
    }

    private static void await(CompletableFuture<Void> all, long millis, String what) {
        try {
            all.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Shutdown: {} did not finish within {} ms; going on", what, millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Shutdown: waiting for {} failed", what, e.getCause());
        }
    }
}
