package app.backcoach.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** This instance's share of the chats. */
public class PartitionLeasesProducer {

    @Produces
    @Singleton
    PartitionLeases partitions(AgroalDataSource dataSource, PartitionLeases.Config config) {
        return new PartitionLeases(dataSource, config);
    }
}
