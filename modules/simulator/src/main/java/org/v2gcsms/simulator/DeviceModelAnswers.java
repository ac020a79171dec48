package org.v2gcsms.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.v2gcsms.ocpp.v21.AttributeEnumType;
import org.v2gcsms.ocpp.v21.ComponentCriterionEnumType;
import org.v2gcsms.ocpp.v21.ComponentVariableType;
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
import org.v2gcsms.ocpp.v21.MutabilityEnumType;
import org.v2gcsms.ocpp.v21.NotifyReportRequest;
import org.v2gcsms.ocpp.v21.ReportDataType;
import org.v2gcsms.ocpp.v21.SetVariableDataType;
import org.v2gcsms.ocpp.v21.SetVariableResultType;
import org.v2gcsms.ocpp.v21.SetVariableStatusEnumType;
import org.v2gcsms.ocpp.v21.SetVariablesRequest;
import org.v2gcsms.ocpp.v21.SetVariablesResponse;
import org.v2gcsms.ocpp.v21.VariableAttributeType;
import org.v2gcsms.ocpp.v21.VariableCharacteristicsType;

/** Answers the device-model calls: GetVariables, SetVariables, GetBaseReport and GetReport (with NotifyReport). */
final class DeviceModelAnswers {
    private final SimulatedStation station;

    DeviceModelAnswers(SimulatedStation station) {
        this.station = station;
    }

    GetVariablesResponse get(GetVariablesRequest request) {
        List<GetVariableResultType> results = new ArrayList<>();
        for (GetVariableDataType item : request.getVariableData()) {
            GetVariableStatusEnumType status;
            String value = null;
            var found = station.deviceModel.find(item.component(), item.variable());
            if (!station.deviceModel.hasComponent(item.component())) {
                status = GetVariableStatusEnumType.UnknownComponent;
            } else if (found.isEmpty()) {
                status = GetVariableStatusEnumType.UnknownVariable;
            } else if (item.attributeType() != null && item.attributeType() != AttributeEnumType.Actual) {
                status = GetVariableStatusEnumType.NotSupportedAttributeType;
            } else if (found.get().mutability == MutabilityEnumType.WriteOnly) {
                status = GetVariableStatusEnumType.Rejected;
            } else {
                status = GetVariableStatusEnumType.Accepted;
                value = found.get().value;
            }
            results.add(new GetVariableResultType(status, null, item.attributeType(), value, item.component(),
                    item.variable(), null));
        }
        return new GetVariablesResponse(results, null);
    }

    SetVariablesResponse set(SetVariablesRequest request) {
        List<SetVariableResultType> results = new ArrayList<>();
        for (SetVariableDataType item : request.setVariableData()) {
            SetVariableStatusEnumType status;
            if (item.attributeType() != null && item.attributeType() != AttributeEnumType.Actual) {
                status = station.deviceModel.hasComponent(item.component())
                        ? SetVariableStatusEnumType.NotSupportedAttributeType : SetVariableStatusEnumType.UnknownComponent;
            } else {
                status = station.deviceModel.write(item.component(), item.variable(), item.attributeValue())
                        .map(refusal -> switch (refusal) {
                            case UNKNOWN_COMPONENT -> SetVariableStatusEnumType.UnknownComponent;
                            case UNKNOWN_VARIABLE -> SetVariableStatusEnumType.UnknownVariable;
                            case READ_ONLY, INVALID_VALUE -> SetVariableStatusEnumType.Rejected;
                        })
                        .orElse(SetVariableStatusEnumType.Accepted);
            }
            results.add(new SetVariableResultType(item.attributeType(), status, null, item.component(), item.variable(), null));
        }
        return new SetVariablesResponse(results, null);
    }

    CsmsCallAnswers.Answer baseReport(GetBaseReportRequest request) {
        Predicate<DeviceModel.Variable> which = switch (request.reportBase()) {
            case ConfigurationInventory -> v -> v.mutability != MutabilityEnumType.ReadOnly;
            case SummaryInventory -> v -> List.of("AvailabilityState", "Available", "Problem").contains(v.key.variable());
            default -> v -> true;
        };
        List<DeviceModel.Variable> selected = station.deviceModel.select(which);
        return new CsmsCallAnswers.Answer(new GetBaseReportResponse(GenericDeviceModelStatusEnumType.Accepted, null, null),
                () -> report(request.requestId(), selected));
    }

    CsmsCallAnswers.Answer report(GetReportRequest request) {
        List<DeviceModel.Variable> selected = station.deviceModel.select(v -> matches(v, request));
        if (selected.isEmpty()) {
            return new CsmsCallAnswers.Answer(
                    new GetReportResponse(GenericDeviceModelStatusEnumType.EmptyResultSet, null, null), null);
        }
        return new CsmsCallAnswers.Answer(new GetReportResponse(GenericDeviceModelStatusEnumType.Accepted, null, null),
                () -> report(request.requestId(), selected));
    }

    private boolean matches(DeviceModel.Variable v, GetReportRequest request) {
        if (request.componentVariable() != null && !request.componentVariable().isEmpty()
                && request.componentVariable().stream().noneMatch(cv -> named(v, cv))) {
            return false;
        }
        if (request.componentCriteria() == null || request.componentCriteria().isEmpty()) {
            return true;
        }
        // A component qualifies when one of its criterion variables (Active, Available, Enabled, Problem) is true.
        return request.componentCriteria().stream().anyMatch(c -> station.deviceModel.select(x ->
                x.key.component().equals(v.key.component()) && Objects.equals(x.key.evseId(), v.key.evseId())
                        && x.key.variable().equals(criterion(c)) && "true".equals(x.value)).size() > 0);
    }

    private static String criterion(ComponentCriterionEnumType c) {
        return c.value();
    }

    private static boolean named(DeviceModel.Variable v, ComponentVariableType cv) {
        if (!v.key.component().equals(cv.component().name())) {
            return false;
        }
        if (cv.component().evse() != null && !Objects.equals(cv.component().evse().id(), v.key.evseId())) {
            return false;
        }
        return cv.variable() == null || (cv.variable().name().equals(v.key.variable())
                && (cv.variable().instance() == null || cv.variable().instance().equals(v.key.instance())));
    }

    /** Sends the selected variables in NotifyReport messages of at most ItemsPerMessage[GetReport] entries. */
    private void report(int requestId, List<DeviceModel.Variable> selected) {
        int perMessage = Integer.parseInt(station.deviceModel.select(v -> v.key.variable().equals("ItemsPerMessage")
                && "GetReport".equals(v.key.instance())).getFirst().value);
        for (int from = 0, seq = 0; from < selected.size(); from += perMessage, seq++) {
            List<ReportDataType> chunk = selected.subList(from, Math.min(selected.size(), from + perMessage)).stream()
                    .map(DeviceModelAnswers::reportData).toList();
            boolean more = from + perMessage < selected.size();
            station.outbox.call(new NotifyReportRequest(requestId, station.now(), chunk, more ? Boolean.TRUE : null, seq, null));
        }
    }

    private static ReportDataType reportData(DeviceModel.Variable v) {
        VariableAttributeType attribute = new VariableAttributeType(AttributeEnumType.Actual,
                v.mutability == MutabilityEnumType.WriteOnly ? null : v.value, v.mutability, true,
                v.mutability == MutabilityEnumType.ReadOnly, null);
        VariableCharacteristicsType characteristics = new VariableCharacteristicsType(v.unit, v.dataType, null,
                v.maxLimit, null, v.valuesList, false, null);
        return new ReportDataType(v.key.componentType(), v.key.variableType(), List.of(attribute), characteristics, null);
    }
}
