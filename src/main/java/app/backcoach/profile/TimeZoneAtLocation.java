package app.backcoach.profile;

import java.lang.ref.SoftReference;
import java.util.Optional;
import net.iakovlev.timeshape.TimeZoneEngine;

/**
 * The IANA time zone at a place, looked up offline in OpenStreetMap's zone boundaries (Timeshape).
 * The map takes about 1.5 s and 190 MB to load, so it is loaded on the first shared location only,
 * and held softly: under memory pressure it goes, and the next location loads it again.
 */
final class TimeZoneAtLocation {

    private static SoftReference<TimeZoneEngine> engine = new SoftReference<>(null);

    private TimeZoneAtLocation() {
    }

    static Optional<String> find(double latitude, double longitude) {
        if (Double.isNaN(latitude) || Math.abs(latitude) > 90 || Double.isNaN(longitude) || Math.abs(longitude) > 180) {
            return Optional.empty();
        }
        return engine().query(latitude, longitude).map(zone -> zone.getId());
    }

    private static synchronized TimeZoneEngine engine() {
        TimeZoneEngine loaded = engine.get();
        if (loaded == null) {
            loaded = TimeZoneEngine.initialize();
            engine = new SoftReference<>(loaded);
        }
        return loaded;
    }
}
