package org.v2gcsms.sessions;

import java.util.Objects;
import org.v2gcsms.sessions.auth.TokenRepository;
import org.v2gcsms.sessions.commands.CommandRepository;
import org.v2gcsms.sessions.devicemodel.DeviceModelRepository;
import org.v2gcsms.sessions.notices.NoticeRepository;
import org.v2gcsms.sessions.session.SessionRepository;
import org.v2gcsms.sessions.stations.StationRepository;
import org.v2gcsms.sessions.transactions.TransactionRepository;

/** Every repository the domain needs; the store module provides them. */
public record Repositories(StationRepository stations, DeviceModelRepository deviceModel, TokenRepository tokens,
                           TransactionRepository transactions, CommandRepository commands,
                           NoticeRepository notices, SessionRepository sessions) {
    public Repositories {
        Objects.requireNonNull(stations, "stations");
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(sessions, "sessions");
    }
}
