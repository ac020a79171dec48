package org.v2gcsms.api;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.v2gcsms.server.HttpRoute;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.backoffice.BackOfficeRepositories;

/**
 * The back-office API composed: every endpoint group on one router, the event stream, webhooks, and the
 * dashboard. {@link #routes()} goes to the server; {@link #close()} stops the event stream and webhooks.
 * A later part of the domain (sessions, control, grid safety) adds its endpoints as an {@link EndpointGroup}
 * through {@code extraGroups} and its events by publishing on the domain's bus.
 */
public final class BackOfficeApi implements AutoCloseable {
    private final ApiRouter router;
    private final EventStream eventStream;
    private final Webhooks webhooks;
    private final ApiKeys keys;
    private final List<EndpointGroup> extraGroups;

    private BackOfficeApi(ApiRouter router, EventStream eventStream, Webhooks webhooks, ApiKeys keys,
                          List<EndpointGroup> extraGroups) {
        this.router = router;
        this.extraGroups = List.copyOf(extraGroups);
        this.eventStream = eventStream;
        this.webhooks = webhooks;
        this.keys = keys;
    }

    /**
     * @param adminKey the first admin key (from {@code --admin-api-key}); registered if not known yet
     */
    public static BackOfficeApi create(CsmsDomain domain, BackOfficeRepositories repositories, StationCallPort stations,
                                       Optional<String> adminKey, WebhookPolicy webhookPolicy, Clock clock,
                                       List<EndpointGroup> extraGroups) {
        ApiKeys keys = new ApiKeys(repositories.apiKeys(), clock);
        adminKey.ifPresent(keys::ensureAdmin);
        EventStream eventStream = new EventStream(domain.events());
        Webhooks webhooks = new Webhooks(repositories.webhooks(), domain.events(), webhookPolicy, clock);
        ApiRouter.Builder builder = ApiRouter.builder()
                .add(new StationEndpoints(domain))
                .add(new TokenEndpoints(domain.repositories().tokens()))
                .add(new TransactionEndpoints(domain))
                .add(new SessionEndpoints(domain.sessions(), clock))
                .add(new CommandEndpoints(domain, stations))
                .add(new CallEndpoints(stations))
                .add(new AccessEndpoints(keys, repositories.apiKeys(), repositories.audit(), clock))
                .add(new WebhookEndpoints(repositories.webhooks(), webhooks, clock))
                .add(eventStream)
                .add(new OpenApiEndpoint());
        extraGroups.forEach(builder::add);
        return new BackOfficeApi(builder.build(keys, repositories.audit(), clock), eventStream, webhooks, keys,
                extraGroups);
    }

    /** The HTTP routes to hand the server: the API under /api/, the dashboard at /. */
    public List<HttpRoute> routes() {
        return List.of(router, new DashboardRoute());
    }

    public ApiRouter router() {
        return router;
    }

    public ApiKeys keys() {
        return keys;
    }

    /** Stops the event stream, webhooks and every added group that runs something of its own. */
    @Override
    public void close() {
        eventStream.close();
        webhooks.close();
        for (EndpointGroup g : extraGroups) {
            if (g instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(BackOfficeApi.class).warn("Closing {} failed", g, e);
                }
            }
        }
    }
}
