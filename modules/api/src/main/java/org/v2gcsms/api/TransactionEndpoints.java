package org.v2gcsms.api;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.v2gcsms.sessions.CsmsDomain;
import org.v2gcsms.sessions.stations.Station;
import org.v2gcsms.sessions.transactions.Transaction;
import org.v2gcsms.sessions.transactions.TransactionRepository;
import org.v2gcsms.sessions.transactions.TransactionState;

/**
 * Transactions: active ones, history with filters, one with its meter values, energy in/out and cost (the final
 * {@code cost} once over; a running one's {@code runningCost} so far).
 */
final class TransactionEndpoints implements EndpointGroup {
    private final CsmsDomain domain;
    private final TransactionRepository transactions;

    TransactionEndpoints(CsmsDomain domain) {
        this.domain = domain;
        this.transactions = domain.repositories().transactions();
    }

    @Override
    public void addTo(ApiRouter.Builder r) {
        r.get("/api/v1/transactions", Role.VIEWER, q -> {
            Optional<TransactionState> state = q.enumQuery("state", TransactionState.class);
            Optional<String> stationId = q.query("stationId");
            Optional<String> idToken = q.query("idToken");
            Optional<Instant> from = q.instantQuery("from");
            Optional<Instant> to = q.instantQuery("to");
            int limit = q.intQuery("limit", 100, 1, 1000);
            Stream<Transaction> all = stationId.map(id -> transactions.ofStation(id).stream())
                    .orElseGet(() -> domain.stations().all().stream().map(Station::id)
                            .flatMap(id -> transactions.ofStation(id).stream()));
            return Reply.ok(all
                    .filter(t -> state.map(s -> s == t.state()).orElse(true))
                    .filter(t -> idToken.map(i -> i.equals(t.idToken())).orElse(true))
                    .filter(t -> from.map(f -> t.startedAt() != null && !t.startedAt().isBefore(f)).orElse(true))
                    .filter(t -> to.map(u -> t.startedAt() != null && t.startedAt().isBefore(u)).orElse(true))
                    .sorted(Comparator.comparing(Transaction::startedAt,
                            Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                    .limit(limit)
                    .map(TransactionEndpoints::json).toList());
        });
        r.get("/api/v1/stations/{id}/transactions/{transactionId}", Role.VIEWER, q -> {
            String stationId = q.path("id");
            String transactionId = q.path("transactionId");
            Transaction t = transactions.find(stationId, transactionId).orElseThrow(() ->
                    ApiError.notFound("no transaction " + transactionId + " at station " + stationId));
            JsonObject out = json(t);
            if (t.state() == TransactionState.OPEN) {
                domain.transactions().cost(t).ifPresent(c -> out.add("runningCost", ApiJson.tree(c)));
            }
            out.add("meterValues", ApiJson.tree(transactions.samples(stationId, transactionId, null)));
            return Reply.ok(out);
        });
    }

    static JsonObject json(Transaction t) {
        JsonObject o = ApiJson.tree(t).getAsJsonObject();
        o.addProperty("importedWh", t.importedWh().orElse(null));
        o.addProperty("exportedWh", t.exportedWh().orElse(null));
        return o;
    }

    static List<JsonObject> json(List<Transaction> list) {
        return list.stream().map(TransactionEndpoints::json).toList();
    }
}
