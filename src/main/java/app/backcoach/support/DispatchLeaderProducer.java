package app.backcoach.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's leadership: one lock per database. */
public class DispatchLeaderProducer {

    @Produces
    @Singleton
    DispatchLeader leader(AgroalDataSource dataSource, DispatchLeader.Config config) {
        return new DispatchLeader(dataSource, "dispatch", config.retry());
    }
}
