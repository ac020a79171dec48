package org.v2gcsms.sessions.devicemodel;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.v2gcsms.ocpp.v21.GenericDeviceModelStatusEnumType;
import org.v2gcsms.ocpp.v21.GetBaseReportRequest;
import org.v2gcsms.ocpp.v21.GetBaseReportResponse;
import org.v2gcsms.ocpp.v21.GetReportRequest;
import org.v2gcsms.ocpp.v21.GetReportResponse;
import org.v2gcsms.ocpp.v21.GetVariableDataType;
import org.v2gcsms.ocpp.v21.GetVariableResultType;
import org.v2gcsms.ocpp.v21.GetVariableStatusEnumType;
import org.v2gcsms.ocpp.v21.GetVariablesRequest;
import org.v2gcsms.ocpp.v21.GetVariablesResponse;
import org.v2gcsms.ocpp.v21.NotifyReportRequest;
import org.v2gcsms.ocpp.v21.NotifyReportResponse;
import org.v2gcsms.ocpp.v21.ReportBaseEnumType;
import org.v2gcsms.ocpp.v21.ReportDataType;
import org.v2gcsms.ocpp.v21.SetVariableDataType;
import org.v2gcsms.ocpp.v21.SetVariableResultType;
import org.v2gcsms.ocpp.v21.SetVariableStatusEnumType;
import org.v2gcsms.ocpp.v21.SetVariablesRequest;
import org.v2gcsms.ocpp.v21.SetVariablesResponse;
import org.v2gcsms.ocpp.v21.StatusInfoType;
import org.v2gcsms.ocpp.v21.VariableAttributeType;
import org.v2gcsms.ocpp.v21.VariableCharacteristicsType;
import org.v2gcsms.sessions.StationContext;
import org.v2gcsms.sessions.WireEnums;
import org.v2gcsms.sessions.commands.StationCommands;
import org.v2gcsms.sessions.stations.ConnectorState;
import org.v2gcsms.sessions.stations.StationRepository;

/**
 * The device model: stores what NotifyReport tells, asks for reports, reads and writes variables (in
 * batches no larger than the station's DeviceDataCtrlr.ItemsPerMessage) and keeps every per-variable result.
 */
public final class DeviceModelService {
    private final DeviceModelRepository model;
    private final StationRepository stations;
    private final StationCommands commands;
    private final Clock clock;
    private final AtomicInteger requestIds = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000));
    /** Reports asked for and not yet complete, by station and requestId. */
    private final Map<String, CompletableFuture<ReportOutcome>> reports = new ConcurrentHashMap<>();
    /** Attributes received so far for each report in {@link #reports}. */
    private final Map<String, Integer> countedParts = new ConcurrentHashMap<>();

    /** How a report request ended: the station's answer, and how many attributes its NotifyReports carried. */
    public record ReportOutcome(GenericDeviceModelStatusEnumType status, int attributes) {}

    public DeviceModelService(DeviceModelRepository model, StationRepository stations, StationCommands commands,
                              Clock clock) {
        this.model = model;
        this.stations = stations;
        this.commands = commands;
        this.clock = clock;
    }

    public NotifyReportResponse notifyReport(StationContext ctx, NotifyReportRequest r) {
        Instant now = clock.instant();
        List<DeviceVariable> variables = new ArrayList<>();
        for (ReportDataType d : r.reportData() == null ? List.<ReportDataType>of() : r.reportData()) {
            VariableCharacteristicsType c = d.variableCharacteristics();
            for (VariableAttributeType a : d.variableAttribute()) {
                variables.add(new DeviceVariable(VariableKey.of(d.component(), d.variable(), a.type()), a.value(),
                        WireEnums.wire(a.mutability()), a.persistent(), a.constant(),
                        c == null ? null : WireEnums.wire(c.dataType()), c == null ? null : c.unit(),
                        c == null ? null : c.minLimit(), c == null ? null : c.maxLimit(),
                        c == null ? null : c.valuesList(), now));
            }
            if (d.component().evse() != null && "Connector".equalsIgnoreCase(d.component().name())
                    && d.component().evse().connectorId() != null) {
                stations.connectorReported(new ConnectorState(ctx.stationId(), d.component().evse().id(),
                        d.component().evse().connectorId(), null, now));
            }
        }
        model.store(ctx.stationId(), variables);
        String key = reportKey(ctx.stationId(), r.requestId());
        CompletableFuture<ReportOutcome> pending = reports.get(key);
        if (pending != null) {
            countedParts.merge(key, variables.size(), Integer::sum);
            if (!Boolean.TRUE.equals(r.tbc())) {
                reports.remove(key);
                pending.complete(new ReportOutcome(GenericDeviceModelStatusEnumType.Accepted,
                        countedParts.remove(key)));
            }
        }
        return new NotifyReportResponse(null);
    }

    /** Asks for a base report; completes when its last NotifyReport is stored (or at once if refused). */
    public CompletableFuture<ReportOutcome> requestBaseReport(String stationId, ReportBaseEnumType base) {
        int requestId = requestIds.incrementAndGet();
        CompletableFuture<ReportOutcome> done = expectReport(stationId, requestId);
        commands.send(stationId, new GetBaseReportRequest(requestId, base, null), GetBaseReportResponse.class)
                .whenComplete((answer, failure) -> settle(stationId, requestId, done,
                        answer == null ? null : answer.status(), failure));
        return done;
    }

    /** Asks for a report of selected components/variables; completes as {@link #requestBaseReport}. */
    public CompletableFuture<ReportOutcome> requestReport(String stationId, GetReportRequest request) {
        int requestId = requestIds.incrementAndGet();
        CompletableFuture<ReportOutcome> done = expectReport(stationId, requestId);
        GetReportRequest numbered = new GetReportRequest(request.componentVariable(), requestId,
                request.componentCriteria(), request.customData());
        commands.send(stationId, numbered, GetReportResponse.class).whenComplete((answer, failure) ->
                settle(stationId, requestId, done, answer == null ? null : answer.status(), failure));
        return done;
    }

    private CompletableFuture<ReportOutcome> expectReport(String stationId, int requestId) {
        CompletableFuture<ReportOutcome> done = new CompletableFuture<>();
        reports.put(reportKey(stationId, requestId), done);
        return done;
    }

    private void settle(String stationId, int requestId, CompletableFuture<ReportOutcome> done,
                        GenericDeviceModelStatusEnumType status, Throwable failure) {
        if (failure != null || status != GenericDeviceModelStatusEnumType.Accepted) {
            reports.remove(reportKey(stationId, requestId));
            countedParts.remove(reportKey(stationId, requestId));
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(new ReportOutcome(status, 0));
            }
        }
    }

    /** Reads variables from the station; each result is recorded and accepted values stored. */
    public CompletableFuture<List<GetVariableResultType>> getVariables(String stationId,
                                                                       List<GetVariableDataType> data) {
        List<CompletableFuture<GetVariablesResponse>> parts = new ArrayList<>();
        for (List<GetVariableDataType> batch : batches(stationId, "GetVariables", data)) {
            parts.add(commands.send(stationId, new GetVariablesRequest(batch, null), GetVariablesResponse.class));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Instant now = clock.instant();
            List<GetVariableResultType> all = parts.stream().flatMap(p -> p.join().getVariableResult().stream()).toList();
            List<VariableResult> results = new ArrayList<>();
            for (GetVariableResultType g : all) {
                VariableKey key = VariableKey.of(g.component(), g.variable(), g.attributeType());
                results.add(new VariableResult(stationId, key, VariableResult.Operation.GET, g.attributeValue(),
                        WireEnums.wire(g.attributeStatus()), reason(g.attributeStatusInfo()), now));
                if (g.attributeStatus() == GetVariableStatusEnumType.Accepted) {
                    model.storeValue(stationId, key, g.attributeValue(), now);
                }
            }
            model.results(results);
            return all;
        });
    }

    /** Writes variables on the station; each result is recorded, and accepted values stored. */
    public CompletableFuture<List<SetVariableResultType>> setVariables(String stationId,
                                                                       List<SetVariableDataType> data) {
        List<CompletableFuture<SetVariablesResponse>> parts = new ArrayList<>();
        for (List<SetVariableDataType> batch : batches(stationId, "SetVariables", data)) {
            parts.add(commands.send(stationId, new SetVariablesRequest(batch, null), SetVariablesResponse.class));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Instant now = clock.instant();
            List<SetVariableResultType> all = parts.stream().flatMap(p -> p.join().setVariableResult().stream()).toList();
            List<VariableResult> results = new ArrayList<>();
            for (SetVariableResultType s : all) {
                VariableKey key = VariableKey.of(s.component(), s.variable(), s.attributeType());
                String asked = data.stream().filter(d -> VariableKey.of(d.component(), d.variable(),
                        d.attributeType()).equals(key)).map(SetVariableDataType::attributeValue).findFirst()
                        .orElse(null);
                results.add(new VariableResult(stationId, key, VariableResult.Operation.SET, asked,
                        WireEnums.wire(s.attributeStatus()), reason(s.attributeStatusInfo()), now));
                if (s.attributeStatus() == SetVariableStatusEnumType.Accepted
                        || s.attributeStatus() == SetVariableStatusEnumType.RebootRequired) {
                    model.storeValue(stationId, key, asked, now);
                }
            }
            model.results(results);
            return all;
        });
    }

    /** The stored value of {@code component.variable[instance]} (Actual attribute), if the station reported it. */
    public Optional<String> value(String stationId, String component, String variable, String instance) {
        return model.component(stationId, component).stream()
                .filter(v -> v.key().is(component, variable, instance)
                        && v.key().attributeType() == org.v2gcsms.ocpp.v21.AttributeEnumType.Actual)
                .map(DeviceVariable::value).filter(java.util.Objects::nonNull).findFirst();
    }

    /** What the control module needs to know about a station's smart-charging and V2X abilities. */
    public ChargingCapabilities capabilities(String stationId) {
        return ChargingCapabilities.from(model.component(stationId, "SmartChargingCtrlr"),
                model.component(stationId, "V2XChargingCtrlr"), model.component(stationId, "EVSE"));
    }

    private <T> List<List<T>> batches(String stationId, String action, List<T> items) {
        int size = value(stationId, "DeviceDataCtrlr", "ItemsPerMessage", action).flatMap(DeviceModelService::integer)
                .filter(n -> n > 0).orElse(items.size());
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += Math.max(1, size)) {
            out.add(items.subList(i, Math.min(items.size(), i + Math.max(1, size))));
        }
        return out;
    }

    static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String reason(StatusInfoType info) {
        return info == null ? null : info.reasonCode();
    }

    private static String reportKey(String stationId, Integer requestId) {
        return stationId + "\n" + requestId;
    }
}
