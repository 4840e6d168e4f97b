package app.backcoach.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The application's leadership: one lease per database. */
public class DispatchLeaderProducer {

    @Produces
    @Singleton
    DispatchLeader leader(AgroalDataSource dataSource, DispatchLeader.Config config) {
        return new DispatchLeader(dataSource, "dispatch", config.retry(), config.lease());
    }
}
